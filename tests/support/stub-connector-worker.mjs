// Bootstraps the TypeScript stand-in connector in a worker thread (tsx registers the loader there).
import { register } from "tsx/esm/api";

register();
await import("./stub-connector-worker.ts");
