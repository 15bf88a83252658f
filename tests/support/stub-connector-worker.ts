import { parentPort } from "node:worker_threads";
import { startStubConnector } from "./stub-connector";

// Runs the stand-in connector in a worker thread (see stub-connector-thread.ts) and answers "sent" and "close".
const stub = await startStubConnector();
parentPort!.on("message", (message: string) => {
  if (message === "sent") parentPort!.postMessage(stub.sent);
  if (message === "close") void stub.close().then(() => parentPort!.postMessage("closed"));
});
parentPort!.postMessage({ url: stub.url });
