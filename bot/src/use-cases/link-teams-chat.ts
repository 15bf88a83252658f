import { canEdit, rolesOf, type TeamsLinkRequestSchema, type TeamsLinkResponse } from "@paragraf/shared";
import type { z } from "zod";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { actorFor } from "./actor";

/**
 * Links a Teams meeting chat (and its Teams meeting id) to a meeting, so the tab and the bot find the
 * meeting from the Teams context. Only the meeting's chair or secretary may link; a chat linked before
 * is moved to this meeting.
 */
export async function linkTeamsChat(options: {
  deps: Deps; identity: Identity; meetingId: string; input: z.infer<typeof TeamsLinkRequestSchema>;
}): Promise<TeamsLinkResponse> {
  const { deps, identity, meetingId, input } = options;
  const state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? failWith("notFound");
  if (!canEdit(rolesOf(state, actorFor(identity, state.members)))) failWith("forbidden");
  await deps.store.linkTeamsChat({
    tenantId: identity.tenantId, chatId: input.chatId, bodyId: state.bodyId, meetingId: state.id,
    ...(input.teamsMeetingId !== undefined && { teamsMeetingId: input.teamsMeetingId }),
  });
  return { meetingId: state.id, bodyId: state.bodyId };
}
