import type { MeetingCommand } from "./commands";
import { fail, ok, type Result } from "./errors";
import type { Actor, MeetingEvent } from "./events";
import type { AgendaItem, Decision, MeetingState, MeetingStatus } from "./meeting-types";
import { paragraphRange } from "./numbering";
import { defaultInsertIndex } from "./plan-meeting";
import { canEdit, canSign, isDecidingMember, personOf, requiredSignatories, rolesOf } from "./roles";

type Decided = Result<MeetingEvent[]>;

const editable: readonly MeetingStatus[] = ["planned", "open", "closed", "drafted"];
const agendaShapeEditable: readonly MeetingStatus[] = ["planned", "open"];
const recordEditable: readonly MeetingStatus[] = ["open", "closed", "drafted"];

/** Checks a decision has what its outcome needs (clauses, motivation, recipient). */
export function validateDecision(d: Decision): Result<Decision> {
  if ((d.outcome === "decided" || d.outcome === "recommendation") && d.clauses.length === 0) return fail("clausesRequired");
  if (d.outcome === "referredBack" && !d.motivation?.trim()) return fail("motivationRequired");
  if (d.outcome === "forwarded" && !d.recipient?.trim()) return fail("recipientRequired");
  return ok(d);
}

const closedStatusOf = (d: Decision): "handled" | "tabled" | "referredBack" =>
  d.outcome === "tabled" ? "tabled" : d.outcome === "referredBack" ? "referredBack" : "handled";

/**
 * Checks a command against the meeting state and the actor's roles; returns the events it causes
 * or a typed domain error. Pure: `now` is only used for time-bound rules, never read from a clock.
 */
export function decide(state: MeetingState, command: MeetingCommand, actor: Actor, now: Date): Decided {
  void now;
  const roles = rolesOf(state, actor);
  if (state.status === "sealed" || state.status === "filed") {
    if (command.type === "protocol.markFiled" && state.status === "sealed" && (roles.has("system") || roles.has("secretary"))) {
      return ok([{ type: "protocol.filed", url: command.url }]);
    }
    return fail("sealed");
  }
  if (command.type === "protocol.sign" || command.type === "protocol.requestChange") return decideSignoff(state, command, actor);
  if (!canEdit(roles)) return fail("forbidden");
  return decideEdit(state, command);
}

function decideSignoff(
  state: MeetingState,
  command: Extract<MeetingCommand, { type: "protocol.sign" | "protocol.requestChange" }>,
  actor: Actor,
): Decided {
  if (state.status !== "inJustering") return fail("invalidState");
  const person = personOf(state, actor);
  const signatory = person && state.protocol.signatories.find((s) => s.personId === person.id);
  if (!person || !signatory) return fail("notSignatory");
  const version = state.protocol.version;
  if (command.type === "protocol.requestChange") {
    return ok([{ type: "protocol.changeRequested", personId: person.id, name: person.name, comment: command.comment, version }]);
  }
  if (command.hash !== state.protocol.hash) return fail("staleProtocol", { currentHash: state.protocol.hash, version });
  if (!canSign(state, actor)) return fail("alreadySigned");
  const events: MeetingEvent[] = [
    { type: "protocol.signed", personId: person.id, userId: actor.userId, name: person.name, role: signatory.role, hash: command.hash, version },
  ];
  const signed = new Set(state.protocol.signatures.filter((s) => s.version === version).map((s) => s.personId)).add(person.id);
  if (state.protocol.signatories.every((s) => signed.has(s.personId))) events.push({ type: "protocol.sealed", hash: command.hash, version });
  return ok(events);
}

function findItem(state: MeetingState, itemId: string): Result<AgendaItem> {
  const item = state.items.find((i) => i.id === itemId);
  if (!item) return fail("itemNotFound", { itemId });
  if (item.status === "withdrawn") return fail("itemWithdrawn", { itemId });
  return ok(item);
}

function requireStatus(state: MeetingState, allowed: readonly MeetingStatus[]): Result<true> {
  if (state.status === "inJustering") return fail("invalidState", { reason: "inJustering" });
  return allowed.includes(state.status) ? ok(true) : fail("invalidState", { status: state.status });
}

function requireMember(state: MeetingState, personId: string): Result<true> {
  return state.members.some((p) => p.id === personId) ? ok(true) : fail("personNotFound", { personId });
}

