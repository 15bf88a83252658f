import type { Clock, MeetingStore, OutboxJob, OutboxJobInput } from "@paragraf/shared";
import type { Logger } from "pino";
import { backoffMs, encodeJobFailure, jobFailureOf, PermanentJobError, RetryableJobError, type JobFailure } from "./job-errors";

/** Performs one kind of job. Throw RetryableJobError or PermanentJobError to steer retries. */
export type JobHandler = (job: OutboxJob) => Promise<void>;

export interface OutboxWorkerOptions {
  store: MeetingStore;
  handlers: Record<string, JobHandler>;
  log: Logger;
  clock: Clock;
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /**
   * By job kind: the jobs to queue when a job of that kind stops for good (a permanent error or too many
   * attempts), in the same transaction that records the failure — e.g. telling the secretary.
   */
  onGaveUp?: Record<string, (job: OutboxJob, failure: JobFailure) => OutboxJobInput[]>;
}

/** Runs outbox jobs on any instance: claim (SKIP LOCKED, leased) → handle → complete or schedule a retry. */
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
  const base = options.backoffBaseMs ?? 2_000;
  const cap = options.backoffCapMs ?? 15 * 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const runJob = async (job: OutboxJob) => {
    const handler = handlers[job.kind];
    const now = clock.now().getTime();
    if (!handler) {
      await store.failJob(job.id, `no handler for ${job.kind} on this instance`, new Date(now + 60_000));
      return;
    }
    try {
      await handler(job);
      await store.completeJob(job.id);
    } catch (err) {
      const failure = jobFailureOf(err);
      const message = failure.message;
      if (err instanceof PermanentJobError || job.attempts >= maxAttempts) {
        log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, "outbox job failed permanently");
        await store.failJob(job.id, encodeJobFailure(failure), null, options.onGaveUp?.[job.kind]?.(job, failure) ?? []);
        return;
      }
      const wait = Math.max(err instanceof RetryableJobError ? (err.retryAfterMs ?? 0) : 0, backoffMs(job.attempts, base, cap));
      log.info({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryInMs: wait, err: message }, "outbox job will be retried");
      await store.failJob(job.id, encodeJobFailure(failure), new Date(now + wait));
    }
  };

  const runOnce = async () => {
    const jobs = await store.claimJobs(options.batch ?? 10, leaseMs, clock.now());
    for (const job of jobs) await runJob(job);
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
