import { randomUUID } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { openDatabase, type Database } from "./database";

/** A database backend a storage test suite runs against. */
export interface TestBackend {
  name: "pglite" | "postgres";
  /**
   * Opens a fresh, isolated database (migrated unless `migrate: false`); its `close()` also removes it.
   * On PostgreSQL a given `schema` is used instead of a new random one, so several opens can share it.
   */
  open(options?: { schema?: string; migrate?: boolean }): Promise<Database>;
}

/** The installed PGlite version, to key the cached template by. */
async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { version?: string };
  return manifest.version ?? "unknown";
}

/**
 * A dump of a freshly initialised PGlite data directory, cached in the temp dir. Loading it takes about
 * a second where initdb takes several, so each test file starts its in-memory PGlite quickly.
 */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `paragraf-pglite-template-${await pgliteVersion()}.tar.gz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const pglite = await PGlite.create("memory://");
    const dump = await pglite.dumpDataDir("gzip");
    await pglite.close();
    const bytes = new Uint8Array(await dump.arrayBuffer());
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    return new Blob([bytes]);
  }
}

const pgliteBackend: TestBackend = {
  name: "pglite",
  open: async (options) => openDatabase({ dataDir: "memory://", loadDataDir: await pgliteTemplate(), migrate: options?.migrate }),
};

/** PostgreSQL: a fresh random schema per open, dropped again on close. */
function postgresBackend(databaseUrl: string): TestBackend {
  return {
    name: "postgres",
    async open(options) {
      const schema = options?.schema ?? `test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
      const database = await openDatabase({ databaseUrl, dataDir: "", schema, migrate: options?.migrate });
      const close = async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
        await database.close();
      };
      let closing: Promise<void> | undefined;
      return { ...database, close: () => (closing ??= close()) };
    },
  };
}

/**
 * The backends to run storage suites against: PGlite always, PostgreSQL too when DATABASE_URL is set
 * (as in CI). Use with `describe.each(testBackends())`.
 */
export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  if (!url) console.warn("PostgreSQL storage suite not run: DATABASE_URL is unset (PGlite only).");
  return url ? [pgliteBackend, postgresBackend(url)] : [pgliteBackend];
}
