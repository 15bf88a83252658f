import { findPersonByUser, type Actor, type Person } from "@paragraf/shared";
import type { Identity } from "../auth/identity";

/** The domain actor for a signed-in identity, linked to their roster person when there is one. */
export function actorFor(identity: Identity, roster: readonly Person[]): Actor {
  const person = findPersonByUser(roster, identity.userId, identity.logins);
  return person ? { userId: identity.userId, personId: person.id, name: person.name } : { userId: identity.userId, name: identity.name };
}
