import type { ItemKind, Outcome } from "../domain/meeting-types";
import type { ProtocolLang, RenderLabels } from "./document-model";

/** Every phrase a protocol uses, per language: the one catalogue the builder words documents from. */
export interface ProtocolWording {
  documentType: { protokoll: string; minnesanteckningar: string };
  fields: { dateTime: string; place: string; paragraphs: string; dnr: string };
  attendance: { present: string; absent: string; unrecorded: string; coopted: string; officials: string; secretary: string };
  roleNotes: {
    chair: string; viceChair: string; meetingChair: string; adjuster: string; substitute: string;
    substituteFor: (name: string) => string; until: (n: number) => string; from: (n: number) => string; between: (a: number, b: number) => string;
  };
  kinds: Partial<Record<ItemKind, string>>;
  paragraphLabel: (n: number) => string;
  paragraphRange: (a: number, b: number) => string;
  presenters: (names: string[]) => string;
  attachments: string;
  and: string;
  decides: (body: string) => string;
  clause: (text: string) => string;
  outcomeLead: Record<Exclude<Outcome, "decided">, (body: string, recipient?: string) => string>;
  motivation: (text: string) => string;
  informationNoted: string;
  vote: (yes: number, no: number, abstain: number) => string;
  followUp: (date: string) => string;
  assignmentsLabel: string;
  assignment: (owner: string, task: string, due?: string) => string;
  reservationsLabel: string;
  reservation: (name: string, motivation?: string) => string;
  conflictsLabel: string;
  conflict: (name: string, note?: string) => string;
  decisionLabel: string;
  agendaChangesLabel: string;
  agendaAdded: (title: string, paragraph?: string) => string;
  agendaWithdrawn: (title: string, reason?: string) => string;
  agendaMoved: (title: string, paragraph?: string) => string;
  notHandled: string;
  justering: string;
  signatoryRoles: { ordforande: string; justerare: string; sekreterare: string; ledamot: string };
  justeringStatement: (adjusters: string[], chair?: string) => string;
  allMembersStatement: string;
  noSignatories: string;
  dateTime: (date: string, start: string, end?: string) => string;
  date: (date: string) => string;
  status: { draft: string; inJustering: string; sealed: string };
  labels: RenderLabels;
}

