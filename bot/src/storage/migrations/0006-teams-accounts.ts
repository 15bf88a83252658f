import { sql, type Kysely } from "kysely";

/**
 * The Teams accounts the bot knows, per tenant: the Entra object id of a roster person mapped to
 * their Teams user id (`29:…`), with e-mail and UPN to match roster people who have no object id
 * linked, and the bot's 1:1 conversation with them once it exists. Filled from who speaks to the bot
 * and from the members of the chats it is in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable("teams_accounts")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("aad_object_id", "text", (c) => c.notNull())
    .addColumn("teams_user_id", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("upn", "text")
    .addColumn("personal_conversation_id", "text")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("teams_accounts_pkey", ["tenant_id", "aad_object_id"])
    .execute();
  await db.schema.createIndex("teams_accounts_email_idx").on("teams_accounts").columns(["tenant_id", "email"]).execute();
  await db.schema.createIndex("teams_accounts_upn_idx").on("teams_accounts").columns(["tenant_id", "upn"]).execute();
}

/** Drops the Teams accounts. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("teams_accounts").ifExists().execute();
}
