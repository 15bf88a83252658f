import type { Person } from "../domain/body";
import type { MeetingState } from "../domain/meeting-types";
import { chairOf, secretaryOf } from "../domain/roles";
import type { AttendanceSection, AttendeeLine } from "./document-model";
import type { ProtocolWording } from "./wording";

/** A person's name as protocols print it: with a politician's party letters, "Anna Berg (s)". */
export const personName = (p: Pick<Person, "name" | "party">) => (p.party ? `${p.name} (${p.party})` : p.name);
const decidingRoles = new Set(["ordforande", "viceOrdforande", "ledamot", "ersattare"]);

/** A body taking part in a joint meeting besides the meeting's own body, with its attendees. */
export interface JointBody {
  bodyName: string;
  attendees: { name: string; organisation?: string; party?: string; status: "present" | "absent"; notes?: string[] }[];
}

function attendeeOf(state: MeetingState, p: Person, w: ProtocolWording): AttendeeLine {
  const notes: string[] = [];
  const a = state.attendance[p.id];
  const chair = chairOf(state);
  if (p.roles.includes("ordforande")) notes.push(w.roleNotes.chair);
  if (p.roles.includes("viceOrdforande")) notes.push(w.roleNotes.viceChair);
  if (chair?.id === p.id && !p.roles.includes("ordforande")) notes.push(w.roleNotes.meetingChair);
  if (state.roles.adjusterIds.includes(p.id)) notes.push(w.roleNotes.adjuster);
  if (a?.substituteFor) {
    const absent = state.members.find((m) => m.id === a.substituteFor);
    notes.push(w.roleNotes.substituteFor(absent ? personName(absent) : a.substituteFor));
  } else if (p.roles.includes("ersattare") && !p.roles.some((r) => r === "ledamot" || r === "ordforande" || r === "viceOrdforande")) {
    notes.push(w.roleNotes.substitute);
  }
  if (a?.status === "partial") {
    if (a.fromParagraph !== undefined && a.toParagraph !== undefined) notes.push(w.roleNotes.between(a.fromParagraph, a.toParagraph));
    else if (a.toParagraph !== undefined) notes.push(w.roleNotes.until(a.toParagraph));
    else if (a.fromParagraph !== undefined) notes.push(w.roleNotes.from(a.fromParagraph));
  }
  if (a?.note) notes.push(a.note);
  return { name: personName(p), organisation: p.organisation, notes };
}

/** The attendance sections of the meeting's own body: the chair first, then in roster order. */
export function attendanceOf(state: MeetingState, w: ProtocolWording, joint: boolean): AttendanceSection[] {
  const secretary = secretaryOf(state);
  const chair = chairOf(state);
  const rank = (p: Person) => (p.id === chair?.id ? 0 : p.roles.includes("viceOrdforande") ? 1 : 2);
  const members = state.members.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
  const lists: Record<AttendanceSection["kind"], Person[]> = { present: [], absent: [], unrecorded: [], coopted: [], officials: [], secretary: [] };
  for (const p of members) {
    const status = state.attendance[p.id]?.status;
    const here = status === "present" || status === "partial";
    if (p.id === secretary?.id) lists.secretary.push(p);
    else if (p.roles.some((r) => decidingRoles.has(r))) {
      const onlySubstitute = !p.roles.some((r) => r === "ledamot" || r === "ordforande" || r === "viceOrdforande");
      if (here) lists.present.push(p);
      else if (status === "absent") lists.absent.push(p);
      else if (!onlySubstitute) lists.unrecorded.push(p);
    } else if (here && p.roles.includes("adjungerad")) lists.coopted.push(p);
    else if (here) lists.officials.push(p);
  }
  const order: AttendanceSection["kind"][] = ["present", "absent", "unrecorded", "coopted", "officials", "secretary"];
  return order
    .filter((kind) => lists[kind].length > 0)
    .map((kind) => ({
      kind, heading: w.attendance[kind], ...(joint && (kind === "present" || kind === "absent") ? { bodyName: state.bodyName } : {}),
      people: lists[kind].map((p) => attendeeOf(state, p, w)),
    }));
}

/** Puts the co-hosting bodies' attendance right after the host body's present and absent lists. */
export function withJointBodies(host: AttendanceSection[], guests: AttendanceSection[]): AttendanceSection[] {
  const split = host.findIndex((s) => s.kind !== "present" && s.kind !== "absent");
  return split < 0 ? [...host, ...guests] : [...host.slice(0, split), ...guests, ...host.slice(split)];
}

/** The present and absent lists of a co-hosting body. */
export function jointAttendance(j: JointBody, w: ProtocolWording): AttendanceSection[] {
  const line = (a: JointBody["attendees"][number]): AttendeeLine => ({
    name: personName(a), organisation: a.organisation ?? "", notes: a.notes ?? [],
  });
  return (["present", "absent"] as const)
    .map((kind) => ({ kind, heading: w.attendance[kind], bodyName: j.bodyName, people: j.attendees.filter((a) => a.status === kind).map(line) }))
    .filter((s) => s.people.length > 0);
}
