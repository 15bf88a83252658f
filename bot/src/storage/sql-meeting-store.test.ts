import { randomUUID } from "node:crypto";
import { BodyVersionConflictError, ConcurrencyConflictError, foldEvents, type MeetingStore } from "@paragraf/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { createSqlMeetingStore } from "./sql-meeting-store";
import { testBackends } from "./test-backends";
import { chair, createMeeting, decisionItemCommands, prepareCommands, prepareNewMeeting, runCommands, sampleBody } from "./test-meetings";

const newTenant = () => `tenant-${randomUUID()}`;

describe.each(testBackends())("SqlMeetingStore on $name", (backend) => {
  let database: Database;
  let store: MeetingStore;

  beforeAll(async () => {
    database = await backend.open();
    store = createSqlMeetingStore(database);
  });
  afterAll(() => store.close());

  it("stores events and loads them back exactly, in order, after a given seq", async () => {
    const body = sampleBody(newTenant());
    const created = prepareNewMeeting(body, "m1", "2025-03-10");
    const appended = await store.append(created.input);
    expect(appended.map((e) => e.seq)).toEqual(created.input.events.map((_, i) => i + 1));
    const loaded = await store.loadEvents(body.tenantId, "m1");
    expect(loaded).toEqual(appended);
    expect(loaded[0]).toEqual({ seq: 1, at: "2025-03-10T08:00:00.000Z", actor: chair, event: created.input.events[0] });
    expect(foldEvents(body.tenantId, "m1", loaded)).toEqual(created.next);
    expect(await store.loadEvents(body.tenantId, "m1", 6)).toEqual(appended.slice(6));
    expect(await store.loadEvents(body.tenantId, "unknown")).toEqual([]);
    expect(await store.meetingBody(body.tenantId, "m1")).toBe(body.id);
  });

  it("rejects a stale expectedSeq with the current seq and writes nothing", async () => {
    const body = sampleBody(newTenant());
    const state = await createMeeting(store, body, "m1", "2025-03-10", { open: true });
    const stale = prepareCommands({ ...state, seq: state.seq - 1 }, [{ type: "agenda.publish" }], new Date());
    await expect(store.append(stale.input)).rejects.toEqual(new ConcurrencyConflictError(state.seq));
    const again = prepareNewMeeting(body, "m1", "2025-03-10");
    await expect(store.append(again.input)).rejects.toMatchObject({ name: "ConcurrencyConflictError", currentSeq: state.seq });
    const ahead = prepareCommands({ ...state, seq: state.seq + 5 }, [{ type: "agenda.publish" }], new Date());
    await expect(store.append(ahead.input)).rejects.toMatchObject({ currentSeq: state.seq });
    expect((await store.loadEvents(body.tenantId, "m1")).length).toBe(state.seq);
    expect((await store.listMeetings(body.tenantId, body.id))[0]?.seq).toBe(state.seq);
  });

  it("lets exactly one of several concurrent appends with the same expectedSeq win", async () => {
    const body = sampleBody(newTenant());
    const creations = Array.from({ length: 4 }, () => prepareNewMeeting(body, "race", "2025-04-01"));
    const created = await Promise.allSettled(creations.map((c) => store.append(c.input)));
    expect(created.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const firstSeq = creations[0]?.next.seq ?? 0;
    for (const r of created) if (r.status === "rejected") expect(r.reason).toEqual(new ConcurrencyConflictError(firstSeq));

    const state = creations[0]?.next ?? expect.unreachable();
    const writers = Array.from({ length: 5 }, (_, i) =>
      prepareCommands(state, [{ type: "meeting.updateDetails", details: { place: `Rum ${i}` } }], new Date()));
    const results = await Promise.allSettled(writers.map((w) => store.append(w.input)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toEqual(new ConcurrencyConflictError(firstSeq + 1));
    const log = await store.loadEvents(body.tenantId, "race");
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: firstSeq + 1 }, (_, i) => i + 1));
  });

  it("maps a duplicate seq from the unique key to a conflict, even if the head row were behind", async () => {
    const body = sampleBody(newTenant());
    const state = await createMeeting(store, body, "m1", "2025-03-10");
    await database.db.insertInto("meeting_events").values({ tenant_id: body.tenantId, meeting_id: "m1", seq: state.seq + 1, type: "agenda.published",
      data: JSON.stringify({ type: "agenda.published" }), actor: JSON.stringify(chair), at: new Date() }).execute();
    const next = prepareCommands(state, [{ type: "meeting.open" }], new Date());
    await expect(store.append(next.input)).rejects.toEqual(new ConcurrencyConflictError(state.seq + 1));
    expect((await store.listMeetings(body.tenantId, body.id))[0]?.status).toBe("planned");
  });

  it("keeps tenants apart: the same ids in another tenant see nothing", async () => {
    const body = sampleBody(newTenant(), "shared-body");
    await store.createBody(body);
    const state = await createMeeting(store, body, "shared-meeting", "2025-05-05", { open: true });
    await runCommands(store, state, decisionItemCommands("i1", "Budget", ["att fastställa budgeten"], { id: "a1", owner: "Kansliet", task: "Verkställ" }));
    await store.saveConversation({ tenantId: body.tenantId, conversationId: "conv-1", bodyId: body.id, reference: { id: "x" } });

    const other = newTenant();
    expect(await store.getBody(other, body.id)).toBeUndefined();
    expect(await store.listBodies(other)).toEqual([]);
    expect(await store.loadEvents(other, "shared-meeting")).toEqual([]);
    expect(await store.meetingBody(other, "shared-meeting")).toBeUndefined();
    expect(await store.listMeetings(other, body.id)).toEqual([]);
    expect(await store.lastParagraphOfYear(other, body.id, 2025)).toBeUndefined();
    expect(await store.listDecisions(other, { bodyId: body.id })).toEqual([]);
    expect(await store.listAssignments(other, { bodyId: body.id })).toEqual([]);
    expect(await store.getConversation(other, "conv-1")).toBeUndefined();
    // The other tenant may create the very same ids without touching the first tenant's data.
    await store.createBody(sampleBody(other, "shared-body"));
    await store.append(prepareNewMeeting(sampleBody(other, "shared-body"), "shared-meeting", "2025-06-01").input);
    expect((await store.listMeetings(body.tenantId, body.id))[0]?.date).toBe("2025-05-05");
    expect((await store.listDecisions(body.tenantId, { bodyId: body.id })).map((d) => d.title)).toEqual(["Budget"]);
  });

  it("replaces a meeting's read models on each append", async () => {
    const body = sampleBody(newTenant());
    const opened = await createMeeting(store, body, "m1", "2025-02-03", { open: true, firstParagraph: 10 });
    const [summary] = await store.listMeetings(body.tenantId, body.id);
    expect(summary).toEqual({ ...prepareCommands(opened, [], new Date()).input.projection.summary, seq: opened.seq });
    expect(summary).toMatchObject({ status: "open", firstParagraph: 10, lastParagraph: 16, itemCount: 7, title: "Möte 2025-02-03" });

    const decided = await runCommands(store, opened, decisionItemCommands("i1", "Budget 2025", ["att godkänna budgeten"], {
      id: "a1", owner: "Elin Strand", ownerPersonId: "p-sec", task: "Skicka budgeten", due: "2025-03-01",
    }));
    expect(await store.listDecisions(body.tenantId, { bodyId: body.id })).toEqual([{
      meetingId: "m1", bodyId: body.id, itemId: "i1", paragraph: 14, meetingDate: "2025-02-03",
      title: "Budget 2025", outcome: "decided", clauses: ["att godkänna budgeten"], status: "handled",
    }]);
    expect(await store.listAssignments(body.tenantId, { bodyId: body.id })).toEqual([{
      meetingId: "m1", bodyId: body.id, itemId: "i1", assignmentId: "a1", paragraph: 14, meetingDate: "2025-02-03",
      owner: "Elin Strand", ownerPersonId: "p-sec", task: "Skicka budgeten", due: "2025-03-01",
    }]);

    const revised = await runCommands(store, decided, [
      { type: "decision.record", itemId: "i1", decision: { outcome: "decided", clauses: ["att godkänna budgeten med ändring"] } },
      { type: "assignment.remove", itemId: "i1", assignmentId: "a1" },
      { type: "meeting.close" },
    ]);
    expect((await store.listDecisions(body.tenantId, { bodyId: body.id })).map((d) => d.clauses)).toEqual([["att godkänna budgeten med ändring"]]);
    expect(await store.listAssignments(body.tenantId, { bodyId: body.id })).toEqual([]);
    expect(await store.listMeetings(body.tenantId, body.id)).toMatchObject([{ status: "closed", seq: revised.seq, lastParagraph: 17, itemCount: 8 }]);
  });

  it("filters the decision and assignment logs and orders them by meeting date and paragraph", async () => {
    const body = sampleBody(newTenant());
    const spring = await createMeeting(store, body, "spring", "2025-04-10", { open: true, firstParagraph: 1 });
    const winter = await createMeeting(store, body, "winter", "2025-01-15", { open: true, firstParagraph: 1 });
    await runCommands(store, spring, [
      ...decisionItemCommands("s1", "Årsredovisning", ["att fastställa ÅRSREDOVISNINGEN"], { id: "as1", owner: "Maja Öberg", ownerPersonId: "p-adj", task: "Skicka till revisorn", due: "2025-05-01" }),
      ...decisionItemCommands("s2", "Lokaler", ["att hyra nya lokaler"], { id: "as2", owner: "Kansliet", task: "Teckna hyresavtal", due: "2025-09-01" }),
    ]);
    await runCommands(store, winter, decisionItemCommands("w1", "Verksamhetsplan", ["att anta planen"], { id: "aw1", owner: "Johan", task: "Följ upp lokalfrågan" }));
    const titles = async (f: Omit<Parameters<MeetingStore["listDecisions"]>[1], "bodyId">) =>
      (await store.listDecisions(body.tenantId, { bodyId: body.id, ...f })).map((d) => d.title);

    expect(await titles({})).toEqual(["Verksamhetsplan", "Årsredovisning", "Lokaler"]);
    expect(await titles({ from: "2025-02-01" })).toEqual(["Årsredovisning", "Lokaler"]);
    expect(await titles({ to: "2025-04-09" })).toEqual(["Verksamhetsplan"]);
    expect(await titles({ text: "årsredovisningen" })).toEqual(["Årsredovisning"]);
    expect(await titles({ text: "LOKAL" })).toEqual(["Lokaler"]);
    expect(await titles({ text: "100%_" })).toEqual([]);
    expect(await titles({ outcome: "decided", limit: 2 })).toEqual(["Verksamhetsplan", "Årsredovisning"]);
    expect(await titles({ outcome: "tabled" })).toEqual([]);

    const tasks = async (f: Omit<Parameters<MeetingStore["listAssignments"]>[1], "bodyId">) =>
      (await store.listAssignments(body.tenantId, { bodyId: body.id, ...f })).map((a) => a.task);
    expect(await tasks({})).toEqual(["Följ upp lokalfrågan", "Skicka till revisorn", "Teckna hyresavtal"]);
    expect(await tasks({ ownerPersonId: "p-adj" })).toEqual(["Skicka till revisorn"]);
    expect(await tasks({ dueBefore: "2025-06-01" })).toEqual(["Skicka till revisorn"]);
    expect(await tasks({ text: "lokal" })).toEqual(["Följ upp lokalfrågan"]);
    expect(await tasks({ text: "kansli" })).toEqual(["Teckna hyresavtal"]);
    expect(await tasks({ limit: 1 })).toEqual(["Följ upp lokalfrågan"]);
  });

  it("finds the last paragraph a body used in a year", async () => {
    const body = sampleBody(newTenant());
    await createMeeting(store, body, "y24", "2024-12-01", { firstParagraph: 40 });
    await createMeeting(store, body, "y25a", "2025-01-20", { firstParagraph: 1 });
    await createMeeting(store, body, "y25b", "2025-03-20", { firstParagraph: 8 });
    expect(await store.lastParagraphOfYear(body.tenantId, body.id, 2024)).toBe(46);
    expect(await store.lastParagraphOfYear(body.tenantId, body.id, 2025)).toBe(14);
    expect(await store.lastParagraphOfYear(body.tenantId, body.id, 2026)).toBeUndefined();
    expect(await store.lastParagraphOfYear(body.tenantId, "other-body", 2025)).toBeUndefined();
    expect((await store.listMeetings(body.tenantId, body.id)).map((m) => m.meetingId)).toEqual(["y24", "y25a", "y25b"]);
  });

  it("creates, lists and updates bodies with a version check", async () => {
    const tenantId = newTenant();
    const body = sampleBody(tenantId, "b1");
    await store.createBody(body);
    await store.createBody(sampleBody(tenantId, "a0"));
    expect(await store.getBody(tenantId, "b1")).toEqual(body);
    expect((await store.listBodies(tenantId)).map((b) => b.id)).toEqual(["a0", "b1"]);

    const renamed = { ...body, name: "Nämnden", version: 1 };
    await store.updateBody(renamed);
    expect(await store.getBody(tenantId, "b1")).toEqual(renamed);
    await expect(store.updateBody({ ...body, name: "Stale", version: 1 })).rejects.toEqual(new BodyVersionConflictError(1));
    await expect(store.updateBody({ ...body, version: 5 })).rejects.toBeInstanceOf(BodyVersionConflictError);
    await expect(store.updateBody(sampleBody(tenantId, "missing", 1))).rejects.toThrow(/does not exist/);
    expect((await store.getBody(tenantId, "b1"))?.name).toBe("Nämnden");
  });

  it("saves conversation references and keeps earlier links on a later save", async () => {
    const tenantId = newTenant();
    await store.saveConversation({ tenantId, conversationId: "19:abc@thread.v2", bodyId: "b1", meetingId: "m1", reference: { serviceUrl: "https://smba", v: 1 } });
    await store.saveConversation({ tenantId, conversationId: "19:abc@thread.v2", reference: { serviceUrl: "https://smba", v: 2 } });
    expect(await store.getConversation(tenantId, "19:abc@thread.v2")).toEqual({
      tenantId, conversationId: "19:abc@thread.v2", bodyId: "b1", meetingId: "m1", reference: { serviceUrl: "https://smba", v: 2 },
    });
    await store.saveConversation({ tenantId, conversationId: "plain", reference: {} });
    expect(await store.getConversation(tenantId, "plain")).toEqual({ tenantId, conversationId: "plain", reference: {} });
  });
});
