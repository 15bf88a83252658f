import { join } from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
/** Graph upload session chunks must be multiples of 320 KiB. */
const uploadChunkUnit = 327_680;
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
  /** How long a claimed outbox job is leased before another worker may take it over (a dead worker's jobs wait this long). */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(60 * 60_000).default(60_000),
  ARCHIVE: z.enum(["local", "sharepoint"]).default("local"),
  // The SharePoint archive (ARCHIVE=sharepoint): the library, the Graph endpoint and credential.
  SHAREPOINT_GROUP_ID: z.string().trim().min(1).optional(),
  SHAREPOINT_SITE_ID: z.string().trim().min(1).optional(),
  SHAREPOINT_DRIVE_ID: z.string().trim().min(1).optional(),
  SHAREPOINT_FOLDER: z.string().trim().default("Protokoll"),
  GRAPH_BASE_URL: z.url().regex(/^https?:\/\/[^/]+\/[^/]+\/?$/, "must be Graph's root with its version, e.g. https://graph.microsoft.com/v1.0").default("https://graph.microsoft.com/v1.0"),
  GRAPH_CREDENTIAL: z.enum(["secret", "certificate", "managed-identity"]).optional(),
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_CERTIFICATE_PATH: z.string().min(1).optional(),
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_SIMPLE_UPLOAD_MAX_BYTES: z.coerce.number().int().min(0).max(4 * 1024 * 1024).default(4 * 1024 * 1024),
  GRAPH_UPLOAD_CHUNK_BYTES: z.coerce.number().int().min(uploadChunkUnit).max(60 * 1024 * 1024 - 1)
    .refine((n) => n % uploadChunkUnit === 0, "must be a multiple of 327680 (320 KiB), as Graph upload sessions require")
    .default(32 * uploadChunkUnit),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
});

/** How the service gets its Graph token: an app secret, an app certificate, or a managed identity. */
export type GraphCredentialConfig =
  | { kind: "secret"; tenantId: string; clientId: string; clientSecret: string }
  | { kind: "certificate"; tenantId: string; clientId: string; certificatePath: string }
  | { kind: "managed-identity"; clientId?: string };

/** The SharePoint archive: the library (a group's default drive or a drive by id), folder and Graph access. */
export interface SharePointArchiveConfig {
  kind: "sharepoint";
  /** The local archive folder under the data dir (what ARCHIVE=local files in; kept for tools that read it). */
  root: string;
  target: { groupId: string } | { siteId?: string; driveId: string };
  folder: string;
  graphBaseUrl: string;
  credential: GraphCredentialConfig;
  simpleUploadMaxBytes: number;
  chunkBytes: number;
}

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
  /** The outbox worker's claim lease (ms). */
  outboxLeaseMs: number;
  /** Where sealed protocols are filed: a local folder (embedded default) under the data dir, or SharePoint. */
  /**
   * `tenantFolders`: the local archive puts a tenant folder above the body folders when the service
   * may serve several tenants; one that serves one tenant (dev mode, or one allowed Entra tenant)
   * files straight under `‹root›/‹body›/‹year›`.
   */
  archive: { kind: "local"; root: string; tenantFolders: boolean } | SharePointArchiveConfig;
  /** The bot's app registration; absent means anonymous activities (local dev only). */
  bot?: { clientId: string; clientSecret?: string; tenantId?: string };
}

type Env = z.infer<typeof EnvSchema>;

