import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { expect } from "vitest";
import { createApp, type App } from "../../../bot/src/composition-root";
import { parseConfig } from "../../../bot/src/config";
import { startStubConnector, type SentActivity, type StubConnector } from "../../support/stub-connector";

/** A Teams user as activities name them. */
export interface TeamsUser { id: string; name: string; aadObjectId: string }

/** The demo secretary as the meeting chat knows her. */
export const elin: TeamsUser = { id: "29:elin", name: "Elin Strand", aadObjectId: "dev-secretary" };

/** The service in local dev mode (anonymous bot endpoint, PGlite, demo data) and a stand-in connector. */
export interface BotHarness {
  app: App;
  connector: StubConnector;
  dataDir: string;
  /** A Teams activity into `conversationId` (a group chat unless `conversation` says otherwise). */
  activity(extra: Record<string, unknown>, conversation?: Record<string, unknown>): Record<string, unknown>;
  /** Posts an activity to /api/messages through the Agents SDK adapter; returns the HTTP reply and what the bot sent meanwhile. */
  send(extra: Record<string, unknown>, conversation?: Record<string, unknown>): Promise<{ status: number; json: () => unknown; sent: SentActivity[] }>;
  /** Runs the outbox until nothing is due. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** The card a sent activity carries, and its JSON text for `toContain` checks. */
export const cardOf = (a: SentActivity) => (a.body.attachments?.[0]?.content ?? {}) as Record<string, unknown>;
export const cardText = (a: SentActivity) => JSON.stringify(cardOf(a));

/** Starts the real service and a stand-in connector; activities default to `chat` and the secretary. */
export async function startBotHarness(options: { chat: string; from?: TeamsUser; prefix?: string }): Promise<BotHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), `paragraf-${options.prefix ?? "bot"}-`));
  const app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), pino({ level: process.env.TEST_LOG ?? "silent" }));
  const connector = await startStubConnector();
  let n = 0;
  const activity = (extra: Record<string, unknown>, conversation: Record<string, unknown> = { id: options.chat, conversationType: "groupChat" }) => ({
    id: `in-${++n}`, channelId: "msteams", serviceUrl: connector.url, timestamp: new Date().toISOString(),
    from: options.from ?? elin,
    recipient: { id: "28:paragraf-bot", name: "Paragraf" },
    conversation: { tenantId: "teams-tenant", ...conversation },
    channelData: { tenant: { id: "teams-tenant" } },
    ...extra,
  });
  return {
    app, connector, dataDir, activity,
    async send(extra, conversation) {
      const before = connector.sent.length;
      const res = await app.server.inject({ method: "POST", url: "/api/messages", payload: activity(extra, conversation) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return { status: res.statusCode, json: () => res.json(), sent: connector.sent.slice(before) };
    },
    async drain() {
      while ((await app.worker.runOnce()) > 0);
    },
    async close() {
      await app.close();
      await connector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
