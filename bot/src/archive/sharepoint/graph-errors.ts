import { archiveFailureReasons } from "@paragraf/shared";
import { z } from "zod";
import { PermanentJobError, RetryableJobError, parseRetryAfter } from "../../outbox/job-errors";
import type { GraphResponse } from "./graph-api";

const GraphErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/** The `error.code` of a Graph error body (`{ error: { code, message } }`), if it has one. */
export function graphErrorCode(response: GraphResponse): string | undefined {
  return GraphErrorBody.safeParse(response.json).data?.error.code;
}

/** A connection reset, a timeout or a refused connection: always worth another try. */
export function networkFailure(what: string, err: unknown): RetryableJobError {
  const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
  return new RetryableJobError(`Graph ${what}: network error (${cause})`, undefined, archiveFailureReasons.unavailable);
}

/**
 * Maps an unexpected Graph answer to a job error: throttling, gateway and server errors (and a 401
 * that survived one token refresh) are retryable and honour Retry-After; 403 and a missing library
 * are permanent with the actionable reason the tab and the bot show (`archiveFailureReasons`); any
 * other client error is permanent too, its Graph code kept in the technical message.
 */
export function graphFailure(what: string, response: GraphResponse, options: { missingMeansLibrary?: boolean } = {}): Error {
  const code = graphErrorCode(response) ?? "unknown";
  const { status } = response;
  if (status === 429 || status === 401 || status === 408 || status === 423 || status >= 500) {
    return new RetryableJobError(`Graph ${what}: ${status} ${code}`, parseRetryAfter(response.headers.get("retry-after")), archiveFailureReasons.unavailable);
  }
  const message = `Graph ${what}: ${status} ${code}`;
  if (status === 403) return new PermanentJobError(`${message} (the app needs Sites.Selected with write access to the site, or Sites.ReadWrite.All)`, archiveFailureReasons.accessDenied);
  if (status === 404 && options.missingMeansLibrary) return new PermanentJobError(`${message} (the group, site or drive does not exist)`, archiveFailureReasons.libraryNotFound);
  return new PermanentJobError(message, archiveFailureReasons.failed);
}
