import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshSchema } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { openSse } from "../support/sse-client";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";

const url = process.env.DATABASE_URL;
if (!url) console.warn("Multi-instance suite not run: it needs PostgreSQL (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).");

describe.runIf(!!url)("two service instances on one PostgreSQL", () => {
  let one: TestApp;
  let two: TestApp;
  let baseTwo: string;
  let sec: string;

  beforeAll(async () => {
    const shared = { DATABASE_SCHEMA: freshSchema() };
    one = await startTestApp({ name: "postgres", env: { DATABASE_URL: url! } }, shared);
    two = await startTestApp({ name: "postgres", env: { DATABASE_URL: url! } }, shared);
    sec = await one.token(tenantA, "oid-sec", "Siv Sekreterare");
    await one.app.listen();
    baseTwo = await two.app.listen();
    await call(one.app, "POST", "/api/bodies", sec, { id: "lsg", name: "LSG", roster: apiRoster });
    await call(one.app, "POST", "/api/bodies/lsg/meetings", sec, { id: "mi", details: { date: "2026-05-01", startTime: "09:00" } });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it("delivers a write on instance one to a subscriber of instance two (LISTEN/NOTIFY)", async () => {
    const secOnTwo = await two.token(tenantA, "oid-sec", "Siv Sekreterare");
    const start = (await call(two.app, "GET", "/api/meetings/mi", secOnTwo)).json.seq as number;
    const conn = await openSse(`${baseTwo}/api/meetings/mi/stream?after=${start}&access_token=${secOnTwo}`);
    let seq = start;
    for (const title of ["Ett", "Två", "Tre"]) {
      const res = await call(one.app, "POST", "/api/meetings/mi/agenda/items", sec, { expectedSeq: seq, content: { kind: "information", title } });
      expect(res.status).toBe(200);
      seq = res.json.seq as number;
    }
    const events = await conn.waitFor(3, 5_000);
    expect(events.map((e) => e.seq)).toEqual([start + 1, start + 2, start + 3]);
    expect(events.map((e) => (e.event as { content: { title: string } }).content.title)).toEqual(["Ett", "Två", "Tre"]);
    conn.close();
  });

  it("keeps optimistic concurrency across instances: the stale instance gets 409", async () => {
    const secOnTwo = await two.token(tenantA, "oid-sec", "Siv Sekreterare");
    const state = await call(two.app, "GET", "/api/meetings/mi", secOnTwo);
    const seq = state.json.seq as number;
    const a = call(one.app, "POST", "/api/meetings/mi/agenda/items", sec, { expectedSeq: seq, content: { kind: "information", title: "A" } });
    const b = call(two.app, "POST", "/api/meetings/mi/agenda/items", secOnTwo, { expectedSeq: seq, content: { kind: "information", title: "B" } });
    const statuses = (await Promise.all([a, b])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    // Instance two catches up from the log even if instance one did the write.
    const after = await call(two.app, "GET", "/api/meetings/mi", secOnTwo);
    expect(after.json.seq).toBe(seq + 1);
  });
});
