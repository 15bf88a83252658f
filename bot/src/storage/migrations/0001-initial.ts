import { sql, type Kysely } from "kysely";

/** Creates every table of the first release; each row carries its tenant id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable("bodies")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("doc", "jsonb", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("bodies_pkey", ["tenant_id", "id"])
    .execute();

  await db.schema.createTable("meetings")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("body_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("first_paragraph", "integer", (c) => c.notNull())
    .addColumn("last_paragraph", "integer")
    .addColumn("item_count", "integer", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("meetings_pkey", ["tenant_id", "id"])
    .execute();
  await db.schema.createIndex("meetings_body_date_idx").on("meetings").columns(["tenant_id", "body_id", "date"]).execute();

  await db.schema.createTable("meeting_events")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("actor", "jsonb", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_events_pkey", ["tenant_id", "meeting_id", "seq"])
    .execute();

  await db.schema.createTable("decision_log")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("body_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("paragraph", "integer", (c) => c.notNull())
    .addColumn("meeting_date", "date", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("clauses", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("decision_log_pkey", ["tenant_id", "meeting_id", "item_id"])
    .execute();
  await db.schema.createIndex("decision_log_body_idx").on("decision_log").columns(["tenant_id", "body_id", "meeting_date", "paragraph"]).execute();

  await db.schema.createTable("assignment_log")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("body_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("assignment_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("paragraph", "integer", (c) => c.notNull())
    .addColumn("meeting_date", "date", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("owner_person_id", "text")
    .addColumn("task", "text", (c) => c.notNull())
    .addColumn("due", "date")
    .addPrimaryKeyConstraint("assignment_log_pkey", ["tenant_id", "meeting_id", "assignment_id"])
    .execute();
  await db.schema.createIndex("assignment_log_body_idx").on("assignment_log").columns(["tenant_id", "body_id", "meeting_date", "paragraph"]).execute();

  await db.schema.createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("run_at", "timestamptz", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("locked_until", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("outbox_tenant_key_unique", ["tenant_id", "key"])
    .addCheckConstraint("outbox_status_check", sql`status in ('pending', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex("outbox_due_idx").on("outbox").columns(["run_at"]).where(sql.ref("status"), "=", "pending").execute();

  await db.schema.createTable("conversation_refs")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("body_id", "text")
    .addColumn("meeting_id", "text")
    .addColumn("reference", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("conversation_refs_pkey", ["tenant_id", "conversation_id"])
    .execute();
  await db.schema.createIndex("conversation_refs_meeting_idx").on("conversation_refs").columns(["tenant_id", "meeting_id"]).execute();
}

/** Drops every table of the first release. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["conversation_refs", "outbox", "assignment_log", "decision_log", "meeting_events", "meetings", "bodies"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
