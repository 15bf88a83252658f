import { createHash } from "node:crypto";
import type { ArchiveFileRequest, ArchiveFileResult, ArchiveTarget, ProtocolArchive } from "@paragraf/shared";
import type { GraphApi } from "./graph-api";
import { graphErrorCode, graphFailure } from "./graph-errors";
import { ensureFolder, findItem, holdsSameBytes, resolveDrive, type DriveTarget } from "./drive-library";
import { setMetadata } from "./metadata-columns";
import { candidateName, safeSharePointName } from "./sharepoint-names";
import { DriveItemSchema, uploadInSession, type DriveItem, type UploadOutcome } from "./upload-session";
import type { UploadSessionStore } from "./upload-session-store";

/** The SharePoint archive's settings (from config; a body's `archiveTarget` overrides target and folder). */
export interface SharePointArchiveOptions {
  graph: GraphApi;
  sessions: UploadSessionStore;
  target: DriveTarget;
  /** The library folder under which `‹body›/‹year›` is created ("" files under the library root). */
  folder: string;
  /** Files up to this size go in one PUT (Graph's simple upload, at most 4 MB); larger through a session. */
  simpleUploadMaxBytes: number;
  /** Upload session chunk size: a multiple of 327,680 bytes, under 60 MiB. */
  chunkBytes: number;
}

const enc = encodeURIComponent;

/** Uploads with one PUT; conflictBehavior fail, so an existing name answers 409 instead of being overwritten. */
async function uploadSimple(graph: GraphApi, driveId: string, folderId: string, name: string, bytes: Uint8Array): Promise<UploadOutcome> {
  const path = `/drives/${enc(driveId)}/items/${enc(folderId)}:/${enc(name)}:/content?@microsoft.graph.conflictBehavior=fail`;
  const response = await graph.call({ method: "PUT", path, bytes, contentType: "application/pdf" });
  if (response.status === 409 && graphErrorCode(response) === "nameAlreadyExists") return { kind: "conflict" };
  if (response.status !== 200 && response.status !== 201) throw graphFailure(`uploading ${name}`, response);
  return { kind: "created", item: DriveItemSchema.parse(response.json) };
}

function effectiveTarget(options: SharePointArchiveOptions, override: ArchiveTarget | undefined): { target: DriveTarget; folder: string } {
  if (!override) return { target: options.target, folder: options.folder };
  const folder = override.folder ?? options.folder;
  return "groupId" in override ? { target: { groupId: override.groupId }, folder } : { target: { siteId: override.siteId, driveId: override.driveId }, folder };
}

/**
 * Files sealed protocols in a SharePoint document library through Microsoft Graph, exactly once:
 * `‹folder›/‹body›/‹year›/‹date› ‹body› protokoll ‹dnr›.pdf`. An existing file of that name with the
 * same bytes means already filed; with other bytes it is never overwritten: ` (2)`, ` (3)`… is used
 * and reported. Metadata goes to the Paragraf columns the library has; the missing ones are reported.
 */
export function createSharePointArchive(options: SharePointArchiveOptions): ProtocolArchive {
  const { graph } = options;
  return {
    async file(request: ArchiveFileRequest): Promise<ArchiveFileResult> {
      const { target, folder } = effectiveTarget(options, request.target);
      const driveId = await resolveDrive(graph, target);
      const segments = [...folder.split("/").filter((s) => s.trim()).map((s) => safeSharePointName(s)), safeSharePointName(request.bodyName), request.meetingDate.slice(0, 4)];
      const folderId = await ensureFolder(graph, driveId, segments);
      const sha256 = createHash("sha256").update(request.bytes).digest("hex");
      const wanted = safeSharePointName(request.fileName, ".pdf");
      const jobKey = request.jobKey ?? `protocol:${request.hash}`;
      let raced = 0;
      for (let n = 1; n <= 100; n++) {
        const name = candidateName(wanted, n);
        const existing = await findItem(graph, driveId, folderId, [name]);
        let item: DriveItem | undefined;
        let created = false;
        if (existing) {
          if (!(await holdsSameBytes(graph, driveId, existing, request.bytes, sha256))) continue;
          item = existing;
        } else {
          const outcome = request.bytes.byteLength <= options.simpleUploadMaxBytes
            ? await uploadSimple(graph, driveId, folderId, name, request.bytes)
            : await uploadInSession({ graph, store: options.sessions, tenantId: request.tenantId, jobKey, driveId, folderId, fileName: name, bytes: request.bytes, sha256, chunkBytes: options.chunkBytes });
          if (outcome.kind === "conflict") {
            if (raced++ < 3) n--; // taken meanwhile: look at that name again
            continue;
          }
          [item, created] = [outcome.item, true];
        }
        if (!created) await options.sessions.remove(request.tenantId, jobKey);
        const missingColumns = await setMetadata(graph, driveId, item.id, request);
        return {
          url: item.webUrl, alreadyFiled: !created,
          ...(n > 1 ? { renamed: name } : {}), ...(missingColumns.length ? { missingColumns } : {}),
        };
      }
      throw graphFailure(`filing ${wanted}`, { status: 409, headers: new Headers(), json: { error: { code: "tooManyNamesTaken" } } });
    },
  };
}
