import type { Body } from "../domain/body";
import type { AgendaItem, MeetingState, Signatory } from "../domain/meeting-types";
import { activeItems, paragraphNumbers, paragraphRange } from "../domain/numbering";
import { requiredSignatories } from "../domain/roles";
import { attendanceOf, jointAttendance, personName, withJointBodies, type JointBody } from "./attendance";
import { canonicalJson, sha256Hex, type JsonValue } from "./canonical-json";
import type {
  HeaderField, ParagraphBlock, ProtocolContent, ProtocolDocument, ProtocolLang, ProtocolParagraph,
  ProtocolRecord, SignatoryLine,
} from "./document-model";
import { protocolWording, type ProtocolWording } from "./wording";

export type { JointBody } from "./attendance";

/** How to word a protocol. */
export interface ProtocolOptions {
  lang?: ProtocolLang;
  /** Co-hosting bodies of a joint meeting (the domain holds one body per meeting). */
  jointWith?: JointBody[];
}

/**
 * Builds the protocol document of a meeting: pure, total and deterministic, so the same state and
 * body always give the same content and hash. The body supplies the document type; everything else
 * comes from the meeting's event-sourced state.
 */
export function buildProtocolDocument(state: MeetingState, body: Pick<Body, "settings">, options: ProtocolOptions = {}): ProtocolDocument {
  const lang = options.lang ?? "sv";
  const w = protocolWording[lang];
  const content = buildContent(state, body, w, lang, options.jointWith ?? []);
  return { content, record: buildRecord(state, w), hash: protocolHash(content), labels: w.labels };
}

/** The SHA-256 of a protocol's content in canonical JSON: what a signature approves. */
export function protocolHash(content: ProtocolContent): string {
  return sha256Hex(canonicalJson(content as unknown as JsonValue));
}

function buildContent(state: MeetingState, body: Pick<Body, "settings">, w: ProtocolWording, lang: ProtocolLang, joint: JointBody[]): ProtocolContent {
  const documentType = body.settings.documentType;
  const bodyName = [state.bodyName, ...joint.map((j) => j.bodyName)].reduce((acc, n, i, all) =>
    i === 0 ? n : i === all.length - 1 ? `${acc} ${w.and} ${n}` : `${acc}, ${n}`, "");
  const numbers = paragraphNumbers(state);
  const range = paragraphRange(state);
  const d = state.details;
  const fields: HeaderField[] = [];
  if (d.dnr) fields.push({ label: w.fields.dnr, value: d.dnr });
  fields.push({ label: w.fields.dateTime, value: w.dateTime(d.date, d.startTime, d.endTime) });
  if (d.place) fields.push({ label: w.fields.place, value: d.place });
  if (range) fields.push({ label: w.fields.paragraphs, value: w.paragraphRange(range.from, range.to) });
  const signatories = signatoriesOf(state);
  return {
    format: "paragraf.protocol/1",
    lang,
    documentType,
    title: `${w.documentType[documentType]} ${bodyName}`,
    documentTypeLabel: w.documentType[documentType],
    bodyName,
    jointWith: joint.map((j) => j.bodyName),
    // A meeting title that only repeats the body's name says nothing the title does not.
    subtitle: d.title && !bodyName.toLowerCase().includes(d.title.toLowerCase()) ? d.title : undefined,
    meetingId: state.id,
    date: d.date,
    fields,
    attendance: withJointBodies(attendanceOf(state, w, joint.length > 0), joint.flatMap((j) => jointAttendance(j, w))),
    paragraphs: activeItems(state).map((item) => paragraphOf(state, item, numbers, bodyName, w)),
    justering: {
      heading: w.justering,
      statement: justeringStatement(state, signatories, w),
      signatories: signatories.map((s) => signatoryLine(state, s, w)),
    },
  };
}

function signatoriesOf(state: MeetingState): Signatory[] {
  const sent = state.status === "inJustering" || state.status === "sealed" || state.status === "filed";
  return sent ? state.protocol.signatories : requiredSignatories(state);
}

function signatoryLine(state: MeetingState, s: Signatory, w: ProtocolWording): SignatoryLine {
  const p = state.members.find((m) => m.id === s.personId);
  return { personId: s.personId, name: p ? personName(p) : s.personId, role: s.role, roleLabel: w.signatoryRoles[s.role], organisation: p?.organisation ?? "" };
}

function justeringStatement(state: MeetingState, signatories: Signatory[], w: ProtocolWording): string {
  if (signatories.length === 0) return w.noSignatories;
  if (state.signatoryRule === "allMembers") return w.allMembersStatement;
  const nameOf = (id: string) => {
    const p = state.members.find((m) => m.id === id);
    return p ? personName(p) : id;
  };
  const chair = signatories.find((s) => s.role === "ordforande");
  return w.justeringStatement(signatories.filter((s) => s.role === "justerare").map((s) => nameOf(s.personId)), chair && nameOf(chair.personId));
}

