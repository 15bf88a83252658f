import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProtocolArchive } from "@paragraf/shared";
import { fileProtocolJobHandlers, protocolFileName } from "../../bot/src/archive/file-protocol-job";
import { createLocalArchive, type LocalArchiveSidecar } from "../../bot/src/archive/local-archive";
import { PermanentJobError } from "../../bot/src/outbox/job-errors";
import { createOutboxWorker } from "../../bot/src/outbox/outbox-worker";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe.each(backends())("filing the sealed protocol in the local archive on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let meetingId: string;
  let seq: number;
  let hash: string;
  const fileName = "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf";
  const folder = () => join(t.dataDir, "archive", tenantA, "Länssamverkansgruppen", "2026");

  const write = async (path: string, body: Record<string, unknown> = {}, token = sec) => {
    const res = await call(t.app, "POST", `/api/meetings/${meetingId}${path}`, token, { expectedSeq: seq, ...body });
    expect(res.status, res.text).toBe(200);
    seq = res.json.seq as number;
    return res;
  };
  const meeting = async () => {
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}`, sec);
    return res.json as { seq: number; meeting: { status: string; protocol: { filed?: { url: string; at: string } } } };
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    const chair = await t.token(tenantA, "oid-chair", "Clara Ordförande");
    const m1 = await t.token(tenantA, "oid-m1", "Mats Ledamot");
    expect((await call(t.app, "POST", "/api/bodies", sec, { id: "lsg", name: "Länssamverkansgruppen", roster: apiRoster, settings: { seriesStarts: { "2026": 46 } } })).status).toBe(201);
    const created = await call(t.app, "POST", "/api/bodies/lsg/meetings", sec, { details: { date: "2026-09-19", startTime: "08:00", endTime: "11:00", dnr: "HSN 129-2026" } });
    meetingId = (created.json.meeting as { id: string }).id;
    seq = created.json.seq as number;
    await write("/agenda/items", { itemId: "egenvard", content: { kind: "decision", title: "Reviderad överenskommelse – egenvård", presenters: ["Sofie T"] } });
    const roles = await call(t.app, "PUT", `/api/meetings/${meetingId}/roles`, sec, { expectedSeq: seq, adjusterIds: ["p-m1"] });
    seq = roles.json.seq as number;
    for (const p of ["p-chair", "p-m1", "p-m2", "p-sec"]) {
      seq = (await call(t.app, "PUT", `/api/meetings/${meetingId}/attendance/${p}`, sec, { expectedSeq: seq, attendance: { status: "present" } })).json.seq as number;
    }
    await write("/open");
    await write("/items/egenvard/open");
    await write("/items/egenvard/close", { decision: { outcome: "decided", clauses: ["anta överenskommelsen"] } });
    await write("/close");
    hash = ((await call(t.app, "GET", `/api/meetings/${meetingId}/protocol?format=html`, sec)).json as { hash: string }).hash;
    await write("/protocol/send-for-justering", { hash });
    for (const token of [sec, chair, m1]) await write("/commands", { command: { type: "protocol.sign", hash } }, token);
    expect((await meeting()).meeting.status).toBe("sealed");
  });
  afterAll(() => t?.close());

  it("files once even when the worker dies between filing and recording it, then marks the meeting filed", async () => {
    // First attempt: the file lands in the archive, then the process "dies" before protocol.filed is recorded.
    const real = createLocalArchive({ root: t.app.config.archive.root, clock: t.app.deps.clock });
    let filedBytes: Uint8Array | undefined;
    const dying: ProtocolArchive = {
      async file(request) {
        await real.file(request);
        filedBytes = request.bytes;
        throw new Error("killed after filing");
      },
    };
    const crashing = createOutboxWorker({
      store: t.app.deps.store, log: t.app.deps.log, clock: t.app.deps.clock, backoffBaseMs: 1, backoffCapMs: 1,
      handlers: fileProtocolJobHandlers({ deps: t.app.deps, archive: dying }),
    });
    // (It also claims the card jobs, which it has no handler for: they wait a minute, as on a real instance.)
    expect(await crashing.runOnce()).toBeGreaterThanOrEqual(1);
    expect(filedBytes).toBeDefined();
    expect((await meeting()).meeting.status).toBe("sealed");
    expect(await readdir(folder())).toEqual([fileName, `${fileName}.json`]);
    const firstSidecar = await readFile(join(folder(), `${fileName}.json`), "utf8");

    // The service's own worker retries the job: nothing is filed twice, and the meeting is marked filed.
    await new Promise((resolve) => setTimeout(resolve, 10));
    while ((await t.app.worker.runOnce()) > 0);
    expect((await readdir(folder())).sort()).toEqual([fileName, `${fileName}.json`]);
    expect(await readFile(join(folder(), `${fileName}.json`), "utf8")).toBe(firstSidecar);

    const pdf = await readFile(join(folder(), fileName));
    const served = await t.app.server.inject({ method: "GET", url: `/api/meetings/${meetingId}/protocol/versions/1.pdf`, headers: { authorization: `Bearer ${sec}` } });
    expect(served.statusCode).toBe(200);
    expect(sha256(pdf)).toBe(sha256(served.rawPayload));
    expect(sha256(pdf)).toBe(sha256(filedBytes!));
    expect(pdf.toString("latin1")).toContain(`sha256:${hash}`);

    const sidecar = JSON.parse(firstSidecar) as LocalArchiveSidecar;
    expect(sidecar).toMatchObject({
      format: "paragraf.archive/1", fileName, tenantId: tenantA, bodyName: "Länssamverkansgruppen", meetingDate: "2026-09-19",
      dnr: "HSN 129-2026", hash, sha256: sha256(pdf), size: pdf.byteLength,
    });
    expect(sidecar.paragraphRange).toMatch(/^§§? 46/);
    expect(Date.parse(sidecar.sealedAt)).not.toBeNaN();

    const after = await meeting();
    expect(after.meeting.status).toBe("filed");
    expect(after.meeting.protocol.filed?.url).toBe(pathToFileURL(join(folder(), fileName)).href);
    const events = (await t.app.deps.store.loadEvents(tenantA, meetingId)).filter((e) => e.event.type === "protocol.filed");
    expect(events).toHaveLength(1);
    expect(events[0]!.actor.userId).toBe("system:paragraf");
  });

  it("files nothing more and records nothing more when the job runs again", async () => {
    const before = await meeting();
    await t.app.deps.store.enqueue(tenantA, [{ kind: "protocol.file", key: `protocol.file:${meetingId}:v1:again`, payload: { meetingId, version: 1, hash } }]);
    expect(await t.app.worker.runOnce()).toBe(1);
    expect(await t.app.worker.runOnce()).toBe(0);
    expect((await readdir(folder())).sort()).toEqual([fileName, `${fileName}.json`]);
    expect((await meeting()).seq).toBe(before.seq);
  });

  it("stops for good on a job no retry can fix", async () => {
    const handler = fileProtocolJobHandlers({ deps: t.app.deps, archive: createLocalArchive({ root: t.app.config.archive.root, clock: t.app.deps.clock }) })["protocol.file"]!;
    const job = { id: "j-1", tenantId: tenantA, kind: "protocol.file", key: "k", attempts: 1, claimId: "c-1", runAt: new Date(), payload: { meetingId: "no-such-meeting", version: 1, hash } };
    await expect(handler(job)).rejects.toThrow(PermanentJobError);
    await expect(handler(job)).rejects.toThrow(/no-such-meeting does not exist/);
  });

  it("names the file by date, body, document type and dnr", () => {
    expect(protocolFileName({ date: "2026-09-19", bodyName: "Länssamverkansgruppen", documentType: "protokoll", dnr: "HSN 129-2026" })).toBe(fileName);
    expect(protocolFileName({ date: "2026-10-02", bodyName: "LSG", documentType: "minnesanteckningar" })).toBe("2026-10-02 LSG minnesanteckningar.pdf");
  });
});
