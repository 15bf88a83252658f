import { randomBytes } from "node:crypto";

/** A storage backend the integration suites run against. */
export interface Backend {
  name: "pglite" | "postgres";
  env: Record<string, string>;
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set (each app gets a fresh schema). */
export function backends(): Backend[] {
  // An empty DATABASE_URL overrides one inherited from the environment by a spawned service.
  const list: Backend[] = [{ name: "pglite", env: { DATABASE_URL: "" } }];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: "postgres", env: { DATABASE_URL: url } });
  else console.warn("PostgreSQL suites not run: DATABASE_URL is unset (set it to e.g. postgres://postgres@127.0.0.1:5432/test).");
  return list;
}

/** A fresh schema name for one test app on the shared PostgreSQL database. */
export const freshSchema = () => `t_${randomBytes(6).toString("hex")}`;