/** The Graph credential: explicit GRAPH_CREDENTIAL, else a certificate or secret when one is set (the bot's own app by default). */
function graphCredential(e: Env, problems: string[]): GraphCredentialConfig | undefined {
  const clientId = e.GRAPH_CLIENT_ID ?? e.clientId;
  const tenantId = e.GRAPH_TENANT_ID ?? e.tenantId;
  const secret = e.GRAPH_CLIENT_SECRET ?? e.clientSecret;
  const kind = e.GRAPH_CREDENTIAL ?? (e.GRAPH_CERTIFICATE_PATH ? "certificate" : secret ? "secret" : e.GRAPH_MANAGED_IDENTITY_CLIENT_ID ? "managed-identity" : undefined);
  if (!kind) {
    problems.push("GRAPH_CREDENTIAL: no Graph credential: set GRAPH_CLIENT_SECRET (or the bot's clientSecret), GRAPH_CERTIFICATE_PATH, or GRAPH_CREDENTIAL=managed-identity");
    return undefined;
  }
  if (kind === "managed-identity") return { kind, clientId: e.GRAPH_MANAGED_IDENTITY_CLIENT_ID };
  if (!clientId) problems.push("GRAPH_CLIENT_ID: the app id for Graph is required (or the bot's clientId)");
  if (!tenantId) problems.push("GRAPH_TENANT_ID: the Entra tenant the app signs in to is required (or the bot's tenantId)");
  if (kind === "secret" && !secret) problems.push("GRAPH_CLIENT_SECRET: GRAPH_CREDENTIAL=secret needs a client secret (or the bot's clientSecret)");
  if (kind === "certificate" && !e.GRAPH_CERTIFICATE_PATH) problems.push("GRAPH_CERTIFICATE_PATH: GRAPH_CREDENTIAL=certificate needs the path of a PEM file with the certificate and its private key");
  if (!clientId || !tenantId) return undefined;
  if (kind === "secret") return secret ? { kind, tenantId, clientId, clientSecret: secret } : undefined;
  return e.GRAPH_CERTIFICATE_PATH ? { kind, tenantId, clientId, certificatePath: e.GRAPH_CERTIFICATE_PATH } : undefined;
}

/** ARCHIVE=sharepoint: the library and the credential must both be set, and unambiguously. */
function sharePointConfig(e: Env, root: string): SharePointArchiveConfig {
  const problems: string[] = [];
  let target: SharePointArchiveConfig["target"] | undefined;
  if (e.SHAREPOINT_GROUP_ID && (e.SHAREPOINT_DRIVE_ID || e.SHAREPOINT_SITE_ID)) {
    problems.push("SHAREPOINT_GROUP_ID: set either the group (the team's default library) or SHAREPOINT_SITE_ID/SHAREPOINT_DRIVE_ID, not both");
  } else if (e.SHAREPOINT_GROUP_ID) target = { groupId: e.SHAREPOINT_GROUP_ID };
  else if (e.SHAREPOINT_DRIVE_ID) target = { siteId: e.SHAREPOINT_SITE_ID, driveId: e.SHAREPOINT_DRIVE_ID };
  else if (e.SHAREPOINT_SITE_ID) problems.push("SHAREPOINT_DRIVE_ID: SHAREPOINT_SITE_ID needs the document library's drive id too");
  else problems.push("SHAREPOINT_GROUP_ID: ARCHIVE=sharepoint needs the library: SHAREPOINT_GROUP_ID (the team's group id) or SHAREPOINT_DRIVE_ID (with SHAREPOINT_SITE_ID)");
  const credential = graphCredential(e, problems);
  // One library and one tenant's credential: a service open to several Entra tenants would mix their protocols.
  if (e.ENTRA_CLIENT_ID && e.ENTRA_ALLOWED_TENANTS?.length !== 1) {
    problems.push("ENTRA_ALLOWED_TENANTS: ARCHIVE=sharepoint files in one tenant's library; allow exactly that tenant");
  }
  const base = new URL(e.GRAPH_BASE_URL);
  if (base.protocol !== "https:" && !["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) {
    problems.push("GRAPH_BASE_URL: must use https (plain http only to a local stand-in on loopback)");
  }
  if (problems.length > 0 || !target || !credential) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return {
    kind: "sharepoint", root, target, folder: e.SHAREPOINT_FOLDER, graphBaseUrl: e.GRAPH_BASE_URL, credential,
    simpleUploadMaxBytes: e.GRAPH_SIMPLE_UPLOAD_MAX_BYTES, chunkBytes: e.GRAPH_UPLOAD_CHUNK_BYTES,
  };
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
  return {
    archive: e.ARCHIVE === "sharepoint"
      ? sharePointConfig(e, join(e.DATA_DIR, "archive"))
      : { kind: "local", root: join(e.DATA_DIR, "archive"), tenantFolders: entra !== undefined && entra.allowedTenants?.length !== 1 },
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
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
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
