import type { MeetingState, OutboxJob } from "@paragraf/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import type { JobHandler } from "../outbox/outbox-worker";
import { archiveStatusOf } from "../use-cases/archive-status";
import type { CardSender } from "./card-sender";
import { reminderCard } from "./cards/justering-card";
import { changeRequestJobHandlers } from "./change-request-jobs";
import { deliverJusteringCards, deliverReminders } from "./justering-delivery";
import type { TeamsDirectory } from "./teams-directory";
import { agendaCard, decisionCard, summaryCard } from "./cards/meeting-cards";

const MeetingEventPayload = z.object({ meetingId: z.string(), conversationId: z.string() });
const ReminderPayload = z.object({ meetingId: z.string(), version: z.number().int(), deadline: z.string() });
const JusteringCardPayload = z.object({ meetingId: z.string() });
const DecisionCardPayload = z.object({ meetingId: z.string(), itemId: z.string() });

/** Outbox handlers that keep the meeting chat's cards in step with the meeting record. */
export function cardJobHandlers(options: { deps: Deps; sender: CardSender; publicUrl: string; directory?: TeamsDirectory }): Record<string, JobHandler> {
  const { deps, sender, publicUrl, directory } = options;
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
    ...changeRequestJobHandlers({ deps, sender, directory, publicUrl }),
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
      // In the linked chats, and 1:1 to the pending signatories who get their justering card 1:1.
      await deliverReminders({ deps, sender, directory, tenantId: job.tenantId, state, card: reminderCard(state, deadline, tabUrl(meetingId)), key: `reminder:${job.key}` });
    },
    /** The justering card of a protocol version: posted when sent, updated as people sign, seal and file. */
    "card.justering": async (job: OutboxJob) => {
      const { meetingId } = JusteringCardPayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      if (!state || state.protocol.version === 0) return;
      const archive = await archiveStatusOf({ deps, tenantId: job.tenantId, state });
      // In the linked chats (signatories who are members see their own view) and 1:1 to the others.
      await deliverJusteringCards({ deps, sender, directory, tenantId: job.tenantId, state, tabUrl: tabUrl(meetingId), archive });
    },
  };
}
