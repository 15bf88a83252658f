import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bot/src/composition-root";
import { cardJobHandlers } from "../../bot/src/agent/card-jobs";
import { createCardSender } from "../../bot/src/agent/card-sender";
import { createOutboxWorker } from "../../bot/src/outbox/outbox-worker";
import type { StubConnector } from "../support/stub-connector";
import { startBotHarness, type BotHarness } from "./support/bot-harness";

describe("the bot in a meeting chat (Agents SDK, anonymous local mode)", () => {
  let h: BotHarness;
  let app: App;
  let connector: StubConnector;

  beforeAll(async () => {
    h = await startBotHarness({ chat: "19:meeting_demo@thread.v2", from: { id: "29:user-1", name: "Elin Strand", aadObjectId: "dev-secretary" } });
    ({ app, connector } = h);
  });
  afterAll(() => h?.close());

  const activity = (extra: Record<string, unknown>) => h.activity(extra);
  const send = async (extra: Record<string, unknown>) => (await h.send(extra)).sent;
  const cardText = (card: Record<string, unknown>) => JSON.stringify(card);

  it("welcomes when added to the chat and remembers the conversation", async () => {
    const sent = await send({ type: "conversationUpdate", membersAdded: [{ id: "28:paragraf-bot" }] });
    expect(sent).toHaveLength(1);
    expect(decodeURIComponent(sent[0]!.path)).toMatch(/^\/v3\/conversations\/19:meeting_demo@thread\.v2\/activities/);
    expect(cardText(sent[0]!.body.attachments![0]!.content)).toContain("Jag lägger in dagordningen");
  });

  it("asks to be linked before it answers about a meeting", async () => {
    const [reply] = await send({ type: "message", text: "agenda" });
    expect(cardText(reply!.body.attachments![0]!.content)).toContain("inte kopplad");
  });

  it("links to a meeting by id, then answers agenda, beslut and status from it", async () => {
    const [linked] = await send({ type: "message", text: "koppla demo-meeting" });
    expect(cardText(linked!.body.attachments![0]!.content)).toContain("kopplad till mötet");
    const [agenda] = await send({ type: "message", text: "<at>Paragraf</at> dagordning" });
    const card = agenda!.body.attachments![0]!.content as { version: string; body: unknown[] };
    expect(card.version).toBe("1.5");
    expect(cardText(card)).toContain("§ 46");
    expect(cardText(card)).toContain("Reviderad länsöverenskommelse om egenvård");
    const [decisions] = await send({ type: "message", text: "beslut" });
    expect(cardText(decisions!.body.attachments![0]!.content)).toContain("Inga beslut ännu");
    const [status] = await send({ type: "message", text: "status" });
    expect(cardText(status!.body.attachments![0]!.content)).toContain("Planerat / Planned");
  });

  it("posts the agenda at meeting start once, even when Teams redelivers the event", async () => {
    const start = {
      type: "event", name: "application/vnd.microsoft.meetingStart", id: "meeting-start-1",
      channelData: { tenant: { id: "teams-tenant" }, meeting: { id: "MCMeeting" }, eventType: "MeetingStart" },
      value: { Id: "MCMeeting", MeetingType: "Scheduled", JoinUrl: "https://teams.example/join", Title: "LSG", StartTime: new Date().toISOString() },
    };
    const before = connector.sent.length;
    await send(start);
    await send(start);
    await app.worker.runOnce();
    const posted = connector.sent.slice(before);
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!.body.attachments![0]!.content)).toContain("Dagordning / Agenda");
  });

  it("refuses to link to a meeting that does not exist, and explains unknown commands", async () => {
    const [missing] = await send({ type: "message", text: "koppla no-such-meeting" });
    expect(cardText(missing!.body.attachments![0]!.content)).toContain("finns inte");
    const [unknown] = await send({ type: "message", text: "sjung en sång" });
    expect(cardText(unknown!.body.attachments![0]!.content)).toContain("hjälp");
    const [help] = await send({ type: "message", text: "help" });
    expect(cardText(help!.body.attachments![0]!.content)).toContain("koppla");
  });

  it("posts a decision card when an item closes and updates the same message on a correction", async () => {
    const token = (await app.server.inject({ method: "POST", url: "/api/dev/token", payload: { userId: "dev-secretary" } })).json().token as string;
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await app.server.inject({ method: method as "POST", url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body as object } : {}) });
      return res.json() as { seq: number; meeting: { items: { id: string; title: string }[] } };
    };
    const current = await api("GET", "/api/meetings/demo-meeting");
    const meeting = current.meeting;
    let seq = current.seq;
    const item = meeting.items.find((i) => i.title.startsWith("Reviderad"))!;
    for (const [path, body] of [
      ["/open", {}],
      [`/items/${item.id}/open`, {}],
      [`/items/${item.id}/close`, { decision: { outcome: "decided", clauses: ["anta **överenskommelsen** [länk](https://x.example)"] } }],
    ] as const) {
      seq = (await api("POST", `/api/meetings/demo-meeting${path}`, { expectedSeq: seq, ...body })).seq;
    }
    const before = connector.sent.length;
    expect(await app.worker.runOnce()).toBeGreaterThanOrEqual(1);
    const posted = connector.sent.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.method).toBe("POST");
    const text = cardText(posted[0]!.body.attachments![0]!.content);
    expect(text).toContain("§ 51");
    expect(text).toContain("Länssamverkansgruppen Norrbygden beslutar");
    const clause = (posted[0]!.body.attachments![0]!.content.body as { text: string }[]).find((b) => b.text.includes("överenskommelsen"))!.text;
    expect(clause).toBe("att anta \\*\\*överenskommelsen\\*\\* \\[länk\\](https://x.example)");

    seq = (await api("PUT", `/api/meetings/demo-meeting/items/${item.id}/decision`, { expectedSeq: seq, decision: { outcome: "decided", clauses: ["anta överenskommelsen", "gälla från 1 april"] } })).seq;
    await app.worker.runOnce();
    const updated = connector.sent.slice(before + 1);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.method).toBe("PUT");
    expect(decodeURIComponent(updated[0]!.path)).toMatch(/\/activities\/activity-\d+$/);
    expect(cardText(updated[0]!.body.attachments![0]!.content)).toContain("gälla från 1 april");
    expect(await app.worker.runOnce()).toBe(0);
  });

  it("collects justering with Action.Execute: one signature per click, stale cards refused, sealed at the last", async () => {
    const tokenOf = async (userId: string) => (await app.server.inject({ method: "POST", url: "/api/dev/token", payload: { userId } })).json().token as string;
    const sec = await tokenOf("dev-secretary");
    const post = async (path: string, body: Record<string, unknown>) => {
      const res = await app.server.inject({ method: "POST", url: `/api/meetings/demo-meeting${path}`, headers: { authorization: `Bearer ${sec}` }, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { seq: number };
    };
    const seq = (await app.server.inject({ method: "GET", url: "/api/meetings/demo-meeting", headers: { authorization: `Bearer ${sec}` } })).json().seq as number;
    const closed = (await post("/close", { expectedSeq: seq })).seq;
    const stale = await app.server.inject({ method: "POST", url: "/api/meetings/demo-meeting/protocol/send-for-justering", headers: { authorization: `Bearer ${sec}` }, payload: { expectedSeq: closed, hash: "a".repeat(64) } });
    expect(stale.statusCode).toBe(409); // a hash that is not the protocol's is refused
    const preview = await app.server.inject({ method: "GET", url: "/api/meetings/demo-meeting/protocol?format=html", headers: { authorization: `Bearer ${sec}` } });
    const hash = preview.headers["x-paragraf-protocol-hash"] as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await post("/protocol/send-for-justering", { expectedSeq: closed, hash });
    let before = connector.sent.length;
    await app.worker.runOnce();
    const [posted] = connector.sent.slice(before);
    expect(posted?.method).toBe("POST");
    const shared = posted!.body.attachments![0]!.content as { actions: { verb?: string; data?: Record<string, unknown> }[]; refresh: unknown };
    expect(cardText(shared)).toContain("Justering av protokoll");
    // The secretary has written in this chat, so Teams knows to show her her own view of the card.
    expect(shared.refresh).toMatchObject({ action: { verb: "refresh" }, userIds: ["29:user-1"] });
    const data = shared.actions.find((a) => a.verb === "justera")!.data!;

    // Reminders wait for the last days before the deadline (14 days), one a day, and name who is pending.
    const later = (days: number) => createOutboxWorker({ store: app.deps.store, log: app.deps.log, clock: { now: () => new Date(Date.now() + days * 86_400_000) }, handlers: cardJobHandlers({ deps: app.deps, sender: createCardSender({ adapter: app.agentAdapter, store: app.deps.store }), publicUrl: "http://localhost:3978" }) });
    const beforeReminders = connector.sent.length;
    expect(await later(10).runOnce()).toBe(0);
    expect(await later(11.5).runOnce()).toBe(1);
    expect(await later(11.5).runOnce()).toBe(0);
    const reminder = connector.sent.slice(beforeReminders);
    expect(reminder).toHaveLength(1);
    expect(cardText(reminder[0]!.body.attachments![0]!.content)).toContain("Väntar på / Waiting for: Elin Strand, Astrid Lindqvist, Maja Öberg, Sara Abdi");
    expect(data).toEqual({ meetingId: "demo-meeting", version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const click = async (aadObjectId: string, verb: string, actionData: Record<string, unknown>) => {
      const res = await app.server.inject({ method: "POST", url: "/api/messages", payload: activity({
        type: "invoke", name: "adaptiveCard/action", from: { id: `29:${aadObjectId}`, aadObjectId, name: aadObjectId },
        value: { action: { type: "Action.Execute", verb, data: actionData }, trigger: "manual" },
      }) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { statusCode: number; type: string; value: { body: { text?: string }[]; actions: { verb?: string }[] } };
    };
    const signed = await click("dev-chair", "justera", data);
    expect(signed.statusCode).toBe(200);
    expect(signed.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(signed.value)).toContain("Din justering är registrerad");
    expect(signed.value.actions.some((a) => a.verb === "justera")).toBe(false);
    await click("dev-chair", "justera", data); // a double click records nothing twice
    const member = await click("dev-member", "justera", data);
    expect(cardText(member.value)).toContain("inte justerare");
    const staleCard = await click("dev-adjuster", "justera", { ...data, version: 0 });
    expect(cardText(staleCard.value)).toContain("har ändrats");
    const meeting = (await app.server.inject({ method: "GET", url: "/api/meetings/demo-meeting", headers: { authorization: `Bearer ${sec}` } })).json().meeting as { status: string; protocol: { signatures: { personId: string }[] } };
    expect(meeting.protocol.signatures.map((s) => s.personId)).toEqual(["p-astrid"]);

    before = connector.sent.length;
    for (const user of ["dev-secretary", "dev-adjuster", "dev-adjuster2"]) await click(user, "justera", data);
    const sealed = (await app.server.inject({ method: "GET", url: "/api/meetings/demo-meeting", headers: { authorization: `Bearer ${sec}` } })).json().meeting as { status: string };
    expect(sealed.status).toBe("sealed");
    await app.worker.runOnce(); // the sealed card and the filing in the local archive
    await app.worker.runOnce(); // the card again, now with the archive link
    const updates = connector.sent.slice(before);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.method === "PUT")).toBe(true);
    expect(cardText(updates.at(-1)!.body.attachments![0]!.content)).toContain("Protokollet är justerat");
    expect(cardText(updates.at(-1)!.body.attachments![0]!.content)).toContain("Arkiverat / Filed: file://");
    expect(await later(13.5).runOnce()).toBeGreaterThanOrEqual(2); // the later reminders find the protocol sealed: nothing is posted
    expect(connector.sent.slice(before).length).toBe(updates.length);
  });

  it("answers 400 to something that is not an activity", async () => {
    const res = await app.server.inject({ method: "POST", url: "/api/messages", payload: { hello: "world" } });
    expect(res.statusCode).toBe(400);
  });
});
