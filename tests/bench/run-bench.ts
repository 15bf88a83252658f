/**
 * `npm run bench`: starts the service as its own process on its embedded default (PGlite), and on
 * PostgreSQL when DATABASE_URL is set, and measures the budgets in DESIGN.md on loopback:
 * event append throughput, live fan-out latency (a secretary's write → 25 subscribers in each of
 * 100 concurrent meetings) and resident memory with 100 open meetings. Later issues add rows here.
 * The streams are read by a process of their own (subscribers.ts), which timestamps each frame as
 * its bytes arrive; this process only writes, so neither side's work delays the other's clock.
 */
import { execFileSync, fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshSchema } from "../support/backends";
import { spawnService, spawnedToken, type SpawnedService } from "../support/spawn-service";
import { api, cpuMs, percentile, prepareMeetings, rssMb } from "./bench-setup";
import { tabBudgetRows } from "../e2e/support/tab-bench";
import { protocolRows } from "./protocol-bench";
import { justeraRows } from "./justera-bench";
import type { OpenMessage, ResultMessage } from "./subscribers";

interface Row { metric: string; backend: string; value: string; budget: string; verdict: string }

const meetingsCount = Number(process.env.BENCH_MEETINGS ?? 100);
const subscribersPer = Number(process.env.BENCH_SUBSCRIBERS ?? 25);
const fanoutSeconds = Number(process.env.BENCH_SECONDS ?? 20);
const throughputSeconds = 5;

async function throughput(service: SpawnedService, token: string, backend: string): Promise<Row> {
  const writers = await prepareMeetings(service, token, 8, "tp");
  let count = 0;
  const end = Date.now() + throughputSeconds * 1000;
  await Promise.all(writers.map(async (m) => {
    for (let n = 0; Date.now() < end; n++) {
      const res = await api(service, token, "PUT", `/api/meetings/${m.id}/items/item/decision`, { expectedSeq: m.seq, decision: { outcome: "decided", clauses: [`att mäta ${n}`] } });
      if (res.status !== 200) throw new Error(`append: ${res.status}`);
      m.seq = res.json.seq as number;
      count++;
    }
  }));
  const rate = count / throughputSeconds;
  return { metric: "event append throughput (8 writers, HTTP)", backend, value: `${rate.toFixed(0)} events/s`, budget: "—", verdict: "measured" };
}

/** Milliseconds on the machine's monotonic clock, the same clock the subscriber process reads. */
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Starts the subscriber process and opens every stream; see subscribers.ts. */
async function startSubscribers(service: SpawnedService, token: string, meetings: { id: string; seq: number }[]): Promise<{ stop(): Promise<ResultMessage> }> {
  const child = fork(join(import.meta.dirname, "subscribers.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>(type: string) => new Promise<T>((resolve, reject) => {
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type && msg.type !== "result") return;
      child.off("message", onMessage);
      if (msg.type === type) resolve(msg as T);
      else reject(new Error(`subscribers: ${(msg as ResultMessage).errors.join("; ")}`));
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`subscriber process exited with ${code}`)));
  });
  const ready = next<{ type: "ready" }>("ready");
  child.send({ type: "open", base: service.base, token, meetings: meetings.map((m) => ({ ...m })), perMeeting: subscribersPer } satisfies OpenMessage);
  await ready;
  return {
    async stop() {
      const result = next<ResultMessage>("result");
      child.send({ type: "stop" });
      return result;
    },
  };
}

