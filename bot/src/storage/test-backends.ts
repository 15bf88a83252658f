import { createHash, randomUUID } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { openDatabase, type Database } from "./database";
import { migrateToLatest, migrations } from "./migrate";
import { createPgliteDialect } from "./pglite-dialect";

/** A database backend a storage test suite runs against. */
export interface TestBackend {
  name: "pglite" | "postgres";
  /**
   * Opens a fresh, isolated database (migrated unless `migrate: false`); its `close()` also removes it.
   * On PostgreSQL a given `schema` is used instead of a new random one, so several opens can share it.
   */
  open(options?: { schema?: string; migrate?: boolean }): Promise<Database>;
}

/** The installed PGlite version, to key the cached templates by. */
async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { version?: string };
  return manifest.version ?? "unknown";
}

/** A fingerprint of the migrations' code, so an edited migration never meets a stale template. */
function migrationsHash(): string {
  const source = Object.entries(migrations).map(([name, m]) => `${name}\n${String(m.up)}`).join("\n");
  return createHash("sha256").update(source).digest("hex").slice(0, 16);
}

/** A PGlite data directory dump cached in the temp dir under `name`, built once by `build`. */
async function cachedDump(name: string, build: () => Promise<Blob>): Promise<Blob> {
  const file = join(tmpdir(), `paragraf-pglite-${await pgliteVersion()}-${name}.tar.gz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const bytes = new Uint8Array(await (await build()).arrayBuffer());
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    return new Blob([bytes]);
  }
}

/**
 * Dumps of an initialised (and of a migrated) PGlite data directory. Loading one takes about a second
 * where initdb takes several, so each test file starts its in-memory PGlite quickly.
 */
const freshTemplate = () => cachedDump("fresh", async () => {
  const pglite = await PGlite.create("memory://");
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  return dump;
});
const migratedTemplate = () => cachedDump(`migrated-${migrationsHash()}`, async () => {
  const pglite = await PGlite.create("memory://", { loadDataDir: await freshTemplate() });
  const db = new Kysely<unknown>({ dialect: createPgliteDialect(pglite) });
  await migrateToLatest(db, "public");
  const dump = await pglite.dumpDataDir("gzip");
  await db.destroy();
  return dump;
});

const pgliteBackend: TestBackend = {
  name: "pglite",
  async open(options) {
    const migrate = options?.migrate !== false;
    const premigrated = migrate && options?.schema === undefined; // the migrated template has its tables in public
    const loadDataDir = premigrated ? await migratedTemplate() : await freshTemplate();
    return openDatabase({ dataDir: "memory://", loadDataDir, migrate: migrate && !premigrated, schema: options?.schema });
  },
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
