import { createHash, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archiveFailureReasons } from "@paragraf/shared";
import type { UploadSessionStore } from "../../bot/src/archive/sharepoint/upload-session-store";
import { PermanentJobError, RetryableJobError } from "../../bot/src/outbox/job-errors";
import type { Database } from "../../bot/src/storage/database";
import { createSqlUploadSessionStore } from "../../bot/src/storage/sql-upload-session-store";
import { testBackends } from "../../bot/src/storage/test-backends";
import { startGraphStandIn, type GraphStandIn } from "../support/graph-stand-in";
import { fileName, fileWithRetries, filingRequest, folderPath, standInArchive } from "./support";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(size - 9)]);

describe.each(testBackends())("SharePoint archive against the Graph stand-in on $name", (backend) => {
  let database: Database;
  let sessions: UploadSessionStore;
  let g: GraphStandIn;
  beforeAll(async () => {
    database = await backend.open();
    sessions = createSqlUploadSessionStore(database.db);
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    g = await startGraphStandIn();
  });
  afterEach(() => g.close());

  const only = () => {
    const files = g.files();
    expect(files).toHaveLength(1);
    return files[0]!;
  };
  const count = (kind: string) => g.requests.filter((r) => r.kind === kind).length;

  it("creates the folders, uploads small files with one PUT (conflictBehavior fail), sets every column and returns the link", async () => {
    const bytes = pdf(50_000);
    const result = await standInArchive(g, sessions).file(filingRequest(bytes));
    const filed = only();
    expect(filed.path).toBe(`${folderPath}/${fileName}`);
    expect(sha(filed.item.content!)).toBe(sha(bytes));
    expect(result).toEqual({ url: expect.stringContaining(encodeURIComponent(fileName)), alreadyFiled: false });
    expect(filed.item.fields).toEqual({
      ParagrafDnr: "HSN 129-2026", ParagrafMeetingDate: "2026-09-19T00:00:00Z", ParagrafBody: "Länssamverkansgruppen",
      ParagrafParagraphs: "§§ 46–50", ParagrafSealedAt: "2026-09-24T12:00:00.000Z", ParagrafContentHash: "c".repeat(64),
    });
    expect(count("createFolder")).toBe(3);
    expect(count("simpleUpload")).toBe(1);
    expect(count("createSession")).toBe(0);
    expect(g.requests.every((r) => r.kind !== "unknown")).toBe(true);
  });

  it("files the same bytes once: a second filing finds them by name and hash and writes nothing", async () => {
    const archive = standInArchive(g, sessions);
    const bytes = pdf(20_000);
    const first = await archive.file(filingRequest(bytes));
    const again = await archive.file(filingRequest(bytes));
    expect(again).toEqual({ ...first, alreadyFiled: true });
    only();
    expect(count("simpleUpload")).toBe(1);
    expect(count("download")).toBe(1);
  });

  it("never overwrites another document of the same name: files under (2) and says so, and a retry finds it there", async () => {
    const theirs = pdf(20_000);
    g.putFile(`${folderPath}/${fileName}`, theirs);
    const ours = pdf(20_000);
    const archive = standInArchive(g, sessions);
    const result = await archive.file(filingRequest(ours));
    const renamed = "2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026 (2).pdf";
    expect(result).toMatchObject({ alreadyFiled: false, renamed });
    const files = Object.fromEntries(g.files().map((f) => [f.path, sha(f.item.content!)]));
    expect(files).toEqual({ [`${folderPath}/${fileName}`]: sha(theirs), [`${folderPath}/${renamed}`]: sha(ours) });
    expect(await archive.file(filingRequest(ours))).toEqual({ ...result, alreadyFiled: true });
    expect(g.files()).toHaveLength(2);
  });

  it("sets the columns the library has and reports the missing ones", async () => {
    const driveId = g.addDrive({ columns: ["ParagrafDnr", "ParagrafContentHash"] });
    const result = await standInArchive(g, sessions, { target: { driveId } }).file(filingRequest(pdf(10_000)));
    expect(result.missingColumns).toEqual(["ParagrafMeetingDate", "ParagrafBody", "ParagrafParagraphs", "ParagrafSealedAt"]);
    expect(g.files(driveId)[0]!.item.fields).toEqual({ ParagrafDnr: "HSN 129-2026", ParagrafContentHash: "c".repeat(64) });
  });

  it("reports a column that refuses its value (another type) as missing, sets the others, and files anyway", async () => {
    const driveId = g.addDrive({ columns: ["ParagrafDnr", "ParagrafBody"], numberColumns: ["ParagrafParagraphs"] });
    const result = await standInArchive(g, sessions, { target: { driveId } }).file(filingRequest(pdf(10_000)));
    expect(result.alreadyFiled).toBe(false);
    expect(result.missingColumns).toEqual(["ParagrafMeetingDate", "ParagrafParagraphs", "ParagrafSealedAt", "ParagrafContentHash"]);
    expect(g.files(driveId)[0]!.item.fields).toEqual({ ParagrafDnr: "HSN 129-2026", ParagrafBody: "Länssamverkansgruppen" });
  });

  it("files in the body's own target (a site's drive) and folder when the body has one", async () => {
    const siteDrive = g.addDrive({ siteId: "fabrikam.sharepoint.com,s2,w2" });
    const request = filingRequest(pdf(10_000), { target: { siteId: "fabrikam.sharepoint.com,s2,w2", driveId: siteDrive, folder: "Nämnder/Protokoll" } });
    await standInArchive(g, sessions).file(request);
    expect(g.files()).toEqual([]);
    expect(g.files(siteDrive).map((f) => f.path)).toEqual([`Nämnder/Protokoll/Länssamverkansgruppen/2026/${fileName}`]);
  });

  it("uploads larger files through a session: chunks of 320 KiB multiples, in order, without Authorization", async () => {
    const bytes = pdf(1_000_000);
    const result = await standInArchive(g, sessions, { simpleUploadMaxBytes: 100_000, chunkBytes: 2 * 327_680 }).file(filingRequest(bytes));
    expect(result.alreadyFiled).toBe(false);
    expect(sha(only().item.content!)).toBe(sha(bytes));
    const chunks = g.requests.filter((r) => r.kind === "chunk" || r.kind === "lastChunk");
    expect(chunks.map((c) => c.contentRange)).toEqual(["bytes 0-655359/1000000", "bytes 655360-999999/1000000"]);
    expect(chunks.every((c) => !c.authorization)).toBe(true);
    expect(g.requests.filter((r) => r.path.startsWith("/v1.0/")).every((r) => r.authorization)).toBe(true);
    expect(await sessions.get("tenant-a", "protocol.file:m1:v1")).toBeUndefined();
  });

  it("429 with Retry-After on a chunk: the retry resumes the same session from nextExpectedRanges", async () => {
    const bytes = pdf(1_000_000);
    g.fault("chunk", { before: () => g.fault("chunk", { status: 429, code: "tooManyRequests", retryAfter: "7" }, 1) }, 1); // the second chunk is throttled
    const archive = standInArchive(g, sessions, { simpleUploadMaxBytes: 100_000 });
    await expect(archive.file(filingRequest(bytes))).rejects.toMatchObject({ name: "RetryableJobError", retryAfterMs: 7000 });
    expect(await sessions.get("tenant-a", "protocol.file:m1:v1")).toMatchObject({ fileName, size: 1_000_000 });
    expect(g.openSessions()).toEqual([expect.objectContaining({ next: 327_680 })]); // mid-session: the first chunk is in
    g.fault("chunk", { status: 429, code: "tooManyRequests", retryAfter: "1" }, 1); // later in the upload, once more
    // A new archive (as in another process after a restart): only the stored session carries over.
    const restarted = standInArchive(g, sessions, { simpleUploadMaxBytes: 100_000 });
    const { result, retries } = await fileWithRetries(restarted, filingRequest(bytes));
    expect(retries).toHaveLength(1);
    expect(result.alreadyFiled).toBe(false);
    expect(sha(only().item.content!)).toBe(sha(bytes));
    expect(count("createSession")).toBe(1);
    expect(count("sessionStatus")).toBe(2);
    expect(g.openSessions()).toEqual([]);
  });

  it("503 on a simple upload is retried, and files once", async () => {
    g.fault("simpleUpload", { status: 503, code: "serviceNotAvailable", retryAfter: "2" });
    const { result, retries } = await fileWithRetries(standInArchive(g, sessions), filingRequest(pdf(30_000)));
    expect(retries.map((r) => r.retryAfterMs)).toEqual([2000]);
    expect(result.alreadyFiled).toBe(false);
    only();
  });

  it("a connection reset mid-chunk is resumed in the same run from the session's status", async () => {
    const bytes = pdf(1_500_000);
    g.fault("chunk", { reset: true }, 2);
    const result = await standInArchive(g, sessions, { simpleUploadMaxBytes: 100_000 }).file(filingRequest(bytes));
    expect(result.alreadyFiled).toBe(false);
    expect(sha(only().item.content!)).toBe(sha(bytes));
    expect(count("createSession")).toBe(1);
    expect(count("sessionStatus")).toBe(2);
  });

  it("409 nameAlreadyExists on the last chunk: other bytes → filed under (2); the same bytes → already filed", async () => {
    const bytes = pdf(800_000);
    const archive = standInArchive(g, sessions, { simpleUploadMaxBytes: 100_000 });
    const theirs = pdf(800_000);
    g.fault("lastChunk", { before: () => g.putFile(`${folderPath}/${fileName}`, theirs) });
    const result = await archive.file(filingRequest(bytes));
    expect(result.renamed).toBe("2026-09-19 Länssamverkansgruppen protokoll HSN 129-2026 (2).pdf");
    expect(g.files().map((f) => sha(f.item.content!)).sort()).toEqual([sha(bytes), sha(theirs)].sort());

    const other = filingRequest(pdf(700_000), { jobKey: "protocol.file:m2:v1", fileName: "2026-10-01 Länssamverkansgruppen protokoll.pdf", meetingDate: "2026-10-01" });
    g.fault("lastChunk", { before: () => g.putFile("Protokoll/Länssamverkansgruppen/2026/2026-10-01 Länssamverkansgruppen protokoll.pdf", Buffer.from(other.bytes)) });
    expect(await archive.file(other)).toMatchObject({ alreadyFiled: true });
    expect(g.files()).toHaveLength(3);
  });

  it("401 (an expired token) refreshes the token once and goes on; a 401 that stays is retryable", async () => {
    const archive = standInArchive(g, sessions);
    await archive.file(filingRequest(pdf(10_000), { jobKey: "warm-up", fileName: "warm-up.pdf" }));
    g.expireTokens();
    const tokensBefore = count("token");
    const result = await archive.file(filingRequest(pdf(10_000)));
    expect(result.alreadyFiled).toBe(false);
    expect(count("token")).toBe(tokensBefore + 1);
    g.fault("drive", { status: 401, code: "InvalidAuthenticationToken" }, 2);
    await expect(archive.file(filingRequest(pdf(10_000)))).rejects.toBeInstanceOf(RetryableJobError);
  });

  it("403 accessDenied and a deleted group are permanent, with an actionable Swedish and English message", async () => {
    g.deny();
    const denied = await standInArchive(g, sessions).file(filingRequest(pdf(10_000))).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(PermanentJobError);
    expect((denied as PermanentJobError).reason).toEqual(archiveFailureReasons.accessDenied);
    expect((denied as PermanentJobError).reason!.sv).toContain("Sites.Selected");
    expect((denied as PermanentJobError).message).toMatch(/403 accessDenied/);
    const gone = await standInArchive(g, sessions, { target: { groupId: "no-such-group" } }).file(filingRequest(pdf(10_000))).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(PermanentJobError);
    expect((gone as PermanentJobError).reason).toEqual(archiveFailureReasons.libraryNotFound);
    expect(g.files()).toEqual([]);
  });

  it("tolerates a folder created concurrently (409 nameAlreadyExists on folder creation)", async () => {
    g.fault("createFolder", { before: () => g.putFile("Protokoll/.keep", Buffer.from("x")) });
    await standInArchive(g, sessions).file(filingRequest(pdf(10_000)));
    expect(g.requests.filter((r) => r.kind === "createFolder").map((r) => r.status)).toEqual([409, 201, 201]);
    expect(new Set(g.files().map((f) => f.path))).toEqual(new Set([`${folderPath}/${fileName}`, "Protokoll/.keep"]));
  });
});
