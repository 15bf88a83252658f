import { createHash } from "node:crypto";
import { z } from "zod";
import type { GraphApi } from "./graph-api";
import { graphErrorCode, graphFailure } from "./graph-errors";
import { encodePath } from "./sharepoint-names";
import { DriveItemSchema, type DriveItem } from "./upload-session";

/** Which library to file in: a group's (team's) default drive, or a drive by id (optionally on a site). */
export type DriveTarget = { groupId: string } | { siteId?: string; driveId: string };

const DriveSchema = z.object({ id: z.string() });
const FolderSchema = z.object({ id: z.string() });
const enc = encodeURIComponent;

/** Resolves the target to a drive id (`GET /groups/{id}/drive`, `/sites/{id}/drives/{id}` or `/drives/{id}`). */
export async function resolveDrive(graph: GraphApi, target: DriveTarget): Promise<string> {
  const path = "groupId" in target ? `/groups/${enc(target.groupId)}/drive`
    : target.siteId ? `/sites/${enc(target.siteId)}/drives/${enc(target.driveId)}` : `/drives/${enc(target.driveId)}`;
  const response = await graph.call({ method: "GET", path: `${path}?$select=id` });
  if (response.status !== 200) throw graphFailure("resolving the document library", response, { missingMeansLibrary: true });
  return DriveSchema.parse(response.json).id;
}

/** The item at `segments` below `parentId`, or undefined when there is none (404 itemNotFound). */
export async function findItem(graph: GraphApi, driveId: string, parentId: string, segments: readonly string[]): Promise<DriveItem | undefined> {
  const response = await graph.call({ method: "GET", path: `/drives/${enc(driveId)}/items/${enc(parentId)}:/${encodePath(segments)}:?$select=id,name,size,webUrl` });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw graphFailure(`reading ${segments.join("/")}`, response);
  return DriveItemSchema.parse(response.json);
}

/**
 * Ensures the folder path exists under the drive's root and returns its item id. Missing segments are
 * created with conflictBehavior fail; a 409 nameAlreadyExists (another instance made it first) is read back.
 */
export async function ensureFolder(graph: GraphApi, driveId: string, segments: readonly string[]): Promise<string> {
  const rootAnswer = await graph.call({ method: "GET", path: `/drives/${enc(driveId)}/root?$select=id` });
  if (rootAnswer.status !== 200) throw graphFailure("reading the library root", rootAnswer, { missingMeansLibrary: true });
  const root = FolderSchema.parse(rootAnswer.json).id;
  if (segments.length === 0) return root;
  const whole = await findItem(graph, driveId, root, segments);
  if (whole) return whole.id;
  let parent = root;
  for (const segment of segments) {
    const existing = await findItem(graph, driveId, parent, [segment]);
    if (existing) {
      parent = existing.id;
      continue;
    }
    const created = await graph.call({
      method: "POST", path: `/drives/${enc(driveId)}/items/${enc(parent)}/children`,
      json: { name: segment, folder: {}, "@microsoft.graph.conflictBehavior": "fail" },
    });
    if (created.status === 201) parent = FolderSchema.parse(created.json).id;
    else if (created.status === 409 && graphErrorCode(created) === "nameAlreadyExists") {
      const raced = await findItem(graph, driveId, parent, [segment]);
      if (!raced) throw graphFailure(`creating folder ${segment}`, created);
      parent = raced.id;
    } else throw graphFailure(`creating folder ${segment}`, created);
  }
  return parent;
}

/** Whether an existing item holds exactly these bytes: same size, then the SHA-256 of its downloaded content. */
export async function holdsSameBytes(graph: GraphApi, driveId: string, item: DriveItem, bytes: Uint8Array, sha256: string): Promise<boolean> {
  if (item.size !== undefined && item.size !== bytes.byteLength) return false;
  const response = await graph.call({ method: "GET", path: `/drives/${enc(driveId)}/items/${enc(item.id)}/content`, raw: true });
  if (response.status !== 200) throw graphFailure(`downloading ${item.name}`, response);
  return createHash("sha256").update(response.bytes!).digest("hex") === sha256;
}
