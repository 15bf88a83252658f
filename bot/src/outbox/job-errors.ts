import { JobFailureReasonSchema, type JobFailureReason } from "@paragraf/shared";
import { z } from "zod";

export type { JobFailureReason };

/**
 * A job failure worth retrying later (throttling, a gateway hiccup); `retryAfterMs` honours Retry-After.
 * `reason` is what people are told while it waits (optional; a generic one is shown otherwise).
 */
export class RetryableJobError extends Error {
  constructor(message: string, readonly retryAfterMs?: number, readonly reason?: JobFailureReason) {
    super(message);
    this.name = "RetryableJobError";
  }
}

/**
 * A job failure no retry can fix (a missing permission, a deleted target): the job stops and says why.
 * `message` is the technical text for the log; `reason` (code, Swedish, English) is the actionable
 * message the tab and the bot show, e.g. `archiveFailureReasons.accessDenied`.
 */
export class PermanentJobError extends Error {
  constructor(message: string, readonly reason?: JobFailureReason) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** How a failed attempt is recorded in the outbox row's `last_error`. */
export interface JobFailure {
  /** The technical message (English), for logs and administrators. */
  message: string;
  /** True when a PermanentJobError stopped the job (as opposed to a retryable error or giving up). */
  permanent: boolean;
  reason?: JobFailureReason;
}

const StoredFailureSchema = z.object({ message: z.string(), permanent: z.boolean(), reason: JobFailureReasonSchema.optional() });

/** The failure an error thrown by a job handler stands for. */
export function jobFailureOf(err: unknown): JobFailure {
  const message = err instanceof Error ? err.message : String(err);
  const permanent = err instanceof PermanentJobError;
  const reason = err instanceof PermanentJobError || err instanceof RetryableJobError ? err.reason : undefined;
  return { message, permanent, ...(reason ? { reason } : {}) };
}

/**
 * The `last_error` text of a failure: the plain message when there is nothing more to say (as it
 * always was), else a small JSON document with the flag and the reason.
 */
export function encodeJobFailure(failure: JobFailure): string {
  // The row keeps 4,000 characters: a long stack must not cut the document in half.
  return failure.permanent || failure.reason ? JSON.stringify({ ...failure, message: failure.message.slice(0, 2000) }) : failure.message;
}

/** Reads a `last_error` text back; a plain text (older rows, other writers) is a message alone. */
export function decodeJobFailure(text: string): JobFailure {
  if (text.startsWith("{")) {
    try {
      const parsed = StoredFailureSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not ours: fall through to the plain message
    }
  }
  return { message: text, permanent: false };
}

/** Reads an HTTP Retry-After value (seconds or an HTTP date) as milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: attempt 1 → up to base, doubling, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
