/**
 * The card-action budget from DESIGN.md: a *Justera* click (an `adaptiveCard/action` invoke) handled
 * in the service, p99 < 100 ms. Measured in process through the real HTTP stack and Agents SDK
 * adapter (Fastify inject: no socket, so this is the service's own time), on PGlite and, when
 * DATABASE_URL is set, on PostgreSQL. Each meeting is sent for justering; its two signatories sign
 * (the second seals and queues the filing), and one clicks twice (recorded once).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp, type App } from "../../bot/src/composition-root";
import { parseConfig } from "../../bot/src/config";
import { freshSchema } from "../support/backends";
import { call } from "../support/http";
import { devToken } from "../support/seal-demo";
import { percentile } from "./bench-setup";

interface Row { metric: string; backend: string; value: string; budget: string; verdict: string }

const meetings = Number(process.env.BENCH_JUSTERA_MEETINGS ?? 80);

/** Creates a meeting of the demo body, runs it and sends its protocol for justering; returns the card's data. */
async function meetingInJustering(app: App, token: string, id: string): Promise<{ meetingId: string; version: number; hash: string }> {
  const created = await call(app, "POST", "/api/bodies/demo-lsg/meetings", token, { id, standardAgenda: false, details: { date: "2026-06-01", startTime: "09:00" } });
  if (created.status !== 201) throw new Error(`create meeting: ${created.status} ${created.text}`);
  let seq = created.json.seq as number;
  for (const [path, body] of [["/agenda/items", { itemId: "item", content: { kind: "decision", title: "Beslut under mätning" } }], ["/open", {}], ["/close", {}]] as const) {
    const res = await call(app, "POST", `/api/meetings/${id}${path}`, token, { expectedSeq: seq, ...body });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    seq = res.json.seq as number;
  }
  const hash = (await call(app, "GET", `/api/meetings/${id}/protocol?format=html`, token)).json.hash as string;
  const sent = await call(app, "POST", `/api/meetings/${id}/protocol/send-for-justering`, token, { expectedSeq: seq, hash });
  if (sent.status !== 200) throw new Error(`send for justering: ${sent.status} ${sent.text}`);
  return { meetingId: id, version: 1, hash };
}

/** One Justera click as Teams sends it; returns the service's time in ms. */
async function click(app: App, n: number, aadObjectId: string, data: Record<string, unknown>): Promise<number> {
  const payload = {
    type: "invoke", name: "adaptiveCard/action", id: `bench-${n}`, channelId: "msteams", serviceUrl: "http://127.0.0.1:9/", timestamp: new Date().toISOString(),
    from: { id: `29:${aadObjectId}`, aadObjectId, name: aadObjectId }, recipient: { id: "28:paragraf-bot", name: "Paragraf" },
    conversation: { id: "19:bench@thread.v2", conversationType: "groupChat", tenantId: "bench-tenant" }, channelData: { tenant: { id: "bench-tenant" } },
    value: { action: { type: "Action.Execute", verb: "justera", data }, trigger: "manual" },
  };
  const started = performance.now();
  const res = await app.server.inject({ method: "POST", url: "/api/messages", payload });
  const ms = performance.now() - started;
  const body = res.json() as { statusCode?: number };
  if (res.statusCode !== 200 || body.statusCode !== 200) throw new Error(`justera: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return ms;
}

async function measure(backend: string, env: Record<string, string>): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), "paragraf-bench-justera-"));
  const app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env }), pino({ level: "silent" }));
  try {
    const token = await devToken(app, "dev-secretary");
    const times: number[] = [];
    let n = 0;
    for (let i = 0; i < meetings + 5; i++) {
      const data = await meetingInJustering(app, token, `justera-${i}`);
      const round = [await click(app, n++, "dev-secretary", data), await click(app, n++, "dev-secretary", data), await click(app, n++, "dev-chair", data)];
      if (i >= 5) times.push(...round); // the first five warm up
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    return {
      metric: `Justera card action in the service p50 / p99 (${times.length} clicks)`, backend,
      value: `${percentile(times, 50).toFixed(1)} / ${p99.toFixed(1)} ms`, budget: "p99 < 100 ms", verdict: p99 < 100 ? "ok" : "OVER",
    };
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The Justera rows: PGlite always, PostgreSQL when DATABASE_URL is set. */
export async function justeraRows(): Promise<Row[]> {
  const rows = [await measure("pglite", { DATABASE_URL: "" })];
  if (process.env.DATABASE_URL) rows.push(await measure("postgres", { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: freshSchema() }));
  return rows;
}
