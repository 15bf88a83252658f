/**
 * A strict local stand-in for the Microsoft Graph v1.0 endpoints the SharePoint archive uses, built
 * from the Microsoft Learn page of each endpoint (unknown paths answer 400 as Graph does, a known
 * path with the wrong method 405; every error body is `{ error: { code, message } }`):
 *
 * - drive-get (https://learn.microsoft.com/graph/api/drive-get): `GET /groups/{id}/drive`,
 *   `GET /sites/{id}/drives/{id}`, `GET /drives/{id}`; driveitem-get: `GET /drives/{id}/root`,
 *   `GET /drives/{id}/items/{id}` and path-based `GET /drives/{id}/items/{parent-id}:/{path}:`
 * - driveitem-post-children: `POST /drives/{id}/items/{id}/children` (folder, conflictBehavior in the body)
 * - driveitem-put-content: `PUT /drives/{id}/items/{parent-id}:/{name}:/content?@microsoft.graph.conflictBehavior=…`
 *   (default `replace`; `fail` answers 409 nameAlreadyExists)
 * - driveitem-get-content: `GET /drives/{id}/items/{id}/content` → 302 to a pre-authenticated download URL
 * - driveitem-createuploadsession (https://learn.microsoft.com/graph/api/driveitem-createuploadsession):
 *   `POST …:/{name}:/createUploadSession`, then on the returned uploadUrl: `PUT` byte ranges with
 *   Content-Range, in order ("fragments must be uploaded sequentially in order"), each "a multiple of
 *   320 KiB (327,680 bytes)" except the last, each request "less than 60 MiB", the same total in every
 *   Content-Range, and no Authorization header ("including the Authorization header when issuing the
 *   PUT call might result in an HTTP 401 Unauthorized response" — here it always does); 202 with
 *   `nextExpectedRanges` until the last byte, then 201 with the driveItem, or 409 nameAlreadyExists
 *   when the name was taken meanwhile and the item's conflictBehavior is fail; `GET uploadUrl` reports
 *   the session's status, `DELETE uploadUrl` cancels it; an unknown or expired session is 404.
 * - list-list-columns: `GET /drives/{id}/list/columns`; listitem-update: `PATCH /drives/{id}/items/{id}/listItem/fields`
 *   (an unknown field is 400 invalidRequest)
 * - throttling (https://learn.microsoft.com/graph/throttling): 429 with Retry-After.
 *
 * Tokens come from `POST /token` (client credentials, any client) or the App Service managed identity
 * endpoint `GET /msi/token` (X-IDENTITY-HEADER). Faults are injected per request kind.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the stand-in calls each request, for fault injection and assertions. */
export type RequestKind =
  | "drive" | "root" | "getItem" | "createFolder" | "simpleUpload" | "createSession" | "chunk" | "lastChunk"
  | "sessionStatus" | "cancelSession" | "content" | "download" | "columns" | "patchFields" | "token";

/** An injected fault: answer with an error, reset the connection (mid-body for uploads), stall, or run a hook first. */
export type Fault =
  | { status: number; code: string; retryAfter?: string }
  | { reset: true }
  | { stall: true }
  | { before: () => void };

/** A request the stand-in saw. */
export interface SeenRequest {
  kind: RequestKind | "unknown";
  method: string;
  /** The path with the `/v1.0` prefix and without the query. */
  path: string;
  authorization: boolean;
  contentRange?: string;
  status?: number;
}

export interface StandInItem {
  id: string;
  name: string;
  parentId?: string;
  folder: boolean;
  content?: Buffer;
  fields: Record<string, unknown>;
  created: number;
}

interface Session {
  id: string; driveId: string; parentId: string; name: string; conflictBehavior: string; total?: number; received: Buffer[]; next: number; expires: number;
  /** The Content-Range of every fragment taken, in order, and the nextExpectedRanges of every status read. */
  accepted: string[]; statusReads: string[][]; completed: boolean;
}

/** An upload session as the stand-in saw it, open or finished. */
export interface UploadSessionRecord {
  id: string;
  name: string;
  total?: number;
  next: number;
  /** The Content-Range of every fragment the session took, in order. */
  accepted: string[];
  /** The `nextExpectedRanges` the stand-in answered to each status read (`GET uploadUrl`), in order. */
  statusReads: string[][];
  completed: boolean;
}
interface Drive { id: string; items: Map<string, StandInItem>; rootId: string; columns: string[]; numberColumns: string[]; denied: boolean }

