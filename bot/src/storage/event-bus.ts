import type { EventBus } from "@paragraf/shared";
import { sql } from "kysely";
import pg from "pg";
import type { Database } from "./database";

type Listener = (tenantId: string, meetingId: string, seq: number) => void;

/** Tuning and hooks of the bus; the defaults suit production. */
export interface EventBusOptions {
  /** The NOTIFY channel (default `paragraf_events`). */
  channel?: string;
  /** Listener exceptions and lost LISTEN connections (default: ignored). */
  onError?: (error: Error) => void;
  /** Called after the LISTEN connection came back: notifications may have been missed, so resync. */
  onReconnect?: () => void;
  /** First delay before reconnecting; doubles up to 30 s (default 500 ms). */
  reconnectDelayMs?: number;
}

/** A notification as sent over the channel. */
interface Notice { tenantId: string; meetingId: string; seq: number }

function parseNotice(payload: string | undefined): Notice | undefined {
  try {
    const n: unknown = JSON.parse(payload ?? "");
    if (typeof n !== "object" || n === null) return undefined;
    const { tenantId, meetingId, seq } = n as Record<string, unknown>;
    return typeof tenantId === "string" && typeof meetingId === "string" && typeof seq === "number" ? { tenantId, meetingId, seq } : undefined;
  } catch {
    return undefined;
  }
}

const toError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** Subscriptions and delivery shared by both transports; a throwing listener does not stop the others. */
function createListeners(onError: (error: Error) => void) {
  const listeners = new Set<Listener>();
  return {
    listeners,
    deliver(n: Notice) {
      for (const listener of [...listeners]) {
        try {
          listener(n.tenantId, n.meetingId, n.seq);
        } catch (error) {
          onError(toError(error));
        }
      }
    },
    subscribe(listener: Listener) {
      const own = (t: string, m: string, s: number) => listener(t, m, s);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}

/** In-process buses per PGlite database: PGlite lives in one process, so every publisher is here. */
const localBuses = new WeakMap<Database, Set<(n: Notice) => void>>();

function createLocalBus(database: Database, onError: (error: Error) => void): EventBus {
  const { listeners, deliver, subscribe } = createListeners(onError);
  const peers = localBuses.get(database) ?? new Set();
  localBuses.set(database, peers);
  peers.add(deliver);
  return {
    async publish(tenantId, meetingId, seq) {
      await Promise.resolve();
      for (const peer of [...peers]) peer({ tenantId, meetingId, seq });
    },
    subscribe,
    async close() {
      peers.delete(deliver);
      listeners.clear();
    },
  };
}

async function createPostgresBus(database: Database & { dialect: "postgres" }, options: EventBusOptions): Promise<EventBus> {
  const channel = options.channel ?? "paragraf_events";
  const onError = options.onError ?? (() => {});
  const firstDelay = options.reconnectDelayMs ?? 500;
  const { listeners, deliver, subscribe } = createListeners(onError);
  let client: pg.Client | undefined;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const lost = (failed: pg.Client, error?: Error) => {
    if (error) onError(error);
    if (closed || client !== failed) return;
    client = undefined;
    failed.end().catch(() => {});
    retry(firstDelay);
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: database.connectionString });
    c.on("notification", (msg) => {
      const notice = msg.channel === channel ? parseNotice(msg.payload) : undefined;
      if (notice) deliver(notice);
    });
    c.on("error", (error) => lost(c, error));
    c.on("end", () => lost(c));
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      c.end().catch(() => {});
      throw error;
    }
    if (closed) await c.end();
    else client = c;
  };
  const retry = (delay: number) => {
    timer = setTimeout(() => {
      connect().then(() => options.onReconnect?.(), (error: unknown) => {
        onError(toError(error));
        if (!closed) retry(Math.min(delay * 2, 30_000));
      });
    }, delay);
  };

  await connect();
  return {
    async publish(tenantId, meetingId, seq) {
      const payload = JSON.stringify({ tenantId, meetingId, seq } satisfies Notice);
      await sql`select pg_notify(${channel}, ${payload})`.execute(database.db);
    },
    subscribe,
    async close() {
      closed = true;
      clearTimeout(timer);
      listeners.clear();
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}

/**
 * Creates the bus that says "meeting M of tenant T grew to seq N". On PostgreSQL a dedicated
 * connection LISTENs on the channel and publish is `pg_notify`, so every instance hears every
 * publish (reconnecting with backoff if the connection drops); on PGlite delivery is in-process.
 * Publish after `append` resolves: a notification is a hint to read the log, never the data.
 */
export async function createEventBus(database: Database, options: EventBusOptions = {}): Promise<EventBus> {
  if (database.dialect === "postgres") return createPostgresBus(database, options);
  return createLocalBus(database, options.onError ?? (() => {}));
}
