import { MeetingParamsSchema, StreamQuerySchema, type StoredEvent } from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { Authenticator } from "../../auth/authenticator";
import type { Deps } from "../../deps";
import { failWith } from "../errors";

const heartbeatMs = 15_000;

/**
 * The live stream of a meeting as server-sent events. Resumes after `?after=` or the `Last-Event-ID`
 * header, so a dropped connection catches up with no gap and no duplicate. The token comes in the
 * Authorization header or, for EventSource, the `access_token` query parameter.
 */
export function registerStreamRoutes(app: FastifyInstance, deps: Deps, auth: Authenticator): void {
  app.get("/api/meetings/:meetingId/stream", async (req, reply) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    const query = StreamQuerySchema.parse(req.query);
    const identity = query.access_token ? await auth.authenticateToken(query.access_token) : await auth.authenticate(req.headers.authorization);
    if (!(await deps.store.meetingBody(identity.tenantId, meetingId))) failWith("notFound");
    const lastEventId = Number(req.headers["last-event-id"]);
    const after = Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : (query.after ?? 0);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write(`retry: 2000\n: connected after ${after}\n\n`);
    const send = (e: StoredEvent, json: string) => {
      if (res.destroyed) throw new Error("stream closed");
      res.write(`id: ${e.seq}\nevent: meeting-event\ndata: ${json}\n\n`);
    };
    const unsubscribe = deps.hub.subscribe(identity.tenantId, meetingId, { lastSeq: after, send });
    const heartbeat = setInterval(() => res.write(": ping\n\n"), heartbeatMs);
    req.raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