const chunkUnit = 327_680;
const maxRequest = 60 * 1024 * 1024;

class GraphFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** A running Graph stand-in. */
export interface GraphStandIn {
  /** `http://127.0.0.1:port/v1.0`, for GRAPH_BASE_URL. */
  baseUrl: string;
  origin: string;
  groupId: string;
  siteId: string;
  driveId: string;
  requests: SeenRequest[];
  /** Adds a drive (with the group and site that own it) and returns its id. */
  addDrive(options?: { groupId?: string; siteId?: string; columns?: string[]; numberColumns?: string[] }): string;
  /** The files (not folders) of a drive with their folder path. */
  files(driveId?: string): { path: string; item: StandInItem }[];
  /** Puts a file at a path (creating folders), as another user would. */
  putFile(path: string, content: Buffer, driveId?: string): StandInItem;
  /** Injects a fault on the next `times` requests of a kind. */
  fault(kind: RequestKind, fault: Fault, times?: number): void;
  /** Makes every issued token invalid (the next request with one answers 401 InvalidAuthenticationToken). */
  expireTokens(): void;
  /** Denies the app access to a drive (403 accessDenied), as without a Sites.Selected grant. */
  deny(driveId?: string): void;
  /** Releases stalled requests (they answer 503) and stops stalling. */
  releaseStalls(): void;
  /** The sessions still open. */
  openSessions(): { id: string; name: string; next: number; total?: number }[];
  /** Every upload session created so far (open, finished or cancelled), in creation order. */
  uploadSessions(): UploadSessionRecord[];
  /** Resolves once a request of this kind has been stalled (or immediately when one is). */
  stalled(kind: RequestKind): Promise<void>;
  /** The X-IDENTITY-HEADER value the managed identity endpoint expects. */
  identityHeader: string;
  close(): Promise<void>;
}

