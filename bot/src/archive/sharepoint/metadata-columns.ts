import type { ArchiveFileRequest } from "@paragraf/shared";
import { z } from "zod";
import type { GraphApi } from "./graph-api";
import { graphFailure } from "./graph-errors";

/**
 * The library columns Paragraf fills when the library has them (internal names; README "Filing in
 * SharePoint" says how to add them). Each maps the filing request to the column's value.
 */
export const paragrafColumns = {
  ParagrafDnr: (r: ArchiveFileRequest) => r.dnr,
  ParagrafMeetingDate: (r: ArchiveFileRequest) => `${r.meetingDate}T00:00:00Z`,
  ParagrafBody: (r: ArchiveFileRequest) => r.bodyName,
  ParagrafParagraphs: (r: ArchiveFileRequest) => r.paragraphRange,
  ParagrafSealedAt: (r: ArchiveFileRequest) => r.sealedAt || undefined,
  ParagrafContentHash: (r: ArchiveFileRequest) => r.hash,
} satisfies Record<string, (r: ArchiveFileRequest) => string | undefined>;

const ColumnsSchema = z.object({ value: z.array(z.object({ name: z.string() })) });

/**
 * Sets the Paragraf columns the library has on the item's listItem (`PATCH …/listItem/fields`) and
 * returns the names of those it lacks (read from `GET /drives/{id}/list/columns`) or that refused
 * their value (a column of another type): the file stays filed either way.
 */
export async function setMetadata(graph: GraphApi, driveId: string, itemId: string, request: ArchiveFileRequest): Promise<string[]> {
  const enc = encodeURIComponent;
  const columns = await graph.call({ method: "GET", path: `/drives/${enc(driveId)}/list/columns?$select=name` });
  if (columns.status !== 200) throw graphFailure("reading the library's columns", columns);
  const present = new Set(ColumnsSchema.parse(columns.json).value.map((c) => c.name));
  const names = Object.keys(paragrafColumns) as (keyof typeof paragrafColumns)[];
  const fields = Object.fromEntries(names.filter((n) => present.has(n)).map((n) => [n, paragrafColumns[n](request)]).filter(([, v]) => v !== undefined));
  const path = `/drives/${enc(driveId)}/items/${enc(itemId)}/listItem/fields`;
  const unsettable: string[] = [];
  if (Object.keys(fields).length > 0) {
    const patched = await graph.call({ method: "PATCH", path, json: fields });
    if (patched.status === 400) {
      // A column of another type (or read-only) refuses its value: set the others one by one, report it.
      for (const [name, value] of Object.entries(fields)) {
        const one = await graph.call({ method: "PATCH", path, json: { [name]: value } });
        if (one.status === 400) unsettable.push(name);
        else if (one.status !== 200) throw graphFailure(`setting the metadata column ${name}`, one);
      }
    } else if (patched.status !== 200) throw graphFailure("setting the metadata columns", patched);
  }
  return names.filter((n) => !present.has(n) || unsettable.includes(n));
}
