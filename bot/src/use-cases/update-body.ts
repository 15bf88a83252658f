import { BodySchema, BodySettingsSchema, type Body, type UpdateBodyRequestSchema } from "@paragraf/shared";
import type { z } from "zod";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { loadBody, requireAdmin } from "./body-access";

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
  if (!next.roster.some((p) => p.userId === identity.userId && p.roles.some((r) => r === "sekreterare" || r === "ordforande" || r === "viceOrdforande"))) {
    failWith("forbidden", { reason: "would lock yourself out" });
  }
  await deps.store.updateBody(next);
  return next;
}
