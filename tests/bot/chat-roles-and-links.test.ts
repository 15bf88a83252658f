/**
 * The bot in chats the tab linked (no `koppla` needed), who may link a chat (body roles, or the Teams
 * meeting's organizer and presenters from TeamsInfo.getMeetingParticipant), and a change request
 * announced to the secretary in the chat and 1:1. Real Agents SDK adapter, outbox worker, stand-in connector.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bot/src/composition-root";
import { call } from "../support/http";
import { devToken } from "../support/seal-demo";
import type { SentActivity, StubConnector } from "../support/stub-connector";
import { elin, startBotHarness, type BotHarness } from "./support/bot-harness";
import { renderCardShots, saveCardShots } from "./support/card-shots";

const johan = { id: "29:johan", name: "Johan Nyström", aadObjectId: "dev-member" };
const tabChat = "19:meeting_tablinked@thread.v2";

describe("linked chats, link permissions and change requests", () => {
  let h: BotHarness;
  let app: App;
  let connector: StubConnector;
  let tenantId: string;
  let bodyId: string;
  let starts = 0;

  beforeAll(async () => {
    h = await startBotHarness({ chat: tabChat, from: elin, prefix: "links" });
    ({ app, connector } = h);
    tenantId = app.config.dev!.tenantId;
    bodyId = (await app.deps.store.meetingBody(tenantId, "demo-meeting"))!;
  }, 60_000);
  afterAll(async () => {
    await renderCardShots();
    await h?.close();
  });

  const send = (conversationId: string, extra: Record<string, unknown>, channelData: Record<string, unknown> = {}) =>
    h.send({ ...extra, channelData: { tenant: { id: "teams-tenant" }, ...channelData } }, { id: conversationId, conversationType: "groupChat" });
  const drain = () => h.drain();
  const content = (a: SentActivity) => (a.body.attachments?.[0]?.content ?? {}) as Record<string, unknown>;
  const text = (a: SentActivity) => JSON.stringify(content(a));
  const meetingStart = (teamsMeetingId: string) => ({
    type: "event", name: "application/vnd.microsoft.meetingStart", id: `start-${teamsMeetingId}-${++starts}`,
    value: { Id: teamsMeetingId, MeetingType: "Scheduled", JoinUrl: "https://teams.example/join", Title: "LSG", StartTime: new Date().toISOString() },
  });

  it("uses the tab's link on its first activity in a chat: no koppla, the real reference replaces the placeholder", async () => {
    await app.deps.store.linkTeamsChat({ tenantId, chatId: tabChat, bodyId, meetingId: "demo-meeting", teamsMeetingId: "MCtab" });
    expect(await app.deps.store.conversationsOfMeeting(tenantId, "demo-meeting")).toEqual([]); // a placeholder is no place to post

    const { sent: welcome } = await send(tabChat, { type: "conversationUpdate", membersAdded: [{ id: "28:paragraf-bot" }] });
    expect(text(welcome[0]!)).toContain("Jag lägger in dagordningen");
    const saved = await app.deps.store.getConversation(tenantId, tabChat);
    expect(saved).toMatchObject({ meetingId: "demo-meeting", bodyId, reference: { serviceUrl: connector.url, conversation: { id: tabChat } } });
    expect((await app.deps.store.conversationsOfMeeting(tenantId, "demo-meeting")).map((c) => c.conversationId)).toEqual([tabChat]);

    const { sent: answer } = await send(tabChat, { type: "message", text: "agenda" });
    expect(text(answer[0]!)).toContain("Dagordning / Agenda");

    const before = connector.sent.length;
    await send(tabChat, meetingStart("MCtab"), { meeting: { id: "MCtab" }, eventType: "MeetingStart" });
    await drain();
    const posted = connector.sent.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe(tabChat);
    expect(text(posted[0]!)).toContain("Dagordning / Agenda");
  });

  it("finds the meeting of a start event by its Teams meeting id when the chat itself was not linked", async () => {
    await app.deps.store.linkTeamsChat({ tenantId, chatId: "19:meeting_other@thread.v2", bodyId, meetingId: "demo-meeting", teamsMeetingId: "MCother" });
    const before = connector.sent.length;
    await send("19:channel_meeting@thread.tacv2", meetingStart("MCother"), { meeting: { id: "MCother" }, eventType: "MeetingStart" });
    await drain();
    const posted = connector.sent.slice(before);
    expect(posted.map((a) => a.conversationId)).toEqual(["19:channel_meeting@thread.tacv2"]);
    expect(text(posted[0]!)).toContain("Dagordning / Agenda");
    expect((await app.deps.store.getConversation(tenantId, "19:channel_meeting@thread.tacv2"))?.meetingId).toBe("demo-meeting");
  });

  it("lets only the body's secretary or chair, or the meeting's organizer or presenters, link a chat", async () => {
    const meeting = { meeting: { id: "MCroles" } };
    const refusal = "Bara organets sekreterare eller ordförande";
    // A member who is only an attendee of the Teams meeting is refused, in Swedish and English.
    connector.participants.set("MCroles/dev-member", "Attendee");
    const { sent: refused } = await send("19:roles@thread.v2", { type: "message", text: "koppla demo-meeting", from: johan }, meeting);
    expect(text(refused[0]!)).toContain(refusal);
    expect(text(refused[0]!)).toContain("Only the body's secretary or chair, or the meeting's organizer or presenters");
    expect((await app.deps.store.getConversation(tenantId, "19:roles@thread.v2"))?.meetingId).toBeUndefined();
    const lookup = connector.requests.filter((r) => r.path.startsWith("/v1/meetings/")).at(-1)!;
    expect(lookup).toMatchObject({ method: "GET", path: "/v1/meetings/MCroles/participants/dev-member", query: { tenantId: "teams-tenant" } });
    await saveCardShots({ "link-refused": content(refused[0]!) });

    // The meeting's organizer may, though not the body's secretary or chair.
    connector.participants.set("MCroles/dev-member", "Organizer");
    const { sent: allowed } = await send("19:roles@thread.v2", { type: "message", text: "koppla demo-meeting", from: johan }, meeting);
    expect(text(allowed[0]!)).toContain("kopplad till mötet");
    expect((await app.deps.store.getConversation(tenantId, "19:roles@thread.v2"))?.meetingId).toBe("demo-meeting");

    // When the lookup fails, only body roles count: the organizer is refused, the secretary is not asked about.
    connector.participantFailure = 500;
    const { sent: failed } = await send("19:roles2@thread.v2", { type: "message", text: "link demo-meeting", from: johan }, meeting);
    expect(text(failed[0]!)).toContain(refusal);
    const asked = connector.requests.length;
    const { sent: secretary } = await send("19:roles2@thread.v2", { type: "message", text: "koppla demo-meeting" }, meeting);
    expect(text(secretary[0]!)).toContain("kopplad till mötet");
    expect(connector.requests.length).toBe(asked);
    connector.participantFailure = undefined;
  });

  it("announces a change request to the secretary in the linked chats, by mention, and 1:1, once", async () => {
    const sec = await devToken(app, "dev-secretary");
    const url = "/api/meetings/demo-meeting";
    let seq = (await call(app, "GET", url, sec)).json.seq as number;
    for (const path of ["/open", "/close"]) seq = (await call(app, "POST", `${url}${path}`, sec, { expectedSeq: seq })).json.seq as number;
    const hash = (await call(app, "GET", `${url}/protocol?format=html`, sec)).json.hash as string;
    expect((await call(app, "POST", `${url}/protocol/send-for-justering`, sec, { expectedSeq: seq, hash })).status).toBe(200);
    await drain();

    const comment = "**Fel** i § 3: ${user.name} ska inte stå där. <at>Alla</at> [länk](https://evil.example)";
    const astrid = { id: "29:astrid", name: "Astrid Lindqvist", aadObjectId: "dev-chair" };
    const res = await send(tabChat, { type: "invoke", name: "adaptiveCard/action", from: astrid, value: { action: { type: "Action.Execute", verb: "begarAndring", data: { meetingId: "demo-meeting", version: 1, hash, comment } }, trigger: "manual" } });
    expect(JSON.stringify(res.json())).toContain("Din begäran om ändring har skickats");
    const meeting = (await call(app, "GET", url, sec)).json.meeting as { status: string; protocol: { changeRequests: { comment: string }[] } };
    expect(meeting.status).toBe("drafted");
    expect(meeting.protocol.changeRequests.map((r) => r.comment)).toEqual([comment]);

    const before = connector.sent.length;
    const requestsBefore = connector.requests.length;
    await drain();
    const notices = connector.sent.slice(before).filter((a) => text(a).includes("Begäran om ändring"));
    const linked = (await app.deps.store.conversationsOfMeeting(tenantId, "demo-meeting")).map((c) => c.conversationId);
    expect(notices.filter((a) => linked.includes(a.conversationId)).map((a) => a.conversationId).sort()).toEqual([...linked].sort());
    expect(notices.every((a) => a.method === "POST")).toBe(true);
    const inChat = notices.find((a) => a.conversationId === tabChat)!;
    const card = content(inChat) as { body: { text?: string; items?: { text: string }[] }[]; msteams: unknown; actions: { url: string }[] };
    expect(JSON.stringify(card.body)).toContain("<at>Elin Strand</at>: Astrid Lindqvist vill att protokollet ändras.");
    expect(card.msteams).toEqual({ entities: [{ type: "mention", text: "<at>Elin Strand</at>", mentioned: { id: "29:elin", name: "Elin Strand" } }] });
    const quoted = card.body.find((b) => b.items)!.items![0]!.text;
    expect(quoted).toBe("\\*\\*Fel\\*\\* i § 3: $\u200b{user.name} ska inte stå där. <\u200bat>Alla<\u200b/at> \\[länk\\](https://evil.example)");
    expect(card.actions[0]!.url).toBe("http://localhost:3978/?meeting=demo-meeting");
    // The comment's own <at> is broken up and no mention: only the secretary's entity exists.
    expect((card.msteams as { entities: unknown[] }).entities).toHaveLength(1);

    // The round's justering card now says it was withdrawn, with the request, and offers no buttons.
    const withdrawn = connector.sent.slice(before).filter((a) => a.conversationId === tabChat && text(a).includes("Justeringen är avbruten")).at(-1)!;
    expect(withdrawn.method).toBe("PUT");
    expect(text(withdrawn)).toContain("Astrid Lindqvist: \\\\*\\\\*Fel");
    expect(text(withdrawn)).not.toContain("Justera / Sign");
    await saveCardShots({ "justering-withdrawn": content(withdrawn) });

    // 1:1 to the secretary: the bot opened the conversation with her and posted there too.
    const opened = connector.requests.slice(requestsBefore).filter((r) => r.path === "/v3/conversations");
    expect(opened.map((r) => (r.body.members as { id: string }[])[0]!.id)).toContain("29:elin");
    const personal = notices.filter((a) => a.conversationId === "a:personal-29:elin");
    expect(personal).toHaveLength(1);
    await saveCardShots({ "change-request-chat": content(inChat), "change-request-1to1": content(personal[0]!) });

    // A redelivered job posts nothing twice: the same key is one outbox job, and a rerun updates.
    const after = connector.sent.length;
    const at = (await call(app, "GET", url, sec)).json.meeting as { protocol: { changeRequests: { at: string }[] } };
    await app.deps.store.enqueue(tenantId, [{ kind: "card.changeRequest", key: "card.changeRequest:rerun", payload: { meetingId: "demo-meeting", personId: "p-astrid", version: 1, at: at.protocol.changeRequests[0]!.at } }]);
    await drain();
    const rerun = connector.sent.slice(after).filter((a) => text(a).includes("Begäran om ändring"));
    expect(rerun.length).toBeGreaterThan(0);
    expect(rerun.every((a) => a.method === "PUT")).toBe(true);
  });
});
