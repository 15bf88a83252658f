/**
 * Justering cards reach every signatory: those who are members of the meeting chat see their own view
 * of the chat's card (`refresh.userIds`, from the chat's paged members); a signatory who is not in the
 * chat but whom the bot knows (she wrote to it in another chat) gets the card 1:1, in a conversation the
 * bot creates through the h.connector. Everything runs through the real Agents SDK adapter, the outbox
 * worker and a local stand-in h.connector.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardJobHandlers } from "../../bot/src/agent/card-jobs";
import { createCardSender } from "../../bot/src/agent/card-sender";
import { createTeamsDirectory } from "../../bot/src/agent/teams-directory";
import { createOutboxWorker } from "../../bot/src/outbox/outbox-worker";
import { call } from "../support/http";
import { devToken } from "../support/seal-demo";
import type { SentActivity } from "../support/stub-connector";
import { startBotHarness, type BotHarness } from "./support/bot-harness";
import { renderCardShots, saveCardShots } from "./support/card-shots";

const chat = "19:meeting_lsg@thread.v2";
const otherChat = "19:other_group@thread.v2";
const sara = { id: "29:sara", name: "Sara Abdi", aadObjectId: "dev-adjuster2" };
const maja = { id: "29:maja", name: "Maja Öberg", aadObjectId: "dev-adjuster" };

describe("justering cards in the chat and 1:1", () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ chat, prefix: "1to1" });
    h.connector.members.set(chat, [
      { id: "29:elin", name: "Elin Strand", aadObjectId: "dev-secretary", email: "elin.strand@norrbygden.example" },
      { id: "29:astrid", name: "Astrid Lindqvist", aadObjectId: "dev-chair" },
      { id: "29:johan", name: "Johan Nyström", aadObjectId: "dev-member" },
    ]);
    // Maja is not in the chat either, and the app is not installed for her: no 1:1 with her is possible.
    h.connector.refuseConversations.add("29:maja");
  }, 60_000);
  afterAll(async () => {
    await renderCardShots();
    await h?.close();
  });

  const content = (a: SentActivity) => (a.body.attachments?.[0]?.content ?? {}) as { body?: { text?: string }[]; actions?: { verb?: string; data?: Record<string, unknown> }[]; refresh?: { userIds?: string[] } };
  const text = (a: SentActivity) => JSON.stringify(content(a));
  const click = async (from: { id: string; name: string; aadObjectId: string }, data: Record<string, unknown>, conversation?: Record<string, unknown>) => {
    const res = await h.send({ type: "invoke", name: "adaptiveCard/action", from, value: { action: { type: "Action.Execute", verb: "justera", data }, trigger: "manual" } }, conversation);
    return res.json() as { statusCode: number; value: Record<string, unknown> };
  };

  it("sends the chat card with the members' own views and the card 1:1 to a signatory outside the chat, then seals from both", async () => {
    await h.send({ type: "conversationUpdate", membersAdded: [{ id: "28:paragraf-bot" }] });
    await h.send({ type: "message", text: "koppla demo-meeting" });
    // Sara is not in the meeting chat, but she once asked the bot for help in another group chat.
    await h.send({ type: "message", text: "hjälp", from: sara }, { id: otherChat, conversationType: "groupChat" });
    await h.send({ type: "message", text: "hjälp", from: maja }, { id: otherChat, conversationType: "groupChat" });

    const sec = await devToken(h.app, "dev-secretary");
    const url = "/api/meetings/demo-meeting";
    let seq = (await call(h.app, "GET", url, sec)).json.seq as number;
    for (const path of ["/open", "/close"]) seq = (await call(h.app, "POST", `${url}${path}`, sec, { expectedSeq: seq })).json.seq as number;
    const hash = (await call(h.app, "GET", `${url}/protocol?format=html`, sec)).json.hash as string;
    expect((await call(h.app, "POST", `${url}/protocol/send-for-justering`, sec, { expectedSeq: seq, hash })).status).toBe(200);

    const before = h.connector.sent.length;
    const requestsBefore = h.connector.requests.length;
    await h.drain();
    const sent = h.connector.sent.slice(before);
    const requests = h.connector.requests.slice(requestsBefore);

    // The chat's members were read once, page by page, with the SDK's TeamsInfo.getPagedMembers.
    const paged = requests.filter((r) => /pagedmembers$/i.test(r.path));
    expect(paged).toHaveLength(1);
    expect(decodeURIComponent(paged[0]!.path)).toBe(`/v3/conversations/${chat}/pagedMembers`);
    expect(paged[0]!.query.pageSize).toBe("100");

    // The 1:1s were asked for as Teams wants it: one member, the tenant in channelData, the bot as `bot`.
    // Teams refused Maja's (403); Sara's, next in line, was created all the same.
    const created = requests.filter((r) => r.path === "/v3/conversations");
    expect(created.map((r) => (r.body.members as { id: string }[])[0]!.id)).toEqual(["29:maja", "29:sara"]);
    expect(created[1]!.body).toMatchObject({ isGroup: false, bot: { id: "28:paragraf-bot" }, members: [{ id: "29:sara" }], channelData: { tenant: { id: "teams-tenant" } } });
    expect(sent.some((a) => a.conversationId.includes("29:maja"))).toBe(false);

    const chatCard = sent.find((a) => a.conversationId === chat && text(a).includes("Justering av protokoll"))!;
    expect(chatCard.method).toBe("POST");
    expect(content(chatCard).refresh?.userIds).toEqual(["29:elin", "29:astrid"]);
    const personal = sent.filter((a) => a.conversationId === "a:personal-29:sara");
    expect(personal).toHaveLength(1);
    expect(personal[0]!.method).toBe("POST");
    expect(content(personal[0]!).refresh?.userIds).toEqual(["29:sara"]);
    const data = content(personal[0]!).actions!.find((a) => a.verb === "justera")!.data!;
    expect(data).toEqual({ meetingId: "demo-meeting", version: 1, hash });
    await saveCardShots({ "justering-chat": content(chatCard), "justering-1to1": content(personal[0]!) });

    // Running the job again (a redelivered job) posts nothing new and reads no members again.
    const again = h.connector.sent.length;
    await h.app.deps.store.enqueue(h.app.config.dev!.tenantId, [{ kind: "card.justering", key: "card.justering:again", payload: { meetingId: "demo-meeting" } }]);
    await h.drain();
    expect(h.connector.sent.slice(again).every((a) => a.method === "PUT")).toBe(true);
    const lookups = h.connector.requests.slice(requestsBefore).filter((r) => /pagedmembers$/i.test(r.path) || r.path === "/v3/conversations");
    expect(lookups.map((r) => (r.body.members as { id: string }[] | undefined)?.[0]?.id ?? "members")).toEqual(["members", "29:maja", "29:sara", "29:maja"]);

    // A reminder near the deadline reaches the chat and Sara's 1:1 (a worker whose clock is 11.5 days on).
    const later = createOutboxWorker({
      store: h.app.deps.store, log: h.app.deps.log, clock: { now: () => new Date(Date.now() + 11.5 * 86_400_000) },
      handlers: cardJobHandlers({ deps: h.app.deps, sender: createCardSender({ adapter: h.app.agentAdapter, store: h.app.deps.store }), directory: createTeamsDirectory({ adapter: h.app.agentAdapter, store: h.app.deps.store, log: h.app.deps.log }), publicUrl: "http://localhost:3978" }),
    });
    const beforeReminder = h.connector.sent.length;
    expect(await later.runOnce()).toBe(1);
    const reminders = h.connector.sent.slice(beforeReminder);
    expect(reminders.map((a) => [a.method, a.conversationId])).toEqual([["POST", chat], ["POST", "a:personal-29:sara"]]);
    expect(text(reminders[1]!)).toContain("Väntar på / Waiting for: Elin Strand, Astrid Lindqvist, Maja Öberg, Sara Abdi");
    await saveCardShots({ "reminder-1to1": content(reminders[1]!) });

    // Sara signs from her 1:1 card: a stale card refuses, the current one records her signature.
    const personalChat = { id: "a:personal-29:sara", conversationType: "personal" };
    expect(JSON.stringify((await click(sara, { ...data, version: 0 }, personalChat)).value)).toContain("har ändrats");
    const signed = await click(sara, data, personalChat);
    expect(signed.statusCode).toBe(200);
    expect(JSON.stringify(signed.value)).toContain("Din justering är registrerad");
    expect(JSON.stringify(signed.value)).not.toContain("\"verb\":\"justera\"");
    // The others sign from the chat card (Maja, outside the chat, could as well sign in the tab).
    for (const [id, aadObjectId] of [["29:elin", "dev-secretary"], ["29:astrid", "dev-chair"], ["29:maja", "dev-adjuster"]] as const) {
      expect((await click({ id, name: aadObjectId, aadObjectId }, data)).statusCode).toBe(200);
    }
    const meeting = (await call(h.app, "GET", url, sec)).json.meeting as { status: string };
    expect(meeting.status).toBe("sealed");

    const beforeSeal = h.connector.sent.length;
    await h.drain();
    const updates = h.connector.sent.slice(beforeSeal);
    expect(updates.every((a) => a.method === "PUT")).toBe(true);
    const lastIn = (conversationId: string) => updates.filter((a) => a.conversationId === conversationId).at(-1)!;
    expect(text(lastIn(chat))).toContain("Protokollet är justerat");
    expect(text(lastIn("a:personal-29:sara"))).toContain("Protokollet är justerat");
    // Every update of the 1:1 card edits the message posted first.
    const personalUpdates = updates.filter((a) => a.conversationId === "a:personal-29:sara");
    expect(new Set(personalUpdates.map((a) => a.path)).size).toBe(1);
    expect(personalUpdates[0]!.path).toMatch(/\/activities\/activity-\d+$/);
    expect(text(lastIn("a:personal-29:sara"))).not.toContain("\"verb\":\"justera\"");
    await saveCardShots({ "justering-1to1-sealed": content(lastIn("a:personal-29:sara")) });
  }, 60_000);
});
