import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backends, freshSchema } from "../support/backends";
import { spawnService, spawnedToken, type SpawnedService } from "../support/spawn-service";

describe.each(backends())("SIGKILL during a burst of writes on $name", (backend) => {
  const dirs: string[] = [];
  const services: SpawnedService[] = [];
  afterAll(async () => {
    services.forEach((s) => s.kill());
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("loses no acknowledged write", { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "paragraf-crash-"));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, SEED_DEMO: "true", ...backend.env, ...(backend.name === "postgres" ? { DATABASE_SCHEMA: freshSchema() } : {}) };
    const headers = { authorization: `Bearer ${await spawnedToken()}`, "content-type": "application/json" };

    const first = await spawnService(env);
    services.push(first);
    const meetingIds: string[] = [];
    for (let w = 0; w < 4; w++) {
      const res = await fetch(`${first.base}/api/bodies/demo-lsg/meetings`, { method: "POST", headers, body: JSON.stringify({ id: `crash-${w}`, details: { date: "2026-06-01", startTime: "09:00" } }) });
      expect(res.status, await res.clone().text()).toBe(201);
      meetingIds.push(`crash-${w}`);
    }

    // Four writers append as fast as they can; every 200 answer is an acknowledged write.
    const acked: { meetingId: string; seq: number; title: string }[] = [];
    const failures: string[] = [];
    let stop = false;
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
    while (acked.length < 40 && failures.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    first.kill();
    stop = true;
    await Promise.all(writers);
    await first.exited();
    expect(failures).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(40);

    const second = await spawnService(env);
    services.push(second);
    for (const meetingId of meetingIds) {
      const res = await fetch(`${second.base}/api/meetings/${meetingId}/events`, { headers });
      expect(res.status).toBe(200);
      const { events } = (await res.json()) as { events: { seq: number; event: { type: string; content?: { title: string } } }[] };
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      for (const a of acked.filter((x) => x.meetingId === meetingId)) {
        expect(events[a.seq - 1]?.event.content?.title, `acknowledged ${a.title} at seq ${a.seq}`).toBe(a.title);
      }
    }
  });
});
