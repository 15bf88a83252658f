import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { protocolHashHeader } from "@paragraf/shared";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, tenantB, type TestApp } from "../support/test-app";

describe.each(backends())("protocol API on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let chair: string;
  let m1: string;
  let meetingId: string;
  let seq: number;

  const get = (path: string, token?: string) =>
    t.app.server.inject({ method: "GET", url: `/api/meetings/${meetingId}${path}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const write = async (path: string, body: Record<string, unknown> = {}, token = sec) => {
    const res = await call(t.app, "POST", `/api/meetings/${meetingId}${path}`, token, { expectedSeq: seq, ...body });
    if (res.status === 200) seq = res.json.seq as number;
    return res;
  };
  const put = async (path: string, body: Record<string, unknown>) => {
    const res = await call(t.app, "PUT", `/api/meetings/${meetingId}${path}`, sec, { expectedSeq: seq, ...body });
    if (res.status === 200) seq = res.json.seq as number;
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    chair = await t.token(tenantA, "oid-chair", "Clara Ordförande");
    m1 = await t.token(tenantA, "oid-m1", "Mats Ledamot");
    expect((await call(t.app, "POST", "/api/bodies", sec, { id: "lsg", name: "Länssamverkansgruppen", roster: apiRoster, settings: { seriesStarts: { "2026": 46 } } })).status).toBe(201);
    const created = await call(t.app, "POST", "/api/bodies/lsg/meetings", sec, { details: { date: "2026-09-19", startTime: "08:00", endTime: "11:00", dnr: "HSN 129-2026" } });
    meetingId = (created.json.meeting as { id: string }).id;
    seq = created.json.seq as number;
    expect((await write("/agenda/items", { itemId: "egenvard", content: { kind: "decision", title: "Reviderad överenskommelse – egenvård", presenters: ["Sofie T"] } })).status).toBe(200);
    expect((await put("/roles", { adjusterIds: ["p-m1"] })).status).toBe(200);
    for (const p of ["p-chair", "p-m1", "p-m2", "p-sec"]) expect((await put(`/attendance/${p}`, { attendance: { status: "present" } })).status).toBe(200);
    expect((await write("/open")).status).toBe(200);
    expect((await write("/items/egenvard/open")).status).toBe(200);
    expect((await write("/items/egenvard/close", { decision: { outcome: "decided", clauses: ["anta överenskommelsen", "att gälla från den 1 april"] } })).status).toBe(200);
    expect((await write("/close")).status).toBe(200);
  });
  afterAll(() => t?.close());

  it("serves the draft as HTML with its hash, and the same hash on the PDF and DOCX", async () => {
    const html = await get("/protocol?format=html", m1);
    expect(html.statusCode).toBe(200);
    const body = html.json() as { hash: string; html: string; status: string };
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(html.headers[protocolHashHeader]).toBe(body.hash);
    expect(body.status).toBe("draft");
    expect(body.html).toContain("§ 50");
    expect(body.html).toContain("Länssamverkansgruppen beslutar:");
    expect(body.html).toContain("att gälla från den 1 april.");

    const pdf = await get("/protocol?format=pdf", m1);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers[protocolHashHeader]).toBe(body.hash);
    expect(pdf.rawPayload.subarray(0, 8).toString()).toBe("%PDF-1.7");

    const docx = await get("/protocol?format=docx", m1);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.headers[protocolHashHeader]).toBe(body.hash);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");

    const en = (await get("/protocol?format=html&lang=en", m1)).json() as { hash: string; html: string };
    expect(en.hash).not.toBe(body.hash);
    expect(en.html).toContain("Länssamverkansgruppen decides:");
  });

  it("keeps tenants apart and needs a token", async () => {
    const other = await t.token(tenantB, "oid-sec", "Siv Sekreterare");
    expect((await get("/protocol?format=html", other)).statusCode).toBe(404);
    expect((await get("/protocol/versions/1.pdf", other)).statusCode).toBe(404);
    expect((await get("/protocol?format=pdf")).statusCode).toBe(401);
    expect((await get("/protocol?format=rtf", sec)).statusCode).toBe(400);
  });

  it("accepts the served hash for justering, seals when every signatory signs it, and serves the sealed version byte-stable", async () => {
    const { hash } = (await get("/protocol?format=html", sec)).json() as { hash: string };
    expect((await get("/protocol/versions/1.pdf", sec)).statusCode).toBe(404);
    const sent = await write("/protocol/send-for-justering", { hash });
    expect(sent.status).toBe(200);
    const signatories = (sent.json.events as { event: { signatories?: { personId: string }[] } }[])[0]?.event.signatories?.map((s) => s.personId);
    expect(signatories).toEqual(["p-sec", "p-chair", "p-m1"]);
    const during = (await get("/protocol?format=html", sec)).json() as { hash: string; status: string };
    expect(during).toMatchObject({ hash, status: "inJustering" });

    for (const token of [sec, chair, m1]) expect((await write("/commands", { command: { type: "protocol.sign", hash } }, token)).status).toBe(200);
    const meeting = await call(t.app, "GET", `/api/meetings/${meetingId}`, sec);
    expect((meeting.json.meeting as { status: string }).status).toBe("sealed");

    const a = await get("/protocol/versions/1.pdf", m1);
    expect(a.statusCode).toBe(200);
    expect(a.headers[protocolHashHeader]).toBe(hash);
    expect(a.headers["x-paragraf-hash-verified"]).toBe("true");
    const b = await get("/protocol/versions/1.pdf", sec);
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    const text = a.rawPayload.toString("latin1");
    expect(text).toContain(`sha256:${hash}`);
    expect((await get("/protocol/versions/2.pdf", sec)).statusCode).toBe(404);
    expect((await get("/protocol/versions/one.pdf", sec)).statusCode).toBe(404);
  });
});
