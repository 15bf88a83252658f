import { canEdit, deriveArchiveStatus, rolesOf, type ArchiveStatusResponse, type MeetingState } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { decodeJobFailure } from "../outbox/job-errors";
import { actorFor } from "./actor";

/** The outbox key of the job that files a sealed protocol version (see `outboxJobsFor`). */
export const filingJobKey = (meetingId: string, version: number): string => `protocol.file:${meetingId}:v${version}`;

/** A meeting's archive status from its state and its filing job's outbox row (tenant-scoped). */
export async function archiveStatusOf(options: { deps: Deps; tenantId: string; state: MeetingState }): Promise<ArchiveStatusResponse["archive"]> {
  const { deps, tenantId, state } = options;
  const row = state.protocol.version > 0 ? await deps.store.findJob(tenantId, filingJobKey(state.id, state.protocol.version)) : undefined;
  const job = row && {
    status: row.status, attempts: row.attempts, runAt: row.runAt,
    ...(row.lockedUntil ? { lockedUntil: row.lockedUntil } : {}),
    ...(row.lastError !== undefined ? { failure: decodeJobFailure(row.lastError) } : {}),
  };
  return deriveArchiveStatus(state, job, deps.clock.now());
}

/** `GET /api/meetings/:id/archive`: the status and whether the caller may retry a failed filing. */
export async function getArchiveStatus(options: { deps: Deps; identity: Identity; meetingId: string }): Promise<ArchiveStatusResponse> {
  const { deps, identity, meetingId } = options;
  const state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? failWith("notFound");
  const full = await archiveStatusOf({ deps, tenantId: identity.tenantId, state });
  const mayRetry = canEdit(rolesOf(state, actorFor(identity, state.members)));
  // The technical detail (server paths, Graph error codes) is for those who act on it, not every reader.
  const archive = mayRetry || !full.lastError ? full : { ...full, lastError: { code: full.lastError.code, sv: full.lastError.sv, en: full.lastError.en } };
  return { archive, canRetry: mayRetry && archive.state === "failed" };
}
