import { ArchiveStatusResponseSchema, MeetingParamsSchema, RetryFilingRequestSchema } from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { getArchiveStatus } from "../../use-cases/archive-status";
import { retryFiling } from "../../use-cases/retry-filing";
import { identityOf } from "../server";

/** The sealed protocol's way to the archive: its status, and the secretary's retry of a failed filing. */
export function registerArchiveRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/meetings/:meetingId/archive", async (req, reply) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    reply.header("cache-control", "no-store");
    return ArchiveStatusResponseSchema.parse(await getArchiveStatus({ deps, identity: identityOf(req), meetingId }));
  });

  app.post("/api/meetings/:meetingId/archive/retry", async (req) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    RetryFilingRequestSchema.parse(req.body ?? {});
    return ArchiveStatusResponseSchema.parse(await retryFiling({ deps, identity: identityOf(req), meetingId }));
  });
}
