import { canEdit, rolesOf, type ArchiveStatusResponse } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { actorFor } from "./actor";
import { archiveStatusOf, filingJobKey } from "./archive-status";

/**
 * The secretary's (or chair's) "try again" on a filing that stopped, e.g. after an administrator
 * granted the missing permission: queues the same job (same key, so still one file per sealed
 * version) from its first attempt. Refused with 409 unless the filing has failed.
 */
export async function retryFiling(options: { deps: Deps; identity: Identity; meetingId: string }): Promise<ArchiveStatusResponse> {
  const { deps, identity, meetingId } = options;
  const state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? failWith("notFound");
  if (!canEdit(rolesOf(state, actorFor(identity, state.members)))) failWith("forbidden");
  const before = await archiveStatusOf({ deps, tenantId: identity.tenantId, state });
  if (before.state !== "failed") failWith("invalidState", { archiveState: before.state });
  const now = deps.clock.now();
  const requeued = await deps.store.requeueFailedJob(identity.tenantId, filingJobKey(meetingId, state.protocol.version), now);
  if (!requeued) failWith("invalidState", { archiveState: "queued" });
  // The justering card stops showing the failure: it says the protocol is being filed again.
  await deps.store.enqueue(identity.tenantId, [{ kind: "card.justering", key: `card.justering:${meetingId}:filing-retried:${now.toISOString()}`, payload: { meetingId } }]);
  deps.log.info({ meetingId, version: state.protocol.version, by: identity.userId }, "filing queued again by hand");
  return { archive: await archiveStatusOf({ deps, tenantId: identity.tenantId, state }), canRetry: false };
}
