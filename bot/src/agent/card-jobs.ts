import type { MeetingState, OutboxJob } from "@paragraf/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import type { JobHandler } from "../outbox/outbox-worker";
import type { CardSender } from "./card-sender";
import { justeringCard, reminderCard } from "./cards/justering-card";
import { agendaCard, decisionCard, summaryCard } from "./cards/meeting-cards";

const MeetingEventPayload = z.object({ meetingId: z.string(), conversationId: z.string() });
const ReminderPayload = z.object({ meetingId: z.string(), version: z.number().int(), deadline: z.string() });
const JusteringCardPayload = z.object({ meetingId: z.string() });
const DecisionCardPayload = z.object({ meetingId: z.string(), itemId: z.string() });

/** Outbox handlers that keep the meeting chat's cards in step with the meeting record. */
export function cardJobHandlers(options: { deps: Deps; sender: CardSender; publicUrl: string }): Record<string, JobHandler> {
  const { deps, sender, publicUrl } = options;
  const tabUrl = (meetingId: string) => `${publicUrl}/?meeting=${encodeURIComponent(meetingId)}`;
  /** Posts a card for a meeting event (start, end) in the conversation the event came from. */
  const postMeetingEventCard = async (job: OutboxJob, name: string, present: (state: MeetingState, url: string) => ReturnType<typeof agendaCard>) => {
    const { meetingId, conversationId } = MeetingEventPayload.parse(job.payload);
    const state = await deps.meetings.load(job.tenantId, meetingId);
    const conversation = await deps.store.getConversation(job.tenantId, conversationId);
    if (!state || !conversation) return;
    await sender.upsert(conversation, `${name}:${meetingId}:${job.key}`, present(state, tabUrl(meetingId)));
  };
  return {
    /** The decision of a closed item: posted once per conversation, updated on every correction. */
    "card.decision": async (job: OutboxJob) => {
      const { meetingId, itemId } = DecisionCardPayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      if (!state) return;
      const card = decisionCard(state, itemId, `${publicUrl}/?meeting=${encodeURIComponent(meetingId)}`);
      for (const conversation of await deps.store.conversationsOfMeeting(job.tenantId, meetingId)) {
        await sender.upsert(conversation, `decision:${meetingId}:${itemId}`, card);
      }
    },
    /** At meeting start: the agenda. */
    "card.agenda": (job: OutboxJob) => postMeetingEventCard(job, "agenda", agendaCard),
    /** At meeting end: every decision and assignment, with a link to the protocol draft. */
    "card.summary": (job: OutboxJob) => postMeetingEventCard(job, "summary", summaryCard),
    /** A reminder for the pending signatories, only while that version is still out for justering. */
    "card.reminder": async (job: OutboxJob) => {
      const { meetingId, version, deadline } = ReminderPayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      if (!state || state.status !== "inJustering" || state.protocol.version !== version) return;
      for (const conversation of await deps.store.conversationsOfMeeting(job.tenantId, meetingId)) {
        await sender.upsert(conversation, `reminder:${job.key}`, reminderCard(state, deadline, tabUrl(meetingId)));
      }
    },
    /** The justering card of a protocol version: posted when sent, updated as people sign, seal and file. */
    "card.justering": async (job: OutboxJob) => {
      const { meetingId } = JusteringCardPayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      if (!state || state.protocol.version === 0) return;
      for (const conversation of await deps.store.conversationsOfMeeting(job.tenantId, meetingId)) {
        // Signatories this conversation knows get their own view (refresh.userIds); the rest see progress.
        const users = (conversation.reference.users as Record<string, string> | undefined) ?? {};
        const userIds = state.protocol.signatories
          .map((s) => state.members.find((m) => m.id === s.personId)?.userId)
          .map((userId) => (userId ? users[userId] : undefined))
          .filter((id): id is string => !!id);
        const card = justeringCard(state, tabUrl(meetingId), {}, userIds);
        await sender.upsert(conversation, `justering:${meetingId}:v${state.protocol.version}`, card);
      }
    },
  };
}
