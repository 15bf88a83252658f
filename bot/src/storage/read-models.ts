import type {
  AppendInput, AssignmentLogFilter, AssignmentLogRow, DecisionLogFilter, DecisionLogRow, MeetingStore, MeetingSummary,
} from "@paragraf/shared";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Schema } from "./schema";

type ReadModelQueries = Pick<MeetingStore, "listMeetings" | "lastParagraphOfYear" | "listDecisions" | "listAssignments">;

/** Case-insensitive substring test in SQL; `strpos` needs no escaping of `%` or `_` in user text. */
const contains = (column: string, text: string) => sql<boolean>`strpos(lower(${sql.ref(column)}), lower(${text})) > 0`;

/** The meetings-list columns of a summary (the head row's seq is written separately). */
function summaryColumns(summary: MeetingSummary) {
  return {
    title: summary.title, date: summary.date, start_time: summary.startTime, status: summary.status,
    first_paragraph: summary.firstParagraph, last_paragraph: summary.lastParagraph, item_count: summary.itemCount,
  };
}

/** Creates the head row of a new meeting at seq 0; false when another writer created it first. */
export async function insertMeetingHead(trx: Transaction<Schema>, input: AppendInput): Promise<boolean> {
  const inserted = await trx.insertInto("meetings")
    .values({ tenant_id: input.tenantId, id: input.meetingId, body_id: input.bodyId, seq: 0, ...summaryColumns(input.projection.summary) })
    .onConflict((oc) => oc.columns(["tenant_id", "id"]).doNothing())
    .returning("seq")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Writes the meeting's read models after an append: the head/summary row, and its decision and assignment rows replaced. */
export async function writeProjection(trx: Transaction<Schema>, input: AppendInput, seq: number): Promise<void> {
  const { tenantId, meetingId, bodyId, projection } = input;
  await trx.updateTable("meetings")
    .set({ ...summaryColumns(projection.summary), body_id: bodyId, seq, updated_at: new Date() })
    .where("tenant_id", "=", tenantId).where("id", "=", meetingId)
    .execute();
  const keys = { tenant_id: tenantId, meeting_id: meetingId, body_id: bodyId };
  const changed = input.changed ?? { decisions: true, assignments: true };
  if (changed.decisions) await trx.deleteFrom("decision_log").where("tenant_id", "=", tenantId).where("meeting_id", "=", meetingId).execute();
  if (changed.decisions && projection.decisions.length > 0) {
    await trx.insertInto("decision_log").values(projection.decisions.map((d) => ({
      ...keys, item_id: d.itemId, paragraph: d.paragraph, meeting_date: d.meetingDate, title: d.title,
      outcome: d.outcome, clauses: JSON.stringify(d.clauses), status: d.status,
    }))).execute();
  }
  if (changed.assignments) await trx.deleteFrom("assignment_log").where("tenant_id", "=", tenantId).where("meeting_id", "=", meetingId).execute();
  if (changed.assignments && projection.assignments.length > 0) {
    await trx.insertInto("assignment_log").values(projection.assignments.map((a, position) => ({
      ...keys, item_id: a.itemId, assignment_id: a.assignmentId, position, paragraph: a.paragraph, meeting_date: a.meetingDate,
      owner: a.owner, owner_person_id: a.ownerPersonId, task: a.task, due: a.due,
    }))).execute();
  }
}

/** Queries over the meetings, decision and assignment read models, all scoped by tenant. */
export function readModelQueries(db: Kysely<Schema>): ReadModelQueries {
  return {
    async listMeetings(tenantId, bodyId) {
      const rows = await db.selectFrom("meetings").selectAll()
        .where("tenant_id", "=", tenantId).where("body_id", "=", bodyId)
        .orderBy("date").orderBy("start_time").orderBy("id")
        .execute();
      return rows.map((r): MeetingSummary => ({
        meetingId: r.id, bodyId: r.body_id, title: r.title, date: r.date, startTime: r.start_time, status: r.status,
        firstParagraph: r.first_paragraph, lastParagraph: r.last_paragraph, itemCount: r.item_count, seq: r.seq,
      }));
    },

    async lastParagraphOfYear(tenantId, bodyId, year) {
      const y = String(year).padStart(4, "0");
      const next = String(year + 1).padStart(4, "0");
      const row = await db.selectFrom("meetings")
        .select((eb) => eb.fn.max("last_paragraph").as("last"))
        .where("tenant_id", "=", tenantId).where("body_id", "=", bodyId)
        .where("date", ">=", `${y}-01-01`).where("date", "<", `${next}-01-01`)
        .executeTakeFirst();
      return row?.last ?? undefined;
    },

    async listDecisions(tenantId, filter: DecisionLogFilter) {
      let query = db.selectFrom("decision_log").selectAll()
        .where("tenant_id", "=", tenantId).where("body_id", "=", filter.bodyId);
      if (filter.from) query = query.where("meeting_date", ">=", filter.from);
      if (filter.to) query = query.where("meeting_date", "<=", filter.to);
      if (filter.outcome) query = query.where(sql.ref<string>("outcome"), "=", filter.outcome);
      const text = filter.text?.trim();
      if (text) {
        const inClauses = sql<boolean>`exists (select 1 from jsonb_array_elements_text(clauses) as c(clause) where strpos(lower(c.clause), lower(${text})) > 0)`;
        query = query.where((eb) => eb.or([contains("title", text), inClauses]));
      }
      query = query.orderBy("meeting_date").orderBy("paragraph").orderBy("meeting_id");
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      const rows = await query.execute();
      return rows.map((r): DecisionLogRow => ({
        meetingId: r.meeting_id, bodyId: r.body_id, itemId: r.item_id, paragraph: r.paragraph, meetingDate: r.meeting_date,
        title: r.title, outcome: r.outcome, clauses: r.clauses, status: r.status,
      }));
    },

    async listAssignments(tenantId, filter: AssignmentLogFilter) {
      let query = db.selectFrom("assignment_log").selectAll()
        .where("tenant_id", "=", tenantId).where("body_id", "=", filter.bodyId);
      if (filter.ownerPersonId) query = query.where("owner_person_id", "=", filter.ownerPersonId);
      if (filter.dueBefore) query = query.where("due", "<", filter.dueBefore);
      const text = filter.text?.trim();
      if (text) query = query.where((eb) => eb.or([contains("task", text), contains("owner", text)]));
      query = query.orderBy("meeting_date").orderBy("paragraph").orderBy("meeting_id").orderBy("position");
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      const rows = await query.execute();
      return rows.map((r): AssignmentLogRow => ({
        meetingId: r.meeting_id, bodyId: r.body_id, itemId: r.item_id, assignmentId: r.assignment_id, paragraph: r.paragraph,
        meetingDate: r.meeting_date, owner: r.owner, ownerPersonId: r.owner_person_id, task: r.task, due: r.due,
      }));
    },
  };
}