const svMonths = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const enMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dateParts = (d: string) => d.split("-").map(Number) as [number, number, number];
const dots = (t: string) => t.replace(":", ".");
const colons = (t: string) => t.replace(".", ":");
const q = (t: string) => `”${t}”`;
/** Keeps "§" with its number when a line wraps in running text ("deltog till §\u00a010"). */
const nb = (t: string) => t.replace(/§§? /g, (m) => `${m.trimEnd()}\u00a0`);
const listJoin = (names: string[], and: string) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`);
/** Prefixes an att-clause with "att" unless it has it; keeps the clause's own capitals (names, places). */
const withAtt = (text: string, att: string) => {
  const t = text.trim();
  return new RegExp(`^${att}\\s`, "i").test(t) ? `${att}${t.slice(att.length)}` : `${att} ${t}`;
};

const sv: ProtocolWording = {
  documentType: { protokoll: "Protokoll", minnesanteckningar: "Minnesanteckningar" },
  fields: { dateTime: "Datum och tid", place: "Plats", paragraphs: "Ärenden", dnr: "Dnr" },
  attendance: {
    present: "Närvarande", absent: "Frånvarande", unrecorded: "Närvaro ej registrerad", coopted: "Adjungerade",
    officials: "Övriga tjänstepersoner", secretary: "Protokollförare",
  },
  roleNotes: {
    chair: "ordförande", viceChair: "vice ordförande", meetingChair: "mötesordförande", adjuster: "justerare", substitute: "ersättare",
    substituteFor: (n) => `ersättare för ${n}`, until: (n) => nb(`deltog till § ${n}`), from: (n) => nb(`deltog från § ${n}`),
    between: (a, b) => nb(`deltog §§ ${a}–${b}`),
  },
  kinds: {
    decision: "Beslutsärende", writtenDecision: "Skriftligt beslutsärende", information: "Informationsärende",
    oralInformation: "Muntligt informationsärende", assignmentFollowUp: "Återkoppling av uppdrag",
  },
  paragraphLabel: (n) => `§ ${n}`,
  paragraphRange: (a, b) => (a === b ? `§ ${a}` : `§§ ${a}–${b}`),
  presenters: (names) => `Föredragande: ${names.join(", ")}`,
  attachments: "Beslutsunderlag",
  and: "och",
  decides: (body) => `${body} beslutar`,
  clause: (t) => withAtt(t, "att"),
  outcomeLead: {
    informationNoted: () => "Informationen är delgiven.",
    recommendation: (body, to) => `${body} beslutar att lämna följande rekommendation till ${to ?? "medlemsorganisationerna"}:`,
    tabled: (body) => `${body} beslutar att bordlägga ärendet.`,
    referredBack: (body) => `${body} beslutar att återremittera ärendet.`,
    forwarded: (body, to) => `${body} beslutar att överlämna ärendet till ${to ?? ""}.`,
  },
  motivation: (t) => `Motivering: ${t}`,
  informationNoted: "Informationen är delgiven.",
  vote: (y, n, a) => `Omröstning: ${y} ja, ${n} nej, ${a} avstår.`,
  followUp: (d) => `Datum för uppföljning: ${d}.`,
  assignmentsLabel: "Uppdrag",
  assignment: (owner, task, due) => `${owner}: ${task.replace(/\.$/, "")}${due ? `, senast den ${due}` : ""}.`,
  reservationsLabel: "Reservation",
  reservation: (name, m) => `${name} reserverar sig mot beslutet.${m ? ` Motivering: ${m}` : ""}`,
  conflictsLabel: "Jäv",
  conflict: (name, note) => `${name} anmäler jäv och deltar inte i handläggningen av ärendet.${note ? ` ${note}` : ""}`,
  decisionLabel: "Beslut",
  agendaChangesLabel: "Ändringar i dagordningen",
  agendaAdded: (t, p) => nb(`Ärendet ${q(t)} läggs till${p ? ` (${p})` : ""}.`),
  agendaWithdrawn: (t, r) => `Ärendet ${q(t)} utgår.${r ? ` ${r}` : ""}`,
  agendaMoved: (t, p) => nb(`Ärendet ${q(t)} byter plats i ordningsföljden${p ? ` och behandlas som ${p}` : ""}.`),
  notHandled: "Ärendet är ännu inte behandlat.",
  justering: "Justering",
  signatoryRoles: { ordforande: "ordförande", justerare: "justerare", sekreterare: "sekreterare", ledamot: "ledamot" },
  justeringStatement: (adj, chair) =>
    adj.length === 0
      ? `${chair ?? "Ordföranden"} justerar protokollet.`
      : `${listJoin(adj, "och")} justerar protokollet tillsammans med ${chair ? `ordföranden ${chair}` : "ordföranden"}.`,
  allMembersStatement: "Minnesanteckningarna godkänns av samtliga närvarande ledamöter.",
  noSignatories: "Justerare är ännu inte utsedda.",
  dateTime: (d, s, e) => `${sv.date(d)} kl. ${dots(s)}${e ? `–${dots(e)}` : ""}`,
  date: (d) => {
    const [y, m, day] = dateParts(d);
    return `den ${day} ${svMonths[m - 1] ?? ""} ${y}`;
  },
  status: { draft: "Utkast – ej justerat", inJustering: "Under justering", sealed: "Justerat" },
  labels: {
    page: "Sida", of: "av", draft: "UTKAST", signaturePage: "Justering och underskrifter",
    signatureIntro: "Protokollet justeras i Paragraf. Varje underskrift avser dokumentets innehåll med kontrollsumman nedan (SHA-256 av protokollets kanoniska form).",
    hashLabel: "Kontrollsumma (SHA-256)", signedAt: "Justerat", notSigned: "Ej justerat", identity: "Identitet", role: "Roll", contents: "Innehåll",
  },
};

const en: ProtocolWording = {
  documentType: { protokoll: "Minutes", minnesanteckningar: "Meeting notes" },
  fields: { dateTime: "Date and time", place: "Place", paragraphs: "Items", dnr: "Reg. no." },
  attendance: {
    present: "Present", absent: "Absent", unrecorded: "Attendance not recorded", coopted: "Co-opted",
    officials: "Officials", secretary: "Minute-taker",
  },
  roleNotes: {
    chair: "chair", viceChair: "vice chair", meetingChair: "chair of the meeting", adjuster: "adjuster", substitute: "substitute",
    substituteFor: (n) => `substitute for ${n}`, until: (n) => nb(`present until § ${n}`), from: (n) => nb(`present from § ${n}`),
    between: (a, b) => nb(`present §§ ${a}–${b}`),
  },
  kinds: {
    decision: "Decision item", writtenDecision: "Written decision item", information: "Information item",
    oralInformation: "Oral information item", assignmentFollowUp: "Follow-up of assignment",
  },
  paragraphLabel: (n) => `§ ${n}`,
  paragraphRange: (a, b) => (a === b ? `§ ${a}` : `§§ ${a}–${b}`),
  presenters: (names) => `Presenters: ${names.join(", ")}`,
  attachments: "Supporting documents",
  and: "and",
  decides: (body) => `${body} decides`,
  clause: (t) => withAtt(t, "to"),
  outcomeLead: {
    informationNoted: () => "The information has been noted.",
    recommendation: (body, to) => `${body} decides to make the following recommendation to ${to ?? "the member organisations"}:`,
    tabled: (body) => `${body} decides to table the item.`,
    referredBack: (body) => `${body} decides to refer the item back.`,
    forwarded: (body, to) => `${body} decides to forward the item to ${to ?? ""}.`,
  },
  motivation: (t) => `Motivation: ${t}`,
  informationNoted: "The information has been noted.",
  vote: (y, n, a) => `Vote: ${y} for, ${n} against, ${a} abstaining.`,
  followUp: (d) => `Follow-up date: ${d}.`,
  assignmentsLabel: "Assignments",
  assignment: (owner, task, due) => `${owner}: ${task.replace(/\.$/, "")}${due ? `, by ${due}` : ""}.`,
  reservationsLabel: "Dissent",
  reservation: (name, m) => `${name} dissents from the decision.${m ? ` Motivation: ${m}` : ""}`,
  conflictsLabel: "Conflict of interest",
  conflict: (name, note) => `${name} declares a conflict of interest and takes no part in the item.${note ? ` ${note}` : ""}`,
  decisionLabel: "Decision",
  agendaChangesLabel: "Changes to the agenda",
  agendaAdded: (t, p) => nb(`The item ${q(t)} is added${p ? ` (${p})` : ""}.`),
  agendaWithdrawn: (t, r) => `The item ${q(t)} is withdrawn.${r ? ` ${r}` : ""}`,
  agendaMoved: (t, p) => nb(`The item ${q(t)} changes place in the order${p ? ` and is dealt with as ${p}` : ""}.`),
  notHandled: "The item has not been dealt with yet.",
  justering: "Approval of the minutes",
  signatoryRoles: { ordforande: "chair", justerare: "adjuster", sekreterare: "secretary", ledamot: "member" },
  justeringStatement: (adj, chair) =>
    adj.length === 0
      ? `${chair ?? "The chair"} approves the minutes.`
      : `${listJoin(adj, "and")} approve${adj.length === 1 ? "s" : ""} the minutes together with ${chair ? `the chair, ${chair}` : "the chair"}.`,
  allMembersStatement: "The notes are approved by every member present.",
  noSignatories: "No adjusters have been chosen yet.",
  dateTime: (d, s, e) => `${en.date(d)}, ${colons(s)}${e ? `–${colons(e)}` : ""}`,
  date: (d) => {
    const [y, m, day] = dateParts(d);
    return `${day} ${enMonths[m - 1] ?? ""} ${y}`;
  },
  status: { draft: "Draft – not approved", inJustering: "Being approved", sealed: "Approved" },
  labels: {
    page: "Page", of: "of", draft: "DRAFT", signaturePage: "Approval and signatures",
    signatureIntro: "The minutes are approved in Paragraf. Each signature refers to the content with the checksum below (SHA-256 of the canonical form of the minutes).",
    hashLabel: "Checksum (SHA-256)", signedAt: "Signed", notSigned: "Not signed", identity: "Identity", role: "Role", contents: "Contents",
  },
};

/** The wording catalogue of a language. */
export const protocolWording: Record<ProtocolLang, ProtocolWording> = { sv, en };
