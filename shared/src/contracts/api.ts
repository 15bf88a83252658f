import { z } from "zod";
import { BodySchema, BodySettingsSchema, IdSchema, PersonSchema } from "../domain/body";
import { MeetingCommandSchema } from "../domain/commands";
import { StoredEventSchema } from "../domain/events";
import {
  AssignmentSchema, AttendanceSchema, ConflictSchema, DecisionSchema, ItemContentSchema, MeetingDetailsSchema, ReservationSchema,
} from "../domain/meeting-types";
import { Limits } from "../domain/limits";

/** Every error answer of the API: a code and messages in Swedish and English. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ sv: z.string(), en: z.string() }),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Route params. */
export const BodyParamsSchema = z.object({ bodyId: IdSchema });
export const MeetingParamsSchema = z.object({ meetingId: IdSchema });
export const ItemParamsSchema = MeetingParamsSchema.extend({ itemId: IdSchema });
export const PersonParamsSchema = MeetingParamsSchema.extend({ personId: IdSchema });
export const ItemPersonParamsSchema = ItemParamsSchema.extend({ personId: IdSchema });
export const AssignmentParamsSchema = ItemParamsSchema.extend({ assignmentId: IdSchema });

/** Identity of the caller. */
export const MeResponseSchema = z.object({ tenantId: z.string(), userId: z.string(), name: z.string(), login: z.string().optional(), mode: z.enum(["entra", "dev"]) });

/** Dev sign-in (local mode only). */
export const DevUserSchema = z.object({ userId: z.string(), name: z.string(), description: z.string() });
export const DevUsersResponseSchema = z.object({ tenantId: z.string(), users: z.array(DevUserSchema) });
export const DevTokenRequestSchema = z.object({ userId: z.string().min(1).max(64) }).strict();
export const DevTokenResponseSchema = z.object({ token: z.string(), user: DevUserSchema, expiresInSec: z.number() });

/** Bodies. */
export const BodyResponseSchema = z.object({ body: BodySchema });
export const BodiesResponseSchema = z.object({ bodies: z.array(BodySchema) });
export const CreateBodyRequestSchema = z.object({
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(Limits.maxNameLength),
  shortName: z.string().trim().max(40).optional(),
  dnrPrefix: z.string().trim().max(40).optional(),
  roster: z.array(PersonSchema).max(Limits.maxRosterSize).optional(),
  settings: BodySettingsSchema.partial().optional(),
}).strict();
export const UpdateBodyRequestSchema = z.object({
  expectedVersion: z.number().int().min(0),
  name: z.string().trim().min(1).max(Limits.maxNameLength).optional(),
  shortName: z.string().trim().max(40).optional(),
  dnrPrefix: z.string().trim().max(40).optional(),
  roster: z.array(PersonSchema).max(Limits.maxRosterSize).optional(),
  settings: BodySettingsSchema.partial().optional(),
}).strict();

/** Meetings. */
export const CreateMeetingRequestSchema = z.object({
  id: IdSchema.optional(),
  details: MeetingDetailsSchema,
  standardAgenda: z.boolean().default(true),
}).strict();

const MeetingSummarySchema = z.object({
  meetingId: z.string(), bodyId: z.string(), title: z.string().nullable(), date: z.string(), startTime: z.string(),
  status: z.string(), firstParagraph: z.number(), lastParagraph: z.number().nullable(), itemCount: z.number(), seq: z.number(),
});
export const MeetingsResponseSchema = z.object({ meetings: z.array(MeetingSummarySchema) });

/** A meeting as the tab sees it: the folded state plus what the caller may do. */
export const MeetingResponseSchema = z.object({
  meeting: z.record(z.string(), z.unknown()),
  seq: z.number().int(),
  paragraphs: z.record(z.string(), z.number()),
  myRoles: z.array(z.string()),
  /** The caller's roster person in this meeting, when they have one (matched by user id or sign-in name). */
  myPersonId: z.string().optional(),
  canEdit: z.boolean(),
  canSign: z.boolean(),
});
export type MeetingResponse = z.infer<typeof MeetingResponseSchema>;

export const EventsQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const EventsResponseSchema = z.object({ events: z.array(StoredEventSchema), seq: z.number().int() });
export const StreamQuerySchema = z.object({ after: z.coerce.number().int().min(0).optional(), access_token: z.string().max(8192).optional() });

/** Result of any write: the new head and the events appended. */
export const CommandResponseSchema = z.object({ seq: z.number().int(), events: z.array(StoredEventSchema) });
export type CommandResponse = z.infer<typeof CommandResponseSchema>;

const seq = { expectedSeq: z.number().int().min(0) };
const withSeq = <S extends z.ZodRawShape>(shape: S) => z.object({ ...seq, ...shape }).strict();

