import { findPersonByUser, type Body } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";

/** Loads a body of the caller's tenant or fails with 404 (another tenant's id learns nothing). */
export async function loadBody(deps: Deps, identity: Identity, bodyId: string): Promise<Body> {
  const body = await deps.store.getBody(identity.tenantId, bodyId);
  return body ?? failWith("notFound");
}

/** Whether the caller administers the body: its secretary, chair or vice chair. */
export function administers(body: Body, identity: Identity): boolean {
  const person = findPersonByUser(body.roster, identity.userId, identity.logins);
  return !!person && person.roles.some((r) => r === "sekreterare" || r === "ordforande" || r === "viceOrdforande");
}

/** Fails with 403 unless the caller administers the body. */
export function requireAdmin(body: Body, identity: Identity): void {
  if (!administers(body, identity)) failWith("forbidden");
}
