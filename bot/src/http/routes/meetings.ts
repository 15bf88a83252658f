import { EventsQuerySchema, EventsResponseSchema, MeetingParamsSchema, MeetingResponseSchema } from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { presentMeeting } from "../../use-cases/present-meeting";
import { failWith } from "../errors";
import { identityOf } from "../server";

/** Reading a meeting: its state for the tab and its event log from a sequence number. */
export function registerMeetingRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/meetings/:meetingId", async (req) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    const identity = identityOf(req);
    const state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? failWith("notFound");
    return MeetingResponseSchema.parse(presentMeeting(state, identity));
  });

  app.get("/api/meetings/:meetingId/events", async (req) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    const { after } = EventsQuerySchema.parse(req.query);
    const identity = identityOf(req);
    if (!(await deps.store.meetingBody(identity.tenantId, meetingId))) failWith("notFound");
    const events = await deps.store.loadEvents(identity.tenantId, meetingId, after);
    return EventsResponseSchema.parse({ events, seq: events.at(-1)?.seq ?? after });
  });
}
