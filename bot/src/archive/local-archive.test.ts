import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArchiveFileRequest } from "@paragraf/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalArchive, safeFileName, type LocalArchiveSidecar } from "./local-archive";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("local folder archive", () => {
  let root: string;
  const clock = { now: () => new Date("2026-09-25T10:00:00Z") };
  const request = (bytes: string, extra: Partial<ArchiveFileRequest> = {}): ArchiveFileRequest => ({
    tenantId: "tenant-a", bodyName: "Länssamverkansgruppen", meetingDate: "2026-09-19", dnr: "HSN 129-2026", paragraphRange: "§§ 46–50",
    sealedAt: "2026-09-24T12:00:00.000Z", hash: "c".repeat(64), fileName: "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf",
    bytes: Buffer.from(bytes), ...extra,
  });
  const folder = () => join(root, "tenant-a", "Länssamverkansgruppen", "2026");

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "paragraf-archive-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("files the PDF under tenant/body/year with a sidecar, and leaves no temp file", async () => {
    const archive = createLocalArchive({ root, clock });
    const result = await archive.file(request("%PDF-1 sealed"));
    expect(result).toEqual({ url: expect.stringMatching(/^file:\/\//), alreadyFiled: false });
    const path = fileURLToPath(result.url);
    expect(path).toBe(join(folder(), "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf"));
    expect((await readFile(path)).toString()).toBe("%PDF-1 sealed");
    const sidecar = JSON.parse(await readFile(`${path}.json`, "utf8")) as LocalArchiveSidecar;
    expect(sidecar).toEqual({
      format: "paragraf.archive/1", fileName: "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf", tenantId: "tenant-a",
      bodyName: "Länssamverkansgruppen", meetingDate: "2026-09-19", dnr: "HSN 129-2026", paragraphRange: "§§ 46–50",
      sealedAt: "2026-09-24T12:00:00.000Z", hash: "c".repeat(64), sha256: sha(Buffer.from("%PDF-1 sealed")), size: 13, filedAt: "2026-09-25T10:00:00.000Z",
    });
    expect((await readdir(folder())).sort()).toEqual([
      "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf", "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026.pdf.json",
    ]);
  });

  it("files the same bytes under the same name only once", async () => {
    const archive = createLocalArchive({ root, clock });
    const first = await archive.file(request("%PDF-1 sealed"));
    const again = await archive.file(request("%PDF-1 sealed"));
    expect(again).toEqual({ url: first.url, alreadyFiled: true });
    expect(await readdir(folder())).toHaveLength(2);
  });

  it("never overwrites another document of the same name: files it under a new name and says so", async () => {
    const archive = createLocalArchive({ root, clock });
    const first = await archive.file(request("%PDF-1 first"));
    const second = await archive.file(request("%PDF-1 second", { hash: "d".repeat(64) }));
    expect(second.alreadyFiled).toBe(false);
    expect(second.renamed).toBe("2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026 (2).pdf");
    expect(fileURLToPath(second.url)).toBe(join(folder(), second.renamed!));
    expect((await readFile(fileURLToPath(first.url))).toString()).toBe("%PDF-1 first");
    expect((await readFile(fileURLToPath(second.url))).toString()).toBe("%PDF-1 second");
    const sidecar = JSON.parse(await readFile(`${fileURLToPath(second.url)}.json`, "utf8")) as LocalArchiveSidecar;
    expect(sidecar).toMatchObject({ fileName: second.renamed, hash: "d".repeat(64) });
    // A retry of the renamed document finds it under its new name.
    expect(await archive.file(request("%PDF-1 second", { hash: "d".repeat(64) }))).toEqual({ ...second, alreadyFiled: true });
    const third = await archive.file(request("%PDF-1 third"));
    expect(third.renamed).toBe("2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026 (3).pdf");
    expect(await readdir(folder())).toHaveLength(6);
  });

  it("completes a filing that crashed after the PDF but before its sidecar", async () => {
    const archive = createLocalArchive({ root, clock });
    const first = await archive.file(request("%PDF-1 sealed"));
    await rm(`${fileURLToPath(first.url)}.json`);
    await writeFile(join(folder(), "leftover.pdf.0123456789ab.tmp"), "%PDF-1 sea"); // a crash's half temp file
    expect(await archive.file(request("%PDF-1 sealed"))).toEqual({ url: first.url, alreadyFiled: true });
    const sidecar = JSON.parse(await readFile(`${fileURLToPath(first.url)}.json`, "utf8")) as LocalArchiveSidecar;
    expect(sidecar.sha256).toBe(sha(Buffer.from("%PDF-1 sealed")));
  });

  it("makes names safe for every file system", () => {
    expect(safeFileName("2026-09-19 Nämnd/Styrelse protokoll KS 1:2026?.pdf", ".pdf")).toBe("2026-09-19 Nämnd-Styrelse protokoll KS 1-2026-.pdf");
    expect(safeFileName("..\\..\\etc\tpasswd.. ", "")).toBe("-..-etc passwd");
    expect(safeFileName("CON", "")).toBe("_CON");
    expect(safeFileName("...", ".pdf")).toBe("_.pdf");
    const long = safeFileName(`${"å".repeat(400)}.pdf`, ".pdf");
    expect(long).toHaveLength(150);
    expect(long.endsWith("å.pdf")).toBe(true);
  });
});
