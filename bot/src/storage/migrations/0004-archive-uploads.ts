import { sql, type Kysely } from "kysely";

/**
 * Graph upload sessions in progress, one per tenant and filing job: after a crash the next attempt
 * (in any instance) resumes the same session from Graph's `nextExpectedRanges`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable("archive_uploads")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("job_key", "text", (c) => c.notNull())
    .addColumn("upload_url", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("archive_uploads_pkey", ["tenant_id", "job_key"])
    .execute();
}

/** Drops the upload sessions. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("archive_uploads").ifExists().execute();
}
