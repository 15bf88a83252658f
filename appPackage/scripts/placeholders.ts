/**
 * `${{NAME}}` placeholders, as the Microsoft 365 Agents Toolkit writes them in manifests, yml and
 * parameter files. Filling is strict: an unknown or empty variable is reported, never left in.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of every placeholder in a text, in order of first appearance, without duplicates. */
export function listPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

/** Result of filling a text: the filled text and the names that had no (non-empty) value. */
export interface FillResult {
  readonly text: string;
  readonly missing: string[];
}

/**
 * Replaces each placeholder with its value. Values are inserted JSON-string-escaped when `jsonString`
 * is set, because every placeholder in our JSON files sits inside a string literal.
 */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>, jsonString = true): FillResult {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === "") {
      missing.add(name);
      return whole;
    }
    return jsonString ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { text: filled, missing: [...missing] };
}
