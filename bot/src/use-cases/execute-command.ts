import { decide, foldEvents, projectMeeting, type CommandResponse, type MeetingCommand, type StoredEvent } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith, DomainFailure } from "../http/errors";
import { actorFor } from "./actor";
import { outboxJobsFor } from "./outbox-jobs";

/**
 * The one write path for a meeting: load → decide → append (with the expected seq) → publish.
 * A stale `expectedSeq` is a conflict carrying the current seq; nothing is overwritten.
 */
export async function executeCommand(options: {
  deps: Deps;
  identity: Identity;
  meetingId: string;
  expectedSeq: number;
  command: MeetingCommand;
}): Promise<CommandResponse> {
  const { deps, identity, meetingId, expectedSeq, command } = options;
  const state = await deps.meetings.load(identity.tenantId, meetingId);
  if (!state) return failWith("notFound");
  if (expectedSeq !== state.seq) failWith("conflict", { currentSeq: state.seq });
  const actor = actorFor(identity, state.members);
  const now = deps.clock.now();
  const decided = decide(state, command, actor, now);
  if (!decided.ok) throw new DomainFailure(decided.error);
  if (decided.value.length === 0) return { seq: state.seq, events: [] };
  const at = now.toISOString();
  const stored: StoredEvent[] = decided.value.map((event, i) => ({ seq: state.seq + i + 1, at, actor, event }));
  const next = foldEvents(identity.tenantId, meetingId, stored, state);
  const appended = await deps.store.append({
    tenantId: identity.tenantId, meetingId, bodyId: state.bodyId, expectedSeq, actor, at: now,
    events: decided.value, projection: projectMeeting(next), outbox: outboxJobsFor(state, next, stored),
  });
  deps.meetings.remember(next);
  await deps.hub.announce(identity.tenantId, meetingId, appended);
  return { seq: next.seq, events: appended };
}
