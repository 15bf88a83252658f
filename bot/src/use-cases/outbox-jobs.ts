import type { MeetingState, OutboxJobInput, StoredEvent } from "@paragraf/shared";

/**
 * Side effects caused by newly appended events, written to the outbox in the same transaction.
 * Keys make each job idempotent: the same fact never queues the same job twice.
 */
export function outboxJobsFor(_before: MeetingState, after: MeetingState, events: readonly StoredEvent[]): OutboxJobInput[] {
  const jobs: OutboxJobInput[] = [];
  const lastSeq = events.at(-1)?.seq ?? after.seq;
  // A closed item's decision card, posted on closing and updated on every later correction.
  const touched = new Set(events.map(({ event }) => ("itemId" in event ? event.itemId : undefined)).filter((id): id is string => !!id));
  for (const itemId of touched) {
    const item = after.items.find((i) => i.id === itemId);
    if (item?.decision && (item.status === "handled" || item.status === "tabled" || item.status === "referredBack")) {
      jobs.push({ kind: "card.decision", key: `card.decision:${after.id}:${itemId}:${lastSeq}`, payload: { meetingId: after.id, itemId } });
    }
  }
  const protocolEvents = ["protocol.sentForJustering", "protocol.signed", "protocol.changeRequested", "protocol.sealed", "protocol.filed"];
  if (events.some(({ event }) => protocolEvents.includes(event.type))) {
    jobs.push({ kind: "card.justering", key: `card.justering:${after.id}:${lastSeq}`, payload: { meetingId: after.id } });
  }
  for (const { event, at } of events) {
    if (event.type === "protocol.sentForJustering") jobs.push(...reminderJobs(after, event.version, at));
    if (event.type === "protocol.changeRequested") {
      // The secretary hears of it in the meeting chat (and 1:1): once per request.
      jobs.push({ kind: "card.changeRequest", key: `card.changeRequest:${after.id}:${event.personId}:v${event.version}:${at}`, payload: { meetingId: after.id, personId: event.personId, version: event.version, at } });
    }
    if (event.type === "protocol.sealed") {
      jobs.push({ kind: "protocol.file", key: `protocol.file:${after.id}:v${event.version}`, payload: { meetingId: after.id, version: event.version, hash: event.hash } });
    }
  }
  return jobs;
}

const dayMs = 86_400_000;

/**
 * Reminders for pending signatories on each of the last three days before the justering deadline
 * (sent + the body's justering days): at most one a day, each keyed to the protocol version so a new
 * version's reminders replace nothing and an old version's find nothing to remind about.
 */
export function reminderJobs(state: MeetingState, version: number, sentAt: string): OutboxJobInput[] {
  const sent = Date.parse(sentAt);
  const days = state.justeringDays;
  return [days - 3, days - 2, days - 1].filter((d) => d >= 1).map((d) => ({
    kind: "card.reminder",
    key: `card.reminder:${state.id}:v${version}:d${d}`,
    payload: { meetingId: state.id, version, deadline: new Date(sent + days * dayMs).toISOString() },
    runAt: new Date(sent + d * dayMs),
  }));
}
