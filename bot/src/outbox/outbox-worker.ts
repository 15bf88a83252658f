import type { Clock, MeetingStore, OutboxJob, OutboxJobInput } from "@paragraf/shared";
import type { Logger } from "pino";
import { backoffMs, encodeJobFailure, jobFailureOf, PermanentJobError, RetryableJobError, type JobFailure } from "./job-errors";

/** What a handler is told besides its job. */
export interface JobContext {
  /** Aborted when the worker learns it lost the job's lease (another worker may be running it now). */
  signal: AbortSignal;
}

/** Performs one kind of job. Throw RetryableJobError or PermanentJobError to steer retries. */
export type JobHandler = (job: OutboxJob, context?: JobContext) => Promise<void>;

export interface OutboxWorkerOptions {
  store: MeetingStore;
  handlers: Record<string, JobHandler>;
  log: Logger;
  clock: Clock;
  pollMs?: number;
  /** How long a claim holds a job; renewed every third of it while the worker has the job. */
  leaseMs?: number;
  batch?: number;
  /**
   * The longest one run of a job may take (default 30 minutes): past it the job's signal is aborted
   * and the run counts as a retryable failure, so a handler stuck on a stalled connection cannot hold
   * its job for ever while the heartbeat keeps renewing the lease.
   */
  maxRunMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /**
   * By job kind: the jobs to queue when a job of that kind stops for good (a permanent error or too many
   * attempts), in the same transaction that records the failure — e.g. telling the secretary.
   */
  onGaveUp?: Record<string, (job: OutboxJob, failure: JobFailure) => OutboxJobInput[]>;
}

/**
 * Runs outbox jobs on any instance: claim (SKIP LOCKED, leased) → handle → complete or schedule a retry.
 * While it holds a claim it renews the lease every third of `leaseMs`, so a job that runs longer than
 * the lease (a large upload) is not taken by a second worker; a worker that dies stops renewing and
 * the job is claimed again once the lease runs out. A worker that learns it lost a lease aborts the
 * job's signal, skips it if it had not started, and its outcome is not recorded (the store refuses it).
 */
export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs one batch now; returns how many jobs ran. */
  runOnce(): Promise<number>;
}

/** Creates the worker. A job whose kind has no handler here waits for an instance that has one. */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, handlers, log, clock } = options;
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const maxRunMs = options.maxRunMs ?? 30 * 60_000;
  const base = options.backoffBaseMs ?? 2_000;
  const cap = options.backoffCapMs ?? 15 * 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const lostLease = (job: OutboxJob) => log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts }, "outbox job lease lost to another claim; its outcome is left to the new owner");

  /** Runs the handler, giving up (and aborting its signal) after `maxRunMs`. */
  const runWithin = async (handler: JobHandler, job: OutboxJob, controller: AbortController) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overrun = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new RetryableJobError(`job ran longer than ${maxRunMs} ms; stopped to be retried`);
        controller.abort(error);
        reject(error);
      }, maxRunMs);
    });
    try {
      await Promise.race([handler(job, { signal: controller.signal }), overrun]);
    } finally {
      clearTimeout(timer);
    }
  };

  const runJob = async (job: OutboxJob, controller: AbortController) => {
    const { signal } = controller;
    const handler = handlers[job.kind];
    const now = clock.now().getTime();
    if (!handler) {
      await store.failJob(job.id, job.claimId, `no handler for ${job.kind} on this instance`, new Date(now + 60_000));
      return;
    }
    if (signal.aborted) return lostLease(job);
    try {
      await runWithin(handler, job, controller);
      if (!(await store.completeJob(job.id, job.claimId))) lostLease(job);
    } catch (err) {
      const failure = jobFailureOf(err);
      const message = failure.message;
      if (err instanceof PermanentJobError || job.attempts >= maxAttempts) {
        log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, "outbox job failed permanently");
        if (!(await store.failJob(job.id, job.claimId, encodeJobFailure(failure), null, options.onGaveUp?.[job.kind]?.(job, failure) ?? []))) lostLease(job);
        return;
      }
      const wait = Math.max(err instanceof RetryableJobError ? (err.retryAfterMs ?? 0) : 0, backoffMs(job.attempts, base, cap));
      log.info({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryInMs: wait, err: message }, "outbox job will be retried");
      if (!(await store.failJob(job.id, job.claimId, encodeJobFailure(failure), new Date(now + wait)))) lostLease(job);
    }
  };

  /** Renews the leases of the claimed jobs not yet finished until `stop` is called; aborts those lost. */
  const heartbeat = (jobs: readonly OutboxJob[], unfinished: Set<string>, controllers: Map<string, AbortController>) => {
    const claims = [...new Set(jobs.map((j) => j.claimId))];
    let beating: Promise<void> | undefined;
    const beat = async () => {
      const held = new Set((await Promise.all(claims.map((c) => store.renewJobLeases(c, leaseMs, clock.now())))).flat());
      for (const id of unfinished) if (!held.has(id)) controllers.get(id)?.abort(new Error("outbox lease lost"));
    };
    const beats = setInterval(() => {
      if (beating) return; // the previous renewal is still under way
      beating = beat().catch((err: unknown) => log.error({ err }, "outbox lease renewal failed")).finally(() => (beating = undefined));
    }, Math.max(1, Math.floor(leaseMs / 3)));
    beats.unref();
    return async () => {
      clearInterval(beats);
      await beating;
    };
  };

  const runOnce = async () => {
    const jobs = await store.claimJobs(options.batch ?? 10, leaseMs, clock.now());
    if (jobs.length === 0) return 0;
    const unfinished = new Set(jobs.map((j) => j.id));
    const controllers = new Map(jobs.map((j) => [j.id, new AbortController()] as const));
    const stopBeating = heartbeat(jobs, unfinished, controllers);
    try {
      for (const job of jobs) {
        await runJob(job, controllers.get(job.id)!);
        unfinished.delete(job.id);
      }
    } finally {
      await stopBeating();
    }
    return jobs.length;
  };

  const tick = () => {
    running = runOnce()
      .catch((err) => log.error({ err }, "outbox poll failed"))
      .then((n) => {
        if (!stopped) timer = setTimeout(tick, typeof n === "number" && n > 0 ? 0 : pollMs);
      });
  };

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
