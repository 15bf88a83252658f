import { sql, type Kysely } from "kysely";

/**
 * The bot's posted cards: which activity in which conversation shows a card, so a correction
 * updates that message instead of posting a new one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable("card_posts")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("card_key", "text", (c) => c.notNull())
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("card_posts_pkey", ["tenant_id", "conversation_id", "card_key"])
    .execute();
}

/** Drops the card posts. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("card_posts").ifExists().execute();
}
