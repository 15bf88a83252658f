import type { ArchiveFileRequest, ArchiveFileResult, ProtocolArchive } from "@paragraf/shared";
import { createGraphApi, type AccessToken, type TokenCredential } from "../../bot/src/archive/sharepoint/graph-api";
import { createSharePointArchive, type SharePointArchiveOptions } from "../../bot/src/archive/sharepoint/sharepoint-archive";
import type { UploadSessionStore } from "../../bot/src/archive/sharepoint/upload-session-store";
import { RetryableJobError } from "../../bot/src/outbox/job-errors";
import type { GraphStandIn } from "../support/graph-stand-in";

/** A client-credentials TokenCredential against the stand-in's token endpoint (a new token per call, no cache). */
export function standInCredential(standIn: GraphStandIn): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      const res = await fetch(`${standIn.origin}/token`, { method: "POST", body: "grant_type=client_credentials&client_id=paragraf", headers: { "content-type": "application/x-www-form-urlencoded" } });
      if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
      const body = (await res.json()) as { access_token: string; expires_in: number };
      return { token: body.access_token, expiresOnTimestamp: Date.now() + body.expires_in * 1000 };
    },
  };
}

/** The SharePoint archive against the stand-in. */
export function standInArchive(standIn: GraphStandIn, sessions: UploadSessionStore, options: Partial<SharePointArchiveOptions> = {}): ProtocolArchive {
  return createSharePointArchive({
    graph: createGraphApi({ baseUrl: standIn.baseUrl, credential: standInCredential(standIn) }),
    sessions, target: { groupId: standIn.groupId }, folder: "Protokoll", simpleUploadMaxBytes: 4 * 1024 * 1024, chunkBytes: 327_680,
    ...options,
  });
}

/** What the outbox does: runs the filing again after each retryable failure (without waiting), up to `attempts` times. */
export async function fileWithRetries(archive: ProtocolArchive, request: ArchiveFileRequest, attempts = 6): Promise<{ result: ArchiveFileResult; retries: RetryableJobError[] }> {
  const retries: RetryableJobError[] = [];
  for (let n = 0; ; n++) {
    try {
      return { result: await archive.file(request), retries };
    } catch (err) {
      if (!(err instanceof RetryableJobError) || n + 1 >= attempts) throw err;
      retries.push(err);
    }
  }
}

/** A filing request for the stand-in tests. */
export function filingRequest(bytes: Uint8Array, extra: Partial<ArchiveFileRequest> = {}): ArchiveFileRequest {
  return {
    tenantId: "tenant-a", bodyName: "Länssamverkansgruppen", meetingDate: "2026-09-19", dnr: "HSN 129-2026", paragraphRange: "§§ 46–50",
    sealedAt: "2026-09-24T12:00:00.000Z", hash: "c".repeat(64), fileName: "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf",
    bytes, jobKey: "protocol.file:m1:v1", ...extra,
  };
}

export const folderPath = "Protokoll/Länssamverkansgruppen/2026";
export const fileName = "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf";
