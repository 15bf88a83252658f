import {
  AssignmentLogQuerySchema, BodiesResponseSchema, BodyParamsSchema, BodyResponseSchema, CreateBodyRequestSchema, CreateMeetingRequestSchema,
  DecisionLogQuerySchema, MeetingsResponseSchema, UpdateBodyRequestSchema,
} from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { loadBody } from "../../use-cases/body-access";
import { createBody } from "../../use-cases/create-body";
import { createMeeting } from "../../use-cases/create-meeting";
import { presentMeeting } from "../../use-cases/present-meeting";
import { updateBody } from "../../use-cases/update-body";
import { identityOf } from "../server";

/** Bodies, their meetings list and their decision and assignment logs. */
export function registerBodyRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/bodies", async (req) => BodiesResponseSchema.parse({ bodies: await deps.store.listBodies(identityOf(req).tenantId) }));

  app.post("/api/bodies", async (req, reply) => {
    const input = CreateBodyRequestSchema.parse(req.body);
    const body = await createBody({ deps, identity: identityOf(req), input });
    return reply.status(201).send(BodyResponseSchema.parse({ body }));
  });

  app.get("/api/bodies/:bodyId", async (req) => {
    const { bodyId } = BodyParamsSchema.parse(req.params);
    return BodyResponseSchema.parse({ body: await loadBody(deps, identityOf(req), bodyId) });
  });

  app.put("/api/bodies/:bodyId", async (req) => {
    const { bodyId } = BodyParamsSchema.parse(req.params);
    const input = UpdateBodyRequestSchema.parse(req.body);
    return BodyResponseSchema.parse({ body: await updateBody({ deps, identity: identityOf(req), bodyId, input }) });
  });

  app.get("/api/bodies/:bodyId/meetings", async (req) => {
    const { bodyId } = BodyParamsSchema.parse(req.params);
    const identity = identityOf(req);
    await loadBody(deps, identity, bodyId);
    return MeetingsResponseSchema.parse({ meetings: await deps.store.listMeetings(identity.tenantId, bodyId) });
  });

  app.post("/api/bodies/:bodyId/meetings", async (req, reply) => {
    const { bodyId } = BodyParamsSchema.parse(req.params);
    const input = CreateMeetingRequestSchema.parse(req.body);
    const identity = identityOf(req);
    const state = await createMeeting({ deps, identity, bodyId, input });
    return reply.status(201).send(presentMeeting(state, identity));
  });

  app.get("/api/bodies/:bodyId/decisions", async (req) => {
    const { bodyId } = BodyParamsSchema.parse(req.params);
    const query = DecisionLogQuerySchema.parse(req.query);
    const identity = identityOf(req);
    await loadBody(deps, identity, bodyId);
    return { decisions: await deps.store.listDecisions(identity.tenantId, { bodyId, ...query }) };
  });

  app.get("/api/bodies/:bodyId/assignments", async (req) => {
    const { bodyId } = BodyParamsSchema.parse(req.params);
    const query = AssignmentLogQuerySchema.parse(req.query);
    const identity = identityOf(req);
    await loadBody(deps, identity, bodyId);
    return { assignments: await deps.store.listAssignments(identity.tenantId, { bodyId, ...query }) };
  });
}
