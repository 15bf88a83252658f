import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingStore, OutboxJob } from "@paragraf/shared";
import { openDatabase } from "../storage/database";
import { createSqlMeetingStore } from "../storage/sql-meeting-store";
import { backoffMs, parseRetryAfter, PermanentJobError, RetryableJobError } from "./job-errors";
import { createOutboxWorker } from "./outbox-worker";

const log = pino({ level: "silent" });

describe("outbox worker on PGlite", () => {
  let store: MeetingStore;
  let now = new Date();
  const clock = { now: () => now };
  beforeAll(async () => {
    store = createSqlMeetingStore(await openDatabase({ dataDir: "memory://" }));
    now = new Date(Date.now() + 60_000); // enqueue stamps jobs with the real time; the worker's clock is ahead of it
  });
  afterAll(() => store?.close());

  it("retries with the Retry-After wait, then completes, running the job once per claim", async () => {
    await store.enqueue("t1", [{ kind: "card.post", key: "k-retry", payload: { n: 1 } }]);
    const seen: OutboxJob[] = [];
    const worker = createOutboxWorker({
      store, log, clock, backoffBaseMs: 10,
      handlers: {
        "card.post": async (job) => {
          seen.push(job);
          if (seen.length === 1) throw new RetryableJobError("429 throttled", 30_000);
        },
      },
    });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0); // not due yet: Retry-After is honoured
    now = new Date(now.getTime() + 29_000);
    expect(await worker.runOnce()).toBe(0);
    now = new Date(now.getTime() + 2_000);
    expect(await worker.runOnce()).toBe(1);
    expect(seen.map((j) => j.attempts)).toEqual([1, 2]);
    now = new Date(now.getTime() + 3_600_000);
    expect(await worker.runOnce()).toBe(0); // done jobs never run again
  });

  it("stops at a permanent error and keeps the reason", async () => {
    await store.enqueue("t1", [{ kind: "protocol.file", key: "k-perm", payload: {} }]);
    let calls = 0;
    const worker = createOutboxWorker({ store, log, clock, handlers: { "protocol.file": async () => { calls++; throw new PermanentJobError("403: the app lacks Sites.Selected"); } } });
    expect(await worker.runOnce()).toBe(1);
    now = new Date(now.getTime() + 24 * 3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(calls).toBe(1);
  });

  it("gives a job a crashed worker held to another worker after the lease", async () => {
    await store.enqueue("t1", [{ kind: "card.update", key: "k-lease", payload: {} }]);
    const crashed = await store.claimJobs(10, 5_000, now); // claimed, then the process dies
    expect(crashed.map((j) => j.key)).toEqual(["k-lease"]);
    let ran = 0;
    const worker = createOutboxWorker({ store, log, clock, leaseMs: 5_000, handlers: { "card.update": async () => { ran++; } } });
    expect(await worker.runOnce()).toBe(0);
    now = new Date(now.getTime() + 6_000);
    expect(await worker.runOnce()).toBe(1);
    expect(ran).toBe(1);
  });

  it("leaves jobs of unknown kinds for an instance that knows them", async () => {
    await store.enqueue("t1", [{ kind: "future.kind", key: "k-future", payload: {} }]);
    const worker = createOutboxWorker({ store, log, clock, handlers: {} });
    expect(await worker.runOnce()).toBe(1);
    const later = createOutboxWorker({ store, log, clock, handlers: { "future.kind": async () => undefined } });
    now = new Date(now.getTime() + 61_000);
    expect(await later.runOnce()).toBe(1);
    now = new Date(now.getTime() + 61_000);
    expect(await later.runOnce()).toBe(0);
  });
});

describe("retry arithmetic", () => {
  it("reads Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it("backs off exponentially with jitter under a cap", () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
