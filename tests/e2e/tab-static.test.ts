import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerTabStatic, tabRoutes } from "../../bot/src/http/routes/tab-static";

describe("the static tab route", () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "paragraf-dist-"));
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "index.html"), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, "assets/index-abc123.js"), "console.log(1)");
    app = Fastify();
    registerTabStatic(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers every tab route with index.html, never cached, framable only by Teams", async () => {
    for (const url of [...tabRoutes, "/stage?meeting=x"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    }
  });

  it("serves hashed assets as immutable for a year, and 404s what is not there", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await app.inject({ method: "GET", url: "/assets/missing.js" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/assets/../index.html" })).body).not.toContain("console.log");
  });

  it("says how to build the tab when it is not built", async () => {
    const bare = Fastify();
    registerTabStatic(bare, join(dir, "nowhere"));
    const res = await bare.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("npm run build");
    await bare.close();
  });
});
