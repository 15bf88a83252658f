import { StoredEventSchema, type StoredEvent } from "@paragraf/shared";

/** A live connection to a meeting's server-sent events that reconnects by itself. */
export interface EventStream {
  close(): void;
}

const maxBackoffMs = 10_000;

/**
 * Opens the stream and keeps it open: on any error it closes the EventSource, reports offline and
 * reopens after a backoff with a fresh URL (a fresh token and `after=` the last folded seq), so a drop
 * never leaves a gap or replays an event. Going back online (the browser's `online` event) retries at once.
 */
export function openEventStream(options: {
  url: () => Promise<string>;
  onEvent: (event: StoredEvent) => void;
  onOnline: (online: boolean) => void;
}): EventStream {
  let source: EventSource | undefined;
  let closed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void open(), delay);
  };

  const open = async () => {
    if (closed) return;
    source?.close();
    let url: string;
    try {
      url = await options.url();
    } catch {
      failures++;
      schedule(Math.min(maxBackoffMs, 500 * 2 ** failures));
      return;
    }
    if (closed) return;
    const es = new EventSource(url);
    source = es;
    es.onopen = () => {
      failures = 0;
      options.onOnline(true);
    };
    es.addEventListener("meeting-event", (msg) => {
      const parsed = StoredEventSchema.safeParse(JSON.parse((msg as MessageEvent<string>).data));
      if (parsed.success) options.onEvent(parsed.data);
    });
    es.onerror = () => {
      if (source !== es) return;
      es.close();
      options.onOnline(false);
      failures++;
      schedule(Math.min(maxBackoffMs, 250 * 2 ** failures));
    };
  };

  const goOnline = () => schedule(0);
  const goOffline = () => options.onOnline(false);
  window.addEventListener("online", goOnline);
  window.addEventListener("offline", goOffline);
  void open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
    },
  };
}
