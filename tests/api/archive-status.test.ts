/**
 * The sealed protocol's archive status and the secretary's retry, through the real HTTP stack and
 * outbox worker with the local archive: queued → retrying → failed (a file where the archive folder
 * must be: a real ENOTDIR) → retried by hand → filed. Tenant isolation on both routes.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ArchiveStatusResponseSchema, archiveFailureReasons, type ArchiveStatusResponse, type ProtocolArchive } from "@paragraf/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileProtocolJobHandlers } from "../../bot/src/archive/file-protocol-job";
import { RetryableJobError } from "../../bot/src/outbox/job-errors";
import { createOutboxWorker } from "../../bot/src/outbox/outbox-worker";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, tenantB, type TestApp } from "../support/test-app";

describe.each(backends())("archive status and retry on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let chair: string;
  let m1: string;
  let m2: string;
  let meetingId: string;
  let seq: number;
  let retryAt = "";
  const tenantFolder = () => join(t.dataDir, "archive", tenantA);

  const write = async (path: string, body: Record<string, unknown> = {}, token = sec) => {
    const res = await call(t.app, "POST", `/api/meetings/${meetingId}${path}`, token, { expectedSeq: seq, ...body });
    expect(res.status, res.text).toBe(200);
    seq = res.json.seq as number;
  };
  const status = async (token = sec): Promise<ArchiveStatusResponse> => {
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}/archive`, token);
    expect(res.status, res.text).toBe(200);
    return ArchiveStatusResponseSchema.parse(res.json);
  };
  const drain = async () => {
    await new Promise((r) => setTimeout(r, 5));
    while ((await t.app.worker.runOnce()) > 0);
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    chair = await t.token(tenantA, "oid-chair", "Clara Ordförande");
    m1 = await t.token(tenantA, "oid-m1", "Mats Ledamot");
    m2 = await t.token(tenantA, "oid-m2", "Mona Ledamot");
    expect((await call(t.app, "POST", "/api/bodies", sec, { id: "lsg", name: "Länssamverkansgruppen", roster: apiRoster })).status).toBe(201);
    const created = await call(t.app, "POST", "/api/bodies/lsg/meetings", sec, { details: { date: "2026-09-19", startTime: "08:00", dnr: "HSN 130-2026" } });
    meetingId = (created.json.meeting as { id: string }).id;
    seq = created.json.seq as number;
    await write("/agenda/items", { itemId: "a", content: { kind: "decision", title: "Överenskommelse", presenters: [] } });
    seq = (await call(t.app, "PUT", `/api/meetings/${meetingId}/roles`, sec, { expectedSeq: seq, adjusterIds: ["p-m1"] })).json.seq as number;
    await write("/open");
    await write("/items/a/open");
    await write("/items/a/close", { decision: { outcome: "decided", clauses: ["anta överenskommelsen"] } });
    await write("/close");
  });
  afterAll(() => t?.close());

  it("is notSealed before justering ends, and refuses a retry with 409", async () => {
    expect((await status()).archive).toEqual({ state: "notSealed", version: 0, attempts: 0 });
    const retry = await call(t.app, "POST", `/api/meetings/${meetingId}/archive/retry`, sec, {});
    expect(retry.status).toBe(409);
    expect(retry.json.error?.code).toBe("invalidState");
  });

  it("is queued once sealed (the job is written with the seal)", async () => {
    const hash = ((await call(t.app, "GET", `/api/meetings/${meetingId}/protocol?format=html`, sec)).json as { hash: string }).hash;
    await write("/protocol/send-for-justering", { hash });
    for (const token of [sec, chair, m1]) await write("/commands", { command: { type: "protocol.sign", hash } }, token);
    expect(await status()).toEqual({ archive: { state: "queued", version: 1, attempts: 0 }, canRetry: false });
  });

  it("is retrying after a throttled attempt, with the reason and the time of the next try", async () => {
    const throttled: ProtocolArchive = { file: () => Promise.reject(new RetryableJobError("graph answered 429", 0)) };
    const worker = createOutboxWorker({
      store: t.app.deps.store, log: t.app.deps.log, clock: t.app.deps.clock, backoffBaseMs: 1, backoffCapMs: 1,
      handlers: fileProtocolJobHandlers({ deps: t.app.deps, archive: throttled }),
    });
    await worker.runOnce();
    const { archive } = await status();
    expect(archive).toMatchObject({ state: "retrying", version: 1, attempts: 1, lastError: { ...archiveFailureReasons.unavailable, detail: "graph answered 429" } });
    retryAt = archive.nextRetryAt ?? "";
    expect(Date.parse(retryAt)).not.toBeNaN();
  });

  it("is failed with the actionable reason when the archive cannot be written, and tells the chat", async () => {
    await mkdir(join(t.dataDir, "archive"), { recursive: true });
    await writeFile(tenantFolder(), "not a folder"); // the tenant's archive folder is a file: ENOTDIR
    await drain();
    const answer = await status();
    expect(answer.canRetry).toBe(true);
    expect(answer.archive).toMatchObject({ state: "failed", permanent: true, attempts: 2, version: 1 });
    expect(answer.archive.lastError).toMatchObject(archiveFailureReasons.archiveNotWritable);
    expect(answer.archive.lastError?.detail).toMatch(/ENOTDIR/);
    // Members see the status but may not retry.
    const seenByMember = await status(m2);
    expect(seenByMember.canRetry).toBe(false);
    expect(seenByMember.archive.lastError).toEqual(archiveFailureReasons.archiveNotWritable); // without the server's path
    // The failure queued the chat notices in the same transaction (they run; no chat is linked here).
    const jobs = await t.app.deps.store.findJob(tenantA, `protocol.file:${meetingId}:v1`);
    expect(jobs?.status).toBe("failed");
    // Keyed by the job and the run that failed (its run_at, which the retrying status showed).
    const run = `protocol.file:${meetingId}:v1@${retryAt}`;
    for (const key of [`card.filingFailed:${run}`, `card.justering:${meetingId}:filing-failed:${run}`]) {
      expect((await t.app.deps.store.findJob(tenantA, key))?.status, key).toBe("done");
    }
  });

  it("lets neither a member nor another tenant retry, and shows another tenant nothing", async () => {
    const member = await call(t.app, "POST", `/api/meetings/${meetingId}/archive/retry`, m2, {});
    expect(member.status).toBe(403);
    const outsider = await t.token(tenantB, "oid-sec", "Intrång Intrångsson");
    for (const [method, url] of [["GET", `/api/meetings/${meetingId}/archive`], ["POST", `/api/meetings/${meetingId}/archive/retry`]] as const) {
      const res = await call(t.app, method, url, outsider, method === "POST" ? {} : undefined);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.text).not.toMatch(/Länssamverkansgruppen|ENOTDIR|archive/);
    }
    expect((await status()).archive.state).toBe("failed");
  });

  it("answers malformed requests to both routes with a 4xx and an error code, never a 5xx", async () => {
    const cases: [string, string, string | undefined, string | undefined][] = [
      ["GET", "/api/meetings/%00/archive", undefined, undefined],
      ["GET", `/api/meetings/${"a".repeat(500)}/archive`, undefined, undefined],
      ["GET", "/api/meetings/no-such-meeting/archive", undefined, undefined],
      ["POST", "/api/meetings/no-such-meeting/archive/retry", "application/json", "{}"],
      ["POST", `/api/meetings/${meetingId}/archive/retry`, "application/json", "{"],
      ["POST", `/api/meetings/${meetingId}/archive/retry`, "text/plain", "retry please"],
      ["DELETE", `/api/meetings/${meetingId}/archive`, undefined, undefined],
    ];
    for (const [method, url, type, payload] of cases) {
      const res = await t.app.server.inject({
        method: method as "GET", url, headers: { authorization: `Bearer ${sec}`, ...(type ? { "content-type": type } : {}) }, ...(payload !== undefined ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toMatch(/^[a-zA-Z]+$/);
    }
    expect((await call(t.app, "GET", `/api/meetings/${meetingId}/archive`)).status).toBe(401);
  });

  it("queues the same job again on the secretary's retry, and files it once the folder is fixed", async () => {
    await rm(tenantFolder(), { force: true });
    const retried = await call(t.app, "POST", `/api/meetings/${meetingId}/archive/retry`, sec, {});
    expect(retried.status, retried.text).toBe(200);
    expect(ArchiveStatusResponseSchema.parse(retried.json)).toEqual({ archive: { state: "queued", version: 1, attempts: 0 }, canRetry: false });
    const again = await call(t.app, "POST", `/api/meetings/${meetingId}/archive/retry`, chair, {});
    expect(again.status).toBe(409);
    await drain();
    const { archive } = await status();
    expect(archive).toMatchObject({ state: "filed", version: 1, attempts: 1 });
    expect(archive.url).toMatch(/^file:\/\/.*HSN%20130-2026\.pdf$/);
    expect(Date.parse(archive.filedAt ?? "")).not.toBeNaN();
    expect((await t.app.deps.store.loadEvents(tenantA, meetingId)).filter((e) => e.event.type === "protocol.filed")).toHaveLength(1);
  });
});
