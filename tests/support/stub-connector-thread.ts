import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { SentActivity } from "./stub-connector";

/**
 * The stand-in connector on a thread of its own, for tests that count arrivals per time window: its
 * event loop (and so its timestamps) does not wait on the bot's, which a burst of sends keeps busy.
 */
export async function startThreadedStubConnector(): Promise<{ url: string; sent(): Promise<SentActivity[]>; close(): Promise<void> }> {
  const worker = new Worker(new URL("./stub-connector-worker.mjs", import.meta.url));
  const [ready] = (await once(worker, "message")) as [{ url: string }];
  const ask = async <T>(what: string): Promise<T> => {
    worker.postMessage(what);
    const [answer] = (await once(worker, "message")) as [T];
    return answer;
  };
  return {
    url: ready.url,
    sent: () => ask<SentActivity[]>("sent"),
    close: async () => {
      await ask("close");
      await worker.terminate();
    },
  };
}
