import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandRoutes } from "../../bot/src/http/routes/meeting-commands";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, tenantB, type TestApp } from "../support/test-app";

/** A well-formed body for each write route, so only the tenant check can refuse it. */
function validBody(path: string): Record<string, unknown> {
  const tail = path.replace("/api/meetings/:meetingId", "");
  const extra: Record<string, Record<string, unknown>> = {
    "/commands": { command: { type: "meeting.open" } },
    "": { details: { place: "Kapat" } },
    "/agenda/items": { content: { kind: "information", title: "x" } },
    "/agenda/items/:itemId": { content: { title: "x" } },
    "/agenda/items/:itemId/move": { toIndex: 0 },
    "/attendance/:personId": { attendance: { status: "present" } },
    "/items/:itemId/decision": { decision: { outcome: "tabled", clauses: [] } },
    "/items/:itemId/assignments": { assignment: { owner: "x", task: "y" } },
    "/protocol/send-for-justering": { hash: "h" },
  };
  return { expectedSeq: 1, ...(extra[tail] ?? {}) };
}

describe.each(backends())("tenant isolation on $name", (backend) => {
  let t: TestApp;
  let secA: string;
  let userB: string;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    secA = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    // Tenant B's user even shares an object id with A's secretary: only the tenant differs.
    userB = await t.token(tenantB, "oid-sec", "Intrång Intrångsson");
    expect((await call(t.app, "POST", "/api/bodies", secA, { id: "lsg", name: "Hemliga nämnden", roster: apiRoster })).status).toBe(201);
    const m = await call(t.app, "POST", "/api/bodies/lsg/meetings", secA, { id: "m-secret", details: { date: "2026-05-01", startTime: "09:00", title: "Hemligt möte" } });
    expect(m.status).toBe(201);
    meetingId = "m-secret";
  });
  afterAll(() => t?.close());

  const leaks = (text: string) => /Hemlig|Siv Sekreterare|Clara|m-secret/.test(text);

  it("answers 404 and reveals nothing on every body route", async () => {
    const routes: [string, string, unknown?][] = [
      ["GET", "/api/bodies/lsg"],
      ["PUT", "/api/bodies/lsg", { expectedVersion: 1, name: "Kapad" }],
      ["GET", "/api/bodies/lsg/meetings"],
      ["POST", "/api/bodies/lsg/meetings", { details: { date: "2026-05-02", startTime: "09:00" } }],
      ["GET", "/api/bodies/lsg/decisions"],
      ["GET", "/api/bodies/lsg/assignments"],
      ["GET", `/api/meetings/${meetingId}`],
      ["GET", `/api/meetings/${meetingId}/events`],
      ["GET", `/api/meetings/${meetingId}/events?after=0`],
    ];
    for (const [method, url, body] of routes) {
      const res = await call(t.app, method, url, userB, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.json.error?.code).toBe("notFound");
      expect(leaks(res.text), `${method} ${url} leaked`).toBe(false);
    }
    const bodies = await call(t.app, "GET", "/api/bodies", userB);
    expect(bodies.json.bodies).toEqual([]);
  });

  it("answers 404 on every meeting write route, whatever the body", async () => {
    for (const r of commandRoutes) {
      const url = r.path.replace(":meetingId", meetingId).replace(":itemId", "std").replace(":personId", "p-m1").replace(":assignmentId", "a1");
      const res = await call(t.app, r.method, url, userB, validBody(r.path));
      expect(res.status, `${r.method} ${url}: ${res.text}`).toBe(404);
      expect(leaks(res.text)).toBe(false);
      // The same request by the owner tenant is well-formed: it reaches the domain (no 400).
      const own = await call(t.app, r.method, url, secA, validBody(r.path));
      expect(own.status, `${r.method} ${url} as owner: ${own.text}`).not.toBe(400);
    }
  });

  it("refuses the live stream of another tenant's meeting with 404", async () => {
    const res = await t.app.server.inject({ method: "GET", url: `/api/meetings/${meetingId}/stream?access_token=${userB}` });
    expect(res.statusCode).toBe(404);
    expect(leaks(res.body)).toBe(false);
  });

  it("lets the other tenant use the same ids for its own, separate data", async () => {
    const own = await call(t.app, "POST", "/api/bodies", userB, { id: "lsg", name: "B:s egen nämnd" });
    expect(own.status).toBe(201);
    const mine = await call(t.app, "GET", "/api/bodies/lsg", userB);
    expect((mine.json.body as { name: string }).name).toBe("B:s egen nämnd");
    const theirs = await call(t.app, "GET", "/api/bodies/lsg", secA);
    expect((theirs.json.body as { name: string }).name).toBe("Hemliga nämnden");
    expect((await call(t.app, "GET", `/api/meetings/${meetingId}`, userB)).status).toBe(404);
  });
});
