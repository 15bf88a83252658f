import { TeamsLinkResponseSchema, type TeamsLinkResponse } from "@paragraf/shared";
import { ApiError, type Api } from "../api/api-client";
import type { TeamsInfo } from "../host/teams-host";

/** The Teams meeting the tab runs in: its chat id (the bot's conversation id) and meeting id, when the context has them. */
export function teamsMeetingOf(teams: TeamsInfo | undefined): { chatId?: string; teamsMeetingId?: string } | undefined {
  if (!teams?.chatId && !teams?.meetingId) return undefined;
  return { ...(teams.chatId ? { chatId: teams.chatId } : {}), ...(teams.meetingId ? { teamsMeetingId: teams.meetingId } : {}) };
}

/** The Paragraf meeting linked to the Teams meeting chat, or undefined when none is linked yet. */
export async function findLinkedMeeting(api: Api, teams: TeamsInfo | undefined): Promise<TeamsLinkResponse | undefined> {
  const where = teamsMeetingOf(teams);
  if (!where) return undefined;
  try {
    return TeamsLinkResponseSchema.parse(await api.get(`/api/teams-links?${new URLSearchParams(where).toString()}`));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/**
 * Links the Teams meeting chat to a meeting. Only its chair or secretary may: for anyone else the
 * service refuses (403) and the tab carries on with the meeting in its address, so that is not an error here.
 * Resolves whether the link was saved.
 */
export async function linkTeamsMeeting(api: Api, teams: TeamsInfo | undefined, meetingId: string): Promise<boolean> {
  if (!teams?.chatId) return false;
  try {
    await api.send("PUT", `/api/meetings/${encodeURIComponent(meetingId)}/teams-link`, {
      chatId: teams.chatId, ...(teams.meetingId ? { teamsMeetingId: teams.meetingId } : {}),
    });
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return false;
    throw err;
  }
}
