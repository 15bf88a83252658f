import { chosenDevUser, devToken, listDevUsers, type DevUser } from "../host/dev-auth";
import { connectTeams } from "../host/teams-host";
import { openSession, type Session } from "./session";

/** Where starting the tab got to: signed in, waiting for a dev user to be chosen, or failed. */
export type Boot =
  | { phase: "booting" }
  | { phase: "signIn"; users: DevUser[] }
  | { phase: "noSignIn" }
  | { phase: "ready"; session: Session; devUser?: DevUser }
  | { phase: "error"; error: unknown };

/** Connects to Teams or falls back to the labelled dev mode, then signs in. Never leaves a blank page. */
export async function boot(params: URLSearchParams): Promise<Boot> {
  const meetingId = params.get("meeting") ?? undefined;
  const teams = await connectTeams();
  if (teams) return { phase: "ready", session: await openSession("teams", teams.getAuthToken, { teams, meetingId }) };
  const chosen = chosenDevUser(params);
  const minted = chosen ? await devToken(chosen).catch(() => undefined) : undefined;
  if (!minted) {
    const users = await listDevUsers();
    return users ? { phase: "signIn", users } : { phase: "noSignIn" };
  }
  const user = minted.user;
  let token = minted.token;
  let expires = Date.now() + 11 * 3600_000;
  const getToken = async () => {
    if (Date.now() > expires) {
      token = (await devToken(user.userId)).token;
      expires = Date.now() + 11 * 3600_000;
    }
    return token;
  };
  const me = { tenantId: "", userId: user.userId, name: user.name, mode: "dev" as const };
  return { phase: "ready", session: await openSession("dev", getToken, { me, meetingId }), devUser: user };
}

