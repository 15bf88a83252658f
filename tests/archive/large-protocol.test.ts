import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../bot/src/storage/database";
import { createSqlUploadSessionStore } from "../../bot/src/storage/sql-upload-session-store";
import { testBackends } from "../../bot/src/storage/test-backends";
import { startGraphStandIn, type GraphStandIn } from "../support/graph-stand-in";
import { hasPoppler, poppler } from "../protocol/poppler";
import { filingRequest, standInArchive } from "./support";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A real protocol-like PDF of about 30 MB: a page of protocol text with a 30 MB attachment (bilaga) embedded uncompressed. */
async function largeProtocolPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, info: { Title: "Protokoll Länssamverkansgruppen 2026-09-19" } });
  const parts: Buffer[] = [];
  doc.on("data", (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(parts))));
  doc.fontSize(18).text("Protokoll, Länssamverkansgruppen Norrbygden");
  doc.fontSize(11).text("Sammanträdesdatum 2026-09-19. § 46 Reviderad överenskommelse – egenvård. Beslut: att anta överenskommelsen.");
  doc.file(randomBytes(30 * 1024 * 1024), { name: "bilaga-1-underlag.bin", description: "Bilaga 1: underlag", type: "application/octet-stream" });
  doc.end();
  return done;
}

describe.each(testBackends().slice(0, 1))("a 30 MB protocol through a Graph upload session on $name", (backend) => {
  let database: Database;
  let g: GraphStandIn;
  let dir: string;
  beforeAll(async () => {
    database = await backend.open();
    g = await startGraphStandIn();
    dir = await mkdtemp(join(tmpdir(), "paragraf-large-"));
  });
  afterAll(async () => {
    await g?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("uploads it in 10 MiB chunks and the stand-in assembles exactly the sealed bytes", { timeout: 60_000 }, async () => {
    const bytes = await largeProtocolPdf();
    expect(bytes.byteLength).toBeGreaterThan(30 * 1024 * 1024);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const tail = bytes.subarray(-64).toString("latin1");
    expect(tail.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\s+(\d+)/.exec(tail)![1]);
    expect(bytes.subarray(startxref, startxref + 4).toString("latin1")).toBe("xref");

    const archive = standInArchive(g, createSqlUploadSessionStore(database.db), { chunkBytes: 32 * 327_680 });
    const result = await archive.file(filingRequest(bytes, { hash: sha(bytes) }));
    expect(result.alreadyFiled).toBe(false);
    const [filed] = g.files();
    expect(sha(filed!.item.content!)).toBe(sha(bytes));
    const chunks = g.requests.filter((r) => r.kind === "chunk" || r.kind === "lastChunk");
    expect(chunks.length).toBe(Math.ceil(bytes.byteLength / (32 * 327_680)));
    expect(chunks.every((c) => !c.authorization && c.status !== undefined && c.status < 300)).toBe(true);
    expect(g.requests.filter((r) => r.kind === "simpleUpload")).toEqual([]);
    if (hasPoppler) {
      const path = join(dir, "filed.pdf");
      await writeFile(path, filed!.item.content!);
      expect(poppler("pdfinfo", path)).toMatch(/Pages:\s+1/);
    }
  });
});
