import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** A JSON value as the canonical form accepts it (undefined members are dropped, like JSON.stringify). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * The canonical JSON of a value: object keys sorted by UTF-16 code unit, no whitespace, undefined
 * members dropped, strings NFC-normalised. The same value always gives the same string, whatever
 * order its keys were built in, in Node and in the browser.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.normalize("NFC"));
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("canonicalJson: numbers must be finite");
    return JSON.stringify(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k.normalize("NFC"))}:${canonicalJson(value[k] as JsonValue)}`).join(",")}}`;
}

/** SHA-256 of a string's UTF-8 bytes, lowercase hex; pure JS so the tab computes the same. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