function paragraphOf(state: MeetingState, item: AgendaItem, numbers: Map<string, number>, bodyName: string, w: ProtocolWording): ProtocolParagraph {
  const number = numbers.get(item.id) ?? 0;
  const blocks: ParagraphBlock[] = [];
  const nameOf = (id: string) => {
    const p = state.members.find((m) => m.id === id);
    return p ? personName(p) : id;
  };
  if (item.kind === "approveAgenda" && state.agendaChanges.length > 0) {
    blocks.push({ kind: "agendaChanges", label: w.agendaChangesLabel, items: state.agendaChanges.map((c) => agendaChange(c, numbers, w)) });
  }
  if (item.conflicts.length > 0) {
    blocks.push({ kind: "conflicts", label: w.conflictsLabel, items: item.conflicts.map((c) => w.conflict(nameOf(c.personId), c.note)) });
  }
  const decision = item.decision;
  if (decision) {
    const block = decisionBlock(decision, item.kind, bodyName, w);
    if (block.lead || block.items.length > 0) blocks.push(block);
    if (decision.vote) blocks.push({ kind: "vote", lead: w.vote(decision.vote.yes, decision.vote.no, decision.vote.abstain), items: [] });
    if (decision.followUpDate) blocks.push({ kind: "followUp", lead: w.followUp(w.date(decision.followUpDate).replace(/^den /, "")), items: [] });
  } else if ((item.kind === "decision" || item.kind === "writtenDecision") && (item.status === "pending" || item.status === "current")) {
    blocks.push({ kind: "note", items: [], lead: w.notHandled });
  }
  if (item.assignments.length > 0) {
    blocks.push({
      kind: "assignments", label: w.assignmentsLabel,
      items: item.assignments.map((a) => w.assignment(a.owner, a.task, a.due && w.date(a.due).replace(/^den /, ""))),
    });
  }
  if (item.reservations.length > 0) {
    blocks.push({ kind: "reservations", label: w.reservationsLabel, items: item.reservations.map((r) => w.reservation(nameOf(r.personId), r.motivation)) });
  }
  return {
    itemId: item.id,
    number,
    label: w.paragraphLabel(number),
    title: item.title,
    kindLabel: w.kinds[item.kind],
    presenters: item.presenters.length > 0 ? w.presenters(item.presenters) : undefined,
    background: item.background.split(/\n\s*\n/).map((t) => t.trim()).filter((t) => t.length > 0),
    attachments: item.attachments.map((a) => ({ title: a.title, url: a.url })),
    attachmentsLabel: item.attachments.length > 0 ? w.attachments : undefined,
    blocks,
  };
}

function agendaChange(c: MeetingState["agendaChanges"][number], numbers: Map<string, number>, w: ProtocolWording): string {
  const n = numbers.get(c.itemId);
  const label = n === undefined ? undefined : w.paragraphLabel(n);
  if (c.kind === "added") return w.agendaAdded(c.title, label);
  if (c.kind === "withdrawn") return w.agendaWithdrawn(c.title, c.reason);
  return w.agendaMoved(c.title, label);
}

/** Standard items whose noted outcome is plain text, without "Informationen är delgiven". */
const plainKinds = new Set<AgendaItem["kind"]>(["opening", "closing", "nextMeeting", "summary", "otherBusiness", "toOtherBody", "electAdjusters", "approveAgenda"]);

function decisionBlock(decision: NonNullable<AgendaItem["decision"]>, kind: AgendaItem["kind"], body: string, w: ProtocolWording): ParagraphBlock {
  const end = (t: string) => (/[.!?:]$/.test(t) ? t : `${t}.`);
  const clauses = decision.clauses.map((c) => end(w.clause(c)));
  const base = { kind: "decision" as const, label: w.decisionLabel };
  switch (decision.outcome) {
    case "decided":
      return clauses.length === 1 ? { ...base, lead: `${w.decides(body)} ${clauses[0]}`, items: [] } : { ...base, lead: `${w.decides(body)}:`, items: clauses };
    case "informationNoted":
      if (plainKinds.has(kind)) return { kind: "note", lead: decision.clauses.map(end).join(" "), items: [] };
      return { ...base, lead: w.outcomeLead.informationNoted(body), items: decision.clauses.map(end) };
    case "recommendation":
      return { ...base, lead: w.outcomeLead.recommendation(body, decision.recipient), items: clauses };
    case "tabled":
    case "referredBack":
    case "forwarded": {
      const items = decision.outcome === "forwarded" ? decision.clauses.map(end) : clauses;
      const lead = w.outcomeLead[decision.outcome](body, decision.recipient);
      return { ...base, lead: decision.motivation ? `${lead} ${end(w.motivation(decision.motivation))}` : lead, items };
    }
  }
}

function stockholmTime(iso: string): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

function buildRecord(state: MeetingState, w: ProtocolWording): ProtocolRecord {
  const p = state.protocol;
  const status = state.status === "sealed" || state.status === "filed" ? "sealed" : state.status === "inJustering" ? "inJustering" : "draft";
  const signatures = status === "draft" ? [] : p.signatures.filter((s) => s.version === p.version).map((s) => ({
    personId: s.personId, name: s.name, roleLabel: w.signatoryRoles[s.role as keyof ProtocolWording["signatoryRoles"]] ?? s.role,
    at: s.at, atText: `${stockholmTime(s.at)} (Europe/Stockholm)`, userId: s.userId, hash: s.hash,
  }));
  return {
    status, statusLabel: w.status[status], version: p.version, signatures,
    ...(p.sealedAt ? { sealedAt: p.sealedAt, sealedAtText: `${stockholmTime(p.sealedAt)} (Europe/Stockholm)` } : {}), ...(status !== "draft" && p.hash ? { sentHash: p.hash } : {}),
  };
}
