import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveFailureReasons, type MeetingStore } from "@paragraf/shared";
import { createLocalArchive } from "../archive/local-archive";
import { openDatabase } from "../storage/database";
import { createSqlMeetingStore } from "../storage/sql-meeting-store";
import { decodeJobFailure, encodeJobFailure, jobFailureOf, PermanentJobError, RetryableJobError } from "./job-errors";
import { createOutboxWorker } from "./outbox-worker";

const log = pino({ level: "silent" });

describe("recorded job failures", () => {
  it("keep a plain message as it always was, and a reason or the permanent flag as a small document", () => {
    const plain = jobFailureOf(new Error("graph answered 503"));
    expect(encodeJobFailure(plain)).toBe("graph answered 503");
    expect(decodeJobFailure("graph answered 503")).toEqual({ message: "graph answered 503", permanent: false });
    const denied = jobFailureOf(new PermanentJobError("403 accessDenied", archiveFailureReasons.accessDenied));
    expect(decodeJobFailure(encodeJobFailure(denied))).toEqual({ message: "403 accessDenied", permanent: true, reason: archiveFailureReasons.accessDenied });
    const throttled = jobFailureOf(new RetryableJobError("429", 1000, { code: "throttled", sv: "SharePoint begränsar", en: "SharePoint throttles" }));
    expect(decodeJobFailure(encodeJobFailure(throttled))).toMatchObject({ permanent: false, reason: { code: "throttled" } });
    expect(decodeJobFailure(encodeJobFailure(jobFailureOf(new PermanentJobError("gone"))))).toEqual({ message: "gone", permanent: true });
  });

  it("read text that only looks like a document as a plain message, and never lose the document to the column limit", () => {
    expect(decodeJobFailure("{not json")).toEqual({ message: "{not json", permanent: false });
    expect(decodeJobFailure('{"other":1}')).toEqual({ message: '{"other":1}', permanent: false });
    const long = encodeJobFailure({ message: "x".repeat(10_000), permanent: true, reason: archiveFailureReasons.failed });
    expect(long.length).toBeLessThan(4000);
    expect(decodeJobFailure(long).reason).toEqual(archiveFailureReasons.failed);
  });

  it("make the local archive's unwritable folder a permanent failure with the reason to show", async () => {
    const root = await mkdtemp(join(tmpdir(), "paragraf-archive-"));
    try {
      await writeFile(join(root, "t1"), "a file where the tenant's folder must be");
      const archive = createLocalArchive({ root, clock: { now: () => new Date() } });
      const filing = archive.file({ tenantId: "t1", bodyName: "LSG", meetingDate: "2026-03-20", sealedAt: "", hash: "h", fileName: "p.pdf", bytes: new Uint8Array([1]) });
      await expect(filing).rejects.toBeInstanceOf(PermanentJobError);
      await expect(filing).rejects.toMatchObject({ reason: archiveFailureReasons.archiveNotWritable, message: expect.stringMatching(/ENOTDIR/) });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("a job that stops for good on PGlite", () => {
  let store: MeetingStore;
  let now = new Date();
  const clock = { now: () => now };
  beforeAll(async () => {
    store = createSqlMeetingStore(await openDatabase({ dataDir: "memory://" }));
    now = new Date(Date.now() + 60_000);
  });
  afterAll(() => store?.close());

  it("records the reason and queues its follow-ups with the failure, once, in the job's tenant", async () => {
    await store.enqueue("t1", [{ kind: "protocol.file", key: "file:m1", payload: { meetingId: "m1" } }]);
    const told: string[] = [];
    const worker = createOutboxWorker({
      store, log, clock,
      handlers: {
        "protocol.file": () => Promise.reject(new PermanentJobError("403", archiveFailureReasons.accessDenied)),
        "notice": async (job) => { told.push(job.key); },
      },
      onGaveUp: { "protocol.file": (job, failure) => [{ kind: "notice", key: `notice:${job.key}:${failure.reason?.code}`, payload: {} }] },
    });
    expect(await worker.runOnce()).toBe(1);
    const row = await store.findJob("t1", "file:m1");
    expect(row).toMatchObject({ status: "failed", attempts: 1, kind: "protocol.file" });
    expect(decodeJobFailure(row!.lastError!)).toEqual({ message: "403", permanent: true, reason: archiveFailureReasons.accessDenied });
    expect(await store.findJob("t2", "file:m1")).toBeUndefined(); // tenant-scoped
    expect(await store.findJob("t1", "notice:file:m1:accessDenied")).toMatchObject({ status: "pending" });
    expect(await worker.runOnce()).toBe(1);
    expect(told).toEqual(["notice:file:m1:accessDenied"]);
  });

  it("queues a failed job again only when it failed, only in its tenant, from its first attempt", async () => {
    expect(await store.requeueFailedJob("t2", "file:m1", now)).toBe(false);
    expect(await store.requeueFailedJob("t1", "file:m1", now)).toBe(true);
    expect(await store.findJob("t1", "file:m1")).toMatchObject({ status: "pending", attempts: 0 });
    expect((await store.findJob("t1", "file:m1"))?.lastError).toBeUndefined();
    expect(await store.requeueFailedJob("t1", "file:m1", now)).toBe(false);
    expect(await store.requeueFailedJob("t1", "no-such-key", now)).toBe(false);
  });

  it("records a retryable failure's message and retry time, with no follow-ups", async () => {
    await store.enqueue("t1", [{ kind: "card.post", key: "post:1", payload: {} }]);
    let gaveUp = 0;
    const worker = createOutboxWorker({
      store, log, clock, backoffBaseMs: 1000, backoffCapMs: 1000,
      handlers: { "card.post": () => Promise.reject(new RetryableJobError("502 from the connector")), "protocol.file": async () => {} },
      onGaveUp: { "card.post": () => { gaveUp++; return []; } },
    });
    await worker.runOnce();
    const row = await store.findJob("t1", "post:1");
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "502 from the connector" });
    expect(row!.runAt.getTime()).toBeGreaterThan(now.getTime());
    expect(gaveUp).toBe(0);
  });
});
