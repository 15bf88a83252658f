import { MeetingParamsSchema, TeamsLinkQuerySchema, TeamsLinkRequestSchema, TeamsLinkResponseSchema } from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { linkTeamsChat } from "../../use-cases/link-teams-chat";
import { failWith } from "../errors";
import { identityOf } from "../server";

/** Links between Teams meeting chats and Paragraf meetings: set by the tab's configuration, read by every tab in the meeting. */
export function registerTeamsLinkRoutes(app: FastifyInstance, deps: Deps): void {
  app.put("/api/meetings/:meetingId/teams-link", async (req) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    const input = TeamsLinkRequestSchema.parse(req.body);
    return TeamsLinkResponseSchema.parse(await linkTeamsChat({ deps, identity: identityOf(req), meetingId, input }));
  });

  // The chat id is tried first (it is what the bot sees), then the Teams meeting id.
  app.get("/api/teams-links", async (req) => {
    const { chatId, teamsMeetingId } = TeamsLinkQuerySchema.parse(req.query);
    const { tenantId } = identityOf(req);
    const link = (chatId !== undefined ? await deps.store.findTeamsLink(tenantId, { chatId }) : undefined)
      ?? (teamsMeetingId !== undefined ? await deps.store.findTeamsLink(tenantId, { teamsMeetingId }) : undefined)
      ?? failWith("notFound");
    return TeamsLinkResponseSchema.parse({ meetingId: link.meetingId, bodyId: link.bodyId });
  });
}