async function fanout(service: SpawnedService, token: string, backend: string): Promise<Row[]> {
  const meetings = await prepareMeetings(service, token, meetingsCount, "fan");
  const sent = new Map<string, number>();
  const writeLatencies: number[] = [];
  const subscribers = await startSubscribers(service, token, meetings);
  const memoryWithSubscribers = await rssMb(service.child.pid!);
  // Each secretary saves about once a second, as typing does; meetings are staggered.
  const end = Date.now() + fanoutSeconds * 1000;
  let writes = 0;
  const cpuBefore = await cpuMs(service.child.pid!);
  await Promise.all(meetings.map(async (m, i) => {
    await new Promise((r) => setTimeout(r, (i * 1000) / meetings.length));
    for (let n = 0; Date.now() < end; n++) {
      const started = monotonicMs();
      sent.set(`${i}:${m.seq + 1}`, started);
      const res = await api(service, token, "PUT", `/api/meetings/${m.id}/items/item/decision`, { expectedSeq: m.seq, decision: { outcome: "decided", clauses: [`att besluta ${n}`] } });
      if (res.status !== 200) throw new Error(`write: ${res.status}`);
      writeLatencies.push(monotonicMs() - started);
      m.seq = res.json.seq as number;
      writes++;
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (monotonicMs() - started))));
    }
  }));
  await new Promise((r) => setTimeout(r, 500));
  const serviceCpuPerWrite = ((await cpuMs(service.child.pid!)) - cpuBefore) / writes;
  const result = await subscribers.stop();
  const latencies: number[] = [];
  for (const [meeting, seq, at] of result.receipts) {
    const t0 = sent.get(`${meeting}:${seq}`);
    if (t0 !== undefined) latencies.push(at - t0);
  }
  const expected = writes * subscribersPer;
  if (result.errors.length > 0) console.error(`subscriber errors: ${result.errors.join("; ")}`);
  const exact = latencies.length === expected && result.duplicatesOrGaps === 0 && result.errors.length === 0;
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const label = `${meetingsCount} meetings × ${subscribersPer} subscribers`;
  writeLatencies.sort((a, b) => a - b);
  return [
    { metric: `write round trip p50 / p99 (${writes} writes)`, backend, value: `${percentile(writeLatencies, 50).toFixed(1)} / ${percentile(writeLatencies, 99).toFixed(1)} ms`, budget: "—", verdict: "measured" },
    { metric: "service CPU per write, fan-out included (same run)", backend, value: `${serviceCpuPerWrite.toFixed(1)} ms`, budget: "—", verdict: "measured" },
    { metric: `fan-out latency p50 (${label})`, backend, value: `${p50.toFixed(1)} ms`, budget: "—", verdict: "measured" },
    { metric: `fan-out latency p99 (${label})`, backend, value: `${p99.toFixed(1)} ms`, budget: "< 50 ms", verdict: p99 < 50 ? "ok" : "OVER" },
    { metric: "fan-out deliveries (received / expected, duplicates or gaps)", backend, value: `${latencies.length} / ${expected}, ${result.duplicatesOrGaps}`, budget: "all, exactly once", verdict: exact ? "ok" : "MISSING" },
    { metric: `service RSS, ${meetingsCount} open meetings + ${meetingsCount * subscribersPer} streams`, backend, value: `${memoryWithSubscribers.toFixed(0)} MB`, budget: "< 200 MB", verdict: memoryWithSubscribers < 200 ? "ok" : "OVER" },
  ];
}

async function runBackend(name: string, env: Record<string, string>): Promise<Row[]> {
  const dataDir = await mkdtemp(join(tmpdir(), "paragraf-bench-"));
  const service = await spawnService({ DATA_DIR: dataDir, SEED_DEMO: "true", ...env }, { built: true });
  try {
    const token = await spawnedToken();
    const rows = [await throughput(service, token, name), ...(await fanout(service, token, name))];
    return rows;
  } finally {
    service.kill();
    await service.exited();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function print(rows: Row[]): void {
  const cols: (keyof Row)[] = ["metric", "backend", "value", "budget", "verdict"];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (r: Record<string, string>) => `| ${cols.map((c, i) => r[c]!.padEnd(width[i]!)).join(" | ")} |`;
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  console.log(`|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
  rows.forEach((r) => console.log(line(r as unknown as Record<string, string>)));
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  execFileSync(process.execPath, ["bot/build.mjs"], { stdio: "inherit" });
  console.log(`Paragraf benchmark — ${new Date().toISOString()} — node ${process.version}`);
  rows.push(...(await runBackend("pglite", { DATABASE_URL: "" })));
  if (process.env.DATABASE_URL) rows.push(...(await runBackend("postgres", { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: freshSchema() })));
  else console.log("PostgreSQL rows not run: DATABASE_URL is unset.");
  // BENCH_ONLY=service measures the service rows alone (append, write, fan-out, memory).
  if (process.env.BENCH_ONLY !== "service") {
    rows.push(...(await tabBudgetRows()));
    rows.push(...(await protocolRows()));
    rows.push(...(await justeraRows()));
  }
  print(rows);
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
