import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../bot/src/storage/database";
import { createSqlUploadSessionStore } from "../../bot/src/storage/sql-upload-session-store";
import { testBackends } from "../../bot/src/storage/test-backends";
import { startGraphStandIn, type GraphStandIn } from "../support/graph-stand-in";
import { fileName, filingRequest, folderPath, standInArchive } from "./support";

/** URL templates extracted from Graph's v1.0 CSDL description (see fixtures/extract-graph-paths.ts). */
const description = JSON.parse(await readFile(new URL("./fixtures/graph-v1-paths.json", import.meta.url), "utf8")) as { commit: string; paths: string[] };

/**
 * A request path as a template candidate: without `/v1.0` and with a path-based address
 * (`/items/{parent-id}:/{relative path}:`, Graph's key-as-path syntax) taken as the one key segment it stands for.
 */
const normalise = (path: string) => path.replace(/^\/v1\.0/, "").replace(/\/items\/([^/:]+):\/[^:]+:/, "/items/{address}");
const matches = (path: string, template: string) => {
  const [p, t] = [path.split("/"), template.split("/")];
  return p.length === t.length && t.every((segment, i) => (segment.startsWith("{") ? p[i] !== "" : segment === p[i]));
};

describe("every Graph path the SharePoint archive uses is in the Graph v1.0 description", () => {
  let g: GraphStandIn;
  let database: Database;
  beforeAll(async () => {
    g = await startGraphStandIn();
    database = await testBackends()[0]!.open();
  });
  afterAll(async () => {
    await g?.close();
    await database?.close();
  });

  it("files through each endpoint and matches every request against a template", async () => {
    const sessions = createSqlUploadSessionStore(database.db);
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(500_000)]);
    g.putFile(`${folderPath}/${fileName}`, Buffer.from("%PDF-1.7 another document"));
    await standInArchive(g, sessions, { simpleUploadMaxBytes: 100_000 }).file(filingRequest(bytes)); // group drive, session, rename
    await standInArchive(g, sessions).file(filingRequest(bytes.subarray(0, 50_000), { jobKey: "simple", fileName: "small.pdf" })); // simple PUT
    await standInArchive(g, sessions).file(filingRequest(bytes.subarray(0, 50_000), { jobKey: "simple", fileName: "small.pdf" })); // download + compare
    const siteDrive = g.addDrive({ siteId: "s1" });
    await standInArchive(g, sessions, { target: { siteId: "s1", driveId: siteDrive } }).file(filingRequest(bytes.subarray(0, 10_000)));
    await standInArchive(g, sessions, { target: { driveId: siteDrive } }).file(filingRequest(bytes.subarray(0, 10_000)));

    const used = [...new Set(g.requests.filter((r) => r.path.startsWith("/v1.0/")).map((r) => normalise(decodeURIComponent(r.path))))];
    const unmatched = used.filter((path) => !description.paths.some((t) => matches(path, t)));
    expect(unmatched).toEqual([]);
    const templates = new Set(used.map((path) => description.paths.find((t) => matches(path, t))));
    expect([...templates].sort()).toEqual([
      "/drives/{drive-id}", "/drives/{drive-id}/items/{driveItem-id}", "/drives/{drive-id}/items/{driveItem-id}/children",
      "/drives/{drive-id}/items/{driveItem-id}/content", "/drives/{drive-id}/items/{driveItem-id}/createUploadSession",
      "/drives/{drive-id}/items/{driveItem-id}/listItem/fields", "/drives/{drive-id}/list/columns", "/drives/{drive-id}/root",
      "/groups/{group-id}/drive", "/sites/{site-id}/drives/{drive-id}",
    ]);
  });

  it("the stand-in is strict: an unknown path is 400 and a wrong method 405, with Graph's error body", async () => {
    const token = ((await (await fetch(`${g.origin}/token`, { method: "POST", body: "" })).json()) as { access_token: string }).access_token;
    const auth = { authorization: `Bearer ${token}` };
    const unknown = await fetch(`${g.baseUrl}/drives/${g.driveId}/bundles`, { headers: auth });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("BadRequest");
    const wrong = await fetch(`${g.baseUrl}/drives/${g.driveId}/root`, { method: "DELETE", headers: auth });
    expect(wrong.status).toBe(405);
    const anonymous = await fetch(`${g.baseUrl}/drives/${g.driveId}/root`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
  });

  it("the stand-in enforces the upload session rules", async () => {
    const token = ((await (await fetch(`${g.origin}/token`, { method: "POST", body: "" })).json()) as { access_token: string }).access_token;
    const created = await fetch(`${g.baseUrl}/drives/${g.driveId}/items/root:/rules.pdf:/createUploadSession`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ item: { "@microsoft.graph.conflictBehavior": "fail" } }),
    });
    expect(created.status).toBe(200);
    const { uploadUrl } = (await created.json()) as { uploadUrl: string };
    const put = (start: number, length: number, total: number, headers: Record<string, string> = {}) =>
      fetch(uploadUrl, { method: "PUT", headers: { "content-range": `bytes ${start}-${start + length - 1}/${total}`, ...headers }, body: Buffer.alloc(length) });
    expect((await put(0, 327_680, 1_000_000, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await put(0, 300_000, 1_000_000)).status).toBe(400); // not a multiple of 320 KiB
    expect((await put(327_680, 327_680, 1_000_000)).status).toBe(416); // not the next expected range
    expect((await fetch(uploadUrl, { method: "PUT", body: Buffer.alloc(10) })).status).toBe(400); // no Content-Range
    const first = await put(0, 327_680, 1_000_000);
    expect(first.status).toBe(202);
    expect(((await first.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual(["327680-999999"]);
    expect((await put(327_680, 327_680, 2_000_000)).status).toBe(400); // another total
    expect((await fetch(uploadUrl, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(uploadUrl)).status).toBe(404);
  });
});
