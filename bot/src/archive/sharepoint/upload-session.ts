import { z } from "zod";
import { RetryableJobError } from "../../outbox/job-errors";
import type { GraphApi, GraphResponse } from "./graph-api";
import { graphErrorCode, graphFailure, networkFailure } from "./graph-errors";
import type { UploadSessionStore } from "./upload-session-store";

/** The driveItem fields the adapter reads. */
export const DriveItemSchema = z.object({ id: z.string(), name: z.string(), size: z.number().optional(), webUrl: z.string() });
export type DriveItem = z.infer<typeof DriveItemSchema>;

const SessionSchema = z.object({ uploadUrl: z.url(), expirationDateTime: z.string(), nextExpectedRanges: z.array(z.string()).optional() });
const ProgressSchema = z.object({ nextExpectedRanges: z.array(z.string()) });

/** What an upload ended in: the new item, or a 409 because the name was taken meanwhile. */
export type UploadOutcome = { kind: "created"; item: DriveItem } | { kind: "conflict" };

/** The first missing range of `nextExpectedRanges` (`"655360-"` or `"0-327679"`) as [start, endExclusive]. */
export function firstExpectedRange(ranges: readonly string[], size: number): [number, number] {
  const match = /^(\d+)-(\d*)$/.exec(ranges[0] ?? "");
  if (!match) throw new RetryableJobError(`Graph upload session: unreadable nextExpectedRanges ${JSON.stringify(ranges)}`);
  return [Number(match[1]), match[2] ? Math.min(size, Number(match[2]) + 1) : size];
}

/** A request to the pre-authenticated upload URL: never with an Authorization header (Graph rejects it). */
async function sessionRequest(url: string, init: { method: "GET" | "PUT" | "DELETE"; body?: Uint8Array; range?: string }): Promise<GraphResponse> {
  const headers: Record<string, string> = init.range ? { "Content-Range": init.range, "Content-Length": String(init.body!.byteLength) } : {};
  try {
    const response = await fetch(url, { method: init.method, headers, body: init.body ? Buffer.from(init.body) : undefined, signal: AbortSignal.timeout(300_000) });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json };
  } catch (err) {
    throw networkFailure(`upload session ${init.method}${init.range ? ` ${init.range}` : ""}`, err);
  }
}

/** Options of one session upload. */
export interface SessionUploadOptions {
  graph: GraphApi;
  store: UploadSessionStore;
  tenantId: string;
  jobKey: string;
  driveId: string;
  folderId: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** Bytes per chunk: a multiple of 327,680 (320 KiB), under 60 MiB. */
  chunkBytes: number;
}

/** Creates a new session (conflictBehavior fail) and stores it before the first chunk is sent. */
async function createSession(o: SessionUploadOptions, location: string): Promise<string | "conflict"> {
  const path = `/drives/${encodeURIComponent(o.driveId)}/items/${encodeURIComponent(o.folderId)}:/${encodeURIComponent(o.fileName)}:/createUploadSession`;
  const response = await o.graph.call({ method: "POST", path, json: { item: { "@microsoft.graph.conflictBehavior": "fail", name: o.fileName } } });
  if (response.status === 409 && graphErrorCode(response) === "nameAlreadyExists") return "conflict";
  if (response.status !== 200) throw graphFailure("createUploadSession", response);
  const session = SessionSchema.parse(response.json);
  await o.store.save(o.tenantId, o.jobKey, { uploadUrl: session.uploadUrl, expiration: session.expirationDateTime, location, fileName: o.fileName, sha256: o.sha256, size: o.bytes.byteLength });
  return session.uploadUrl;
}

/** Where a stored session stands (the next range to send), or undefined when Graph no longer has it. */
async function sessionProgress(url: string, size: number): Promise<number | undefined> {
  const status = await sessionRequest(url, { method: "GET" });
  if (status.status === 404) return undefined;
  if (status.status !== 200) throw graphFailure("upload session status", status);
  return firstExpectedRange(ProgressSchema.parse(status.json).nextExpectedRanges, size)[0];
}

/**
 * Uploads through a Graph upload session, in order, chunk by chunk. The session is stored durably
 * first, so a retry (in another process after a crash) GETs it and continues from `nextExpectedRanges`;
 * a session for other bytes, name or folder is cancelled. A chunk lost to a network error is resumed
 * the same way within this run (up to three times); throttling and server errors end the run as a
 * retryable error, leaving the session to the next attempt.
 */
export async function uploadInSession(o: SessionUploadOptions): Promise<UploadOutcome> {
  const size = o.bytes.byteLength;
  const location = `${o.driveId}/${o.folderId}`;
  const stored = await o.store.get(o.tenantId, o.jobKey);
  let url: string | undefined;
  let next = 0;
  if (stored && stored.sha256 === o.sha256 && stored.size === size && stored.fileName === o.fileName && stored.location === location && Date.parse(stored.expiration) > Date.now()) {
    const progress = await sessionProgress(stored.uploadUrl, size);
    if (progress !== undefined) [url, next] = [stored.uploadUrl, progress];
  } else if (stored) {
    await sessionRequest(stored.uploadUrl, { method: "DELETE" }).catch(() => undefined);
  }
  if (!url) {
    if (stored) await o.store.remove(o.tenantId, o.jobKey);
    const created = await createSession(o, location);
    if (created === "conflict") return { kind: "conflict" };
    url = created;
  }
  for (let resumes = 0; ;) {
    if (next >= size) {
      // Every byte is in but the file was not created (its commit met a name conflict): look at the name again.
      await o.store.remove(o.tenantId, o.jobKey);
      return { kind: "conflict" };
    }
    const end = Math.min(size, next + o.chunkBytes);
    let answer: GraphResponse;
    try {
      answer = await sessionRequest(url, { method: "PUT", body: o.bytes.subarray(next, end), range: `bytes ${next}-${end - 1}/${size}` });
    } catch (err) {
      if (!(err instanceof RetryableJobError) || ++resumes > 3) throw err;
      const progress = await sessionProgress(url, size);
      if (progress === undefined) throw err;
      next = progress;
      continue;
    }
    if (answer.status === 202) {
      next = firstExpectedRange(ProgressSchema.parse(answer.json).nextExpectedRanges, size)[0];
      continue;
    }
    if (answer.status === 200 || answer.status === 201) {
      await o.store.remove(o.tenantId, o.jobKey);
      return { kind: "created", item: DriveItemSchema.parse(answer.json) };
    }
    if (answer.status === 409) {
      await o.store.remove(o.tenantId, o.jobKey);
      if (graphErrorCode(answer) === "nameAlreadyExists") return { kind: "conflict" };
    }
    if (answer.status === 404) {
      // The session expired or was cancelled: the next attempt starts a new one.
      await o.store.remove(o.tenantId, o.jobKey);
      throw new RetryableJobError("Graph upload session: the session is gone (expired); starting a new one on the next attempt");
    }
    if (answer.status === 416 && ++resumes <= 3) {
      const progress = await sessionProgress(url, size);
      if (progress !== undefined) {
        next = progress;
        continue;
      }
    }
    throw graphFailure(`upload chunk bytes ${next}-${end - 1}/${size}`, answer);
  }
}
