import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { CloudAdapter } from "@microsoft/agents-hosting";
import type { ParagrafAgent } from "../agent/paragraf-agent";
import type { Authenticator } from "../auth/authenticator";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { errorBody, failWith, toErrorResponse } from "./errors";
import { registerArchiveRoutes } from "./routes/archive";
import { registerBodyRoutes } from "./routes/bodies";
import { registerDevRoutes, type DevUser } from "./routes/dev";
import { registerHealthRoutes } from "./routes/health";
import { registerMeRoutes } from "./routes/me";
import { registerMeetingCommandRoutes } from "./routes/meeting-commands";
import { registerMeetingRoutes } from "./routes/meetings";
import { registerProtocolRoutes } from "./routes/protocol";
import { registerMessagesRoute } from "./routes/messages";
import { registerStreamRoutes } from "./routes/stream";
import { registerTabStatic } from "./routes/tab-static";
import { registerTeamsLinkRoutes } from "./routes/teams-links";

declare module "fastify" {
  interface FastifyRequest {
    identity?: Identity;
  }
}

/** Everything the HTTP layer needs. */
export interface ServerOptions {
  agent?: { adapter: CloudAdapter; agent: ParagrafAgent };
  deps: Deps;
  auth: Authenticator;
  logger: Logger;
  maxBodyBytes: number;
  devUsers: DevUser[];
  devTenantId?: string;
  ready: () => Promise<boolean>;
}

/** The signed-in identity of a request on an authenticated route. */
export function identityOf(req: FastifyRequest): Identity {
  return req.identity ?? failWith("unauthenticated");
}

const publicPaths = [/^\/healthz$/, /^\/readyz$/, /^\/api\/dev\//, /^\/api\/messages$/, /^\/api\/meetings\/[^/]+\/stream$/];

/** Builds the HTTP server: thin routes over the use-cases, one error mapping, auth on every API route. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.maxBodyBytes,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (a bad URL encoding, say) get the same error shape as the rest.
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = toErrorResponse(err);
      void (reply as FastifyReply).code(status).send(body);
    },
  });

  app.addHook("onRequest", async (req) => {
    const path = req.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/") || publicPaths.some((p) => p.test(path))) return;
    req.identity = await options.auth.authenticate(req.headers.authorization);
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body, internal } = toErrorResponse(err);
    if (internal) req.log.error({ err, url: req.url }, "unhandled error");
    else req.log.debug({ code: body.error.code, url: req.url }, "request refused");
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((_req, reply) => void reply.status(404).send(errorBody("notFound")));

  registerHealthRoutes(app, options.ready);
  registerDevRoutes(app, options.auth, options.devUsers, options.devTenantId ?? "");
  registerTabStatic(app);
  registerMeRoutes(app);
  registerBodyRoutes(app, options.deps);
  registerMeetingRoutes(app, options.deps);
  registerMeetingCommandRoutes(app, options.deps);
  registerProtocolRoutes(app, options.deps);
  registerArchiveRoutes(app, options.deps);
  registerTeamsLinkRoutes(app, options.deps);
  registerStreamRoutes(app, options.deps, options.auth);
  if (options.agent) registerMessagesRoute(app, options.agent.adapter, options.agent.agent);
  return app;
}
