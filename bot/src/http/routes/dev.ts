import { DevTokenRequestSchema, DevTokenResponseSchema, DevUsersResponseSchema } from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { Authenticator } from "../../auth/authenticator";
import { failWith } from "../errors";

/** A demo user offered by the local dev sign-in. */
export interface DevUser { userId: string; name: string; description: string }

const devTtlSec = 12 * 3600;

/** Local dev sign-in: list demo users and mint a token for one. Absent (404) in Entra mode. */
export function registerDevRoutes(app: FastifyInstance, auth: Authenticator, users: DevUser[], tenantId: string): void {
  const issuer = auth.devIssuer;
  if (!issuer || auth.mode !== "dev") return;
  app.get("/api/dev/users", async () => DevUsersResponseSchema.parse({ tenantId, users }));
  app.post("/api/dev/token", async (req) => {
    const { userId } = DevTokenRequestSchema.parse(req.body);
    const user = users.find((u) => u.userId === userId) ?? failWith("notFound");
    const token = await issuer.mint({ userId: user.userId, name: user.name });
    return DevTokenResponseSchema.parse({ token, user, expiresInSec: devTtlSec });
  });
}
