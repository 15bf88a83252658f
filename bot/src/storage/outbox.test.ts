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
    expect(await store.completeJob(first!.id, first!.claimId)).toBe(false); // the lease ran out and was claimed again
    expect(await store.completeJob(again[0]!.id, again[0]!.claimId)).toBe(true);
    expect((await store.claimJobs(10, 1_000, at(5_000))).map((j) => j.key)).toEqual(["later"]);
  });

  it("never claims a completed job, retries a failed one at retryAt and stops at a permanent failure", async () => {
    await store.enqueue(tenantId, ["done", "retry", "dead"].map((key) => ({ kind: "k", key, payload: {}, runAt: t0 })));
    const jobs = await store.claimJobs(10, 1_000, t0);
    const byKey = new Map(jobs.map((j) => [j.key, j.id]));
    const claim = jobs[0]!.claimId;
    expect(await store.completeJob(byKey.get("done")!, claim)).toBe(true);
    expect(await store.failJob(byKey.get("retry")!, claim, "Graph 503", at(30_000))).toBe(true);
    expect(await store.failJob(byKey.get("dead")!, claim, "Graph 403: forbidden", null)).toBe(true);

    expect(await store.claimJobs(10, 1_000, at(29_999))).toEqual([]);
    const retried = await store.claimJobs(10, 1_000, at(30_000));
    expect(retried).toMatchObject([{ key: "retry", attempts: 2, runAt: at(30_000) }]);
    const rows = await database.db.selectFrom("outbox").select(["key", "status", "last_error"]).orderBy("key").execute();
    expect(rows).toEqual([
      { key: "dead", status: "failed", last_error: "Graph 403: forbidden" },
      { key: "done", status: "done", last_error: null },
      { key: "retry", status: "pending", last_error: "Graph 503" },
    ]);
    expect(await store.completeJob(byKey.get("retry")!, retried[0]!.claimId)).toBe(true);
    expect(await store.claimJobs(10, 1_000, at(3_600_000))).toEqual([]);
  });

  it("renews a lease only for the claim holding it, so a renewed job is not claimed again", async () => {
    await store.enqueue(tenantId, ["a", "b"].map((key) => ({ kind: "k", key, payload: {}, runAt: t0 })));
    const claimed = await store.claimJobs(10, 1_000, t0);
    expect(new Set(claimed.map((j) => j.claimId)).size).toBe(1);
    const claim = claimed[0]!.claimId;
    // Renewed at 0.9 s the leases last until 1.9 s: nobody can claim them at 1.5 s.
    expect((await store.renewJobLeases(claim, 1_000, at(900))).sort()).toEqual(ids(claimed).sort());
    expect(await store.claimJobs(10, 1_000, at(1_500))).toEqual([]);
    // A finished job is no longer renewed; an unknown claim renews nothing.
    expect(await store.completeJob(claimed[0]!.id, claim)).toBe(true);
    expect(await store.renewJobLeases(claim, 1_000, at(1_800))).toEqual([claimed[1]!.id]);
    expect(await store.renewJobLeases(randomUUID(), 1_000, at(1_800))).toEqual([]);
    const row = await database.db.selectFrom("outbox").select("locked_until").where("id", "=", claimed[1]!.id).executeTakeFirstOrThrow();
    expect(row.locked_until).toEqual(at(2_800));
  });

  it("lets neither a stale renewal nor a stale outcome override the claim that took the job over", async () => {
    await store.enqueue(tenantId, [{ kind: "k", key: "slow", payload: {}, runAt: t0 }]);
    const [stale] = await store.claimJobs(10, 1_000, t0);
    const [owner] = await store.claimJobs(10, 1_000, at(1_000)); // the first lease ran out unrenewed
    expect(owner).toMatchObject({ id: stale!.id, attempts: 2 });
    expect(owner!.claimId).not.toBe(stale!.claimId);

    expect(await store.renewJobLeases(stale!.claimId, 60_000, at(1_100))).toEqual([]);
    expect(await store.completeJob(stale!.id, stale!.claimId)).toBe(false);
    expect(await store.failJob(stale!.id, stale!.claimId, "stale failure", null, [{ kind: "notify", key: "gave-up:slow", payload: {} }])).toBe(false);
    expect(await store.failJob(stale!.id, stale!.claimId, "stale retry", at(1_200))).toBe(false);
    expect(await store.findJob(tenantId, "gave-up:slow")).toBeUndefined(); // no follow-ups from a stale owner
    expect(await store.findJob(tenantId, "slow")).toMatchObject({ status: "pending", attempts: 2, lockedUntil: at(2_000) });

    // The owner's outcome stands; the stale owner cannot undo it afterwards either.
    expect(await store.failJob(owner!.id, owner!.claimId, "Graph 403", null, [{ kind: "notify", key: "gave-up:slow", payload: {} }])).toBe(true);
    expect(await store.completeJob(stale!.id, stale!.claimId)).toBe(false);
    expect(await store.completeJob(owner!.id, owner!.claimId)).toBe(false); // recorded once
    expect(await store.findJob(tenantId, "slow")).toMatchObject({ status: "failed", lastError: "Graph 403" });
    expect(await store.findJob(tenantId, "gave-up:slow")).toMatchObject({ status: "pending" });

    // Queued again from the first attempt (attempts back to 0): a new claim, and the old tokens stay stale.
    expect(await store.requeueFailedJob(tenantId, "slow", at(5_000))).toBe(true);
    const [fresh] = (await store.claimJobs(10, 1_000, at(5_000))).filter((j) => j.key === "slow");
    expect(fresh).toMatchObject({ attempts: 1 });
    expect(await store.completeJob(stale!.id, stale!.claimId)).toBe(false);
    expect(await store.completeJob(fresh!.id, fresh!.claimId)).toBe(true);
  });
});
