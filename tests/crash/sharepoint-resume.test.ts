import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backends, freshSchema } from "../support/backends";
import { startGraphStandIn, type GraphStandIn } from "../support/graph-stand-in";
import { longText, random } from "../support/long-protocol";
import { spawnService, spawnedToken, type SpawnedService } from "../support/spawn-service";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const chunk = 327_680;
/** 36 paragraphs of some 18,000 characters of background each: a sealed PDF of about 850 KB, three chunks. */
const paragraphs = 36;
const backgroundChars = 18_000;

describe.each(backends())("SIGKILL during a SharePoint upload session on $name", (backend) => {
  const dirs: string[] = [];
  const services: SpawnedService[] = [];
  let g: GraphStandIn | undefined;
  afterAll(async () => {
    services.forEach((s) => s.kill());
    await g?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("resumes the same upload session mid-file after a restart and files one complete file with the sealed bytes", { timeout: 120_000 }, async () => {
    g = await startGraphStandIn();
    const dataDir = await mkdtemp(join(tmpdir(), "paragraf-sp-crash-"));
    dirs.push(dataDir);
    // Every protocol goes through an upload session in 320 KiB chunks (GRAPH_SIMPLE_UPLOAD_MAX_BYTES=0;
    // this long protocol is some 850 KB, so its session has three chunks: two are taken, the last stalls),
    // the token comes from the stand-in's App Service managed identity endpoint, and a dead worker's
    // job is taken over after 3 s instead of a minute (the live worker renews its lease meanwhile).
    const env = {
      DATA_DIR: dataDir, SEED_DEMO: "true", ARCHIVE: "sharepoint", SHAREPOINT_GROUP_ID: g.groupId, GRAPH_BASE_URL: g.baseUrl,
      GRAPH_CREDENTIAL: "managed-identity", IDENTITY_ENDPOINT: `${g.origin}/msi/token`, IDENTITY_HEADER: g.identityHeader,
      GRAPH_SIMPLE_UPLOAD_MAX_BYTES: "0", GRAPH_UPLOAD_CHUNK_BYTES: String(chunk), OUTBOX_LEASE_MS: "3000",
      ...backend.env, ...(backend.name === "postgres" ? { DATABASE_SCHEMA: freshSchema() } : {}),
    };
    const tokens = Object.fromEntries(await Promise.all(["dev-secretary", "dev-chair", "dev-adjuster"].map(async (u) => [u, await spawnedToken(u, u)] as const)));
    const headers = (user = "dev-secretary") => ({ authorization: `Bearer ${tokens[user]}`, "content-type": "application/json" });

    // The last chunk stalls: the service dies with the session created and stored and two chunks taken.
    g.fault("lastChunk", { stall: true });
    const first = await spawnService(env);
    services.push(first);
    const created = await fetch(`${first.base}/api/bodies/demo-lsg/meetings`, { method: "POST", headers: headers(), body: JSON.stringify({ id: "sp-crash", details: { date: "2026-09-19", startTime: "09:00", dnr: "LSG 2026-17" } }) });
    expect(created.status, await created.clone().text()).toBe(201);
    let seq = ((await created.json()) as { seq: number }).seq;
    const send = async (method: string, path: string, body: Record<string, unknown> = {}, user = "dev-secretary") => {
      const res = await fetch(`${first.base}/api/meetings/sp-crash${path}`, { method, headers: headers(user), body: JSON.stringify({ expectedSeq: seq, ...body }) });
      expect(res.status, await res.clone().text()).toBe(200);
      seq = ((await res.json()) as { seq: number }).seq;
    };
    const rnd = random(2026);
    for (let i = 1; i <= paragraphs; i++) {
      await send("POST", "/agenda/items", { itemId: `arende-${i}`, content: { kind: "decision", title: `Ärende ${i}: ${longText(rnd, 80)}`, presenters: ["Maja Lind"], background: longText(rnd, backgroundChars) } });
    }
    await send("PUT", "/roles", { adjusterIds: ["p-maja"] });
    for (const p of ["p-astrid", "p-maja", "p-elin", "p-johan"]) await send("PUT", `/attendance/${p}`, { attendance: { status: "present" } });
    await send("POST", "/open");
    for (let i = 1; i <= paragraphs; i++) {
      await send("PUT", `/items/arende-${i}/decision`, { decision: { outcome: "decided", clauses: [longText(rnd, 1_500), longText(rnd, 1_200)] } });
    }
    await send("POST", "/close");
    const hash = ((await (await fetch(`${first.base}/api/meetings/sp-crash/protocol?format=html`, { headers: headers() })).json()) as { hash: string }).hash;
    await send("POST", "/protocol/send-for-justering", { hash });
    for (const user of ["dev-secretary", "dev-chair", "dev-adjuster"]) await send("POST", "/commands", { command: { type: "protocol.sign", hash } }, user);

    await g.stalled("lastChunk");
    const [open] = g.openSessions();
    expect(open).toBeDefined();
    first.kill();
    await first.exited();
    // Killed mid-file: the session holds the first two chunks, the rest of the bytes never arrived.
    const [before, ...otherSessions] = g.uploadSessions();
    expect(otherSessions).toEqual([]);
    const total = before!.total!;
    expect(total).toBeGreaterThan(2 * chunk);
    expect(total).toBeLessThanOrEqual(3 * chunk);
    expect(before).toMatchObject({ id: open!.id, completed: false, next: 2 * chunk, accepted: [`bytes 0-${chunk - 1}/${total}`, `bytes ${chunk}-${2 * chunk - 1}/${total}`] });
    const requestsBeforeRestart = g.requests.length;

    const second = await spawnService(env);
    services.push(second);
    const deadline = Date.now() + 60_000;
    let status = "";
    while (status !== "filed" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      status = ((await (await fetch(`${second.base}/api/meetings/sp-crash`, { headers: headers() })).json()) as { meeting: { status: string } }).meeting.status;
    }
    expect(status).toBe("filed");

    const sealed = Buffer.from(await (await fetch(`${second.base}/api/meetings/sp-crash/protocol/versions/1.pdf`, { headers: headers() })).arrayBuffer());
    expect(sealed.toString("latin1")).toContain(`sha256:${hash}`);
    expect(sealed.byteLength).toBe(total);
    const files = g.files();
    expect(files.map((f) => f.path)).toEqual(["Protokoll/Länssamverkansgruppen Norrbygden/2026/2026-09-19 Länssamverkansgruppen Norrbygden protokoll LSG 2026-17.pdf"]);
    expect(sha256(files[0]!.item.content!)).toBe(sha256(sealed));
    expect(files[0]!.item.fields).toMatchObject({ ParagrafDnr: "LSG 2026-17", ParagrafContentHash: hash });

    // One session, resumed: after the restart its status was read (nextExpectedRanges: the third chunk
    // onwards) and only the missing bytes went, on the same upload URL; the session was never recreated.
    const [after, ...newSessions] = g.uploadSessions();
    expect(newSessions).toEqual([]);
    expect(after).toMatchObject({ id: before!.id, completed: true, next: total, accepted: [...before!.accepted, `bytes ${2 * chunk}-${total - 1}/${total}`] });
    expect(after!.statusReads.slice(before!.statusReads.length)).toEqual([[`${2 * chunk}-${total - 1}`]]);
    const afterRestart = g.requests.slice(requestsBeforeRestart);
    expect(afterRestart.filter((r) => r.kind === "createSession" || r.kind === "cancelSession")).toEqual([]);
    expect(afterRestart.filter((r) => r.kind === "chunk" || r.kind === "lastChunk").map((r) => [r.contentRange, r.status])).toEqual([[`bytes ${2 * chunk}-${total - 1}/${total}`, 201]]);
    expect(g.requests.filter((r) => r.kind === "createSession")).toHaveLength(1);
    const onSession = g.requests.filter((r) => r.path.startsWith("/upload/"));
    expect(new Set(onSession.map((r) => r.path))).toEqual(new Set([`/upload/${open!.id}`]));
    const stalledAt = onSession.findIndex((r) => r.status === undefined);
    expect(onSession[stalledAt + 1]?.kind).toBe("sessionStatus");
    const sent = onSession.filter((r) => r.kind === "chunk" || r.kind === "lastChunk").map((r) => r.contentRange);
    expect(new Set(sent).size).toBe(sent.length - 1); // only the stalled chunk went again
    expect(g.openSessions()).toEqual([]);
    expect(g.requests.filter((r) => r.kind === "token").length).toBeGreaterThanOrEqual(2); // each process got its own managed identity token
  });
});
