import { CloudAdapter, getAuthConfigWithDefaults, type Request as AgentRequest, type WebResponse } from "@microsoft/agents-hosting";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { Config } from "../config";

/**
 * The Bot Framework adapter, authenticated by the Agents SDK when a bot app id is configured. A turn
 * that fails is logged and answered in Swedish and English (the SDK's default says, in English only,
 * to "fix the source code").
 */
export function createAgentAdapter(config: Config, log?: Logger): CloudAdapter {
  const bot = config.bot;
  // No client id: anonymous, which only local dev allows (config refuses it in production).
  const auth = bot?.clientId ? getAuthConfigWithDefaults({ clientId: bot.clientId, clientSecret: bot.clientSecret, tenantId: bot.tenantId }) : getAuthConfigWithDefaults({});
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log?.error({ err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id }, "bot turn failed");
    if (context.activity.type === "message") {
      await context.sendActivity("Något gick fel hos Paragraf. Försök igen om en stund. / Something went wrong in Paragraf. Please try again in a moment.");
    }
  };
  return adapter;
}

/** Lets the Agents SDK answer through a Fastify reply (it expects an Express-like response). */
function webResponse(reply: FastifyReply): WebResponse {
  const res: WebResponse = {
    status(code) {
      void reply.code(code);
      return res;
    },
    setHeader(name, value) {
      void reply.header(name, value);
      return res;
    },
    send(body) {
      void reply.send(body);
      return res;
    },
    end() {
      if (!reply.sent) void reply.send();
      return res;
    },
    get headersSent() {
      return reply.sent;
    },
    get writableEnded() {
      return reply.sent;
    },
  };
  return res;
}

/** Runs one incoming activity: authenticate (SDK JWT middleware), then the agent's turn. */
export async function processActivity(
  adapter: CloudAdapter,
  req: FastifyRequest,
  reply: FastifyReply,
  logic: Parameters<CloudAdapter["process"]>[2],
): Promise<void> {
  const request: AgentRequest = { body: req.body as Record<string, unknown>, headers: req.headers as AgentRequest["headers"], method: req.method };
  const res = webResponse(reply);
  let authorized = false;
  await adapter.authorizeRequest(request, res, (err?: unknown) => {
    if (!err) authorized = true;
  });
  if (!authorized) {
    if (!reply.sent) void reply.code(401).send({ error: { code: "unauthenticated", message: { sv: "Du behöver logga in.", en: "You need to sign in." } } });
    return;
  }
  await adapter.process(request, res, logic);
  if (!reply.sent) void reply.code(200).send();
}
