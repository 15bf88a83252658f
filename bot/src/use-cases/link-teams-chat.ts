import { canEdit, rolesOf, type TeamsLinkRequestSchema, type TeamsLinkResponse } from "@paragraf/shared";
import type { z } from "zod";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { actorFor } from "./actor";

/**
 * Links a Teams meeting chat (and its Teams meeting id) to a meeting, so the tab and the bot find the
 * meeting from the Teams context. Only the meeting's chair or secretary may link. A chat already linked
 * to another meeting moves only when the caller may also edit that meeting (a secretary cannot take
 * over another body's chat), and a personal (1:1) conversation with the bot is never a meeting chat.
 */
export async function linkTeamsChat(options: {
  deps: Deps; identity: Identity; meetingId: string; input: z.infer<typeof TeamsLinkRequestSchema>;
}): Promise<TeamsLinkResponse> {
  const { deps, identity, meetingId, input } = options;
  const state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? failWith("notFound");
  if (!canEdit(rolesOf(state, actorFor(identity, state.members)))) failWith("forbidden");
  const existing = await deps.store.getConversation(identity.tenantId, input.chatId);
  const kind = (existing?.reference.conversation as { conversationType?: unknown } | undefined)?.conversationType;
  if (kind === "personal") failWith("forbidden", { reason: "a personal conversation is not a meeting chat" });
  if (existing?.meetingId && existing.meetingId !== state.id) {
    const other = await deps.meetings.load(identity.tenantId, existing.meetingId);
    if (other && !canEdit(rolesOf(other, actorFor(identity, other.members)))) failWith("conflict", { linkedTo: "another meeting" });
  }
  await deps.store.linkTeamsChat({
    tenantId: identity.tenantId, chatId: input.chatId, bodyId: state.bodyId, meetingId: state.id,
    ...(input.teamsMeetingId !== undefined && { teamsMeetingId: input.teamsMeetingId }),
  });
  return { meetingId: state.id, bodyId: state.bodyId };
}
