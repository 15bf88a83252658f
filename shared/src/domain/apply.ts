import type { MeetingEvent, StoredEvent } from "./events";
import type { AgendaItem, MeetingState } from "./meeting-types";

/** The state before the first event: only meaningful once `meeting.created` is applied. */
export function emptyMeeting(tenantId: string, id: string): MeetingState {
  return {
    id, tenantId, bodyId: "", bodyName: "", signatoryRule: "chairAndAdjusters", secretarySigns: true, justeringDays: 14,
    details: { date: "1970-01-01", startTime: "00:00" }, status: "planned", firstParagraph: 1, members: [], items: [],
    attendance: {}, roles: { adjusterIds: [] }, agendaChanges: [],
    protocol: { version: 0, signatories: [], signatures: [], changeRequests: [] }, seq: 0,
  };
}

const mapItem = (s: MeetingState, itemId: string, f: (i: AgendaItem) => AgendaItem): MeetingState => ({
  ...s,
  items: s.items.map((i) => (i.id === itemId ? f(i) : i)),
});

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [x] = copy.splice(from, 1);
  if (x !== undefined) copy.splice(Math.min(to, copy.length), 0, x);
  return copy;
}

/** Folds one event into the state. Pure and total: events were validated by `decide`. */
export function apply(state: MeetingState, event: MeetingEvent, at = "", seq = state.seq + 1): MeetingState {
  const s = applyEvent(state, event, at);
  return s.seq === seq ? s : { ...s, seq };
}

