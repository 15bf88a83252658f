import { z } from "zod";
import { IdSchema, PersonSchema, SignatoryRuleSchema } from "./body";
import {
  AssignmentSchema, AttendanceSchema, ConflictSchema, DecisionSchema, ItemContentSchema, MeetingDetailsSchema, ReservationSchema,
} from "./meeting-types";

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });

const SignatorySchema = z.object({ personId: IdSchema, role: z.enum(["ordforande", "justerare", "sekreterare", "ledamot"]) });

/** Every fact that can happen to a meeting. The log of these is the meeting and its audit trail. */
export const MeetingEventSchema = z.discriminatedUnion("type", [
  ev("meeting.created", {
    meetingId: IdSchema,
    bodyId: IdSchema,
    bodyName: z.string(),
    signatoryRule: SignatoryRuleSchema,
    secretarySigns: z.boolean(),
    /** Days the signatories have to sign (the body's setting when the meeting was planned). */
    justeringDays: z.number().int().min(1).max(90).default(14),
    details: MeetingDetailsSchema,
    firstParagraph: z.number().int().min(1),
    members: z.array(PersonSchema),
  }),
  ev("meeting.detailsUpdated", { details: MeetingDetailsSchema.partial() }),
  ev("meeting.rosterSynced", { members: z.array(PersonSchema) }),
  ev("agenda.itemAdded", { itemId: IdSchema, content: ItemContentSchema, index: z.number().int().min(0), duringMeeting: z.boolean() }),
  ev("agenda.itemEdited", { itemId: IdSchema, content: ItemContentSchema.partial() }),
  ev("agenda.itemMoved", { itemId: IdSchema, fromIndex: z.number().int(), toIndex: z.number().int(), recorded: z.boolean() }),
  ev("agenda.itemWithdrawn", { itemId: IdSchema, reason: z.string().optional(), recorded: z.boolean() }),
  ev("agenda.published", {}),
  ev("roles.assigned", { chairPersonId: IdSchema.nullable(), secretaryPersonId: IdSchema.nullable(), adjusterIds: z.array(IdSchema) }),
  ev("attendance.marked", { personId: IdSchema, attendance: AttendanceSchema }),
  ev("meeting.opened", {}),
  ev("item.opened", { itemId: IdSchema }),
  ev("decision.recorded", { itemId: IdSchema, decision: DecisionSchema }),
  ev("item.closed", { itemId: IdSchema, status: z.enum(["handled", "tabled", "referredBack"]) }),
  ev("item.reopened", { itemId: IdSchema }),
  ev("assignment.added", { itemId: IdSchema, assignment: AssignmentSchema }),
  ev("assignment.removed", { itemId: IdSchema, assignmentId: IdSchema }),
  ev("reservation.recorded", { itemId: IdSchema, reservation: ReservationSchema }),
  ev("reservation.withdrawn", { itemId: IdSchema, personId: IdSchema }),
  ev("conflict.declared", { itemId: IdSchema, conflict: ConflictSchema }),
  ev("conflict.withdrawn", { itemId: IdSchema, personId: IdSchema }),
  ev("meeting.closed", {}),
  ev("protocol.drafted", {}),
  ev("protocol.sentForJustering", { version: z.number().int().min(1), hash: z.string().min(1), signatories: z.array(SignatorySchema) }),
  ev("protocol.signed", {
    personId: IdSchema, userId: z.string(), name: z.string(), role: z.string(), hash: z.string(), version: z.number().int(),
  }),
  ev("protocol.changeRequested", { personId: IdSchema, name: z.string(), comment: z.string(), version: z.number().int() }),
  ev("protocol.sealed", { hash: z.string(), version: z.number().int() }),
  ev("protocol.filed", { url: z.string() }),
]);
export type MeetingEvent = z.infer<typeof MeetingEventSchema>;
export type MeetingEventType = MeetingEvent["type"];

/** Who did something: the signed-in user and, when linked, their roster person. */
export const ActorSchema = z.object({ userId: z.string(), personId: z.string().optional(), name: z.string() });
export type Actor = z.infer<typeof ActorSchema>;

/** An event as stored in the log: position, time and author. */
export const StoredEventSchema = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  actor: ActorSchema,
  event: MeetingEventSchema,
});
export type StoredEvent = z.infer<typeof StoredEventSchema>;
