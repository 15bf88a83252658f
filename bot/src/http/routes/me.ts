import { MeResponseSchema } from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import { identityOf } from "../server";

/** Who the caller is, from their verified token: the tab matches it to the roster for its local rules. */
export function registerMeRoutes(app: FastifyInstance): void {
  app.get("/api/me", async (req) => {
    const { tenantId, userId, name, mode, logins } = identityOf(req);
    const login = logins?.[0];
    return MeResponseSchema.parse({ tenantId, userId, name, mode, ...(login && { login }) });
  });
}
