// Runs PGlite's initdb for a new data directory in its own short-lived process, so the service
// never carries initdb's memory peak (hundreds of MB of WebAssembly heap) for the rest of its life.
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: pglite-initdb.mjs <data dir>");
  process.exit(2);
}
const db = await PGlite.create(dir);
await db.close();
