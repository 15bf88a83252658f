import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp, type App } from "../../../bot/src/composition-root";
import { parseConfig } from "../../../bot/src/config";

const tabDir = join(import.meta.dirname, "../../../tab");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the tab with Vite unless tab/dist is newer than every source file. */
export function ensureTabBuilt(): void {
  const index = join(tabDir, "dist/index.html");
  const sources = Math.max(newestMtime(join(tabDir, "src")), statSync(join(tabDir, "index.html")).mtimeMs, statSync(join(tabDir, "vite.config.ts")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  // NODE_ENV=production: under vitest it is "test", which would give React's development build.
  execFileSync("npm", ["run", "build", "-w", "tab"], { cwd: join(tabDir, ".."), stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
}

/** The real service in local dev mode (dev sign-in, seeded demo meeting) on a loopback port. */
export interface TabService { app: App; base: string; close(): Promise<void> }

/** Starts the composed service on a fresh PGlite data dir; it serves the built tab at `/`. */
export async function startTabService(): Promise<TabService> {
  const dataDir = await mkdtemp(join(tmpdir(), "paragraf-tab-"));
  const app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", PORT: "0", HOST: "127.0.0.1" }), pino({ level: "silent" }));
  const base = await app.listen();
  return {
    app, base,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
