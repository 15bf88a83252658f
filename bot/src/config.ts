import { join } from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const list = z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean));

/** The service's environment, parsed once at startup. The only reader of process.env. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_AUDIENCES: list.optional(),
  ENTRA_ALLOWED_TENANTS: list.optional(),
  ENTRA_JWKS_URL: z.url().optional(),
  DEV_TENANT_ID: z.string().min(1).default("7a1f0000-0000-4000-8000-00000000d3e0"),
  DEV_TOKEN_SECRET: z.string().min(32).optional(),
  SEED_DEMO: bool.optional(),
  // The bot's Entra app (Agents SDK naming, as App Service and the toolkit set them).
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  RUN_WORKER: bool.optional(),
  ARCHIVE: z.enum(["local", "sharepoint"]).default("local"),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
});

/** Validated configuration of the service. */
export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  entra?: { clientId: string; audiences: string[]; allowedTenants?: string[]; jwksUrl?: string };
  dev?: { tenantId: string; secret?: string };
  seedDemo: boolean;
  maxBodyBytes: number;
  /** Whether this instance runs the outbox worker (every instance may; claims never overlap). */
  runWorker: boolean;
  /** Where sealed protocols are filed: a local folder (embedded default) under the data dir. */
  archive: { kind: "local"; root: string };
  /** The bot's app registration; absent means anonymous activities (local dev only). */
  bot?: { clientId: string; clientSecret?: string; tenantId?: string };
}

/** Parses an environment into Config; throws an Error listing every bad value. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const entra = e.ENTRA_CLIENT_ID
    ? {
        clientId: e.ENTRA_CLIENT_ID,
        audiences: e.ENTRA_AUDIENCES ?? [e.ENTRA_CLIENT_ID],
        allowedTenants: e.ENTRA_ALLOWED_TENANTS,
        jwksUrl: e.ENTRA_JWKS_URL,
      }
    : undefined;
  if (!e.clientId && e.NODE_ENV === "production") {
    throw new Error("Invalid configuration:\n  clientId: the bot's app id is required in production (anonymous bot activities are for local dev only)");
  }
  if (e.ARCHIVE === "sharepoint") {
    throw new Error("Invalid configuration:\n  ARCHIVE: the SharePoint archive is not available yet; use ARCHIVE=local (the default)");
  }
  return {
    archive: { kind: "local", root: join(e.DATA_DIR, "archive") },
    bot: e.clientId ? { clientId: e.clientId, clientSecret: e.clientSecret, tenantId: e.tenantId } : undefined,
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    entra,
    dev: entra ? undefined : { tenantId: e.DEV_TENANT_ID, secret: e.DEV_TOKEN_SECRET },
    seedDemo: e.SEED_DEMO ?? !entra,
    maxBodyBytes: e.MAX_BODY_BYTES,
    runWorker: e.RUN_WORKER ?? true,
  };
}

/** Reads the process environment; exits with a clear message on a bad value. */
export function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
}
