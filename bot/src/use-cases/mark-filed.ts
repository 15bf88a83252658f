import { ConcurrencyConflictError, decide, foldEvents, projectMeeting, systemActor, type StoredEvent } from "@paragraf/shared";
import type { Deps } from "../deps";
import { DomainFailure, failWith } from "../http/errors";
import { outboxJobsFor } from "./outbox-jobs";

/**
 * Records that the sealed protocol is in the archive (`protocol.markFiled` by the system actor), from
 * the filing worker, which has no signed-in identity. Idempotent: a meeting already filed is left as it
 * is. A concurrent append is met by reloading and deciding again, a few times.
 */
export async function markProtocolFiled(options: { deps: Deps; tenantId: string; meetingId: string; url: string }): Promise<{ marked: boolean }> {
  const { deps, tenantId, meetingId, url } = options;
  for (let attempt = 1; ; attempt++) {
    const state = (await deps.meetings.load(tenantId, meetingId)) ?? failWith("notFound");
    if (state.status === "filed") return { marked: false };
    const now = deps.clock.now();
    const decided = decide(state, { type: "protocol.markFiled", url }, systemActor, now);
    if (!decided.ok) throw new DomainFailure(decided.error);
    const stored: StoredEvent[] = decided.value.map((event, i) => ({ seq: state.seq + i + 1, at: now.toISOString(), actor: systemActor, event }));
    const next = foldEvents(tenantId, meetingId, stored, state);
    try {
      const appended = await deps.store.append({
        tenantId, meetingId, bodyId: state.bodyId, expectedSeq: state.seq, actor: systemActor, at: now,
        events: decided.value, projection: projectMeeting(next), outbox: outboxJobsFor(state, next, stored),
        changed: { decisions: false, assignments: false },
      });
      deps.meetings.remember(next);
      await deps.hub.announce(tenantId, meetingId, appended);
      return { marked: true };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflictError) || attempt >= 3) throw err;
    }
  }
}
