import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "./database";
import { migrateToLatest, migrations } from "./migrate";
import { testBackends } from "./test-backends";

const allMigrations = Object.keys(migrations);

describe.each(testBackends())("migrations on $name", (backend) => {
  it("apply once when several instances migrate the same schema at the same time", async () => {
    // On PostgreSQL: four pools on one fresh schema, like service instances starting together.
    // On PGlite there is one process, so the four runs share one instance.
    const schema = `test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const first = await backend.open({ schema, migrate: false });
    const databases: Database[] = backend.name === "postgres"
      ? [first, ...(await Promise.all([1, 2, 3].map(() => backend.open({ schema, migrate: false }))))]
      : [first, first, first, first];
    try {
      const results = await Promise.all(databases.map((d) => migrateToLatest(d.db, d.schema)));
      expect(results.flatMap((r) => r.applied)).toEqual(allMigrations);
      expect(await migrateToLatest(first.db, first.schema)).toEqual({ applied: [] });

      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = ${first.schema} order by table_name`.execute(first.db);
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining([
        "assignment_log", "bodies", "conversation_refs", "decision_log", "meeting_events", "meetings", "outbox",
      ]));
    } finally {
      for (const d of new Set(databases)) await d.close();
    }
  });
});
