import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from "kysely";
import * as initial from "./migrations/0001-initial";
import * as cardPosts from "./migrations/0002-card-posts";
import * as teamsLinks from "./migrations/0003-teams-links";
import * as archiveUploads from "./migrations/0004-archive-uploads";
import * as teamsAccounts from "./migrations/0006-teams-accounts";
import * as outboxClaims from "./migrations/0007-outbox-claims";

/**
 * Every migration, in order, for PGlite and PostgreSQL alike. Listed statically (no directory scan)
 * so bundling and tests see exactly the same set. Add new ones at the end; never edit a released one.
 */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-card-posts": cardPosts,
  "0003-teams-links": teamsLinks,
  "0004-archive-uploads": archiveUploads,
  "0006-teams-accounts": teamsAccounts,
  "0007-outbox-claims": outboxClaims,
};

/** What a migration run did: the names applied now, in order (empty when already up to date). */
export interface MigrateResult {
  applied: string[];
}

/** Builds the `migrateToLatest` error message naming the migration that failed. */
function describeFailure(results: readonly MigrationResult[] | undefined, error: unknown): Error {
  const failed = results?.find((r) => r.status === "Error")?.migrationName;
  const cause = error instanceof Error ? error : new Error(String(error));
  return new Error(`database migration ${failed ?? "setup"} failed: ${cause.message}`, { cause });
}

/**
 * Brings `schema` up to date with every migration. Safe to call from several processes at once:
 * it holds a PostgreSQL session advisory lock (per schema) on one connection for the whole run,
 * and creates the schema itself under that lock. Works the same on PGlite.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, schema: string, set: Record<string, Migration> = migrations): Promise<MigrateResult> {
  return db.connection().execute(async (conn) => {
    const lockKey = `paragraf.migrate.${schema}`;
    await sql`select pg_advisory_lock(hashtext(${lockKey}))`.execute(conn);
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
      const migrator = new Migrator({
        db: conn,
        provider: { getMigrations: async () => set },
        migrationTableSchema: schema,
        // Migrations run in name order; numbers are reserved per change, so one may land after a higher
        // number already ran (0004 before 0003): apply it then instead of refusing to start.
        allowUnorderedMigrations: true,
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw describeFailure(results, error);
      return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lockKey}))`.execute(conn);
    }
  });
}
