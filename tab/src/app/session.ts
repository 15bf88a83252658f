import { MeResponseSchema, type Actor } from "@paragraf/shared";
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
}

/** Builds a session over a token source and asks the service who the token belongs to. */
export async function openSession(mode: Session["mode"], getToken: () => Promise<string>, teams?: TeamsInfo): Promise<Session> {
  const api = createApi(getToken);
  const me = MeResponseSchema.parse(await api.get("/api/me"));
  return { mode, api, me, actor: { userId: me.userId, name: me.name }, teams };
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** The current session; screens below the sign-in always have one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in tree");
  return session;
}
