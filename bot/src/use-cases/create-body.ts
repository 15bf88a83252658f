import { BodySettingsSchema, BodySchema, findPersonByUser, type Body } from "@paragraf/shared";
import type { z } from "zod";
import type { CreateBodyRequestSchema } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";

/**
 * Creates a body in the caller's tenant. The creator joins the roster as secretary when not on it,
 * so whoever sets a body up can run its meetings.
 */
export async function createBody(options: { deps: Deps; identity: Identity; input: z.infer<typeof CreateBodyRequestSchema> }): Promise<Body> {
  const { deps, identity, input } = options;
  const id = input.id ?? deps.ids.next();
  if (await deps.store.getBody(identity.tenantId, id)) failWith("duplicateId", { bodyId: id });
  const roster = [...(input.roster ?? [])];
  if (!findPersonByUser(roster, identity.userId, identity.logins)) {
    roster.push({ id: deps.ids.next(), name: identity.name, organisation: "", roles: ["sekreterare"], userId: identity.userId });
  }
  const body = BodySchema.parse({
    id, tenantId: identity.tenantId, name: input.name, shortName: input.shortName, dnrPrefix: input.dnrPrefix ?? "",
    roster, settings: BodySettingsSchema.parse(input.settings ?? {}), version: 1,
  });
  await deps.store.createBody(body);
  return body;
}
