import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** The tab's client-side routes: each answers with the SPA's index.html. */
export const tabRoutes = ["/", "/stage", "/config", "/privacy", "/terms"];

/** Teams loads tabs in frames of these origins; nobody else may frame the tab. */
const frameAncestors = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.office.com https://*.cloud.microsoft";

/** Where the Vite build lives, from source (bot/src/http/routes) or from the bundle (bot/dist). */
export function tabDistDir(): string {
  const candidates = ["../../../../tab/dist", "../../tab/dist"].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, "index.html"))) ?? candidates[0]!;
}

const notBuilt = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Paragraf</title></head><body>
<h1>Paragraf</h1><p>Fliken är inte byggd: kör <code>npm run build</code>. / The tab is not built: run <code>npm run build</code>.</p></body></html>`;

/**
 * Serves the built tab (`tab/dist`): hashed assets cached for a year as immutable, the HTML of every
 * tab route never cached (so a deploy is picked up at once), framing allowed only by Teams.
 */
export function registerTabStatic(app: FastifyInstance, distDir = tabDistDir()): void {
  void app.register(fastifyStatic, {
    root: join(distDir, "assets"),
    prefix: "/assets/",
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: "365d",
  });
  const sendIndex = async (reply: FastifyReply) => {
    const html = await readFile(join(distDir, "index.html"), "utf8").catch(() => notBuilt);
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("content-security-policy", frameAncestors)
      .header("x-content-type-options", "nosniff")
      .send(html);
  };
  for (const path of tabRoutes) app.get(path, (_req, reply) => sendIndex(reply));
}
