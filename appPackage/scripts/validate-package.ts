/**
 * Offline validation of a Teams app package: the official JSON schemas bundled in
 * `@microsoft/app-manifest` (manifest and localization files), the icons, and the cross-field rules
 * the schema cannot express (tab and SSO domains in validDomains, localization keys that exist).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { checkColorIcon, checkOutlineIcon } from "./png-checks";

/** The files of a package, by their path inside the zip, plus the parsed manifest. */
export interface AppPackageContent {
  readonly manifest: Record<string, unknown>;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

const schemaRoot = join(dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const compiled = new Map<string, ValidateFunction>();

/** Compiles (once) the bundled schema a `$schema` URL names, or returns a sentence saying why not. */
function schemaFor(url: unknown): ValidateFunction | string {
  if (typeof url !== "string") return "has no $schema";
  const match = SCHEMA_URL.exec(url);
  if (!match) return `has $schema ${url}, which is not a Teams manifest schema URL`;
  const file = join(schemaRoot, match[1] ?? "", match[2] ?? "");
  let validate = compiled.get(file);
  if (!validate) {
    let schema: unknown;
    try {
      schema = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return `names schema ${match[1]}/${match[2]}, which @microsoft/app-manifest does not bundle`;
    }
    // The localization schema's patterns use `\b]`, which the unicode flag rejects; Teams' own
    // validator (like @microsoft/app-manifest) compiles them as plain patterns.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ["uri", "email", "regex"]);
    validate = ajv.compile(schema as object);
    compiled.set(file, validate);
  }
  return validate;
}

/** Validates a JSON document against the schema its `$schema` names; one sentence per error. */
export function validateAgainstSchema(label: string, doc: Record<string, unknown>): string[] {
  const validate = schemaFor(doc.$schema);
  if (typeof validate === "string") return [`${label} ${validate}`];
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${label}${e.instancePath || " (root)"} ${e.message ?? "is invalid"} ${JSON.stringify(e.params)}`);
}

/** Reads a value at a localization key path such as `bots[0].commandLists[0].commands[1].title`. */
export function valueAtPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function hostAllowed(host: string, validDomains: readonly string[]): boolean {
  return validDomains.some((domain) => domain === host ||
    (domain.startsWith("*.") && host.endsWith(domain.slice(1)) && host.length > domain.length - 1));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function tabUrls(manifest: Record<string, unknown>): string[] {
  const urls: string[] = [];
  for (const tab of (manifest.configurableTabs as Array<Record<string, unknown>> | undefined) ?? []) {
    if (typeof tab.configurationUrl === "string") urls.push(tab.configurationUrl);
  }
  for (const tab of (manifest.staticTabs as Array<Record<string, unknown>> | undefined) ?? []) {
    for (const key of ["contentUrl", "websiteUrl"]) if (typeof tab[key] === "string") urls.push(tab[key] as string);
  }
  return urls;
}

/** Rules the schema cannot express: domains of tab and SSO URLs, and the SSO resource's app id. */
export function checkCrossFieldRules(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const validDomains = (manifest.validDomains as string[] | undefined) ?? [];
  for (const url of tabUrls(manifest)) {
    const host = hostOf(url);
    if (!url.startsWith("https://")) problems.push(`tab URL ${url} must use https`);
    if (host && !hostAllowed(host, validDomains)) problems.push(`tab URL ${url} is on ${host}, which is not in validDomains`);
  }
  const app = manifest.webApplicationInfo as { id?: string; resource?: string } | undefined;
  if (app?.resource !== undefined) {
    const sso = /^api:\/\/([^/]+)\/(.+)$/.exec(app.resource);
    if (!sso) problems.push(`webApplicationInfo.resource ${app.resource} is not of the form api://<domain>/<client id>`);
    else {
      if (!hostAllowed(sso[1] ?? "", validDomains)) problems.push(`webApplicationInfo.resource domain ${sso[1]} is not in validDomains`);
      if (sso[2] !== app.id) problems.push(`webApplicationInfo.resource ends in ${sso[2]}, not the app id ${app.id}`);
    }
  }
  return problems;
}

function readJson(label: string, bytes: Uint8Array | undefined, problems: string[]): Record<string, unknown> | undefined {
  if (!bytes) {
    problems.push(`${label} is missing from the package`);
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, unknown>;
  } catch (error) {
    problems.push(`${label} is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function checkLocalizationFiles(manifest: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const info = manifest.localizationInfo as { additionalLanguages?: Array<{ languageTag: string; file: string }> } | undefined;
  for (const language of info?.additionalLanguages ?? []) {
    const label = `localization file ${language.file} (${language.languageTag})`;
    const doc = readJson(label, files.get(language.file), problems);
    if (!doc) continue;
    problems.push(...validateAgainstSchema(label, doc));
    for (const key of Object.keys(doc)) {
      if (key === "$schema" || key === "localizationKeys") continue;
      if (typeof valueAtPath(manifest, key) !== "string") problems.push(`${label} translates ${key}, which the manifest does not have`);
    }
    if (JSON.stringify(doc).includes("${{")) problems.push(`${label} contains a \${{...}} placeholder; the toolkit only fills manifest.json`);
  }
  return problems;
}

function checkIcons(manifest: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>): string[] {
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  const problems: string[] = [];
  for (const [kind, check] of [["color", checkColorIcon], ["outline", checkOutlineIcon]] as const) {
    const name = icons?.[kind];
    if (!name) continue; // the schema reports the missing property
    const bytes = files.get(name);
    if (!bytes) problems.push(`${kind} icon ${name} is missing from the package`);
    else problems.push(...check(name, bytes));
  }
  return problems;
}

/** Every problem with a package; an empty list means it passes. */
export function validateAppPackage(content: AppPackageContent): string[] {
  const { manifest, files } = content;
  const leftovers = JSON.stringify(manifest).match(/\$\{\{\s*[A-Za-z0-9_]+\s*\}\}/g);
  return [
    ...(leftovers ? [`manifest.json still contains placeholders: ${[...new Set(leftovers)].join(", ")}`] : []),
    ...validateAgainstSchema("manifest.json", manifest),
    ...checkCrossFieldRules(manifest),
    ...checkLocalizationFiles(manifest, files),
    ...checkIcons(manifest, files),
  ];
}
