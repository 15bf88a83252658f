import { randomUUID } from "node:crypto";
import type { MeetingStore, OutboxJob } from "@paragraf/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { createSqlMeetingStore } from "./sql-meeting-store";
import { testBackends } from "./test-backends";
import { prepareNewMeeting, sampleBody } from "./test-meetings";

const t0 = new Date("2025-06-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const ids = (jobs: readonly OutboxJob[]) => jobs.map((j) => j.id);

describe.each(testBackends())("outbox on $name", (backend) => {
  let database: Database;
  let store: MeetingStore;
  const tenantId = `tenant-${randomUUID()}`;

  beforeAll(async () => {
    database = await backend.open();
    store = createSqlMeetingStore(database);
  });
  afterAll(async () => {
    await store.close();
  });
  // claimJobs serves every tenant, so each test starts from an empty outbox.
  afterEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });

  it("ignores a second job with the same key for the tenant, not for another tenant", async () => {
    await store.enqueue(tenantId, [{ kind: "card.post", key: "k1", payload: { n: 1 }, runAt: t0 }]);
    await store.enqueue(tenantId, [{ kind: "card.post", key: "k1", payload: { n: 2 }, runAt: t0 }, { kind: "card.post", key: "k2", payload: {}, runAt: t0 }]);
    await store.enqueue("other-tenant", [{ kind: "card.post", key: "k1", payload: { n: 3 }, runAt: t0 }]);
    const jobs = await store.claimJobs(10, 60_000, t0);
    expect(jobs.map((j) => [j.tenantId, j.key, j.payload])).toEqual(
      expect.arrayContaining([[tenantId, "k1", { n: 1 }], [tenantId, "k2", {}], ["other-tenant", "k1", { n: 3 }]]),
    );
    expect(jobs).toHaveLength(3);
    expect(jobs[0]).toMatchObject({ kind: "card.post", attempts: 1, runAt: t0 });
  });

  it("writes an append's jobs in the same transaction, idempotently by key, and none when the append conflicts", async () => {
    const body = sampleBody(tenantId);
    const created = prepareNewMeeting(body, "m-outbox", "2025-06-01");
    const outbox = [{ kind: "card.post", key: "m-outbox:created", payload: { meetingId: "m-outbox" }, runAt: t0 }];
    await store.append({ ...created.input, outbox });
    await expect(store.append({ ...created.input, outbox: [{ ...outbox[0]!, key: "from-loser" }] })).rejects.toThrow(/conflict/);
    await store.enqueue(tenantId, outbox);
    expect((await store.claimJobs(10, 60_000, t0)).map((j) => j.key)).toEqual(["m-outbox:created"]);
  });

  it("never hands the same job to two concurrent claimers", async () => {
    await store.enqueue(tenantId, Array.from({ length: 30 }, (_, i) => ({ kind: "k", key: `job-${i}`, payload: { i }, runAt: at(i) })));
    const rounds = await Promise.all(Array.from({ length: 6 }, () => store.claimJobs(7, 60_000, at(100))));
    const claimed = rounds.flatMap(ids);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed).toHaveLength(30);
    for (const round of rounds) expect(round.map((j) => j.runAt.getTime())).toEqual([...round.map((j) => j.runAt.getTime())].sort((a, b) => a - b));
    expect(await store.claimJobs(10, 60_000, at(200))).toEqual([]);
  });

  if (backend.name === "postgres") {
    it("skips a job another transaction holds locked instead of waiting for it", async () => {
      await store.enqueue(tenantId, ["held", "free"].map((key) => ({ kind: "k", key, payload: {}, runAt: t0 })));
      await database.db.transaction().execute(async (trx) => {
        await trx.selectFrom("outbox").select("id").where("key", "=", "held").forUpdate().execute();
        expect((await store.claimJobs(10, 60_000, t0)).map((j) => j.key)).toEqual(["free"]);
      });
      expect((await store.claimJobs(10, 60_000, t0)).map((j) => j.key)).toEqual(["held"]);
    });
  }

  it("claims only due jobs, and claims a job again once its lease ran out", async () => {
    await store.enqueue(tenantId, [{ kind: "k", key: "due", payload: {}, runAt: t0 }, { kind: "k", key: "later", payload: {}, runAt: at(5_000) }]);
    const [first] = await store.claimJobs(10, 1_000, t0);
    expect(first).toMatchObject({ key: "due", attempts: 1 });
    expect(await store.claimJobs(10, 1_000, at(999))).toEqual([]);
    const again = await store.claimJobs(10, 1_000, at(1_000));
    expect(again).toMatchObject([{ id: first?.id, key: "due", attempts: 2 }]);
    await store.completeJob(first!.id);
    expect((await store.claimJobs(10, 1_000, at(5_000))).map((j) => j.key)).toEqual(["later"]);
  });

  it("never claims a completed job, retries a failed one at retryAt and stops at a permanent failure", async () => {
    await store.enqueue(tenantId, ["done", "retry", "dead"].map((key) => ({ kind: "k", key, payload: {}, runAt: t0 })));
    const jobs = await store.claimJobs(10, 1_000, t0);
    const byKey = new Map(jobs.map((j) => [j.key, j.id]));
    await store.completeJob(byKey.get("done")!);
    await store.failJob(byKey.get("retry")!, "Graph 503", at(30_000));
    await store.failJob(byKey.get("dead")!, "Graph 403: forbidden", null);

    expect(await store.claimJobs(10, 1_000, at(29_999))).toEqual([]);
    expect(await store.claimJobs(10, 1_000, at(30_000))).toMatchObject([{ key: "retry", attempts: 2, runAt: at(30_000) }]);
    const rows = await database.db.selectFrom("outbox").select(["key", "status", "last_error"]).orderBy("key").execute();
    expect(rows).toEqual([
      { key: "dead", status: "failed", last_error: "Graph 403: forbidden" },
      { key: "done", status: "done", last_error: null },
      { key: "retry", status: "pending", last_error: "Graph 503" },
    ]);
    await store.completeJob(byKey.get("retry")!);
    expect(await store.claimJobs(10, 1_000, at(3_600_000))).toEqual([]);
  });
});
