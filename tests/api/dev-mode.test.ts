import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../bot/src/composition-root";
import { parseConfig } from "../../bot/src/config";
import { call } from "../support/http";

describe("local dev mode on the embedded defaults", () => {
  let app: App;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "paragraf-dev-"));
    app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), pino({ level: "silent" }));
  });
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tokenOf = async (userId: string) => (await call(app, "POST", "/api/dev/token", undefined, { userId })).json.token as string;

  it("offers the demo users and mints tokens only for them", async () => {
    const users = await call(app, "GET", "/api/dev/users");
    expect((users.json.users as { userId: string }[]).map((u) => u.userId)).toEqual(
      expect.arrayContaining(["dev-secretary", "dev-chair", "dev-adjuster", "dev-member", "dev-guest"]));
    expect((await call(app, "POST", "/api/dev/token", undefined, { userId: "someone-else" })).status).toBe(404);
    expect((await call(app, "POST", "/api/dev/token", undefined, { userId: 42 })).status).toBe(400);
  });

  it("seeds the demo body and an upcoming meeting of about fifteen items of mixed kinds", async () => {
    const token = await tokenOf("dev-member");
    const bodies = await call(app, "GET", "/api/bodies", token);
    const body = (bodies.json.bodies as { name: string; roster: { roles: string[]; organisation: string }[] }[])[0]!;
    expect(body.name).toBe("Länssamverkansgruppen Norrbygden");
    expect(new Set(body.roster.flatMap((p) => p.roles))).toEqual(new Set(["ordforande", "viceOrdforande", "ledamot", "ersattare", "adjungerad", "tjansteperson", "sekreterare"]));
    const res = await call(app, "GET", "/api/meetings/demo-meeting", token);
    expect(res.status).toBe(200);
    const meeting = res.json.meeting as { items: { kind: string }[]; details: { date: string }; roles: { adjusterIds: string[] } };
    expect(meeting.items.length).toBe(15);
    expect(new Set(meeting.items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(8);
    expect(meeting.details.date > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(meeting.roles.adjusterIds).toEqual(["p-maja", "p-sara"]);
    expect(Object.values(res.json.paragraphs as Record<string, number>).sort((a, b) => a - b)[0]).toBe(46);
  });

  it("lets the guest read and refuses the guest's writes", async () => {
    const token = await tokenOf("dev-guest");
    const res = await call(app, "GET", "/api/meetings/demo-meeting", token);
    expect(res.json.myRoles).toEqual(["guest"]);
    const write = await call(app, "POST", "/api/meetings/demo-meeting/open", token, { expectedSeq: res.json.seq });
    expect(write.status).toBe(403);
  });

  it("serves the tab at / (its page labels dev mode in the browser), never cached", async () => {
    const res = await app.server.inject({ method: "GET", url: "/?devUser=dev-secretary" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toMatch(/<div id="root"><\/div>|npm run build/);
  });

  it("tells the tab who the token belongs to", async () => {
    const me = await call(app, "GET", "/api/me", await tokenOf("dev-chair"));
    expect(me.json).toEqual({ tenantId: expect.any(String), userId: "dev-chair", name: "Astrid Lindqvist", mode: "dev" });
    expect((await call(app, "GET", "/api/me")).status).toBe(401);
  });

  it("does not seed twice on a restart with the same data", async () => {
    await app.close();
    app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), pino({ level: "silent" }));
    const bodies = await call(app, "GET", "/api/bodies", await tokenOf("dev-member"));
    expect((bodies.json.bodies as unknown[]).length).toBe(1);
  });
});

describe("configuration guards", () => {
  it("refuses dev sign-in in production", async () => {
    // Refused by the config parser or by the composition root, whichever checks first.
    await expect((async () => createApp(parseConfig({ NODE_ENV: "production", DATA_DIR: "memory://", LOG_LEVEL: "silent" }), pino({ level: "silent" })))()).rejects.toThrow(/production/i);
  });

  it("names every bad value", () => {
    expect(() => parseConfig({ PORT: "http", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it("switches to Entra mode and drops the dev sign-in when Entra settings are present", () => {
    const config = parseConfig({ ENTRA_CLIENT_ID: "11111111-2222-3333-4444-555555555555" });
    expect(config.dev).toBeUndefined();
    expect(config.seedDemo).toBe(false);
    expect(config.entra?.audiences).toEqual(["11111111-2222-3333-4444-555555555555"]);
  });
});
