import type { MeetingState, OutboxJobInput, StoredEvent } from "@paragraf/shared";

/**
 * Side effects caused by newly appended events, written to the outbox in the same transaction.
 * Keys make each job idempotent: the same fact never queues the same job twice.
 */
export function outboxJobsFor(_before: MeetingState, after: MeetingState, events: readonly StoredEvent[]): OutboxJobInput[] {
  const jobs: OutboxJobInput[] = [];
  for (const { event } of events) {
    if (event.type === "protocol.sealed") {
      jobs.push({ kind: "protocol.file", key: `protocol.file:${after.id}:v${event.version}`, payload: { meetingId: after.id, version: event.version, hash: event.hash } });
    }
  }
  return jobs;
}
