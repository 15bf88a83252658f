import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { archiveFailureReasons, type ArchiveFileRequest, type ArchiveFileResult, type Clock, type ProtocolArchive } from "@paragraf/shared";
import { PermanentJobError } from "../outbox/job-errors";

/** The metadata written beside each filed PDF (`‹file›.pdf.json`): what SharePoint keeps in columns. */
export interface LocalArchiveSidecar extends Omit<ArchiveFileRequest, "bytes"> {
  format: "paragraf.archive/1";
  /** SHA-256 of the PDF bytes as filed (`hash` is the sealed content's, what the signatories approved). */
  sha256: string;
  size: number;
  filedAt: string;
}

const maxNameLength = 150;
/** File system answers no retry fixes: no permission, a read-only volume, a file where a folder must be. */
const notWritable = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR"]);

/** Turns a file system refusal into a permanent failure with the actionable reason; other errors are retried. */
function classifyArchiveError(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !notWritable.has(code)) return err;
  return new PermanentJobError(`local archive: ${(err as Error).message}`, archiveFailureReasons.archiveNotWritable);
}
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A name safe on Linux, macOS and Windows file systems: no path separators, reserved or control
 * characters, no leading dots, no trailing dots or spaces, at most 150 characters (the extension kept).
 */
export function safeFileName(name: string, extension = ""): string {
  const stem = extension && name.toLowerCase().endsWith(extension) ? name.slice(0, -extension.length) : name;
  const printable = Array.from(stem.normalize("NFC").replace(/\s+/g, " "), (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? "-" : c)).join("");
  const cleaned = printable
    .replace(/[<>:"/\\|?*]/g, "-")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, maxNameLength - extension.length)
    .replace(/[\s.]+$/g, "");
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) ? `_${cleaned}` : cleaned;
  return `${safe || "_"}${extension}`;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** Writes bytes to a temp file beside `path` and syncs it; returns the temp path. */
async function writeTemp(path: string, bytes: Uint8Array): Promise<string> {
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o644).catch((err: unknown) => { throw classifyArchiveError(err); });
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Syncs a directory so a rename or link in it survives a crash (not possible on every platform). */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for syncing; the rename itself is still atomic there.
  }
}

/** Replaces a file atomically: temp + fsync + rename. */
async function replaceAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await rename(await writeTemp(path, bytes), path);
}

/** Creates a file atomically without ever overwriting one: temp + fsync + hard link. False if the name is taken. */
async function createAtomically(path: string, bytes: Uint8Array): Promise<boolean> {
  const temp = await writeTemp(path, bytes);
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * The embedded archive: `‹root›/‹body›/‹year›/‹date› ‹body› protokoll ‹dnr›.pdf` with a JSON sidecar
 * beside it, under a `‹tenant›` folder first when `tenantFolders` (a service for several tenants). A crash never leaves a half file under the final name, an existing file is never
 * overwritten (another document gets ` (2)`, ` (3)`…), and filing the same bytes again writes nothing.
 */
export function createLocalArchive(options: { root: string; clock: Clock; tenantFolders?: boolean }): ProtocolArchive {
  const { root, clock, tenantFolders = true } = options;
  return {
    async file(request: ArchiveFileRequest): Promise<ArchiveFileResult> {
      const year = request.meetingDate.slice(0, 4);
      const dir = join(root, ...(tenantFolders ? [safeFileName(request.tenantId)] : []), safeFileName(request.bodyName), safeFileName(year));
      await mkdir(dir, { recursive: true }).catch((err: unknown) => { throw classifyArchiveError(err); });
      const digest = sha256(request.bytes);
      const wanted = safeFileName(request.fileName, ".pdf");
      let raced = 0;
      for (let n = 1; n <= 100; n++) {
        const name = n === 1 ? wanted : `${wanted.slice(0, -4)} (${n}).pdf`;
        const path = join(dir, name);
        const existing = await readIfExists(path);
        if (existing && sha256(existing) !== digest) continue;
        const created = existing ? false : await createAtomically(path, request.bytes);
        if (!existing && !created) {
          if (raced++ < 3) n--; // taken meanwhile: look at that file again
          continue;
        }
        const sidecarPath = `${path}.json`;
        if (created || !(await readIfExists(sidecarPath))) {
          const { bytes: _bytes, ...metadata } = request;
          const sidecar: LocalArchiveSidecar = {
            format: "paragraf.archive/1", ...metadata, fileName: name, sha256: digest, size: request.bytes.byteLength, filedAt: clock.now().toISOString(),
          };
          await replaceAtomically(sidecarPath, Buffer.from(`${JSON.stringify(sidecar, null, 2)}\n`));
        }
        await syncDir(dir);
        return { url: pathToFileURL(path).href, alreadyFiled: !created, ...(n > 1 ? { renamed: name } : {}) };
      }
      throw new Error(`local archive: 100 different documents already named like ${wanted} in ${dir}`);
    },
  };
}
