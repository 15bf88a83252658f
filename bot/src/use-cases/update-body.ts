import { BodySchema, BodySettingsSchema, findPersonByUser, type Body, type UpdateBodyRequestSchema } from "@paragraf/shared";
import type { z } from "zod";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { administers, loadBody, requireAdmin } from "./body-access";

/** Updates a body's name, roster or settings with optimistic concurrency on its version. */
export async function updateBody(options: {
  deps: Deps; identity: Identity; bodyId: string; input: z.infer<typeof UpdateBodyRequestSchema>;
}): Promise<Body> {
  const { deps, identity, bodyId, input } = options;
  const body = await loadBody(deps, identity, bodyId);
  requireAdmin(body, identity);
  if (input.expectedVersion !== body.version) failWith("conflict", { currentVersion: body.version });
  const next = BodySchema.parse({
    ...body,
    name: input.name ?? body.name,
    shortName: input.shortName ?? body.shortName,
    dnrPrefix: input.dnrPrefix ?? body.dnrPrefix,
    roster: input.roster ?? body.roster,
    settings: BodySettingsSchema.parse({ ...body.settings, ...(input.settings ?? {}) }),
    version: body.version + 1,
  });
  if (!administers(next, identity)) failWith("forbidden", { reason: "would lock yourself out" });
  // An administrator matched by sign-in name is bound to their user id now, so the match no longer
  // depends on the address (which can be renamed or reused).
  const me = findPersonByUser(next.roster, identity.userId, identity.logins);
  const bound = me && me.userId === undefined ? { ...next, roster: next.roster.map((p) => (p.id === me.id ? { ...p, userId: identity.userId } : p)) } : next;
  await deps.store.updateBody(bound);
  return bound;
}