/** Runs checks in order and returns the first failure, else the events. */
function all(checks: Result<unknown>[], events: () => Decided): Decided {
  for (const c of checks) if (!c.ok) return c;
  return events();
}

function decideEdit(state: MeetingState, c: Exclude<MeetingCommand, { type: "protocol.sign" | "protocol.requestChange" }>): Decided {
  const recorded = state.agendaPublishedAt !== undefined;
  switch (c.type) {
    case "meeting.updateDetails":
      return all([requireStatus(state, editable)], () => ok([{ type: "meeting.detailsUpdated", details: c.details }]));
    case "agenda.addItem": {
      if (state.items.some((i) => i.id === c.itemId)) return fail("duplicateId", { itemId: c.itemId });
      const index = Math.min(c.index ?? defaultInsertIndex(state.items), state.items.length);
      return all([requireStatus(state, agendaShapeEditable)], () =>
        ok([{ type: "agenda.itemAdded", itemId: c.itemId, content: c.content, index, duringMeeting: recorded }]));
    }
    case "agenda.editItem":
      return all([requireStatus(state, editable), findItem(state, c.itemId)], () =>
        ok([{ type: "agenda.itemEdited", itemId: c.itemId, content: c.content }]));
    case "agenda.moveItem": {
      const fromIndex = state.items.findIndex((i) => i.id === c.itemId);
      const toIndex = Math.min(c.toIndex, state.items.length - 1);
      return all([requireStatus(state, agendaShapeEditable), findItem(state, c.itemId)], () =>
        fromIndex === toIndex ? ok([]) : ok([{ type: "agenda.itemMoved", itemId: c.itemId, fromIndex, toIndex, recorded }]));
    }
    case "agenda.withdrawItem": {
      const item = findItem(state, c.itemId);
      const notStarted = item.ok && item.value.status !== "pending" ? fail("itemHandled", { itemId: c.itemId }) : ok(true);
      return all([requireStatus(state, agendaShapeEditable), item, notStarted], () =>
        ok([{ type: "agenda.itemWithdrawn", itemId: c.itemId, reason: c.reason, recorded }]));
    }
    case "agenda.publish":
      return all([requireStatus(state, ["planned", "open"])], () => ok([{ type: "agenda.published" }]));
    case "roles.assign": {
      const chairPersonId = c.chairPersonId === undefined ? state.roles.chairPersonId ?? null : c.chairPersonId;
      const secretaryPersonId = c.secretaryPersonId === undefined ? state.roles.secretaryPersonId ?? null : c.secretaryPersonId;
      const adjusterIds = [...new Set(c.adjusterIds ?? state.roles.adjusterIds)];
      const people = [chairPersonId, secretaryPersonId, ...adjusterIds].filter((x): x is string => !!x);
      return all([requireStatus(state, editable), ...people.map((p) => requireMember(state, p))], () =>
        ok([{ type: "roles.assigned", chairPersonId, secretaryPersonId, adjusterIds }]));
    }
    case "attendance.mark":
      return all([requireStatus(state, editable), requireMember(state, c.personId), checkAttendance(state, c)], () =>
        ok([{ type: "attendance.marked", personId: c.personId, attendance: c.attendance }]));
    case "meeting.open":
      return all([requireStatus(state, ["planned"])], () => ok([{ type: "meeting.opened" }]));
    case "item.open": {
      const item = findItem(state, c.itemId);
      return all([requireStatus(state, ["open"]), item], () => {
        if (state.currentItemId === c.itemId) return ok([]);
        const i = item.ok ? item.value : undefined;
        return ok([i && i.status !== "pending" ? { type: "item.reopened", itemId: c.itemId } : { type: "item.opened", itemId: c.itemId }]);
      });
    }
    case "decision.record":
      return all([requireStatus(state, recordEditable), findItem(state, c.itemId), validateDecision(c.decision)], () =>
        ok([{ type: "decision.recorded", itemId: c.itemId, decision: c.decision }]));
    case "item.close": {
      const item = findItem(state, c.itemId);
      const decision = c.decision ?? (item.ok ? item.value.decision : undefined);
      if (!decision) return all([requireStatus(state, recordEditable), item], () => fail("decisionRequired", { itemId: c.itemId }));
      return all([requireStatus(state, recordEditable), item, validateDecision(decision)], () => {
        const events: MeetingEvent[] = c.decision ? [{ type: "decision.recorded", itemId: c.itemId, decision: c.decision }] : [];
        events.push({ type: "item.closed", itemId: c.itemId, status: closedStatusOf(decision) });
        return ok(events);
      });
    }
    case "item.reopen":
      return all([requireStatus(state, ["open"]), findItem(state, c.itemId)], () => ok([{ type: "item.reopened", itemId: c.itemId }]));
    case "assignment.add": {
      const item = findItem(state, c.itemId);
      const dup = state.items.some((i) => i.assignments.some((a) => a.id === c.assignment.id)) ? fail("duplicateId") : ok(true);
      return all([requireStatus(state, recordEditable), item, dup], () => ok([{ type: "assignment.added", itemId: c.itemId, assignment: c.assignment }]));
    }
    case "assignment.remove": {
      const item = findItem(state, c.itemId);
      const has = item.ok && item.value.assignments.some((a) => a.id === c.assignmentId) ? ok(true) : fail("notFound");
      return all([requireStatus(state, recordEditable), item, has], () =>
        ok([{ type: "assignment.removed", itemId: c.itemId, assignmentId: c.assignmentId }]));
    }
    case "reservation.record": {
      const item = findItem(state, c.itemId);
      const person = state.members.find((p) => p.id === c.reservation.personId);
      const deciding = person && isDecidingMember(person) ? ok(true) : fail("personNotFound", { personId: c.reservation.personId });
      const jav = item.ok && item.value.conflicts.some((x) => x.personId === c.reservation.personId) ? fail("conflictOfInterest") : ok(true);
      return all([requireStatus(state, recordEditable), item, deciding, jav], () =>
        ok([{ type: "reservation.recorded", itemId: c.itemId, reservation: c.reservation }]));
    }
    case "reservation.withdraw":
      return all([requireStatus(state, recordEditable), findItem(state, c.itemId)], () =>
        ok([{ type: "reservation.withdrawn", itemId: c.itemId, personId: c.personId }]));
    case "conflict.declare": {
      const item = findItem(state, c.itemId);
      const reserved = item.ok && item.value.reservations.some((r) => r.personId === c.conflict.personId) ? fail("conflictOfInterest") : ok(true);
      return all([requireStatus(state, editable), item, requireMember(state, c.conflict.personId), reserved], () =>
        ok([{ type: "conflict.declared", itemId: c.itemId, conflict: c.conflict }]));
    }
    case "conflict.withdraw":
      return all([requireStatus(state, editable), findItem(state, c.itemId)], () =>
        ok([{ type: "conflict.withdrawn", itemId: c.itemId, personId: c.personId }]));
    case "meeting.close":
      return all([requireStatus(state, ["open"])], () => ok([{ type: "meeting.closed" }]));
    case "protocol.draft":
      if (state.status === "inJustering") return ok([{ type: "protocol.drafted" }]);
      return all([requireStatus(state, ["closed"])], () => ok([{ type: "protocol.drafted" }]));
    case "protocol.sendForJustering": {
      const signatories = requiredSignatories(state);
      return all([requireStatus(state, ["closed", "drafted"]), signatories.length > 0 ? ok(true) : fail("noSignatories")], () =>
        ok([{ type: "protocol.sentForJustering", version: state.protocol.version + 1, hash: c.hash, signatories }]));
    }
    case "protocol.markFiled":
      return fail("invalidState", { status: state.status });
  }
}

function checkAttendance(state: MeetingState, c: Extract<MeetingCommand, { type: "attendance.mark" }>): Result<true> {
  const a = c.attendance;
  if (a.substituteFor !== undefined) {
    if (a.substituteFor === c.personId) return fail("validation", { field: "substituteFor" });
    const m = requireMember(state, a.substituteFor);
    if (!m.ok) return m;
  }
  if (a.status !== "partial") return ok(true);
  const range = paragraphRange(state);
  const from = a.fromParagraph ?? range?.from;
  const to = a.toParagraph ?? range?.to;
  if (a.fromParagraph === undefined && a.toParagraph === undefined) return fail("invalidParagraphRange");
  if (from === undefined || to === undefined || from > to) return fail("invalidParagraphRange");
  if (range && (from < range.from || to > range.to)) return fail("invalidParagraphRange", { range });
  return ok(true);
}
