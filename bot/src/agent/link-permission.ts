import type { TurnContext } from "@microsoft/agents-hosting";
import { TeamsInfo } from "@microsoft/agents-hosting-extensions-teams";
import { canEdit, findPersonByUser, rolesOf } from "@paragraf/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import { loginsOf } from "./teams-login";

/** Why someone may change what a chat is linked to, or why not. */
export type LinkPermission = { allowed: true; by: "bodyRole" | "meetingRole" } | { allowed: false; lookup: "refused" | "failed" | "none" };

const ParticipantSchema = z.object({ meeting: z.object({ role: z.string().optional() }).optional() });
const ChannelDataSchema = z.object({ meeting: z.object({ id: z.string().min(1) }).optional(), tenant: z.object({ id: z.string().min(1) }).optional() }).passthrough();

/**
 * Whether the sender of a chat command may change the chat's links or state for a meeting: the body's
 * secretary or chair (from the meeting's roster and roles), or the Teams meeting's organizer or a
 * presenter (`TeamsInfo.getMeetingParticipant`, asked each time since organizers change roles). When
 * the lookup fails (no meeting, not installed, expired, throttled) only the body roles count.
 */
export async function linkPermission(options: { deps: Deps; context: TurnContext; tenantId: string; meetingId: string }): Promise<LinkPermission> {
  const { deps, context, tenantId, meetingId } = options;
  const from = context.activity.from;
  const state = await deps.meetings.load(tenantId, meetingId);
  if (state && from?.aadObjectId) {
    const personId = findPersonByUser(state.members, from.aadObjectId, await loginsOf(deps.store, tenantId, from.aadObjectId))?.id;
    if (canEdit(rolesOf(state, { userId: from.aadObjectId, name: from.name ?? "", ...(personId && { personId }) }))) return { allowed: true, by: "bodyRole" };
  }
  const channelData = ChannelDataSchema.safeParse(context.activity.channelData ?? {});
  const teamsMeetingId = channelData.success ? channelData.data.meeting?.id : undefined;
  if (!teamsMeetingId || !from?.aadObjectId) return { allowed: false, lookup: "none" };
  try {
    const participant = ParticipantSchema.parse(await TeamsInfo.getMeetingParticipant(context, teamsMeetingId, from.aadObjectId, channelData.data?.tenant?.id));
    const role = participant.meeting?.role;
    return role === "Organizer" || role === "Presenter" ? { allowed: true, by: "meetingRole" } : { allowed: false, lookup: "refused" };
  } catch (err) {
    deps.log.warn({ err, teamsMeetingId }, "meeting participant lookup failed; only body roles count");
    return { allowed: false, lookup: "failed" };
  }
}