function applyEvent(s: MeetingState, e: MeetingEvent, at: string): MeetingState {
  switch (e.type) {
    case "meeting.created":
      return {
        ...s, id: e.meetingId, bodyId: e.bodyId, bodyName: e.bodyName, signatoryRule: e.signatoryRule,
        secretarySigns: e.secretarySigns, justeringDays: e.justeringDays, details: e.details, firstParagraph: e.firstParagraph, members: e.members,
      };
    case "meeting.detailsUpdated":
      return { ...s, details: { ...s.details, ...e.details } };
    case "meeting.rosterSynced":
      return { ...s, members: e.members };
    case "agenda.itemAdded": {
      const item: AgendaItem = {
        ...e.content, id: e.itemId, status: "pending", assignments: [], reservations: [], conflicts: [], addedDuringMeeting: e.duringMeeting,
      };
      const items = [...s.items];
      items.splice(Math.min(e.index, items.length), 0, item);
      const agendaChanges = e.duringMeeting ? [...s.agendaChanges, { kind: "added" as const, itemId: e.itemId, title: e.content.title }] : s.agendaChanges;
      return { ...s, items, agendaChanges };
    }
    case "agenda.itemEdited":
      return mapItem(s, e.itemId, (i) => ({ ...i, ...e.content }));
    case "agenda.itemMoved": {
      const title = s.items[e.fromIndex]?.title ?? "";
      const agendaChanges = e.recorded
        ? [...s.agendaChanges, { kind: "moved" as const, itemId: e.itemId, title, fromIndex: e.fromIndex, toIndex: e.toIndex }]
        : s.agendaChanges;
      return { ...s, items: move(s.items, e.fromIndex, e.toIndex), agendaChanges };
    }
    case "agenda.itemWithdrawn": {
      const title = s.items.find((i) => i.id === e.itemId)?.title ?? "";
      const next = mapItem(s, e.itemId, (i) => ({ ...i, status: "withdrawn", withdrawnReason: e.reason }));
      return e.recorded
        ? { ...next, agendaChanges: [...s.agendaChanges, { kind: "withdrawn", itemId: e.itemId, title, reason: e.reason }] }
        : next;
    }
    case "agenda.published":
      return { ...s, agendaPublishedAt: at };
    case "roles.assigned":
      return {
        ...s,
        roles: { chairPersonId: e.chairPersonId ?? undefined, secretaryPersonId: e.secretaryPersonId ?? undefined, adjusterIds: e.adjusterIds },
      };
    case "attendance.marked":
      return { ...s, attendance: { ...s.attendance, [e.personId]: e.attendance } };
    case "meeting.opened":
      return { ...s, status: "open", openedAt: at };
    case "item.opened": {
      const items = s.items.map((i): AgendaItem =>
        i.id === e.itemId ? { ...i, status: "current" } : i.status === "current" ? { ...i, status: "pending" } : i,
      );
      return { ...s, items, currentItemId: e.itemId };
    }
    case "decision.recorded":
      return mapItem(s, e.itemId, (i) => ({ ...i, decision: e.decision }));
    case "item.closed": {
      const next = mapItem(s, e.itemId, (i) => ({ ...i, status: e.status }));
      return s.currentItemId === e.itemId ? { ...next, currentItemId: undefined } : next;
    }
    case "item.reopened": {
      const items = s.items.map((i): AgendaItem =>
        i.id === e.itemId ? { ...i, status: "current" } : i.status === "current" ? { ...i, status: "pending" } : i,
      );
      return { ...s, items, currentItemId: e.itemId };
    }
    case "assignment.added":
      return mapItem(s, e.itemId, (i) => ({ ...i, assignments: [...i.assignments, e.assignment] }));
    case "assignment.removed":
      return mapItem(s, e.itemId, (i) => ({ ...i, assignments: i.assignments.filter((a) => a.id !== e.assignmentId) }));
    case "reservation.recorded":
      return mapItem(s, e.itemId, (i) => ({
        ...i, reservations: [...i.reservations.filter((r) => r.personId !== e.reservation.personId), e.reservation],
      }));
    case "reservation.withdrawn":
      return mapItem(s, e.itemId, (i) => ({ ...i, reservations: i.reservations.filter((r) => r.personId !== e.personId) }));
    case "conflict.declared":
      return mapItem(s, e.itemId, (i) => ({ ...i, conflicts: [...i.conflicts.filter((c) => c.personId !== e.conflict.personId), e.conflict] }));
    case "conflict.withdrawn":
      return mapItem(s, e.itemId, (i) => ({ ...i, conflicts: i.conflicts.filter((c) => c.personId !== e.personId) }));
    case "meeting.closed": {
      const items = s.items.map((i): AgendaItem => (i.status === "current" ? { ...i, status: "pending" } : i));
      return { ...s, items, status: "closed", closedAt: at, currentItemId: undefined };
    }
    case "protocol.drafted": {
      const bump = s.status === "inJustering";
      return {
        ...s, status: "drafted",
        protocol: bump ? { ...s.protocol, version: s.protocol.version, hash: undefined, signatures: [] } : s.protocol,
      };
    }
    case "protocol.sentForJustering":
      return {
        ...s, status: "inJustering",
        protocol: { ...s.protocol, version: e.version, hash: e.hash, signatories: e.signatories, signatures: [], sentAt: at },
      };
    case "protocol.signed":
      return {
        ...s,
        protocol: {
          ...s.protocol,
          signatures: [...s.protocol.signatures, { personId: e.personId, userId: e.userId, name: e.name, role: e.role, hash: e.hash, version: e.version, at }],
        },
      };
    case "protocol.changeRequested":
      return {
        ...s, status: "drafted",
        protocol: {
          ...s.protocol, hash: undefined, signatures: [],
          changeRequests: [...s.protocol.changeRequests, { personId: e.personId, name: e.name, comment: e.comment, version: e.version, at }],
        },
      };
    case "protocol.sealed":
      return { ...s, status: "sealed", protocol: { ...s.protocol, sealedAt: at } };
    case "protocol.filed":
      return { ...s, status: "filed", protocol: { ...s.protocol, filed: { url: e.url, at } } };
  }
}

/** Folds a stored log into state. */
export function foldEvents(tenantId: string, meetingId: string, events: readonly StoredEvent[], from?: MeetingState): MeetingState {
  let s = from ?? emptyMeeting(tenantId, meetingId);
  for (const e of events) s = apply(s, e.event, e.at, e.seq);
  return s;
}
