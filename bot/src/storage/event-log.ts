import { ConcurrencyConflictError, type AppendInput, type MeetingStore, type StoredEvent } from "@paragraf/shared";
import type { Kysely, Transaction } from "kysely";
import { insertJobs } from "./outbox-store";
import { insertMeetingHead, writeProjection } from "./read-models";
import type { Schema } from "./schema";

type EventLog = Pick<MeetingStore, "append" | "loadEvents" | "meetingBody">;

/** Whether an error is PostgreSQL's unique violation (23505) of the named constraint; same shape on pg and PGlite. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === "23505" && e.constraint === constraint;
}

/** The seq of the last committed event of a meeting (0 when it has none). */
async function currentSeq(db: Kysely<Schema>, tenantId: string, meetingId: string): Promise<number> {
  const row = await db.selectFrom("meeting_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("tenant_id", "=", tenantId).where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/**
 * Locks the meeting's head row (FOR UPDATE) so appends to one meeting serialise, and checks it is at
 * `expectedSeq`. A new meeting (expectedSeq 0) gets its head row; if a concurrent writer created it
 * first, the insert waits for that writer and this append is the loser.
 */
async function lockHead(trx: Transaction<Schema>, input: AppendInput): Promise<void> {
  const head = await trx.selectFrom("meetings").select("seq")
    .where("tenant_id", "=", input.tenantId).where("id", "=", input.meetingId)
    .forUpdate()
    .executeTakeFirst();
  if (head) {
    if (head.seq !== input.expectedSeq) throw new ConcurrencyConflictError(head.seq);
    return;
  }
  if (input.expectedSeq !== 0) throw new ConcurrencyConflictError(0);
  if (!(await insertMeetingHead(trx, input))) {
    const winner = await trx.selectFrom("meetings").select("seq")
      .where("tenant_id", "=", input.tenantId).where("id", "=", input.meetingId)
      .executeTakeFirst();
    throw new ConcurrencyConflictError(winner?.seq ?? 0);
  }
}

/** One append, in one transaction: head check, events, read models, outbox jobs. Committed when it resolves. */
async function append(db: Kysely<Schema>, input: AppendInput): Promise<StoredEvent[]> {
  const at = input.at.toISOString();
  const stored = input.events.map((event, i): StoredEvent => ({ seq: input.expectedSeq + i + 1, at, actor: input.actor, event }));
  try {
    await db.transaction().execute(async (trx) => {
      await lockHead(trx, input);
      if (stored.length > 0) {
        await trx.insertInto("meeting_events").values(stored.map((e) => ({
          tenant_id: input.tenantId, meeting_id: input.meetingId, seq: e.seq, type: e.event.type,
          data: JSON.stringify(e.event), actor: JSON.stringify(e.actor), at: input.at,
        }))).execute();
      }
      await writeProjection(trx, input, input.expectedSeq + stored.length);
      await insertJobs(trx, input.tenantId, input.outbox ?? []);
    });
  } catch (error) {
    // The head lock makes this unreachable in normal operation; the unique key is the last guard.
    if (isUniqueViolation(error, "meeting_events_pkey")) {
      throw new ConcurrencyConflictError(await currentSeq(db, input.tenantId, input.meetingId));
    }
    throw error;
  }
  return stored;
}

/** The event log of meetings: optimistic appends and ordered reads, scoped by tenant. */
export function eventLog(db: Kysely<Schema>): EventLog {
  return {
    append: (input) => append(db, input),

    async loadEvents(tenantId, meetingId, afterSeq = 0) {
      const rows = await db.selectFrom("meeting_events").select(["seq", "at", "actor", "data"])
        .where("tenant_id", "=", tenantId).where("meeting_id", "=", meetingId).where("seq", ">", afterSeq)
        .orderBy("seq")
        .execute();
      return rows.map((r): StoredEvent => ({ seq: r.seq, at: r.at.toISOString(), actor: r.actor, event: r.data }));
    },

    async meetingBody(tenantId, meetingId) {
      const row = await db.selectFrom("meetings").select("body_id")
        .where("tenant_id", "=", tenantId).where("id", "=", meetingId)
        .executeTakeFirst();
      return row?.body_id;
    },
  };
}
