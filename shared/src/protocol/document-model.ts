/**
 * The protocol document model: everything a protocol says, already worded in one language, in the
 * order it is read. Renderers (PDF, HTML, DOCX) only lay it out; the hash covers `content`.
 */

/** Languages a protocol can be worded in. */
export type ProtocolLang = "sv" | "en";

/** A labelled line of the header: "Datum och tid", "Plats", "Ärenden", "Dnr". */
export interface HeaderField {
  label: string;
  value: string;
}

/** One person in an attendance list. */
export interface AttendeeLine {
  name: string;
  organisation: string;
  /** Role notes: "ordförande", "justerare", "ersättare för X", "deltog till § 10". */
  notes: string[];
}

/** An attendance section: Närvarande, Frånvarande, Adjungerade, Övriga tjänstepersoner, Protokollförare. */
export interface AttendanceSection {
  kind: "present" | "absent" | "unrecorded" | "coopted" | "officials" | "secretary";
  heading: string;
  /** For a joint meeting: the body this section lists. */
  bodyName?: string;
  people: AttendeeLine[];
}

/** A block of text inside a paragraph. `lead` is printed first, then `items` as a list. */
export interface ParagraphBlock {
  kind: "agendaChanges" | "decision" | "vote" | "followUp" | "assignments" | "reservations" | "conflicts" | "note";
  /** Short label a renderer may show ("Beslut", "Uppdrag"); not repeated in `lead`. */
  label?: string;
  lead?: string;
  items: string[];
}

/** One paragraph (§ / ärende). */
export interface ProtocolParagraph {
  itemId: string;
  number: number;
  /** "§ 46" */
  label: string;
  title: string;
  /** "Beslutsärende", "Informationsärende"; absent for standard items. */
  kindLabel?: string;
  /** "Föredragande: A, B" */
  presenters?: string;
  /** Background text split into paragraphs. */
  background: string[];
  /** "Beslutsunderlag" lines: attachment titles, with links when given. */
  attachments: { title: string; url?: string }[];
  attachmentsLabel?: string;
  blocks: ParagraphBlock[];
}

/** A person who must approve the protocol, with the role they sign in. */
export interface SignatoryLine {
  personId: string;
  name: string;
  role: "ordforande" | "justerare" | "sekreterare" | "ledamot";
  roleLabel: string;
  organisation: string;
}

/** The hashed content of a protocol: what signatories approve. */
export interface ProtocolContent {
  format: "paragraf.protocol/1";
  lang: ProtocolLang;
  documentType: "protokoll" | "minnesanteckningar";
  /** "Protokoll Länssamverkansgruppen" */
  title: string;
  /** "Protokoll", "Minnesanteckningar" */
  documentTypeLabel: string;
  /** The body, or for a joint meeting the bodies joined by "och". */
  bodyName: string;
  /** Other bodies taking part in a joint meeting. */
  jointWith: string[];
  /** Meeting title when the secretary gave one ("Extra insatt sammanträde"). */
  subtitle?: string;
  meetingId: string;
  date: string;
  fields: HeaderField[];
  attendance: AttendanceSection[];
  paragraphs: ProtocolParagraph[];
  justering: {
    heading: string;
    /** "Mats Ledamot justerar protokollet tillsammans med ordföranden." */
    statement: string;
    signatories: SignatoryLine[];
  };
}

/** A recorded signature, shown on the signature page (not hashed: it refers to the hash). */
export interface SignatureLine {
  personId: string;
  name: string;
  roleLabel: string;
  /** ISO time of signing and the same shown in Swedish time. */
  at: string;
  atText: string;
  userId: string;
  hash: string;
}

/** Where the protocol stands: shown around the content, outside the hash. */
export interface ProtocolRecord {
  status: "draft" | "inJustering" | "sealed";
  statusLabel: string;
  version: number;
  signatures: SignatureLine[];
  sealedAt?: string;
  /** The sealing time in Swedish time, as printed. */
  sealedAtText?: string;
  /** The hash sent for justering, when one was. */
  sentHash?: string;
}

/** A protocol document: hashed content plus its justering record. */
export interface ProtocolDocument {
  content: ProtocolContent;
  record: ProtocolRecord;
  /** SHA-256 of the canonical JSON of `content`. */
  hash: string;
  /** Labels the renderers need around the content (page numbers, signature page). */
  labels: RenderLabels;
}

/** Words the renderers print around the content. */
export interface RenderLabels {
  page: string;
  of: string;
  draft: string;
  signaturePage: string;
  signatureIntro: string;
  hashLabel: string;
  signedAt: string;
  notSigned: string;
  identity: string;
  role: string;
  contents: string;
}
