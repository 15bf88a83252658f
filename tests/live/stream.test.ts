import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { openSse } from "../support/sse-client";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";

describe.each(backends())("live stream on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let base: string;
  let seq: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    await call(t.app, "POST", "/api/bodies", sec, { id: "lsg", name: "LSG", roster: apiRoster });
    const m = await call(t.app, "POST", "/api/bodies/lsg/meetings", sec, { id: "live", details: { date: "2026-05-01", startTime: "09:00" } });
    seq = m.json.seq as number;
    base = await t.app.listen();
  });
  afterAll(() => t?.close());

  const addItem = async (title: string) => {
    const res = await call(t.app, "POST", "/api/meetings/live/agenda/items", sec, { expectedSeq: seq, content: { kind: "information", title } });
    expect(res.status).toBe(200);
    seq = res.json.seq as number;
  };

  it("delivers the backlog after ?after= and then every new event, in order", async () => {
    const conn = await openSse(`${base}/api/meetings/live/stream?after=3&access_token=${sec}`);
    expect(conn.status).toBe(200);
    const backlog = seq - 3;
    await conn.waitFor(backlog);
    await addItem("Nytt ärende");
    const events = await conn.waitFor(backlog + 1);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: backlog + 1 }, (_, i) => 4 + i));
    expect(events.at(-1)?.event).toMatchObject({ type: "agenda.itemAdded", content: { title: "Nytt ärende" } });
    conn.close();
  });

  it("resumes after a dropped connection from Last-Event-ID with no gap and no duplicate", async () => {
    const first = await openSse(`${base}/api/meetings/live/stream?after=${seq}`, { authorization: `Bearer ${sec}` });
    await addItem("Före avbrott");
    await first.waitFor(1);
    const lastSeen = first.events.at(-1)!.seq;
    first.close();
    await addItem("Under avbrott 1");
    await addItem("Under avbrott 2");
    const second = await openSse(`${base}/api/meetings/live/stream`, { authorization: `Bearer ${sec}`, "last-event-id": String(lastSeen) });
    await second.waitFor(2);
    await addItem("Efter återanslutning");
    const events = await second.waitFor(3);
    expect(events.map((e) => e.seq)).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3]);
    expect(events.map((e) => (e.event as { content: { title: string } }).content.title)).toEqual(["Under avbrott 1", "Under avbrott 2", "Efter återanslutning"]);
    second.close();
  });

  it("refuses a stream without a valid token and for an unknown meeting", async () => {
    expect((await openSse(`${base}/api/meetings/live/stream`)).status).toBe(401);
    expect((await openSse(`${base}/api/meetings/live/stream?access_token=forged.token.value`)).status).toBe(401);
    expect((await openSse(`${base}/api/meetings/nope/stream?access_token=${sec}`)).status).toBe(404);
  });
});
