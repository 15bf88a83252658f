import {
  AddAssignmentRequestSchema, AddItemRequestSchema, AssignRolesRequestSchema, AssignmentParamsSchema, CloseItemRequestSchema,
  CommandRequestSchema, CommandResponseSchema, ConflictRequestSchema, EditItemRequestSchema, ItemParamsSchema, ItemPersonParamsSchema,
  MarkAttendanceRequestSchema, MeetingParamsSchema, MoveItemRequestSchema, PersonParamsSchema, RecordDecisionRequestSchema,
  ReservationRequestSchema, SendForJusteringRequestSchema, SeqOnlyRequestSchema, UpdateMeetingDetailsRequestSchema, WithdrawItemRequestSchema, type MeetingCommand,
} from "@paragraf/shared";
import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { Deps } from "../../deps";
import type { Identity } from "../../auth/identity";
import { executeCommand } from "../../use-cases/execute-command";
import { verifyProtocolHash } from "../../use-cases/verify-protocol-hash";
import { identityOf } from "../server";

/** A write route: its params and body schemas and how they become one domain command. */
interface CommandRoute<P extends z.ZodType, B extends z.ZodType<{ expectedSeq: number }>> {
  method: "POST" | "PUT" | "PATCH";
  path: string;
  params: P;
  body: B;
  toCommand: (params: z.infer<P>, body: z.infer<B>, newId: () => string) => MeetingCommand;
  /** A check before the command runs that needs more than the meeting state. */
  verify?: (deps: Deps, identity: Identity, meetingId: string, body: z.infer<B>) => Promise<void>;
}

const route = <P extends z.ZodType, B extends z.ZodType<{ expectedSeq: number }>>(r: CommandRoute<P, B>) => r;
const m = "/api/meetings/:meetingId";
const item = `${m}/items/:itemId`;

