import type { EventBus, MeetingStore, StoredEvent } from "@paragraf/shared";
import type { Logger } from "pino";

/** One live subscriber: receives every event after `lastSeq`, in order, exactly once. */
export interface LiveSubscriber {
  lastSeq: number;
  /** Receives the event and its JSON text (serialised once for all subscribers). */
  send(event: StoredEvent, json: string): void;
}

/** Fans a meeting's new events out to the subscribers on this instance. */
export interface LiveHub {
  /** Adds a subscriber and delivers its backlog; returns the unsubscribe function. */
  subscribe(tenantId: string, meetingId: string, subscriber: LiveSubscriber): () => void;
  /**
   * Tells local subscribers about events this instance just appended (delivered from memory when
   * everyone is caught up) and every other instance, through the bus, that the log grew.
   */
  announce(tenantId: string, meetingId: string, events: readonly StoredEvent[]): Promise<void>;
  subscriberCount(): number;
  close(): void;
}

interface Channel { tenantId: string; meetingId: string; subscribers: Set<LiveSubscriber>; queue: Promise<void> }

/**
 * Creates the hub. Bus notifications are only hints: delivery reads the log after the lowest seq any
 * local subscriber has seen, once per meeting, so a lost or duplicated hint can cause neither a gap
 * nor a duplicate. Work per meeting runs in order on one queue.
 */
export function createLiveHub(options: { store: MeetingStore; bus: EventBus; log: Logger }): LiveHub {
  const { store, bus, log } = options;
  const channels = new Map<string, Channel>();
  const key = (t: string, m: string) => `${t}\u0000${m}`;

  const deliver = (ch: Channel, events: readonly StoredEvent[]) => {
    for (const e of events) {
      let json: string | undefined;
      for (const sub of ch.subscribers) {
        if (e.seq !== sub.lastSeq + 1) continue;
        try {
          sub.send(e, (json ??= JSON.stringify(e)));
          sub.lastSeq = e.seq;
        } catch (err) {
          log.debug({ err }, "live subscriber gone");
          ch.subscribers.delete(sub);
        }
      }
    }
  };

  const lowestSeq = (ch: Channel) => {
    let low = Infinity;
    for (const s of ch.subscribers) low = Math.min(low, s.lastSeq);
    return low;
  };

  /** Reads the log after the lowest subscriber and delivers; skipped when nobody is behind `seq`. */
  const catchUp = (ch: Channel, seq?: number) => {
    ch.queue = ch.queue
      .then(async () => {
        if (ch.subscribers.size === 0) return;
        const after = lowestSeq(ch);
        if (seq !== undefined && after >= seq) return;
        deliver(ch, await store.loadEvents(ch.tenantId, ch.meetingId, after));
      })
      .catch((err) => log.error({ err }, "live catch-up failed"));
  };

  const unlisten = bus.subscribe((tenantId, meetingId, seq) => {
    const ch = channels.get(key(tenantId, meetingId));
    if (ch) catchUp(ch, seq);
  });

  return {
    subscribe(tenantId, meetingId, subscriber) {
      const k = key(tenantId, meetingId);
      let ch = channels.get(k);
      if (!ch) {
        ch = { tenantId, meetingId, subscribers: new Set(), queue: Promise.resolve() };
        channels.set(k, ch);
      }
      ch.subscribers.add(subscriber);
      catchUp(ch);
      const channel = ch;
      return () => {
        channel.subscribers.delete(subscriber);
        if (channel.subscribers.size === 0 && channels.get(k) === channel) channels.delete(k);
      };
    },
    async announce(tenantId, meetingId, events) {
      const ch = channels.get(key(tenantId, meetingId));
      const last = events.at(-1);
      if (!last) return;
      if (ch) {
        ch.queue = ch.queue.then(() => {
          const first = events[0]!.seq;
          // Everyone caught up to just before these events: deliver from memory, else read the log.
          if (lowestSeq(ch) >= first - 1) deliver(ch, events);
          else catchUp(ch, last.seq);
        });
      }
      // The write is already durable; a failed hint only delays other instances until the next one.
      await bus.publish(tenantId, meetingId, last.seq).catch((err) => log.warn({ err }, "event bus publish failed"));
    },
    subscriberCount: () => [...channels.values()].reduce((n, c) => n + c.subscribers.size, 0),
    close: () => {
      unlisten();
      channels.clear();
    },
  };
}
