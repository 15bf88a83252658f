import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDevTokenIssuer } from "../../bot/src/auth/dev-tokens";
import { backends, freshSchema } from "../support/backends";

const secret = "crash-test-secret-0123456789abcdef0123456789";
const tenantId = "crash-tenant";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the real service as a child process (`npm start`'s entry point) and waits for /healthz. */
const children: ChildProcess[] = [];

async function startService(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bot/src/main.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DEV_TOKEN_SECRET: secret, DEV_TENANT_ID: tenantId, NODE_ENV: "development" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("service did not start");
}

describe.each(backends())("SIGKILL during a burst of writes on $name", (backend) => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("loses no acknowledged write", { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "paragraf-crash-"));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, SEED_DEMO: "true", ...backend.env, ...(backend.name === "postgres" ? { DATABASE_SCHEMA: freshSchema() } : {}) };
    const token = await createDevTokenIssuer({ secret: new TextEncoder().encode(secret), tenantId }).mint({ userId: "dev-secretary", name: "Elin Strand" });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const first = await startService(env);
    const meetingIds: string[] = [];
    for (let w = 0; w < 4; w++) {
      const res = await fetch(`${first.base}/api/bodies/demo-lsg/meetings`, { method: "POST", headers, body: JSON.stringify({ id: `crash-${w}`, details: { date: "2026-06-01", startTime: "09:00" } }) });
      expect(res.status, await res.clone().text()).toBe(201);
      meetingIds.push(`crash-${w}`);
    }

    // Four writers append as fast as they can; every 200 answer is an acknowledged write.
    const acked: { meetingId: string; seq: number; title: string }[] = [];
    let stop = false;
    const failures: string[] = [];
    const writer = async (meetingId: string) => {
      let seq = ((await (await fetch(`${first.base}/api/meetings/${meetingId}`, { headers })).json()) as { seq: number }).seq;
      for (let n = 0; !stop; n++) {
        const title = `${meetingId} punkt ${n}`;
        try {
          const res = await fetch(`${first.base}/api/meetings/${meetingId}/agenda/items`, { method: "POST", headers, body: JSON.stringify({ expectedSeq: seq, content: { kind: "information", title } }) });
          if (res.status !== 200) throw new Error(`write answered ${res.status}: ${await res.text()}`);
          seq = ((await res.json()) as { seq: number }).seq;
          acked.push({ meetingId, seq, title });
        } catch (err) {
          if (!stop) failures.push(String(err));
          break; // the service died under us: this write was not acknowledged
        }
      }
    };
    const writers = meetingIds.map(writer);
    const deadline = Date.now() + 60_000;
    while (acked.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((r) => first.child.once("exit", r));
    expect(failures).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(40);

    const second = await startService(env);
    try {
      for (const meetingId of meetingIds) {
        const res = await fetch(`${second.base}/api/meetings/${meetingId}/events`, { headers });
        expect(res.status).toBe(200);
        const { events } = (await res.json()) as { events: { seq: number; event: { type: string; content?: { title: string } } }[] };
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        for (const a of acked.filter((x) => x.meetingId === meetingId)) {
          expect(events[a.seq - 1]?.event.content?.title, `acknowledged ${a.title} at seq ${a.seq}`).toBe(a.title);
        }
      }
    } finally {
      second.child.kill("SIGKILL");
    }
  });
});
