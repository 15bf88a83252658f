import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";

describe.each(backends())("meeting API on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let member: string;
  let guest: string;
  let meetingId: string;
  let seq: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    member = await t.token(tenantA, "oid-m1", "Mats Ledamot");
    guest = await t.token(tenantA, "oid-stranger", "Okänd Gäst");
    const body = await call(t.app, "POST", "/api/bodies", sec, {
      id: "lsg", name: "Länssamverkansgruppen", dnrPrefix: "LSG", roster: apiRoster, settings: { seriesStarts: { "2026": 46 } },
    });
    expect(body.status).toBe(201);
    const created = await call(t.app, "POST", "/api/bodies/lsg/meetings", sec, { details: { date: "2026-09-19", startTime: "08:00", endTime: "11:00", dnr: "LSG 129-2026" } });
    expect(created.status).toBe(201);
    meetingId = (created.json.meeting as { id: string }).id;
    seq = created.json.seq as number;
  });
  afterAll(() => t?.close());

  const write = async (method: string, path: string, body: Record<string, unknown> = {}, token = sec) => {
    const res = await call(t.app, method, `/api/meetings/${meetingId}${path}`, token, { expectedSeq: seq, ...body });
    if (res.status === 200) seq = res.json.seq as number;
    return res;
  };

  it("creates a meeting numbered on from the body's series, with the standard agenda", async () => {
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}`, sec);
    expect(res.status).toBe(200);
    const meeting = res.json.meeting as { items: { title: string }[]; firstParagraph: number; details: { place: string } };
    expect(meeting.firstParagraph).toBe(46);
    expect(meeting.items.map((i) => i.title)).toContain("Val av justerare");
    expect(meeting.details.place).toBe("Teams");
    expect(res.json.canEdit).toBe(true);
  });

  it("runs a meeting through the routes: agenda, roles, attendance, items, decisions, assignments", async () => {
    const add = await write("POST", "/agenda/items", { itemId: "egenvard", content: { kind: "decision", title: "Reviderad överenskommelse – egenvård", presenters: ["Sofie T"] } });
    expect(add.status).toBe(200);
    expect((await write("PATCH", "/agenda/items/egenvard", { content: { background: "Lagen om egenvård (2022:1250)." } })).status).toBe(200);
    expect((await write("POST", "/agenda/publish")).status).toBe(200);
    expect((await write("PUT", "/roles", { adjusterIds: ["p-m1"] })).status).toBe(200);
    expect((await write("PUT", "/attendance/p-m2", { attendance: { status: "partial", toParagraph: 48 } })).status).toBe(200);
    expect((await write("POST", "/open")).status).toBe(200);
    expect((await write("POST", "/items/egenvard/open")).status).toBe(200);
    expect((await write("PUT", "/items/egenvard/decision", { decision: { outcome: "decided", clauses: ["anta överenskommelsen", "gälla från 1 april"] } })).status).toBe(200);
    expect((await write("POST", "/items/egenvard/assignments", { assignment: { owner: "Socialchefsnätverket", task: "Återkoppla om utbildning", due: "2026-12-12" } })).status).toBe(200);
    expect((await write("PUT", "/items/egenvard/reservations/p-m2", { motivation: "Skriftlig reservation" })).status).toBe(200);
    const close = await write("POST", "/items/egenvard/close");
    expect(close.status).toBe(200);
    expect((close.json.events as { event: { type: string } }[]).map((e) => e.event.type)).toEqual(["item.closed"]);

    const state = await call(t.app, "GET", `/api/meetings/${meetingId}`, member);
    const item = (state.json.meeting as { items: { id: string; status: string; decision: { clauses: string[] } }[] }).items.find((i) => i.id === "egenvard");
    expect(item?.status).toBe("handled");
    expect(item?.decision.clauses).toEqual(["anta överenskommelsen", "gälla från 1 april"]);
    expect(state.json.canEdit).toBe(false);
    expect(state.json.myRoles).toEqual(expect.arrayContaining(["member", "justerare"]));

    const decisions = await call(t.app, "GET", "/api/bodies/lsg/decisions?text=egenvård", member);
    expect(decisions.status).toBe(200);
    expect(decisions.json.decisions).toEqual([expect.objectContaining({ itemId: "egenvard", paragraph: 50, outcome: "decided" })]);
    const assignments = await call(t.app, "GET", "/api/bodies/lsg/assignments", member);
    expect(assignments.json.assignments).toEqual([expect.objectContaining({ owner: "Socialchefsnätverket", due: "2026-12-12", paragraph: 50 })]);
    const list = await call(t.app, "GET", "/api/bodies/lsg/meetings", guest);
    expect(list.json.meetings).toEqual([expect.objectContaining({ meetingId, status: "open", firstParagraph: 46 })]);
  });

  it("explains domain errors in Swedish and English with the right status", async () => {
    const res = await write("POST", "/items/egenvard/close", { decision: { outcome: "referredBack", clauses: [] } });
    expect(res.status).toBe(422);
    expect(res.json.error?.code).toBe("motivationRequired");
    expect(res.json.error?.message.sv).toMatch(/motivering/);
    expect(res.json.error?.message.en).toMatch(/motivation/);
    const missing = await write("POST", "/items/nope/open");
    expect(missing.status).toBe(404);
  });

  it("lets members and guests read but never write", async () => {
    expect((await call(t.app, "GET", `/api/meetings/${meetingId}`, guest)).status).toBe(200);
    const byGuest = await write("POST", "/agenda/items", { content: { kind: "information", title: "Smygärende" } }, guest);
    expect(byGuest.status).toBe(403);
    expect(byGuest.json.error?.code).toBe("forbidden");
    expect((await write("POST", "/close", {}, member)).status).toBe(403);
    expect((await call(t.app, "POST", "/api/bodies/lsg/meetings", member, { details: { date: "2026-10-01", startTime: "09:00" } })).status).toBe(403);
  });

  it("gives a racing writer 409 with the current sequence, and the log holds one valid sequence", async () => {
    const base = seq;
    const attempt = (title: string) =>
      call(t.app, "POST", `/api/meetings/${meetingId}/agenda/items`, sec, { expectedSeq: base, content: { kind: "information", title } });
    const results = await Promise.all([attempt("Första"), attempt("Andra")]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.json.error?.code).toBe("conflict");
    expect(loser.json.error?.details?.currentSeq).toBe(base + 1);
    const events = await call(t.app, "GET", `/api/meetings/${meetingId}/events?after=${base}`, sec);
    expect((events.json.events as unknown[]).length).toBe(1);
    seq = base + 1;
  });

  it("answers 401 without a valid token", async () => {
    expect((await call(t.app, "GET", `/api/meetings/${meetingId}`)).status).toBe(401);
    const res = await call(t.app, "GET", "/api/bodies", "not.a.token");
    expect(res.status).toBe(401);
    expect(res.json.error?.code).toBe("unauthenticated");
  });

  it("keeps the event log as the audit trail: who did what and when", async () => {
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}/events`, sec);
    const events = res.json.events as { seq: number; actor: { userId: string }; event: { type: string } }[];
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.find((e) => e.event.type === "decision.recorded")?.actor.userId).toBe("oid-sec");
  });
});
