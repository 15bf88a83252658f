import {
  ConcurrencyConflictError, decide, foldEvents, projectMeeting, type CommandResponse, type MeetingCommand, type MeetingState, type StoredEvent,
} from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith, DomainFailure } from "../http/errors";
import { actorFor } from "./actor";
import { outboxJobsFor } from "./outbox-jobs";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Decides on a known state and appends; the store refuses it if the log moved meanwhile. */
async function decideAndAppend(deps: Deps, identity: Identity, state: MeetingState, command: MeetingCommand): Promise<CommandResponse> {
  const actor = actorFor(identity, state.members);
  const now = deps.clock.now();
  const decided = decide(state, command, actor, now);
  if (!decided.ok) throw new DomainFailure(decided.error);
  if (decided.value.length === 0) return { seq: state.seq, events: [] };
  const at = now.toISOString();
  const stored: StoredEvent[] = decided.value.map((event, i) => ({ seq: state.seq + i + 1, at, actor, event }));
  const next = foldEvents(identity.tenantId, state.id, stored, state);
  const before = projectMeeting(state);
  const projection = projectMeeting(next);
  const appended = await deps.store.append({
    tenantId: identity.tenantId, meetingId: state.id, bodyId: state.bodyId, expectedSeq: state.seq, actor, at: now,
    events: decided.value, projection, outbox: outboxJobsFor(state, next, stored),
    changed: { decisions: !same(before.decisions, projection.decisions), assignments: !same(before.assignments, projection.assignments) },
  });
  deps.meetings.remember(next);
  await deps.hub.announce(identity.tenantId, state.id, appended);
  return { seq: next.seq, events: appended };
}

/**
 * The one write path for a meeting: load → decide → append (with the expected seq) → publish.
 * A stale `expectedSeq` is a conflict carrying the current seq; nothing is overwritten. The state
 * comes from this instance's cache; if another instance moved the log, the append is refused and
 * the state is reloaded once.
 */
export async function executeCommand(options: {
  deps: Deps;
  identity: Identity;
  meetingId: string;
  expectedSeq: number;
  command: MeetingCommand;
}): Promise<CommandResponse> {
  const { deps, identity, meetingId, expectedSeq, command } = options;
  let state = deps.meetings.cached(identity.tenantId, meetingId) ?? (await deps.meetings.load(identity.tenantId, meetingId));
  if (!state) return failWith("notFound");
  if (expectedSeq > state.seq) state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? state;
  if (expectedSeq !== state.seq) failWith("conflict", { currentSeq: state.seq });
  try {
    return await decideAndAppend(deps, identity, state, command);
  } catch (err) {
    if (!(err instanceof ConcurrencyConflictError)) throw err;
    const fresh = (await deps.meetings.load(identity.tenantId, meetingId)) ?? state;
    return failWith("conflict", { currentSeq: fresh.seq });
  }
}
