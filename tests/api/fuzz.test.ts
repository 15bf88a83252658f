import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandRoutes } from "../../bot/src/http/routes/meeting-commands";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";

const readRoutes: [string, string][] = [
  ["GET", "/api/bodies"], ["POST", "/api/bodies"], ["GET", "/api/bodies/:bodyId"], ["PUT", "/api/bodies/:bodyId"],
  ["GET", "/api/bodies/:bodyId/meetings"], ["POST", "/api/bodies/:bodyId/meetings"], ["GET", "/api/bodies/:bodyId/decisions"],
  ["GET", "/api/bodies/:bodyId/assignments"], ["GET", "/api/meetings/:meetingId"], ["GET", "/api/meetings/:meetingId/events"],
  ["GET", "/healthz"], ["GET", "/api/nope"], ["DELETE", "/api/bodies/:bodyId"],
];
const allRoutes: [string, string][] = [...readRoutes, ...commandRoutes.map((r): [string, string] => [r.method, r.path])];

const segment = fc.oneof(
  fc.constantFrom("fz", "m1", "std", "p-m1", "a1"),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom("%", "%zz", "..", "%00", "a".repeat(500), "🙂", "' OR 1=1 --", "$%7B%7D"),
);
const badJson = fc.constantFrom("{", "[1,2", '{"expectedSeq":}', "nul", "\u0000", '{"a":"\\u00"}', "{}}", " ");
const payload = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  badJson,
  fc.record({ expectedSeq: fc.oneof(fc.integer(), fc.double(), fc.string()), content: fc.jsonValue({ maxDepth: 3 }), decision: fc.jsonValue({ maxDepth: 3 }) }).map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify({ expectedSeq: 0, content: { kind: "decision", title: "x".repeat(400_000) } })),
  fc.string({ maxLength: 200 }),
);
const request = fc.record({
  route: fc.constantFrom(...allRoutes),
  params: fc.array(segment, { minLength: 4, maxLength: 4 }),
  query: fc.oneof(fc.constant(""), fc.string({ maxLength: 40 }).map((q) => `?${encodeURIComponent(q)}=1&after=${q}`), fc.constantFrom("?after=-1", "?after=abc", "?limit=99999", "?from=2026-13-45")),
  contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", undefined),
  body: fc.option(payload, { nil: undefined }),
  methodOverride: fc.option(fc.constantFrom("PATCH", "DELETE", "PUT", "OPTIONS", "HEAD"), { nil: undefined, freq: 8 }),
});

describe("API fuzz", () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ name: "pglite", env: {} });
    token = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    await call(t.app, "POST", "/api/bodies", token, { id: "fz", name: "Fuzznämnden", roster: apiRoster });
    await call(t.app, "POST", "/api/bodies/fz/meetings", token, { id: "m1", details: { date: "2026-05-01", startTime: "09:00" } });
  });
  afterAll(() => t?.close());

  it("answers 1,000 random malformed requests without a 5xx, a crash or an answer lacking an error code", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        n++;
        let i = 0;
        const url = r.route[1].replace(/:[a-zA-Z]+/g, () => r.params[i++] ?? "x") + r.query;
        const res = await t.app.server.inject({
          method: (r.methodOverride ?? r.route[0]) as "GET",
          url,
          headers: { authorization: `Bearer ${token}`, ...(r.contentType ? { "content-type": r.contentType } : {}) },
          ...(r.body !== undefined ? { payload: r.body } : {}),
        });
        expect(res.statusCode, `${r.route[0]} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400 && r.methodOverride !== "HEAD") {
          const body = JSON.parse(res.body) as { error: { code: string; message: { sv: string; en: string } } };
          expect(typeof body.error.code).toBe("string");
          expect(body.error.message.sv.length).toBeGreaterThan(0);
          expect(body.error.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
    expect(n).toBe(1000);
    expect((await call(t.app, "GET", "/healthz")).status).toBe(200);
  });
});