/** Generic command endpoint body. */
export const CommandRequestSchema = withSeq({ command: MeetingCommandSchema });
export const AddItemRequestSchema = withSeq({ itemId: IdSchema.optional(), content: ItemContentSchema, index: z.number().int().min(0).max(Limits.maxItems).optional() });
export const EditItemRequestSchema = withSeq({ content: ItemContentSchema.partial() });
export const MoveItemRequestSchema = withSeq({ toIndex: z.number().int().min(0).max(Limits.maxItems) });
export const WithdrawItemRequestSchema = withSeq({ reason: z.string().trim().max(Limits.maxMotivationLength).optional() });
export const SeqOnlyRequestSchema = withSeq({});
export const UpdateMeetingDetailsRequestSchema = withSeq({ details: MeetingDetailsSchema.partial() });
export const AssignRolesRequestSchema = withSeq({
  chairPersonId: IdSchema.nullable().optional(), secretaryPersonId: IdSchema.nullable().optional(), adjusterIds: z.array(IdSchema).max(5).optional(),
});
export const MarkAttendanceRequestSchema = withSeq({ attendance: AttendanceSchema });
export const RecordDecisionRequestSchema = withSeq({ decision: DecisionSchema });
export const CloseItemRequestSchema = withSeq({ decision: DecisionSchema.optional() });
export const AddAssignmentRequestSchema = withSeq({ assignment: AssignmentSchema.extend({ id: IdSchema.optional() }) });
export const ReservationRequestSchema = withSeq({ motivation: ReservationSchema.shape.motivation });
export const ConflictRequestSchema = withSeq({ note: ConflictSchema.shape.note });
export const SendForJusteringRequestSchema = withSeq({ hash: z.string().min(1).max(128) });

/** Teams links: a Teams meeting chat (the tab context's `chat.id`, the bot's conversation id) to a Paragraf meeting. */
const TeamsIdSchema = z.string().trim().min(1).max(400).regex(/^[A-Za-z0-9:@._=+/-]+$/, "invalid Teams id");
export const TeamsLinkRequestSchema = z.object({ chatId: TeamsIdSchema, teamsMeetingId: TeamsIdSchema.optional() }).strict();
export const TeamsLinkQuerySchema = z.object({ chatId: TeamsIdSchema.optional(), teamsMeetingId: TeamsIdSchema.optional() }).strict()
  .refine((q) => q.chatId !== undefined || q.teamsMeetingId !== undefined, "chatId or teamsMeetingId is required");
export const TeamsLinkResponseSchema = z.object({ meetingId: z.string(), bodyId: z.string() });
export type TeamsLinkResponse = z.infer<typeof TeamsLinkResponseSchema>;

/** Read models. */
export const DecisionLogQuerySchema = z.object({
  from: z.iso.date().optional(), to: z.iso.date().optional(), outcome: z.string().max(40).optional(), text: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export const AssignmentLogQuerySchema = z.object({
  ownerPersonId: IdSchema.optional(), dueBefore: z.iso.date().optional(), text: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** Why a background job (filing a protocol) failed, for people: a stable code and messages in Swedish and English. */
export const JobFailureReasonSchema = z.object({ code: z.string().min(1).max(64), sv: z.string().max(1000), en: z.string().max(1000) });
export type JobFailureReason = z.infer<typeof JobFailureReasonSchema>;

/** Where the sealed protocol is on its way to the archive. */
export const ArchiveStateSchema = z.enum(["notSealed", "queued", "filing", "filed", "retrying", "failed"]);
export type ArchiveState = z.infer<typeof ArchiveStateSchema>;

/**
 * The meeting's archive status (`GET /api/meetings/:id/archive`): queued, being filed right now, filed
 * with link and time, waiting for a retry with the reason and when, or failed with an actionable reason.
 */
export const ArchiveStatusSchema = z.object({
  state: ArchiveStateSchema,
  /** The sealed protocol version being filed (0 before sealing). */
  version: z.number().int().min(0),
  url: z.string().optional(),
  filedAt: z.string().optional(),
  /** Filing attempts so far (of the current round; a manual retry starts a new one). */
  attempts: z.number().int().min(0),
  /** The last failure as people should read it, with the technical text for administrators. */
  lastError: JobFailureReasonSchema.extend({ detail: z.string().max(2000).optional() }).optional(),
  nextRetryAt: z.string().optional(),
  /** On `failed`: true when no retry could help without a change (a permission, a library); false when it gave up. */
  permanent: z.boolean().optional(),
});
export type ArchiveStatus = z.infer<typeof ArchiveStatusSchema>;
/** The answer of `GET /api/meetings/:id/archive` and of the retry. */
export const ArchiveStatusResponseSchema = z.object({
  archive: ArchiveStatusSchema,
  /** Whether the caller may queue a failed filing again (secretary or chair, and only when failed). */
  canRetry: z.boolean(),
});
export type ArchiveStatusResponse = z.infer<typeof ArchiveStatusResponseSchema>;
/** `POST /api/meetings/:id/archive/retry` takes nothing (an empty JSON object, or no body). */
export const RetryFilingRequestSchema = z.object({}).strict();
