import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "./migrate";
import { createPgliteDialect } from "./pglite-dialect";
import type { Schema } from "./schema";

interface DatabaseBase {
  readonly db: Kysely<Schema>;
  /** The PostgreSQL schema (search_path) holding Paragraf's tables. */
  readonly schema: string;
  /** Closes the pool or the PGlite instance; safe to call more than once. */
  close(): Promise<void>;
}

/** An open, migrated database: embedded PGlite or a PostgreSQL server. */
export type Database =
  | (DatabaseBase & { readonly dialect: "pglite" })
  | (DatabaseBase & { readonly dialect: "postgres"; /** For dedicated connections (LISTEN). */ readonly connectionString: string });

/** How to open the database; normally straight from the validated config. */
export interface OpenDatabaseOptions {
  /** A postgres:// URL; when set, PostgreSQL is used and `dataDir` is ignored. */
  databaseUrl?: string;
  /** Where PGlite keeps its files (`<dataDir>/pglite`), or `memory://` for a throw-away database. */
  dataDir: string;
  /** A schema to keep the tables in instead of `public` (tests isolate themselves this way). */
  schema?: string;
  /** Run migrations on open (default true); several instances may do so at once. */
  migrate?: boolean;
  /** PGlite only: start from a dumped data directory instead of running initdb (used by tests). */
  loadDataDir?: Blob;
  /** PostgreSQL only: the pool size (default 10). */
  poolSize?: number;
  /** PostgreSQL only: errors of idle pooled connections (the pool drops them either way). */
  onPoolError?: (error: Error) => void;
}

const schemaName = /^[a-z_][a-z0-9_]*$/;
const DATE_OID = 1082;
/** Dates stay `YYYY-MM-DD` text on both drivers (no time zone shifts through JS Date). */
const keepText = (value: string) => value;

/**
 * PGlite's start parameters: its defaults, but with fsync on (a commit reaches the disk before the
 * answer) and small buffers (the embedded database serves one service, not a server's load).
 */
const pgliteStartParams = [
  "--single", "-O", "-j", "-c", "search_path=public", "-c", "exit_on_error=false", "-c", "log_checkpoints=false",
  "-c", "max_worker_processes=0", "-c", "max_parallel_workers=0", "-c", "max_parallel_workers_per_gather=0", "-c", "io_method=sync",
  "-c", "max_parallel_maintenance_workers=0", "-c", "fsync=on", "-c", "shared_buffers=16MB", "-c", "work_mem=4MB", "-c", "temp_buffers=4MB",
];

/** Creates a new PGlite data directory in a child process (see pglite-initdb.mjs). */
async function initdbInChild(dir: string): Promise<void> {
  const script = fileURLToPath(new URL("./pglite-initdb.mjs", import.meta.url));
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [script, dir], (error, _stdout, stderr) =>
      error ? reject(new Error(`PGlite initdb failed: ${stderr || error.message}`)) : resolve());
  });
}

async function openPglite(options: OpenDatabaseOptions, schema: string): Promise<Database> {
  const memory = options.dataDir.startsWith("memory://");
  const dir = memory ? "memory://" : join(options.dataDir, "pglite");
  if (!memory) await mkdir(dir, { recursive: true });
  if (!memory && !options.loadDataDir && !existsSync(join(dir, "PG_VERSION"))) await initdbInChild(dir);
  const pglite = await PGlite.create(dir, {
    parsers: { [pgliteTypes.DATE]: keepText }, loadDataDir: options.loadDataDir, startParams: pgliteStartParams,
  });
  if (schema !== "public") {
    await pglite.exec(`create schema if not exists "${schema}"; set search_path to "${schema}"`);
  }
  const db = new Kysely<Schema>({ dialect: createPgliteDialect(pglite) });
  return { db, dialect: "pglite", schema, close: once(() => db.destroy()) };
}

function openPostgres(url: string, options: OpenDatabaseOptions, schema: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: schema === "public" ? undefined : `-c search_path=${schema}`,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === DATE_OID ? keepText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("error", (error) => options.onPoolError?.(error));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", schema, connectionString: url, close: once(() => db.destroy()) };
}

/** Wraps a close function so later calls wait for the first instead of closing twice. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

/**
 * Opens the database chosen by config: PostgreSQL when `databaseUrl` is set, else embedded PGlite
 * in `dataDir` (created on first start). Runs the migrations unless told not to.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const schema = options.schema ?? "public";
  if (!schemaName.test(schema)) throw new Error(`invalid database schema name: ${schema}`);
  const database = options.databaseUrl ? openPostgres(options.databaseUrl, options, schema) : await openPglite(options, schema);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db, schema);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
