import type { CloudAdapter } from "@microsoft/agents-hosting";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { processActivity } from "../../agent/agent-adapter";
import type { ParagrafAgent } from "../../agent/paragraf-agent";

/** The least an activity must be before the SDK sees it. */
const ActivityEnvelopeSchema = z.object({ type: z.string().min(1).max(100), serviceUrl: z.string().max(2000).optional() }).passthrough();

/** `/api/messages`: Bot Framework activities from Teams (or the Agents Playground locally). */
export function registerMessagesRoute(app: FastifyInstance, adapter: CloudAdapter, agent: ParagrafAgent): void {
  app.post("/api/messages", async (req, reply) => {
    ActivityEnvelopeSchema.parse(req.body);
    await processActivity(adapter, req, reply, (context) => agent.run(context));
    return reply;
  });
}
