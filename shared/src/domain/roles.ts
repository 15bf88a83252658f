import { decidingRoles, type Person } from "./body";
import type { Actor } from "./events";
import type { MeetingState, Signatory } from "./meeting-types";

/** The roles that decide what a user may do in one meeting. */
export type MeetingRole = "chair" | "secretary" | "justerare" | "member" | "guest" | "system";

/** The actor the background worker acts as (filing, reminders). */
export const systemActor: Actor = { userId: "system:paragraf", name: "Paragraf" };

/** The roster person an actor is, matched by their user id. */
export function personOf(state: Pick<MeetingState, "members">, actor: Actor): Person | undefined {
  return state.members.find((p) => (actor.personId && p.id === actor.personId) || (p.userId !== undefined && p.userId === actor.userId));
}

/** The person chairing this meeting: the chosen mötesordförande, else the body's chair. */
export function chairOf(state: Pick<MeetingState, "members" | "roles">): Person | undefined {
  const chosen = state.roles.chairPersonId;
  return chosen ? state.members.find((p) => p.id === chosen) : state.members.find((p) => p.roles.includes("ordforande"));
}

/** The person taking the minutes: the chosen protokollförare, else the body's secretary. */
export function secretaryOf(state: Pick<MeetingState, "members" | "roles">): Person | undefined {
  const chosen = state.roles.secretaryPersonId;
  return chosen ? state.members.find((p) => p.id === chosen) : state.members.find((p) => p.roles.includes("sekreterare"));
}

/** All roles an actor holds in a meeting. Anyone not on the roster is a guest: read only. */
export function rolesOf(state: MeetingState, actor: Actor): Set<MeetingRole> {
  const roles = new Set<MeetingRole>();
  if (actor.userId === systemActor.userId) return new Set(["system"]);
  const person = personOf(state, actor);
  if (!person) return new Set(["guest"]);
  roles.add("member");
  if (person.roles.includes("sekreterare") || state.roles.secretaryPersonId === person.id) roles.add("secretary");
  if (chairOf(state)?.id === person.id) roles.add("chair");
  if (state.roles.adjusterIds.includes(person.id)) roles.add("justerare");
  return roles;
}

/** Whether an actor may change the meeting record (agenda, attendance, decisions, lifecycle). */
export function canEdit(roles: ReadonlySet<MeetingRole>): boolean {
  return roles.has("chair") || roles.has("secretary");
}

/** Whether the person takes part in decisions (and so may dissent or sign as a member). */
export function isDecidingMember(person: Person): boolean {
  return person.roles.some((r) => decidingRoles.includes(r));
}

/** Who must approve the protocol under the body's rule, without duplicates. */
export function requiredSignatories(state: MeetingState): Signatory[] {
  const list: Signatory[] = [];
  const add = (personId: string | undefined, role: Signatory["role"]) => {
    if (personId && !list.some((s) => s.personId === personId)) list.push({ personId, role });
  };
  if (state.secretarySigns) add(secretaryOf(state)?.id, "sekreterare");
  add(chairOf(state)?.id, "ordforande");
  if (state.signatoryRule === "chairAndAdjusters") {
    state.roles.adjusterIds.forEach((id) => add(id, "justerare"));
  } else {
    state.members
      .filter((p) => isDecidingMember(p) && state.attendance[p.id] !== undefined && state.attendance[p.id]?.status !== "absent")
      .forEach((p) => add(p.id, "ledamot"));
    state.roles.adjusterIds.forEach((id) => add(id, "justerare"));
  }
  return list;
}

/** Whether the actor is a signatory of the current protocol version who has not signed it yet. */
export function canSign(state: MeetingState, actor: Actor): boolean {
  const person = personOf(state, actor);
  if (!person || state.status !== "inJustering") return false;
  const required = state.protocol.signatories.some((s) => s.personId === person.id);
  const signed = state.protocol.signatures.some((s) => s.personId === person.id && s.version === state.protocol.version);
  return required && !signed;
}
