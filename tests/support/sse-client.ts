import type { StoredEvent } from "@paragraf/shared";

/** A minimal server-sent-events reader over fetch, for tests and the benchmark. */
export interface SseConnection {
  events: StoredEvent[];
  /** Resolves when at least `count` events have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<StoredEvent[]>;
  /** Called for each event as it arrives. */
  onEvent?: (e: StoredEvent) => void;
  close(): void;
  status: number;
}

/** Opens a stream and parses `id:`/`data:` frames into stored events. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  const events: StoredEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const conn: SseConnection = {
    events,
    status: res.status,
    close: () => controller.abort(),
    waitFor(count, timeoutMs = 10_000) {
      if (events.length >= count) return Promise.resolve(events);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} events, have ${events.length}`)), timeoutMs);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(events); } });
      });
    },
  };
  if (!res.ok || !res.body) return conn;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
          if (!data) continue;
          const e = JSON.parse(data) as StoredEvent;
          events.push(e);
          conn.onEvent?.(e);
          for (const w of waiters.filter((x) => events.length >= x.count)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
      }
    } catch {
      // aborted or dropped: the test decides what that means
    }
  })();
  return conn;
}
