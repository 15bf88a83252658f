import { sql, type Kysely } from "kysely";

/**
 * Links from Teams to Paragraf meetings, kept on the conversation reference of the meeting chat
 * (whose conversation id is the tab context's `chat.id`): the Teams meeting id beside it, and whether
 * the row carries a real Bot Framework reference yet. The tab may link a chat before the bot has seen
 * it; that row is a placeholder (`has_reference` false) until the bot's first activity there replaces
 * its reference and keeps the link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("conversation_refs").addColumn("teams_meeting_id", "text").execute();
  await db.schema.alterTable("conversation_refs").addColumn("has_reference", "boolean", (c) => c.notNull().defaultTo(true)).execute();
  await db.schema.createIndex("conversation_refs_teams_meeting_idx").on("conversation_refs").columns(["tenant_id", "teams_meeting_id"])
    .where(sql.ref("teams_meeting_id"), "is not", null).execute();
}

/** Drops the Teams link columns (placeholder rows go with them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from conversation_refs where has_reference = false`.execute(db);
  await db.schema.dropIndex("conversation_refs_teams_meeting_idx").ifExists().execute();
  await db.schema.alterTable("conversation_refs").dropColumn("has_reference").execute();
  await db.schema.alterTable("conversation_refs").dropColumn("teams_meeting_id").execute();
}
