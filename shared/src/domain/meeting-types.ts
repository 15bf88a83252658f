import { z } from "zod";
import type { PersonSchema, SignatoryRuleSchema} from "./body";
import { DateSchema, IdSchema, TimeSchema } from "./body";
import { Limits } from "./limits";

const text = (max: number) => z.string().trim().max(max);

/** Agenda item kinds, the standard items included (DOMAIN.md). */
export const ItemKindSchema = z.enum([
  "decision", // Beslutsärende
  "writtenDecision", // Skriftligt beslutsärende
  "information", // Informationsärende
  "oralInformation", // Muntligt informationsärende
  "opening", // Mötet öppnas
  "electAdjusters", // Val av justerare
  "approveAgenda", // Godkännande av dagordning
  "previousMinutes", // Föregående protokoll
  "assignmentFollowUp", // Återkoppling av uppdrag
  "otherBusiness", // Övriga frågor
  "toOtherBody", // Ärenden till annat organ
  "summary", // Genomgång och sammanfattning av beslut
  "nextMeeting", // Nästa möte
  "closing", // Mötet avslutas
]);
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** Item kinds that are standard points of every meeting. */
export const standardKinds: readonly ItemKind[] = [
  "opening", "electAdjusters", "approveAgenda", "previousMinutes", "otherBusiness", "summary", "nextMeeting", "closing",
];

export const ItemStatusSchema = z.enum(["pending", "current", "handled", "tabled", "referredBack", "withdrawn"]);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const AttachmentSchema = z.object({
  title: text(Limits.maxTitleLength).min(1),
  url: z.url().max(Limits.maxUrlLength).refine((u) => /^https?:/i.test(u), "http(s) only").optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Editable content of an agenda item. */
export const ItemContentSchema = z.object({
  kind: ItemKindSchema,
  title: text(Limits.maxTitleLength).min(1),
  presenters: z.array(text(Limits.maxNameLength).min(1)).max(Limits.maxPresenters).default([]),
  background: text(Limits.maxBackgroundLength).default(""),
  attachments: z.array(AttachmentSchema).max(Limits.maxAttachments).default([]),
  /** For "återkoppling av uppdrag": the assignment this item follows up. */
  followsUpAssignmentId: IdSchema.optional(),
});
export type ItemContent = z.infer<typeof ItemContentSchema>;

export const OutcomeSchema = z.enum(["decided", "informationNoted", "recommendation", "tabled", "referredBack", "forwarded"]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A decision: att-clauses and an outcome, with what the outcome needs. */
export const DecisionSchema = z.object({
  outcome: OutcomeSchema,
  clauses: z.array(text(Limits.maxClauseLength).min(1)).max(Limits.maxClauses).default([]),
  motivation: text(Limits.maxMotivationLength).optional(),
  recipient: text(Limits.maxNameLength).optional(),
  followUpDate: DateSchema.optional(),
  vote: z.object({ yes: z.number().int().min(0).max(10_000), no: z.number().int().min(0).max(10_000), abstain: z.number().int().min(0).max(10_000) }).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const AssignmentSchema = z.object({
  id: IdSchema,
  owner: text(Limits.maxNameLength).min(1),
  ownerPersonId: IdSchema.optional(),
  task: text(Limits.maxTaskLength).min(1),
  due: DateSchema.optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ReservationSchema = z.object({ personId: IdSchema, motivation: text(Limits.maxMotivationLength).optional() });
export type Reservation = z.infer<typeof ReservationSchema>;

export const ConflictSchema = z.object({ personId: IdSchema, note: text(Limits.maxMotivationLength).optional() });
export type Conflict = z.infer<typeof ConflictSchema>;

/** An agenda item (ärende) as held in meeting state. */
export interface AgendaItem extends ItemContent {
  id: string;
  status: ItemStatus;
  decision?: Decision;
  assignments: Assignment[];
  reservations: Reservation[];
  conflicts: Conflict[];
  addedDuringMeeting: boolean;
  withdrawnReason?: string;
}

export const AttendanceStatusSchema = z.enum(["present", "absent", "partial"]);
export const AttendanceSchema = z.object({
  status: AttendanceStatusSchema,
  fromParagraph: z.number().int().min(1).optional(),
  toParagraph: z.number().int().min(1).optional(),
  substituteFor: IdSchema.optional(),
  note: text(300).optional(),
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A recorded agenda change, stated in the protocol under the agenda paragraph. */
export type AgendaChange =
  | { kind: "added"; itemId: string; title: string }
  | { kind: "withdrawn"; itemId: string; title: string; reason?: string }
  | { kind: "moved"; itemId: string; title: string; fromIndex: number; toIndex: number };

export const MeetingStatusSchema = z.enum(["planned", "open", "closed", "drafted", "inJustering", "sealed", "filed"]);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const MeetingDetailsSchema = z.object({
  title: text(Limits.maxTitleLength).optional(),
  dnr: text(60).optional(),
  date: DateSchema,
  startTime: TimeSchema,
  endTime: TimeSchema.optional(),
  place: text(200).optional(),
  teamsMeetingId: z.string().max(500).optional(),
  teamsChatId: z.string().max(500).optional(),
});
export type MeetingDetails = z.infer<typeof MeetingDetailsSchema>;

export const SignatureSchema = z.object({
  personId: IdSchema,
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  hash: z.string(),
  version: z.number().int(),
  at: z.string(),
});
export type Signature = z.infer<typeof SignatureSchema>;

/** A signatory required to approve the protocol, with the role they sign in. */
export interface Signatory {
  personId: string;
  role: "ordforande" | "justerare" | "sekreterare" | "ledamot";
}

export interface ProtocolState {
  version: number;
  hash?: string;
  signatories: Signatory[];
  signatures: Signature[];
  changeRequests: { personId: string; name: string; comment: string; version: number; at: string }[];
  sentAt?: string;
  sealedAt?: string;
  filed?: { url: string; at: string };
}

/** The whole state of a meeting: a fold of its event log. */
export interface MeetingState {
  id: string;
  tenantId: string;
  bodyId: string;
  bodyName: string;
  signatoryRule: z.infer<typeof SignatoryRuleSchema>;
  secretarySigns: boolean;
  justeringDays: number;
  details: MeetingDetails;
  status: MeetingStatus;
  agendaPublishedAt?: string;
  firstParagraph: number;
  members: z.infer<typeof PersonSchema>[];
  items: AgendaItem[];
  currentItemId?: string;
  attendance: Record<string, Attendance>;
  roles: { chairPersonId?: string; secretaryPersonId?: string; adjusterIds: string[] };
  agendaChanges: AgendaChange[];
  protocol: ProtocolState;
  openedAt?: string;
  closedAt?: string;
  seq: number;
}
