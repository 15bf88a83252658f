import { secretaryOf, type OutboxJob } from "@paragraf/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import type { JobHandler } from "../outbox/outbox-worker";
import type { CardSender } from "./card-sender";
import { changeRequestCard } from "./cards/change-request-card";
import { sendPersonal } from "./justering-delivery";
import { accountOf } from "./justering-recipients";
import type { TeamsDirectory } from "./teams-directory";

/** Which change request to announce: the signatory, the version and when (as the event recorded it). */
export const ChangeRequestPayload = z.object({ meetingId: z.string().min(1), personId: z.string().min(1), version: z.number().int(), at: z.string() });

/**
 * The `card.changeRequest` job: when a signatory asks for a change, a message in every chat linked to
 * the meeting addressed to the secretary (an @mention when their Teams id is known) with who asked and
 * their comment, and the same 1:1 to the secretary when the bot can reach them. Posted once per
 * conversation and request (a retried job updates the message it already posted).
 */
export function changeRequestJobHandlers(options: { deps: Deps; sender: CardSender; directory?: TeamsDirectory; publicUrl: string }): Record<string, JobHandler> {
  const { deps, sender, directory, publicUrl } = options;
  return {
    "card.changeRequest": async (job: OutboxJob) => {
      const { meetingId, personId, version, at } = ChangeRequestPayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      const request = state?.protocol.changeRequests.find((r) => r.personId === personId && r.version === version && r.at === at);
      if (!state || !request) return;
      const tabUrl = `${publicUrl}/?meeting=${encodeURIComponent(meetingId)}`;
      const secretary = secretaryOf(state);
      const chats = await deps.store.conversationsOfMeeting(job.tenantId, meetingId);
      const accounts = secretary ? await deps.store.findTeamsAccounts(job.tenantId, { aadObjectIds: secretary.userId ? [secretary.userId] : [], emails: secretary.email ? [secretary.email] : [] }) : [];
      const account = secretary ? accountOf(secretary, accounts) : undefined;
      const key = `changeRequest:${meetingId}:${personId}:v${version}:${at}`;
      for (const chat of chats) {
        // The chat's own member id for the secretary, else the one the bot knows from elsewhere.
        const inChat = account ? (chat.reference.users as Record<string, string> | undefined)?.[account.aadObjectId] : undefined;
        const addressee = secretary ? { name: secretary.name, ...((inChat ?? account?.teamsUserId) && { teamsUserId: inChat ?? account?.teamsUserId }) } : undefined;
        await sender.upsert(chat, key, changeRequestCard(state, request, addressee, tabUrl));
      }
      if (!directory || !secretary || !account) return;
      await sendPersonal(deps, () => directory.personalChat(account, chats[0]), (personal) => sender.upsert(personal, key, changeRequestCard(state, request, { name: secretary.name }, tabUrl)));
    },
  };
}
