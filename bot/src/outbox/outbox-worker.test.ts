import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingStore, OutboxJob } from "@paragraf/shared";
import { openDatabase, type Database } from "../storage/database";
import { createSqlMeetingStore } from "../storage/sql-meeting-store";
import { testBackends } from "../storage/test-backends";
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

  it("stops a run that takes longer than maxRunMs, aborts its signal and retries it later", async () => {
    await store.enqueue("t1", [{ kind: "card.stuck", key: "k-stuck", payload: {} }]);
    let aborted: unknown;
    let runs = 0;
    const worker = createOutboxWorker({
      store, log, clock, maxRunMs: 100, backoffBaseMs: 1_000,
      handlers: {
        "card.stuck": (_job, context) => {
          runs++;
          context?.signal.addEventListener("abort", () => (aborted = context.signal.reason));
          return runs === 1 ? new Promise<void>(() => {}) : Promise.resolve(); // the first run hangs for ever
        },
      },
    });
    expect(await worker.runOnce()).toBe(1);
    expect(aborted).toBeInstanceOf(RetryableJobError);
    expect(await worker.runOnce()).toBe(0); // backing off, not running twice at once
    now = new Date(now.getTime() + 5_000);
    expect(await worker.runOnce()).toBe(1);
    expect(runs).toBe(2);
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const realClock = { now: () => new Date() };

/** Resolves once `probe` is true, checking every 20 ms; fails after `ms`. */
async function until(probe: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await sleep(20);
  }
}

/**
 * A worker's view of the store that can be cut off: after `kill()` none of its calls reach the
 * database any more (a dead process), and while `renewals` is "failing" only its lease renewals do not.
 */
function severable(store: MeetingStore) {
  const state = { dead: false, renewals: "ok" as "ok" | "failing" };
  const cut = () => Promise.reject(new Error("connection lost"));
  const view: MeetingStore = {
    ...store,
    claimJobs: (...a) => (state.dead ? cut() : store.claimJobs(...a)),
    renewJobLeases: (...a) => (state.dead || state.renewals === "failing" ? cut() : store.renewJobLeases(...a)),
    completeJob: (...a) => (state.dead ? cut() : store.completeJob(...a)),
    failJob: (...a) => (state.dead ? cut() : store.failJob(...a)),
  };
  return { view, state, kill: () => void (state.dead = true) };
}

/** A handler's run that the test lets go of. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// Two workers, on two connections (pools) to the same outbox on PostgreSQL, with real time and a short lease.
describe.each(testBackends())("outbox lease renewal on $name", (backend) => {
  const leaseMs = 1_500; // renewed every 500 ms: a second worker could only take over after a 1 s stall
  let first: Database;
  let second: Database;
  let storeA: MeetingStore;
  let storeB: MeetingStore;
  beforeAll(async () => {
    first = await backend.open();
    second = backend.name === "postgres" ? await backend.open({ schema: first.schema }) : first;
    storeA = createSqlMeetingStore(first);
    storeB = createSqlMeetingStore(second);
  });
  afterAll(async () => {
    await storeB?.close();
    await storeA?.close();
    await second?.close();
    await first?.close();
  });
  const job = async (tenantId: string) => {
    await storeA.enqueue(tenantId, [{ kind: "protocol.file", key: "file", payload: {} }]);
    return () => storeA.findJob(tenantId, "file");
  };

  it("keeps a job that runs for several leases from a second worker while the first is alive", { timeout: 20_000 }, async () => {
    const row = await job(`t-${randomUUID()}`);
    const runs: string[] = [];
    const slow = createOutboxWorker({ store: storeA, log, clock: realClock, leaseMs, handlers: { "protocol.file": async () => { runs.push("A"); await sleep(3 * leaseMs); } } });
    const other = createOutboxWorker({ store: storeB, log, clock: realClock, leaseMs, pollMs: 25, handlers: { "protocol.file": async () => void runs.push("B") } });
    const running = slow.runOnce();
    await until(() => runs.length > 0);
    other.start();
    expect(await running).toBe(1);
    await other.stop();
    expect(runs).toEqual(["A"]);
    expect(await row()).toMatchObject({ status: "done", attempts: 1 });
  });

  it("gives the job to another worker once a dead worker's lease runs out", { timeout: 20_000 }, async () => {
    const row = await job(`t-${randomUUID()}`);
    const dying = severable(storeA);
    const hang = gate();
    const started = gate();
    const dead = createOutboxWorker({ store: dying.view, log, clock: realClock, leaseMs, handlers: { "protocol.file": async () => { started.open(); await hang.opened; } } });
    const deadRun = dead.runOnce().catch((err: unknown) => err);
    await started.opened;
    await sleep(2 * leaseMs); // alive: renewed meanwhile
    expect(await storeB.claimJobs(10, leaseMs, new Date())).toEqual([]);
    dying.kill();
    const killedAt = Date.now();
    let ranAt = 0;
    const taker = createOutboxWorker({ store: storeB, log, clock: realClock, leaseMs, handlers: { "protocol.file": async () => void (ranAt = Date.now()) } });
    await until(async () => (await taker.runOnce()) > 0);
    expect(ranAt - killedAt).toBeLessThanOrEqual(leaseMs + 2_000);
    expect(await row()).toMatchObject({ status: "done", attempts: 2 });
    hang.open();
    expect(await deadRun).toBeInstanceOf(Error); // the dead worker's last word never reached the database
  });

  it("lets a worker that lost its lease learn so, stop, and leave the new owner's result alone", { timeout: 20_000 }, async () => {
    const tenantId = `t-${randomUUID()}`;
    const row = await job(tenantId);
    const stalled = severable(storeA);
    let signalA: AbortSignal | undefined;
    const aSawAbort = gate();
    const stale = createOutboxWorker({
      store: stalled.view, log, clock: realClock, leaseMs,
      onGaveUp: { "protocol.file": () => [{ kind: "notify", key: "gave-up", payload: {} }] },
      handlers: {
        "protocol.file": async (_job, context) => {
          signalA = context?.signal;
          await new Promise<void>((resolve) => context?.signal.addEventListener("abort", () => resolve()));
          aSawAbort.open();
          throw new PermanentJobError("upload cancelled");
        },
      },
    });
    stalled.state.renewals = "failing"; // A's renewals cannot reach the database for a while
    const staleRun = stale.runOnce();
    await until(() => signalA !== undefined);
    const releaseB = gate();
    const owner = createOutboxWorker({ store: storeB, log, clock: realClock, leaseMs, handlers: { "protocol.file": () => releaseB.opened } });
    const ownerRun = (async () => {
      let n = 0;
      while (n === 0) n = await owner.runOnce();
      return n;
    })();
    await until(async () => (await row())?.attempts === 2); // B took the job over after A's lease ran out
    stalled.state.renewals = "ok";
    await aSawAbort.opened; // A's next renewal finds the job held by another claim
    expect(await staleRun).toBe(1);
    // A's permanent failure (and its follow-up job) were refused: B still holds the job.
    const held = await row();
    expect(held).toMatchObject({ status: "pending", attempts: 2 });
    expect(held?.lastError).toBeUndefined();
    expect(held!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await storeA.findJob(tenantId, "gave-up")).toBeUndefined();
    releaseB.open();
    expect(await ownerRun).toBe(1);
    expect(await row()).toMatchObject({ status: "done", attempts: 2 });
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