/** Every write on a meeting; each maps to exactly one command and runs through `executeCommand`. */
export const commandRoutes = [
  route({ method: "POST", path: `${m}/commands`, params: MeetingParamsSchema, body: CommandRequestSchema, toCommand: (_p, b) => b.command }),
  route({ method: "PATCH", path: m, params: MeetingParamsSchema, body: UpdateMeetingDetailsRequestSchema, toCommand: (_p, b) => ({ type: "meeting.updateDetails", details: b.details }) }),
  route({ method: "POST", path: `${m}/agenda/items`, params: MeetingParamsSchema, body: AddItemRequestSchema, toCommand: (_p, b, id) => ({ type: "agenda.addItem", itemId: b.itemId ?? id(), content: b.content, index: b.index }) }),
  route({ method: "PATCH", path: `${m}/agenda/items/:itemId`, params: ItemParamsSchema, body: EditItemRequestSchema, toCommand: (p, b) => ({ type: "agenda.editItem", itemId: p.itemId, content: b.content }) }),
  route({ method: "POST", path: `${m}/agenda/items/:itemId/move`, params: ItemParamsSchema, body: MoveItemRequestSchema, toCommand: (p, b) => ({ type: "agenda.moveItem", itemId: p.itemId, toIndex: b.toIndex }) }),
  route({ method: "POST", path: `${m}/agenda/items/:itemId/withdraw`, params: ItemParamsSchema, body: WithdrawItemRequestSchema, toCommand: (p, b) => ({ type: "agenda.withdrawItem", itemId: p.itemId, reason: b.reason }) }),
  route({ method: "POST", path: `${m}/agenda/publish`, params: MeetingParamsSchema, body: SeqOnlyRequestSchema, toCommand: () => ({ type: "agenda.publish" }) }),
  route({ method: "PUT", path: `${m}/roles`, params: MeetingParamsSchema, body: AssignRolesRequestSchema, toCommand: (_p, b) => ({ type: "roles.assign", chairPersonId: b.chairPersonId, secretaryPersonId: b.secretaryPersonId, adjusterIds: b.adjusterIds }) }),
  route({ method: "PUT", path: `${m}/attendance/:personId`, params: PersonParamsSchema, body: MarkAttendanceRequestSchema, toCommand: (p, b) => ({ type: "attendance.mark", personId: p.personId, attendance: b.attendance }) }),
  route({ method: "POST", path: `${m}/open`, params: MeetingParamsSchema, body: SeqOnlyRequestSchema, toCommand: () => ({ type: "meeting.open" }) }),
  route({ method: "POST", path: `${m}/close`, params: MeetingParamsSchema, body: SeqOnlyRequestSchema, toCommand: () => ({ type: "meeting.close" }) }),
  route({ method: "POST", path: `${item}/open`, params: ItemParamsSchema, body: SeqOnlyRequestSchema, toCommand: (p) => ({ type: "item.open", itemId: p.itemId }) }),
  route({ method: "POST", path: `${item}/close`, params: ItemParamsSchema, body: CloseItemRequestSchema, toCommand: (p, b) => ({ type: "item.close", itemId: p.itemId, decision: b.decision }) }),
  route({ method: "POST", path: `${item}/reopen`, params: ItemParamsSchema, body: SeqOnlyRequestSchema, toCommand: (p) => ({ type: "item.reopen", itemId: p.itemId }) }),
  route({ method: "PUT", path: `${item}/decision`, params: ItemParamsSchema, body: RecordDecisionRequestSchema, toCommand: (p, b) => ({ type: "decision.record", itemId: p.itemId, decision: b.decision }) }),
  route({ method: "POST", path: `${item}/assignments`, params: ItemParamsSchema, body: AddAssignmentRequestSchema, toCommand: (p, b, id) => ({ type: "assignment.add", itemId: p.itemId, assignment: { ...b.assignment, id: b.assignment.id ?? id() } }) }),
  route({ method: "POST", path: `${item}/assignments/:assignmentId/remove`, params: AssignmentParamsSchema, body: SeqOnlyRequestSchema, toCommand: (p) => ({ type: "assignment.remove", itemId: p.itemId, assignmentId: p.assignmentId }) }),
  route({ method: "PUT", path: `${item}/reservations/:personId`, params: ItemPersonParamsSchema, body: ReservationRequestSchema, toCommand: (p, b) => ({ type: "reservation.record", itemId: p.itemId, reservation: { personId: p.personId, motivation: b.motivation } }) }),
  route({ method: "POST", path: `${item}/reservations/:personId/withdraw`, params: ItemPersonParamsSchema, body: SeqOnlyRequestSchema, toCommand: (p) => ({ type: "reservation.withdraw", itemId: p.itemId, personId: p.personId }) }),
  route({ method: "PUT", path: `${item}/conflicts/:personId`, params: ItemPersonParamsSchema, body: ConflictRequestSchema, toCommand: (p, b) => ({ type: "conflict.declare", itemId: p.itemId, conflict: { personId: p.personId, note: b.note } }) }),
  route({ method: "POST", path: `${item}/conflicts/:personId/withdraw`, params: ItemPersonParamsSchema, body: SeqOnlyRequestSchema, toCommand: (p) => ({ type: "conflict.withdraw", itemId: p.itemId, personId: p.personId }) }),
  route({ method: "POST", path: `${m}/protocol/draft`, params: MeetingParamsSchema, body: SeqOnlyRequestSchema, toCommand: () => ({ type: "protocol.draft" }) }),
  route({ method: "POST", path: `${m}/protocol/send-for-justering`, params: MeetingParamsSchema, body: SendForJusteringRequestSchema, toCommand: (_p, b) => ({ type: "protocol.sendForJustering", hash: b.hash }), verify: (deps, identity, meetingId, b) => verifyProtocolHash({ deps, identity, meetingId, hash: b.hash }) }),
];

/** Registers the write routes: parse → authenticate (hook) → use-case → present. */
export function registerMeetingCommandRoutes(app: FastifyInstance, deps: Deps): void {
  for (const r of commandRoutes) {
    app.route({
      method: r.method,
      url: r.path,
      handler: async (req) => {
        const params = r.params.parse(req.params) as { meetingId: string };
        const body = r.body.parse(req.body ?? {});
        const command = (r.toCommand as (p: unknown, b: unknown, id: () => string) => MeetingCommand)(params, body, () => deps.ids.next());
        const identity = identityOf(req);
        if ("verify" in r && r.verify) await (r.verify as (d: Deps, i: Identity, m: string, b: unknown) => Promise<void>)(deps, identity, params.meetingId, body);
        const result = await executeCommand({ deps, identity, meetingId: params.meetingId, expectedSeq: body.expectedSeq, command });
        return CommandResponseSchema.parse(result);
      },
    });
  }
}
