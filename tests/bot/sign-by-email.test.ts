/**
 * A secretary enters a new member by e-mail only; nobody knows her Entra object id yet. When she is
 * chosen justerare, the bot finds her in the chat's member list by that address, gives her her own
 * buttons on the chat's justering card, and her *Justera* is recorded as her signature: the bot
 * matches the clicking account (object id → UPN learnt from the member list) to the roster person.
 * Real Agents SDK adapter, outbox worker and a local stand-in connector.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/http";
import { devToken } from "../support/seal-demo";
import { cardOf, startBotHarness, type BotHarness } from "./support/bot-harness";

const chat = "19:meeting_email@thread.v2";
const olof = { id: "29:olof", name: "Olof Granberg", aadObjectId: "oid-olof-unknown-to-roster" };

describe("a signatory on the roster by e-mail only", () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ chat, prefix: "email" });
    h.connector.members.set(chat, [
      { id: "29:elin", name: "Elin Strand", aadObjectId: "dev-secretary" },
      { id: "29:astrid", name: "Astrid Lindqvist", aadObjectId: "dev-chair" },
      // His sign-in name differs from the address the secretary knows, as is common in municipalities.
      { ...olof, email: "Olof.Granberg@norrviken.example", userPrincipalName: "og1234@norrviken.example" },
    ]);
  }, 60_000);
  afterAll(() => h?.close());

  const content = (a: Parameters<typeof cardOf>[0]) => cardOf(a) as { refresh?: { userIds?: string[] }; actions?: { verb?: string; data?: Record<string, unknown> }[] };

  it("reaches her by address and records her Justera as her signature", async () => {
    const sec = await devToken(h.app, "dev-secretary");
    // The secretary adds Olof's e-mail address to the roster (he has no user id) and plans a meeting.
    const body = (await call(h.app, "GET", "/api/bodies/demo-lsg", sec)).json as { body: { roster: { id: string; email?: string; userId?: string }[]; version: number } & Record<string, unknown> };
    const roster = body.body.roster.map((p) => (p.id === "p-olof" ? { ...p, email: "olof.granberg@norrviken.example" } : p));
    expect(roster.find((p) => p.id === "p-olof")?.userId).toBeUndefined();
    const { id: _id, tenantId: _tenant, version, ...fields } = body.body;
    const updated = await call(h.app, "PUT", "/api/bodies/demo-lsg", sec, { ...fields, roster, expectedVersion: version });
    expect(updated.status, updated.text).toBe(200);
    const created = await call(h.app, "POST", "/api/bodies/demo-lsg/meetings", sec, { details: { date: "2026-12-10", startTime: "09:00", endTime: "10:00" } });
    expect(created.status, created.text).toBe(201);
    const meetingId = (created.json.meeting as { id: string }).id;
    const url = `/api/meetings/${meetingId}`;
    let seq = created.json.seq as number;
    const write = async (method: string, path: string, payload: Record<string, unknown> = {}) => {
      const res = await call(h.app, method, `${url}${path}`, sec, { expectedSeq: seq, ...payload });
      expect(res.status, res.text).toBe(200);
      seq = res.json.seq as number;
    };
    await write("PUT", "/roles", { adjusterIds: ["p-olof"] });

    await h.send({ type: "conversationUpdate", membersAdded: [{ id: "28:paragraf-bot" }] });
    await h.send({ type: "message", text: `koppla ${meetingId}` });
    await write("POST", "/open");
    await write("POST", "/close");
    const hash = (await call(h.app, "GET", `${url}/protocol?format=html`, sec)).json.hash as string;
    await write("POST", "/protocol/send-for-justering", { hash });

    const before = h.connector.sent.length;
    await h.drain();
    const card = h.connector.sent.slice(before).find((a) => a.conversationId === chat && JSON.stringify(content(a)).includes("Justering av protokoll"))!;
    expect(content(card).refresh?.userIds).toContain("29:olof");
    const data = content(card).actions!.find((a) => a.verb === "justera")!.data!;

    const res = await h.send({ type: "invoke", name: "adaptiveCard/action", from: olof, value: { action: { type: "Action.Execute", verb: "justera", data }, trigger: "manual" } });
    const answer = res.json() as { statusCode: number; value: Record<string, unknown> };
    expect(answer.statusCode).toBe(200);
    expect(JSON.stringify(answer.value)).toContain("Din justering är registrerad");
    const meeting = (await call(h.app, "GET", url, sec)).json.meeting as { protocol: { signatures: { personId: string }[] } };
    expect(meeting.protocol.signatures.map((s) => s.personId)).toContain("p-olof");

    // Someone else with an unknown account is still refused.
    const stranger = { id: "29:x", name: "X", aadObjectId: "oid-x" };
    const refused = await h.send({ type: "invoke", name: "adaptiveCard/action", from: stranger, value: { action: { type: "Action.Execute", verb: "justera", data }, trigger: "manual" } });
    expect(JSON.stringify((refused.json() as { value: unknown }).value)).toContain("inte justerare");
  }, 60_000);
});
