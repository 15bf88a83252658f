import { MeResponseSchema, type Actor, type MeetingResponse } from "@paragraf/shared";
import { createContext, useContext } from "react";
import type { z } from "zod";
import { createApi, type Api } from "../api/api-client";
import type { TeamsInfo } from "../host/teams-host";

/** The signed-in caller as the service sees them. */
export type Me = z.infer<typeof MeResponseSchema>;

/** Everything a screen needs to talk to the service as the current user. */
export interface Session {
  mode: "teams" | "dev";
  api: Api;
  me: Me;
  actor: Actor;
  teams?: TeamsInfo;
  /** The meeting named in the URL, requested while signing in to save a round trip on first render. */
  prefetched?: { meetingId: string; response: Promise<MeetingResponse> };
}

/**
 * Builds a session over a token source. Asks the service who the token belongs to unless the sign-in
 * already said (dev mode), and starts loading the URL's meeting meanwhile.
 */
export async function openSession(mode: Session["mode"], getToken: () => Promise<string>, options: { teams?: TeamsInfo; me?: Me; meetingId?: string } = {}): Promise<Session> {
  const api = createApi(getToken);
  const { meetingId } = options;
  const prefetched = meetingId ? { meetingId, response: api.get<MeetingResponse>(`/api/meetings/${encodeURIComponent(meetingId)}`) } : undefined;
  prefetched?.response.catch(() => undefined);
  const me = options.me ?? MeResponseSchema.parse(await api.get("/api/me"));
  return { mode, api, me, actor: { userId: me.userId, name: me.name }, teams: options.teams, prefetched };
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** The current session; screens below the sign-in always have one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in tree");
  return session;
}
