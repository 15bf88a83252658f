import type { Kysely } from "kysely";

/**
 * A claim token per outbox lease: every claim stamps the rows it takes with a fresh `claim_id`. Only
 * the holder of the current token may extend the lease (the worker's heartbeat) or record the job's
 * outcome, so a worker whose lease ran out and was taken over cannot overwrite the new owner's result.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("claim_id", "text").execute();
}

/** Drops the claim token. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("claim_id").execute();
}
