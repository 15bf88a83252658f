/**
 * Reads an environment the way the Agents Toolkit does: `env/.env.<name>` (committed, toolkit
 * outputs are written back into it) overlaid with `env/.env.<name>.user` (git-ignored secrets).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "dotenv";

/** One environment's variables and the files they came from. */
export interface Environment {
  readonly name: string;
  readonly values: ReadonlyMap<string, string>;
  readonly files: readonly string[];
}

/** Names of the environments that have an `env/.env.<name>` file (not counting `.user` files). */
export function listEnvironments(root: string): string[] {
  const dir = join(root, "env");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Loads one environment; throws with the list of known environments when it does not exist. */
export function loadEnvironment(root: string, name: string): Environment {
  const base = join(root, "env", `.env.${name}`);
  if (!existsSync(base)) {
    const known = listEnvironments(root);
    throw new Error(`No environment file env/.env.${name}. Known environments: ${known.join(", ") || "none"}.`);
  }
  const files = [base];
  const values = new Map(Object.entries(parse(readFileSync(base, "utf8"))));
  const user = `${base}.user`;
  if (existsSync(user)) {
    files.push(user);
    for (const [key, value] of Object.entries(parse(readFileSync(user, "utf8")))) values.set(key, value);
  }
  return { name, values, files };
}

/** Keys an environment file declares (with or without a value), in file order. */
export function declaredKeys(text: string): string[] {
  return Object.keys(parse(text));
}
