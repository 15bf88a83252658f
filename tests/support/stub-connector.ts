import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** An activity the bot sent to the connector, with when it arrived (ms, monotonic). */
export interface SentActivity {
  method: string;
  path: string;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] } & Record<string, unknown>;
  /** The conversation the activity went to (decoded from the path). */
  conversationId: string;
  at: number;
}

/** A member of a conversation as the connector's pagedmembers answers it (a TeamsChannelAccount). */
export interface StubMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

/** A request the stand-in answered that was not an activity (members, conversations, meetings). */
export interface StubRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  at: number;
}

/** The local connector and what it recorded. */
export interface StubConnector {
  url: string;
  /** Activities posted (POST) or updated (PUT). */
  sent: SentActivity[];
  /** Other calls: paged members, conversation creation, meeting participants. */
  requests: StubRequest[];
  /** Members of each conversation, as pagedmembers returns them. */
  members: Map<string, StubMember[]>;
  /** Meeting roles by `${meetingId}/${aadObjectId}` (Organizer, Presenter, Attendee). */
  participants: Map<string, string>;
  /** When set, the meeting participant endpoint answers with this status (a failing lookup). */
  participantFailure?: number;
  /** Members a 1:1 cannot be created with: 403, as when the app is not installed for them. */
  refuseConversations: Set<string>;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
const notFound = (res: ServerResponse, req: IncomingMessage, path: string) => json(res, 404, { error: { code: "NotFound", message: `${req.method} ${path}` } });

/**
 * A local stand-in for the Bot Connector service, strict about paths and methods (anything else is a 404).
 * It answers as the connector does:
 * - `POST|PUT /v3/conversations/{id}/activities[/{activityId}]`: records the activity, answers its id;
 * - `GET /v3/conversations/{id}/pagedmembers?pageSize&continuationToken`: `{ members, continuationToken }`,
 *   pages of `pageSize` (the SDK spells the path `pagedMembers`; the connector's routes are case-insensitive);
 * - `POST /v3/conversations` with `{ isGroup, bot, members: [one], tenantId, channelData: { tenant } }`:
 *   the 1:1 conversation with that member (the same id on every call, as Teams does), 400 without a tenant,
 *   403 for a member in `refuseConversations` (the app is not installed for them);
 * - `GET /v1/meetings/{meetingId}/participants/{participantId}?tenantId=`: `{ user, meeting: { role, inMeeting }, conversation }`,
 *   400 without tenantId, 404 for someone not in the meeting.
 */
export async function startStubConnector(): Promise<StubConnector> {
  let n = 0;
  const stub: Omit<StubConnector, "url" | "close"> = { sent: [], requests: [], members: new Map(), participants: new Map(), refuseConversations: new Set() };
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stub");
      const path = url.pathname;
      const query = Object.fromEntries(url.searchParams);
      const body = JSON.parse(data || "{}") as Record<string, unknown>;
      const at = performance.now();
      const activity = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(path);
      if (activity && (req.method === "POST" || req.method === "PUT")) {
        stub.sent.push({ method: req.method, path, body, conversationId: decodeURIComponent(activity[1]!), at });
        json(res, 200, { id: `activity-${++n}` });
        return;
      }
      const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/i.exec(path);
      if (paged && req.method === "GET") {
        stub.requests.push({ method: req.method, path, query, body, at });
        const all = stub.members.get(decodeURIComponent(paged[1]!));
        if (!all) return notFound(res, req, path);
        const size = Math.min(Math.max(Number(query.pageSize) || 200, 1), 500);
        const start = Number(query.continuationToken ?? 0) || 0;
        const page = all.slice(start, start + size);
        json(res, 200, { members: page, ...(start + size < all.length && { continuationToken: String(start + size) }) });
        return;
      }
      if (path === "/v3/conversations" && req.method === "POST") {
        stub.requests.push({ method: req.method, path, query, body, at });
        const members = body.members as { id?: string }[] | undefined;
        const tenant = (body.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
        if (!tenant || !Array.isArray(members) || members.length !== 1 || !members[0]?.id || body.isGroup) {
          json(res, 400, { error: { code: "BadArgument", message: "a 1:1 conversation needs one member and channelData.tenant.id" } });
          return;
        }
        if (stub.refuseConversations.has(members[0].id)) {
          json(res, 403, { error: { code: "Forbidden", message: "the bot is not installed for this user" } });
          return;
        }
        json(res, 201, { id: `a:personal-${members[0].id}` });
        return;
      }
      const participant = /^\/v1\/meetings\/([^/]+)\/participants\/([^/]+)$/.exec(path);
      if (participant && req.method === "GET") {
        stub.requests.push({ method: req.method, path, query, body, at });
        if (stub.participantFailure) return json(res, stub.participantFailure, { error: { code: "ServiceError", message: "lookup failed" } });
        if (!query.tenantId) return json(res, 400, { error: { code: "BadArgument", message: "tenantId is required" } });
        const [meetingId, aadObjectId] = [decodeURIComponent(participant[1]!), decodeURIComponent(participant[2]!)];
        const role = stub.participants.get(`${meetingId}/${aadObjectId}`);
        if (!role) return notFound(res, req, path);
        json(res, 200, { user: { id: `29:${aadObjectId}`, aadObjectId }, meeting: { role, inMeeting: true }, conversation: { id: "19:meeting@thread.v2", isGroup: true } });
        return;
      }
      notFound(res, req, path);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return Object.assign(stub, { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
}
