import type { App } from "../../bot/src/composition-root";
import { call } from "./http";

/** A dev sign-in token for a demo user (local dev mode only). */
export async function devToken(app: App, userId: string): Promise<string> {
  const res = await call(app, "POST", "/api/dev/token", undefined, { userId });
  if (res.status !== 200) throw new Error(`dev token for ${userId}: ${res.status} ${res.text}`);
  return res.json.token as string;
}

/**
 * Runs a planned demo meeting to a sealed protocol through the API, as its people would: the
 * secretary opens and closes it and sends the protocol for justering, and every signatory signs
 * the hash. Returns the sealed hash; the filing job is then in the outbox.
 */
export async function sealDemoMeeting(app: App, meetingId = "demo-meeting"): Promise<string> {
  const sec = await devToken(app, "dev-secretary");
  const url = `/api/meetings/${encodeURIComponent(meetingId)}`;
  let seq = (await call(app, "GET", url, sec)).json.seq as number;
  const post = async (path: string, body: Record<string, unknown> = {}, token = sec) => {
    const res = await call(app, "POST", `${url}${path}`, token, { expectedSeq: seq, ...body });
    if (res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
    seq = res.json.seq as number;
  };
  await post("/open");
  await post("/close");
  const hash = (await call(app, "GET", `${url}/protocol?format=html`, sec)).json.hash as string;
  await post("/protocol/send-for-justering", { hash });
  const { meeting } = (await call(app, "GET", url, sec)).json as { meeting: { protocol: { signatories: { personId: string }[] }; members: { id: string; userId?: string }[] } };
  for (const s of meeting.protocol.signatories) {
    const userId = meeting.members.find((m) => m.id === s.personId)?.userId;
    if (!userId) throw new Error(`signatory ${s.personId} cannot sign in`);
    await post("/commands", { command: { type: "protocol.sign", hash } }, await devToken(app, userId));
  }
  return hash;
}
