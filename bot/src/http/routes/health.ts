import type { FastifyInstance } from "fastify";
import { errorBody } from "../errors";

/** Liveness (the process answers) and readiness (storage answers). */
export function registerHealthRoutes(app: FastifyInstance, ready: () => Promise<boolean>): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_req, reply) => {
    const ok = await ready().catch(() => false);
    return ok ? { status: "ready" } : reply.status(503).send(errorBody("internal", { reason: "storage not ready" }));
  });
}
