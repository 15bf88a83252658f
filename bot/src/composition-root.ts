import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CloudAdapter } from "@microsoft/agents-hosting";
import type { FastifyInstance } from "fastify";
import { pino, type Logger } from "pino";
import type { Clock, Ids } from "@paragraf/shared";
import { createAgentAdapter } from "./agent/agent-adapter";
import { cardJobHandlers } from "./agent/card-jobs";
import { filingCardJobHandlers, filingGaveUpJobs } from "./agent/filing-card-jobs";
import { fileProtocolJobHandlers } from "./archive/file-protocol-job";
import { createConfiguredArchive } from "./archive/create-archive";
import { createCardSender, tenantRate } from "./agent/card-sender";
import { createTokenBucket } from "./agent/rate-limits";
import { createTeamsDirectory } from "./agent/teams-directory";
import { ParagrafAgent } from "./agent/paragraf-agent";
import { createOutboxWorker, type OutboxWorker } from "./outbox/outbox-worker";
import { createAuthenticator, type Authenticator } from "./auth/authenticator";
import type { Config } from "./config";
import type { Deps } from "./deps";
import { demoUsers } from "./demo/demo-body";
import { seedDemo } from "./demo/seed-demo";
import { buildServer } from "./http/server";
import { createLiveHub } from "./live/live-hub";
import { createMeetingLoader } from "./meetings/meeting-loader";
import { openDatabase } from "./storage/database";
import { createEventBus } from "./storage/event-bus";
import { createSqlMeetingStore } from "./storage/sql-meeting-store";

/** A composed, not yet listening, service. */
export interface App {
  server: FastifyInstance;
  deps: Deps;
  auth: Authenticator;
  config: Config;
  dialect: "pglite" | "postgres";
  demoMeetingId?: string;
  /** The Bot Framework adapter the agent and the card sender share. */
  agentAdapter: CloudAdapter;
  /** The outbox worker (started by `listen` unless disabled in config). */
  worker: OutboxWorker;
  /** Starts listening and the outbox worker; resolves with the bound address. */
  listen(): Promise<string>;
  /** Stops accepting, closes streams, the bus and the database. */
  close(): Promise<void>;
}

/** The dev token secret: from config, else created once under the data dir so tokens survive restarts. */
async function devSecret(config: Config): Promise<Uint8Array> {
  if (config.dev?.secret) return new TextEncoder().encode(config.dev.secret);
  const file = join(config.dataDir, "dev-token-secret");
  try {
    return new Uint8Array(Buffer.from((await readFile(file, "utf8")).trim(), "base64"));
  } catch {
    const secret = randomBytes(32);
    await writeFile(file, secret.toString("base64"), { mode: 0o600 });
    return new Uint8Array(secret);
  }
}

/** Composes the service from validated config: the one place implementations are chosen. */
export async function createApp(config: Config, logger?: Logger): Promise<App> {
  const log = logger ?? pino({ level: config.logLevel, base: { service: "paragraf" } });
  await mkdir(config.dataDir, { recursive: true });
  // Authentication first: a forbidden combination (dev sign-in in production) stops before anything opens.
  const auth = createAuthenticator({
    nodeEnv: config.nodeEnv,
    entra: config.entra,
    dev: config.dev ? { tenantId: config.dev.tenantId, secret: await devSecret(config) } : undefined,
  });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  const store = createSqlMeetingStore(database);
  const bus = await createEventBus(database);
  const hub = createLiveHub({ store, bus, log });
  const clock: Clock = { now: () => new Date() };
  const ids: Ids = { next: () => randomUUID() };
  const deps: Deps = { store, bus, hub, meetings: createMeetingLoader(store), clock, ids, log };

  const seeded = config.dev && config.seedDemo ? await seedDemo(deps, config.dev.tenantId) : undefined;
  if (seeded?.seeded) log.info({ meetingId: seeded.meetingId }, "seeded demo body and meeting");

  const agent = {
    adapter: createAgentAdapter(config, log),
    agent: new ParagrafAgent({ deps, publicUrl: config.publicUrl, devTenantId: config.dev?.tenantId }),
  };
  // One tenant bucket for every send of this process: cards, and the 1:1 conversations the directory opens.
  const tenantLimiter = createTokenBucket(tenantRate);
  const sender = createCardSender({ adapter: agent.adapter, store, botAppId: config.bot?.clientId, tenantLimiter });
  const directory = createTeamsDirectory({ adapter: agent.adapter, store, log, botAppId: config.bot?.clientId, tenantLimiter });
  const archive = createConfiguredArchive({ config: config.archive, db: database.db, clock });
  const handlers = {
    ...cardJobHandlers({ deps, sender, directory, publicUrl: config.publicUrl }), ...fileProtocolJobHandlers({ deps, archive }),
    ...filingCardJobHandlers({ deps, sender, publicUrl: config.publicUrl }),
  };
  // A filing that stops for good updates the justering card and tells the secretary in the chat.
  const worker = createOutboxWorker({ store, log, clock, handlers, leaseMs: config.outboxLeaseMs, onGaveUp: { "protocol.file": filingGaveUpJobs } });
  const server = buildServer({
    agent, deps, auth, logger: log, maxBodyBytes: config.maxBodyBytes, devUsers: config.dev ? demoUsers : [], devTenantId: config.dev?.tenantId,
    ready: async () => {
      await store.listBodies("__readyz__");
      return true;
    },
  });

  return {
    server, deps, auth, config, dialect: database.dialect, demoMeetingId: config.dev && config.seedDemo ? "demo-meeting" : undefined,
    worker,
    agentAdapter: agent.adapter,
    async listen() {
      const address = await server.listen({ port: config.port, host: config.host });
      if (config.runWorker) worker.start();
      return address;
    },
    async close() {
      await worker.stop();
      hub.close();
      await server.close();
      await bus.close();
      await store.close();
    },
  };
}
