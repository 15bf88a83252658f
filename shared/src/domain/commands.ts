import { z } from "zod";
import { IdSchema } from "./body";
import {
  AssignmentSchema, AttendanceSchema, ConflictSchema, DecisionSchema, ItemContentSchema, MeetingDetailsSchema, ReservationSchema,
} from "./meeting-types";
import { Limits } from "./limits";

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape }).strict();

/** Every change a user can ask of a meeting. Ids of new entries are chosen by the caller (server fills missing ones). */
export const MeetingCommandSchema = z.discriminatedUnion("type", [
  cmd("meeting.updateDetails", { details: MeetingDetailsSchema.partial() }),
  cmd("agenda.addItem", { itemId: IdSchema, content: ItemContentSchema, index: z.number().int().min(0).max(Limits.maxItems).optional() }),
  cmd("agenda.editItem", { itemId: IdSchema, content: ItemContentSchema.partial() }),
  cmd("agenda.moveItem", { itemId: IdSchema, toIndex: z.number().int().min(0).max(Limits.maxItems) }),
  cmd("agenda.withdrawItem", { itemId: IdSchema, reason: z.string().trim().max(Limits.maxMotivationLength).optional() }),
  cmd("agenda.publish", {}),
  cmd("roles.assign", {
    chairPersonId: IdSchema.nullable().optional(),
    secretaryPersonId: IdSchema.nullable().optional(),
    adjusterIds: z.array(IdSchema).max(5).optional(),
  }),
  cmd("attendance.mark", { personId: IdSchema, attendance: AttendanceSchema }),
  cmd("meeting.open", {}),
  cmd("item.open", { itemId: IdSchema }),
  cmd("decision.record", { itemId: IdSchema, decision: DecisionSchema }),
  cmd("item.close", { itemId: IdSchema, decision: DecisionSchema.optional() }),
  cmd("item.reopen", { itemId: IdSchema }),
  cmd("assignment.add", { itemId: IdSchema, assignment: AssignmentSchema }),
  cmd("assignment.remove", { itemId: IdSchema, assignmentId: IdSchema }),
  cmd("reservation.record", { itemId: IdSchema, reservation: ReservationSchema }),
  cmd("reservation.withdraw", { itemId: IdSchema, personId: IdSchema }),
  cmd("conflict.declare", { itemId: IdSchema, conflict: ConflictSchema }),
  cmd("conflict.withdraw", { itemId: IdSchema, personId: IdSchema }),
  cmd("meeting.close", {}),
  cmd("protocol.draft", {}),
  cmd("protocol.sendForJustering", { hash: z.string().min(1).max(128) }),
  cmd("protocol.sign", { hash: z.string().min(1).max(128) }),
  cmd("protocol.requestChange", { comment: z.string().trim().min(1).max(Limits.maxMotivationLength) }),
  cmd("protocol.markFiled", { url: z.url().max(Limits.maxUrlLength) }),
]);
export type MeetingCommand = z.infer<typeof MeetingCommandSchema>;
export type MeetingCommandType = MeetingCommand["type"];