/** Starts a Graph stand-in on a free loopback port. */
export async function startGraphStandIn(): Promise<GraphStandIn> {
  const drives = new Map<string, Drive>();
  const groups = new Map<string, string>();
  const sites = new Map<string, Set<string>>();
  const sessions = new Map<string, Session>();
  const everySession: Session[] = [];
  const tokens = new Set<string>();
  const faults: { kind: RequestKind; fault: Fault; times: number }[] = [];
  const stalls: { kind: RequestKind; res: ServerResponse }[] = [];
  const stallWaiters: { kind: RequestKind; resolve: () => void }[] = [];
  const requests: SeenRequest[] = [];
  const identityHeader = randomUUID();
  let stallingReleased = false;
  let origin = "";

  const webUrl = (drive: Drive, item: StandInItem) => `https://contoso.sharepoint.com/sites/paragraf/Delade%20dokument/${pathOf(drive, item).split("/").map(encodeURIComponent).join("/")}?d=${item.id}`;
  const pathOf = (drive: Drive, item: StandInItem): string => {
    const parts: string[] = [];
    for (let i: StandInItem | undefined = item; i && i.id !== drive.rootId; i = i.parentId ? drive.items.get(i.parentId) : undefined) parts.unshift(i.name);
    return parts.join("/");
  };
  const itemJson = (drive: Drive, item: StandInItem) => ({
    id: item.id, name: item.name, webUrl: webUrl(drive, item), ...(item.folder ? { folder: { childCount: children(drive, item.id).length } } : { size: item.content!.byteLength, file: { mimeType: "application/pdf" } }),
    parentReference: { driveId: drive.id, id: item.parentId },
  });
  const children = (drive: Drive, parentId: string) => [...drive.items.values()].filter((i) => i.parentId === parentId);
  const child = (drive: Drive, parentId: string, name: string) => children(drive, parentId).find((i) => i.name.toLowerCase() === name.toLowerCase());
  const addItem = (drive: Drive, parentId: string | undefined, name: string, content?: Buffer): StandInItem => {
    const item: StandInItem = { id: `item-${randomUUID().slice(0, 8)}`, name, parentId, folder: !content, content, fields: {}, created: Date.now() };
    drive.items.set(item.id, item);
    return item;
  };
  const addDrive = (options: { groupId?: string; siteId?: string; columns?: string[]; numberColumns?: string[] } = {}) => {
    const id = `b!drive-${randomUUID().slice(0, 8)}`;
    const drive: Drive = { id, items: new Map(), rootId: "", columns: options.columns ?? ["ParagrafDnr", "ParagrafMeetingDate", "ParagrafBody", "ParagrafParagraphs", "ParagrafSealedAt", "ParagrafContentHash"], numberColumns: options.numberColumns ?? [], denied: false };
    drive.rootId = addItem(drive, undefined, "root").id;
    drives.set(id, drive);
    if (options.groupId) groups.set(options.groupId, id);
    if (options.siteId) sites.set(options.siteId, new Set([...(sites.get(options.siteId) ?? []), id]));
    return id;
  };
  const groupId = "0f1e2d3c-group-4000-8000-000000000001";
  const siteId = "contoso.sharepoint.com,site-guid,web-guid";
  const driveId = addDrive({ groupId, siteId });

  const takeFault = (kind: RequestKind): Fault | undefined => {
    const f = faults.find((x) => x.kind === kind && x.times > 0);
    if (!f) return undefined;
    f.times--;
    return f.fault;
  };
  const drive = (id: string) => {
    const d = drives.get(decodeURIComponent(id));
    if (!d) throw new GraphFailure(404, "itemNotFound", "The drive does not exist");
    if (d.denied) throw new GraphFailure(403, "accessDenied", "Access denied");
    return d;
  };
  const item = (d: Drive, id: string) => {
    const decoded = decodeURIComponent(id);
    const found = d.items.get(decoded === "root" ? d.rootId : decoded);
    if (!found) throw new GraphFailure(404, "itemNotFound", "The resource could not be found.");
    return found;
  };
  const byPath = (d: Drive, parentId: string, path: string) => {
    let current = item(d, parentId);
    for (const segment of path.split("/").map(decodeURIComponent)) {
      const next = child(d, current.id, segment);
      if (!next) throw new GraphFailure(404, "itemNotFound", "The resource could not be found.");
      current = next;
    }
    return current;
  };
  const readBody = (req: IncomingMessage) => new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts)));
    req.on("error", reject);
  });
  const json = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const body = await readBody(req);
    try {
      return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw new GraphFailure(400, "invalidRequest", "Invalid JSON body");
    }
  };
  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const fileNamed = (d: Drive, parentId: string, name: string, content: Buffer, conflictBehavior: string) => {
    if (/["*:<>?/\\|]/.test(name) || /^[\s.]|[\s.]$/.test(name)) throw new GraphFailure(400, "invalidRequest", "The provided name contains invalid characters");
    const existing = child(d, parentId, name);
    if (existing && conflictBehavior === "fail") throw new GraphFailure(409, "nameAlreadyExists", "The specified item name already exists.");
    if (existing && conflictBehavior === "replace" && !existing.folder) {
      existing.content = content;
      return { created: false, item: existing };
    }
    let unique = name;
    for (let n = 1; child(d, parentId, unique); n++) unique = name.replace(/(\.[^.]*)?$/, ` ${n}$1`);
    return { created: true, item: addItem(d, parentId, unique, content) };
  };

  /** The upload URL's handlers: no Authorization allowed, ranges in order, 320 KiB multiples, < 60 MiB. */
  async function uploadUrl(req: IncomingMessage, res: ServerResponse, seen: SeenRequest, id: string) {
    const session = sessions.get(id);
    if (!session || session.expires < Date.now()) throw new GraphFailure(404, "itemNotFound", "The upload session was not found");
    const progress = () => ({ expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: [`${session.next}-${session.total !== undefined ? session.total - 1 : ""}`] });
    if (req.method === "GET") {
      seen.kind = "sessionStatus";
      const answer = progress();
      session.statusReads.push(answer.nextExpectedRanges);
      return send(res, 200, answer);
    }
    if (req.method === "DELETE") return (seen.kind = "cancelSession"), sessions.delete(id), send(res, 204);
    if (req.method !== "PUT") throw new GraphFailure(405, "invalidRequest", "Method not allowed");
    if (seen.authorization) throw new GraphFailure(401, "unauthenticated", "An Authorization header is not allowed on an upload session URL");
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
    if (!range) throw new GraphFailure(400, "invalidRequest", "A Content-Range header bytes start-end/total is required");
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const length = end - start + 1;
    const last = end === total - 1;
    seen.kind = last ? "lastChunk" : "chunk";
    const fault = takeFault(seen.kind);
    if (fault && "reset" in fault) {
      // Take part of the chunk, then drop the connection without an answer: nothing of it is kept.
      await new Promise<void>((resolve) => req.once("data", () => resolve()));
      req.socket.destroy();
      return;
    }
    if (fault && "stall" in fault) return holdStalled(seen.kind, res);
    if (fault && "status" in fault) throw new GraphFailure(fault.status, fault.code, "Injected fault", fault.retryAfter ? { "Retry-After": fault.retryAfter } : {});
    if (fault && "before" in fault) fault.before();
    if (session.total !== undefined && total !== session.total) throw new GraphFailure(400, "invalidRequest", "The total length differs from the earlier fragments");
    if (start !== session.next) throw new GraphFailure(416, "invalidRange", `The fragment must start at ${session.next}`);
    if (length > maxRequest - 1) throw new GraphFailure(413, "requestEntityTooLarge", "A fragment must be less than 60 MiB");
    if (!last && length % chunkUnit !== 0) throw new GraphFailure(400, "invalidRequest", "A fragment must be a multiple of 320 KiB (327,680 bytes)");
    const body = await readBody(req);
    if (body.byteLength !== length || Number(req.headers["content-length"]) !== length) throw new GraphFailure(400, "invalidRequest", "Content-Length does not match Content-Range");
    session.total = total;
    session.received.push(body);
    session.accepted.push(`bytes ${start}-${end}/${total}`);
    session.next = end + 1;
    session.expires = Date.now() + 15 * 60_000;
    if (!last) return send(res, 202, progress());
    const d = drive(session.driveId);
    try {
      const { item: filed } = fileNamed(d, session.parentId, session.name, Buffer.concat(session.received), session.conflictBehavior);
      sessions.delete(id);
      session.completed = true;
      return send(res, 201, itemJson(d, filed));
    } catch (err) {
      // The session stays until it expires (the app may retry the commit); the bytes are all there.
      session.next = total;
      throw err;
    }
  }

  function holdStalled(kind: RequestKind, res: ServerResponse) {
    if (stallingReleased) return send(res, 503, { error: { code: "serviceNotAvailable", message: "Stall released" } });
    stalls.push({ kind, res });
    stallWaiters.filter((w) => w.kind === kind).forEach((w) => w.resolve());
  }

  async function graph(req: IncomingMessage, res: ServerResponse, seen: SeenRequest, path: string, query: URLSearchParams) {
    const method = req.method!;
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const segments = path.split("/").slice(1);
    const kindOf = (): RequestKind | undefined => {
      const p = path;
      if (/^\/groups\/[^/]+\/drive$/.test(p) || /^\/sites\/[^/]+\/drives\/[^/]+$/.test(p) || /^\/drives\/[^/]+$/.test(p)) return method === "GET" ? "drive" : undefined;
      if (/^\/drives\/[^/]+\/root$/.test(p)) return method === "GET" ? "root" : undefined;
      if (/^\/drives\/[^/]+\/list\/columns$/.test(p)) return method === "GET" ? "columns" : undefined;
      if (/^\/drives\/[^/]+\/items\/[^/:]+\/listItem\/fields$/.test(p)) return method === "PATCH" ? "patchFields" : undefined;
      if (/^\/drives\/[^/]+\/items\/[^/:]+\/children$/.test(p)) return method === "POST" ? "createFolder" : undefined;
      if (/^\/drives\/[^/]+\/items\/[^/:]+\/content$/.test(p)) return method === "GET" ? "content" : undefined;
      if (/^\/drives\/[^/]+\/items\/[^/:]+:\/[^:]+:\/content$/.test(p)) return method === "PUT" ? "simpleUpload" : undefined;
      if (/^\/drives\/[^/]+\/items\/[^/:]+:\/[^:]+:\/createUploadSession$/.test(p)) return method === "POST" ? "createSession" : undefined;
      if (/^\/drives\/[^/]+\/items\/[^/:]+(:\/[^:]+:)?$/.test(p)) return method === "GET" ? "getItem" : undefined;
      throw new GraphFailure(400, "BadRequest", `Resource not found for the segment '${segments[0]}'.`);
    };
    const kind = kindOf();
    if (!kind) throw new GraphFailure(405, "BadRequest", `The method ${method} is not allowed on ${path}`);
    seen.kind = kind;
    if (!bearer || !tokens.has(bearer)) throw new GraphFailure(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
    const fault = takeFault(kind);
    if (fault && "reset" in fault) return void req.socket.destroy();
    if (fault && "stall" in fault) return holdStalled(kind, res);
    if (fault && "status" in fault) throw new GraphFailure(fault.status, fault.code, "Injected fault", fault.retryAfter ? { "Retry-After": fault.retryAfter } : {});
    if (fault && "before" in fault) fault.before();

    if (kind === "drive") {
      const id = segments[0] === "groups" ? groups.get(decodeURIComponent(segments[1]!)) : segments[0] === "sites" ? (sites.get(decodeURIComponent(segments[1]!))?.has(decodeURIComponent(segments[3]!)) ? decodeURIComponent(segments[3]!) : undefined) : segments[1]!;
      if (!id) throw new GraphFailure(404, "itemNotFound", "The group, site or drive could not be found.");
      const d = drive(id);
      return send(res, 200, { id: d.id, driveType: "documentLibrary", name: "Dokument", webUrl: "https://contoso.sharepoint.com/sites/paragraf/Delade%20dokument" });
    }
    const d = drive(segments[1]!);
    const address = /^\/drives\/[^/]+\/items\/([^/:]+)(?::\/([^:]+):)?/.exec(path);
    if (kind === "root") return send(res, 200, itemJson(d, item(d, "root")));
    if (kind === "columns") return send(res, 200, { value: [{ name: "Title", displayName: "Title" }, ...[...d.columns, ...d.numberColumns].map((name) => ({ name, displayName: name }))] });
    if (kind === "getItem") return send(res, 200, itemJson(d, address![2] ? byPath(d, address![1]!, address![2]) : item(d, address![1]!)));
    if (kind === "content") {
      const target = item(d, address![1]!);
      return send(res, 302, undefined, { location: `${origin}/download/${encodeURIComponent(d.id)}/${target.id}?tempauth=${randomUUID()}` });
    }
    if (kind === "patchFields") {
      const target = item(d, address![1]!);
      const fields = await json(req);
      const unknown = Object.keys(fields).find((f) => !d.columns.includes(f) && !d.numberColumns.includes(f));
      if (unknown) throw new GraphFailure(400, "invalidRequest", `Field '${unknown}' is not recognized`);
      const mistyped = Object.keys(fields).find((f) => d.numberColumns.includes(f) && typeof fields[f] !== "number");
      if (mistyped) throw new GraphFailure(400, "invalidRequest", `The value of field '${mistyped}' is not a number`);
      Object.assign(target.fields, fields);
      return send(res, 200, { ...target.fields });
    }
    if (kind === "createFolder") {
      const parent = item(d, address![1]!);
      const body = await json(req);
      const name = String(body.name ?? "");
      if (!name || typeof body.folder !== "object") throw new GraphFailure(400, "invalidRequest", "name and folder are required");
      if (child(d, parent.id, name) && body["@microsoft.graph.conflictBehavior"] === "fail") throw new GraphFailure(409, "nameAlreadyExists", "The specified item name already exists.");
      return send(res, 201, itemJson(d, child(d, parent.id, name) ?? addItem(d, parent.id, name)));
    }
    const parent = item(d, address![1]!);
    const name = decodeURIComponent(address![2]!);
    if (kind === "simpleUpload") {
      const content = await readBody(req);
      if (content.byteLength > 250 * 1024 * 1024) throw new GraphFailure(413, "requestEntityTooLarge", "Use an upload session");
      const { created, item: filed } = fileNamed(d, parent.id, name, content, query.get("@microsoft.graph.conflictBehavior") ?? "replace");
      return send(res, created ? 201 : 200, itemJson(d, filed));
    }
    // createSession
    const body = await json(req);
    const conflictBehavior = String((body.item as Record<string, unknown> | undefined)?.["@microsoft.graph.conflictBehavior"] ?? "fail");
    if (child(d, parent.id, name) && conflictBehavior === "fail") throw new GraphFailure(409, "nameAlreadyExists", "The specified item name already exists.");
    const session: Session = {
      id: randomUUID(), driveId: d.id, parentId: parent.id, name, conflictBehavior, received: [], next: 0, expires: Date.now() + 15 * 60_000,
      accepted: [], statusReads: [], completed: false,
    };
    sessions.set(session.id, session);
    everySession.push(session);
    return send(res, 200, { uploadUrl: `${origin}/upload/${session.id}?tempauth=${randomUUID()}`, expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: ["0-"] });
  }

  async function tokenEndpoint(req: IncomingMessage, res: ServerResponse, seen: SeenRequest, path: string) {
    seen.kind = "token";
    const fault = takeFault("token");
    if (fault && "status" in fault) throw new GraphFailure(fault.status, fault.code, "Injected fault");
    const token = `token-${randomUUID()}`;
    if (path === "/token" && req.method === "POST") {
      await readBody(req);
      tokens.add(token);
      return send(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: token });
    }
    if (path === "/msi/token" && req.method === "GET") {
      if (req.headers["x-identity-header"] !== identityHeader) throw new GraphFailure(401, "unauthorized", "X-IDENTITY-HEADER is missing or wrong");
      tokens.add(token);
      const url = new URL(req.url!, origin);
      return send(res, 200, { access_token: token, expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: url.searchParams.get("resource"), token_type: "Bearer" });
    }
    throw new GraphFailure(405, "invalidRequest", "Method not allowed");
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url!, "http://stand-in");
    const seen: SeenRequest = { kind: "unknown", method: req.method!, path: url.pathname, authorization: req.headers.authorization !== undefined, contentRange: req.headers["content-range"] as string | undefined };
    requests.push(seen);
    res.on("finish", () => (seen.status = res.statusCode));
    const run = async () => {
      if (url.pathname.startsWith("/v1.0/")) return graph(req, res, seen, url.pathname.slice("/v1.0".length), url.searchParams);
      if (url.pathname.startsWith("/upload/")) return uploadUrl(req, res, seen, url.pathname.slice("/upload/".length));
      if (url.pathname === "/token" || url.pathname === "/msi/token") return tokenEndpoint(req, res, seen, url.pathname);
      const download = /^\/download\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (download && req.method === "GET") {
        seen.kind = "download";
        const found = drives.get(decodeURIComponent(download[1]!))?.items.get(download[2]!);
        if (!found?.content) throw new GraphFailure(404, "itemNotFound", "Gone");
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(found.content.byteLength) });
        return void res.end(found.content);
      }
      throw new GraphFailure(400, "BadRequest", "Invalid version or path");
    };
    run().catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof GraphFailure) {
        req.resume();
        return send(res, err.status, { error: { code: err.code, message: err.message, innerError: { "request-id": randomUUID() } } }, err.headers);
      }
      send(res, 500, { error: { code: "generalException", message: String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const releaseStalls = () => {
    stallingReleased = true;
    for (const s of stalls.splice(0)) if (!s.res.destroyed) send(s.res, 503, { error: { code: "serviceNotAvailable", message: "Stall released" } });
  };
  return {
    baseUrl: `${origin}/v1.0`, origin, groupId, siteId, driveId, requests, identityHeader, addDrive,
    files(id = driveId) {
      const d = drives.get(id)!;
      return [...d.items.values()].filter((i) => !i.folder).map((i) => ({ path: pathOf(d, i), item: i }));
    },
    putFile(path, content, id = driveId) {
      const d = drives.get(id)!;
      const parts = path.split("/");
      let parent = d.rootId;
      for (const folder of parts.slice(0, -1)) parent = (child(d, parent, folder) ?? addItem(d, parent, folder)).id;
      return addItem(d, parent, parts.at(-1)!, content);
    },
    fault(kind, fault, times = 1) {
      faults.push({ kind, fault, times });
    },
    expireTokens: () => tokens.clear(),
    deny(id = driveId) {
      drives.get(id)!.denied = true;
    },
    releaseStalls,
    openSessions: () => [...sessions.values()].map((s) => ({ id: s.id, name: s.name, next: s.next, total: s.total })),
    uploadSessions: () => everySession.map((s) => ({
      id: s.id, name: s.name, total: s.total, next: s.next, accepted: [...s.accepted], statusReads: s.statusReads.map((r) => [...r]), completed: s.completed,
    })),
    stalled: (kind) => (stalls.some((s) => s.kind === kind) ? Promise.resolve() : new Promise<void>((resolve) => stallWaiters.push({ kind, resolve }))),
    async close() {
      releaseStalls();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
