import type { EventBus, MeetingStore, StoredEvent } from "@paragraf/shared";
import type { Logger } from "pino";

/** One live subscriber: receives every event after `lastSeq`, in order, exactly once. */
export interface LiveSubscriber {
  lastSeq: number;
  send(event: StoredEvent): void;
}

/** Fans a meeting's new events out to the subscribers on this instance. */
export interface LiveHub {
  /** Adds a subscriber and delivers its backlog; returns the unsubscribe function. */
  subscribe(tenantId: string, meetingId: string, subscriber: LiveSubscriber): () => void;
  /** Tells this instance and (through the bus) every other instance that a meeting's log grew. */
  announce(tenantId: string, meetingId: string, seq: number): Promise<void>;
  subscriberCount(): number;
  close(): void;
}

interface Channel { tenantId: string; meetingId: string; subscribers: Set<LiveSubscriber>; pumping: Promise<void>; again: boolean }

/**
 * Creates the hub. Notifications are only hints: a pump reads the log after the lowest seq any local
 * subscriber has seen, once per meeting, so a lost or duplicated notification can cause neither a gap
 * nor a duplicate.
 */
export function createLiveHub(options: { store: MeetingStore; bus: EventBus; log: Logger }): LiveHub {
  const { store, bus, log } = options;
  const channels = new Map<string, Channel>();
  const key = (t: string, m: string) => `${t}\u0000${m}`;

  const drain = async (ch: Channel): Promise<void> => {
    do {
      ch.again = false;
      if (ch.subscribers.size === 0) return;
      const after = Math.min(...[...ch.subscribers].map((s) => s.lastSeq));
      const events = await store.loadEvents(ch.tenantId, ch.meetingId, after);
      for (const sub of ch.subscribers) {
        for (const e of events) {
          if (e.seq !== sub.lastSeq + 1) continue;
          try {
            sub.send(e);
            sub.lastSeq = e.seq;
          } catch (err) {
            log.warn({ err }, "live subscriber send failed");
            ch.subscribers.delete(sub);
            break;
          }
        }
      }
    } while (ch.again);
  };

  const pump = (ch: Channel) => {
    ch.again = true;
    ch.pumping = ch.pumping.then(() => (ch.again ? drain(ch) : undefined)).catch((err) => log.error({ err }, "live pump failed"));
    return ch.pumping;
  };

  const onNotify = (tenantId: string, meetingId: string) => {
    const ch = channels.get(key(tenantId, meetingId));
    if (ch) void pump(ch);
  };
  const unlisten = bus.subscribe(onNotify);

  return {
    subscribe(tenantId, meetingId, subscriber) {
      const k = key(tenantId, meetingId);
      let ch = channels.get(k);
      if (!ch) {
        ch = { tenantId, meetingId, subscribers: new Set(), pumping: Promise.resolve(), again: false };
        channels.set(k, ch);
      }
      ch.subscribers.add(subscriber);
      void pump(ch);
      const channel = ch;
      return () => {
        channel.subscribers.delete(subscriber);
        if (channel.subscribers.size === 0 && channels.get(k) === channel) channels.delete(k);
      };
    },
    async announce(tenantId, meetingId, seq) {
      onNotify(tenantId, meetingId);
      // The write is already durable; a failed notification only delays other instances until their next hint.
      await bus.publish(tenantId, meetingId, seq).catch((err) => log.warn({ err }, "event bus publish failed"));
    },
    subscriberCount: () => [...channels.values()].reduce((n, c) => n + c.subscribers.size, 0),
    close: () => {
      unlisten();
      channels.clear();
    },
  };
}
