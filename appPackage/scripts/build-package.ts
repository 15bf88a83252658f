/**
 * Builds `appPackage/build/paragraf-<env>.zip`: fills the manifest's `${{VAR}}` placeholders from the
 * environment files, validates the result offline, and zips manifest, icons and localization files.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { loadEnvironment } from "./env-files";
import { fillPlaceholders, listPlaceholders } from "./placeholders";
import { validateAppPackage } from "./validate-package";

/** Keys the toolkit writes into env/.env.<env> during `provision`; empty until then. */
export const PROVISIONED_KEYS = ["TEAMS_APP_ID", "AAD_APP_CLIENT_ID", "BOT_ID", "TAB_DOMAIN", "TAB_ENDPOINT"] as const;

/** Stand-in values for a preview build of an environment that has not been provisioned yet. */
export function standInValues(env: string): Map<string, string> {
  const domain = `${env}.paragraf.example`;
  return new Map([
    ["TEAMS_APP_ID", "00000000-0000-4000-8000-000000000001"],
    ["AAD_APP_CLIENT_ID", "00000000-0000-4000-8000-000000000002"],
    ["BOT_ID", "00000000-0000-4000-8000-000000000003"],
    ["TAB_DOMAIN", domain],
    ["TAB_ENDPOINT", `https://${domain}`],
  ]);
}

/** What to build. `root` holds `appPackage/` and `env/`. */
export interface BuildOptions {
  readonly root: string;
  readonly env: string;
  /** Fill still-empty provisioning outputs with stand-ins and write `paragraf-<env>-preview.zip`. */
  readonly preview?: boolean;
  /** Validate only; do not write the zip. */
  readonly dryRun?: boolean;
}

/** Outcome of a build: problems (empty on success), the filled manifest and the zip written. */
export interface BuildResult {
  readonly problems: string[];
  readonly manifest?: Record<string, unknown>;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly standIns: string[];
  readonly zipPath?: string;
}

/** Files the manifest points at, relative to appPackage/: icons and localization files. */
export function referencedFiles(manifest: Record<string, unknown>): string[] {
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const info = manifest.localizationInfo as { defaultLanguageFile?: string; additionalLanguages?: Array<{ file: string }> } | undefined;
  return [
    ...Object.values(icons),
    ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info?.additionalLanguages ?? []).map((l) => l.file),
  ].filter((f) => typeof f === "string");
}

function readIfPresent(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function missingMessage(env: string, missing: readonly string[], preview: boolean): string {
  const provisioned = missing.filter((k) => (PROVISIONED_KEYS as readonly string[]).includes(k));
  const lines = [`Missing values in env/.env.${env} (or env/.env.${env}.user) for: ${missing.join(", ")}.`];
  if (provisioned.length > 0 && !preview) {
    lines.push(`${provisioned.join(", ")} stay empty until the environment is provisioned (see the comments in env/.env.${env}):`,
      `run \`atk provision --env ${env}\` first,`,
      `or build a preview with stand-in ids: \`npm run package -- ${env} --preview\`.`);
  }
  return lines.join("\n  ");
}

/** Builds (and unless dryRun, writes) the package for one environment. */
export function buildAppPackage(options: BuildOptions): BuildResult {
  const { root, env, preview = false } = options;
  const dir = join(root, "appPackage");
  const environment = loadEnvironment(root, env);
  const values = new Map(environment.values);
  const template = readFileSync(join(dir, "manifest.json"), "utf8");
  const standIns: string[] = [];
  if (preview) {
    for (const [key, value] of standInValues(env)) {
      if (listPlaceholders(template).includes(key) && !values.get(key)) {
        values.set(key, value);
        standIns.push(key);
      }
    }
  }
  const filled = fillPlaceholders(template, values);
  if (filled.missing.length > 0) {
    return { problems: [missingMessage(env, filled.missing, preview)], files: new Map(), standIns };
  }
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled.text) as Record<string, unknown>;
  } catch (error) {
    return { problems: [`manifest.json is not valid JSON after filling (${(error as Error).message})`], files: new Map(), standIns };
  }
  const files = new Map<string, Uint8Array>([["manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);
  for (const file of referencedFiles(manifest)) {
    const bytes = readIfPresent(join(dir, file));
    if (bytes) files.set(file, bytes);
  }
  const problems = validateAppPackage({ manifest, files });
  if (problems.length > 0 || options.dryRun) return { problems, manifest, files, standIns };
  const zipPath = join(dir, "build", `paragraf-${env}${preview ? "-preview" : ""}.zip`);
  mkdirSync(join(dir, "build"), { recursive: true });
  const mtime = new Date(Date.UTC(2026, 0, 1));
  writeFileSync(zipPath, zipSync(Object.fromEntries([...files].map(([name, bytes]) => [name, [bytes, { mtime }]]))));
  return { problems, manifest, files, standIns, zipPath };
}
