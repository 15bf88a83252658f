/**
 * Teams links: the tab's configuration links the meeting chat (its `chat.id`, which is the bot's
 * conversation id) and the Teams meeting id to a Paragraf meeting; every tab in the meeting and the bot
 * find the meeting from it. Scoped by tenant like everything else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, tenantB, type TestApp } from "../support/test-app";

const chatId = "19:meeting_NjFhZTk1YzItY2Q0Ni00ZTE3LWI4YTctZDk3YjYxZmFmZDQ1@thread.v2";
const teamsMeetingId = "MCMxOTptZWV0aW5nX05qRmhaVGsxWXpJdFkyUTBOaTAwWlRFM0BoaHJlYWQudjIjMA==";

describe.each(backends())("Teams links on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let member: string;
  let otherTenant: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    member = await t.token(tenantA, "oid-m1", "Mats Ledamot");
    otherTenant = await t.token(tenantB, "oid-sec", "Intrång Intrångsson");
    expect((await call(t.app, "POST", "/api/bodies", sec, { id: "lsg", name: "Samverkansgruppen", roster: apiRoster })).status).toBe(201);
    for (const [id, date] of [["m-1", "2026-05-01"], ["m-2", "2026-06-01"]] as const) {
      expect((await call(t.app, "POST", "/api/bodies/lsg/meetings", sec, { id, details: { date, startTime: "09:00" } })).status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it("finds nothing before the chat is linked", async () => {
    const res = await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`, member);
    expect(res.status).toBe(404);
    expect(res.json.error?.code).toBe("notFound");
    expect((await call(t.app, "GET", "/api/teams-links", member)).status).toBe(400);
  });

  it("lets the secretary link the chat, and anyone in the tenant find the meeting by chat id or Teams meeting id", async () => {
    const put = await call(t.app, "PUT", "/api/meetings/m-1/teams-link", sec, { chatId, teamsMeetingId });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toEqual({ meetingId: "m-1", bodyId: "lsg" });
    const byChat = await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`, member);
    expect(byChat.json).toEqual({ meetingId: "m-1", bodyId: "lsg" });
    const byMeeting = await call(t.app, "GET", `/api/teams-links?teamsMeetingId=${encodeURIComponent(teamsMeetingId)}`, member);
    expect(byMeeting.json).toEqual({ meetingId: "m-1", bodyId: "lsg" });
    // An unknown chat id falls back to the Teams meeting id.
    const fallback = await call(t.app, "GET", `/api/teams-links?chatId=19%3Aother%40thread.v2&teamsMeetingId=${encodeURIComponent(teamsMeetingId)}`, member);
    expect(fallback.json).toEqual({ meetingId: "m-1", bodyId: "lsg" });
  });

  it("refuses members, unknown meetings and malformed ids", async () => {
    const byMember = await call(t.app, "PUT", "/api/meetings/m-2/teams-link", member, { chatId });
    expect(byMember.status).toBe(403);
    expect(byMember.json.error?.message.sv).toBeTruthy();
    expect((await call(t.app, "PUT", "/api/meetings/nope/teams-link", sec, { chatId })).status).toBe(404);
    expect((await call(t.app, "PUT", "/api/meetings/m-2/teams-link", sec, { chatId: "<script>" })).status).toBe(400);
    expect((await call(t.app, "PUT", "/api/meetings/m-2/teams-link", sec, { chatId, extra: 1 })).status).toBe(400);
    expect((await call(t.app, "PUT", "/api/meetings/m-2/teams-link", sec, { chatId: "x".repeat(401) })).status).toBe(400);
    expect((await call(t.app, "GET", "/api/teams-links?chatId=a&chatId=b", member)).status).toBe(400);
    expect((await call(t.app, "GET", "/api/teams-links?chatId=a&other=1", member)).status).toBe(400);
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`)).status).toBe(401);
    expect((await call(t.app, "PUT", "/api/meetings/m-2/teams-link", undefined, { chatId })).status).toBe(401);
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`, member)).json.meetingId).toBe("m-1");
  });

  it("never lets a secretary take over another body's chat or a personal conversation", async () => {
    // Another body in the same tenant, whose secretary links its own chat.
    const other = await t.token(tenantA, "oid-other-sec", "Olga Annan");
    const roster = [{ id: "p-olga", name: "Olga Annan", organisation: "Region", roles: ["sekreterare"], userId: "oid-other-sec" }];
    expect((await call(t.app, "POST", "/api/bodies", other, { id: "annan", name: "Annan grupp", roster })).status).toBe(201);
    expect((await call(t.app, "POST", "/api/bodies/annan/meetings", other, { id: "a-1", details: { date: "2026-07-01", startTime: "09:00" } })).status).toBe(201);
    const theirChat = "19:meeting_annan@thread.v2";
    expect((await call(t.app, "PUT", "/api/meetings/a-1/teams-link", other, { chatId: theirChat })).status).toBe(200);
    // The first body's secretary cannot move it to her meeting.
    const takeover = await call(t.app, "PUT", "/api/meetings/m-2/teams-link", sec, { chatId: theirChat });
    expect(takeover.status).toBe(409);
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(theirChat)}`, other)).json).toEqual({ meetingId: "a-1", bodyId: "annan" });
    // A personal conversation with the bot is never a meeting chat.
    await t.app.deps.store.saveConversation({ tenantId: tenantA, conversationId: "a:personal-olga", reference: { conversation: { id: "a:personal-olga", conversationType: "personal" } } });
    expect((await call(t.app, "PUT", "/api/meetings/m-2/teams-link", sec, { chatId: "a:personal-olga" })).status).toBe(403);
  });

  it("is scoped by tenant: another tenant neither finds nor moves the link, and may link its own chat of the same id", async () => {
    const find = await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}&teamsMeetingId=${encodeURIComponent(teamsMeetingId)}`, otherTenant);
    expect(find.status).toBe(404);
    expect(find.text).not.toMatch(/m-1|lsg/);
    expect((await call(t.app, "PUT", "/api/meetings/m-1/teams-link", otherTenant, { chatId })).status).toBe(404);
    expect((await call(t.app, "POST", "/api/bodies", otherTenant, { id: "lsg", name: "Annan nämnd", roster: [{ id: "p-x", name: "X", roles: ["sekreterare"], userId: "oid-sec" }] })).status).toBe(201);
    expect((await call(t.app, "POST", "/api/bodies/lsg/meetings", otherTenant, { id: "m-b", details: { date: "2026-05-01", startTime: "09:00" } })).status).toBe(201);
    expect((await call(t.app, "PUT", "/api/meetings/m-b/teams-link", otherTenant, { chatId })).status).toBe(200);
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`, otherTenant)).json.meetingId).toBe("m-b");
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`, member)).json.meetingId).toBe("m-1");
  });

  it("keeps the link as a placeholder the bot completes: its first save keeps the meeting and replaces the reference", async () => {
    const store = t.app.deps.store;
    const placeholder = await store.getConversation(tenantA, chatId);
    expect(placeholder).toMatchObject({ meetingId: "m-1", bodyId: "lsg", teamsMeetingId, reference: {} });
    // Nothing is posted to a chat the bot has not seen: cards go to real references only.
    expect(await store.conversationsOfMeeting(tenantA, "m-1")).toEqual([]);

    const reference = { conversation: { id: chatId }, serviceUrl: "https://smba.trafficmanager.net/emea/", users: {} };
    await store.saveConversation({ tenantId: tenantA, conversationId: chatId, reference });
    const saved = await store.getConversation(tenantA, chatId);
    expect(saved).toMatchObject({ meetingId: "m-1", bodyId: "lsg", teamsMeetingId, reference });
    expect((await store.conversationsOfMeeting(tenantA, "m-1")).map((c) => c.conversationId)).toEqual([chatId]);

    // Linking again (a new meeting in the same chat) moves the link and keeps the bot's reference.
    expect((await call(t.app, "PUT", "/api/meetings/m-2/teams-link", sec, { chatId })).status).toBe(200);
    expect(await store.getConversation(tenantA, chatId)).toMatchObject({ meetingId: "m-2", teamsMeetingId, reference });
    expect(await store.conversationsOfMeeting(tenantA, "m-1")).toEqual([]);
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(chatId)}`, member)).json.meetingId).toBe("m-2");
  });
});
