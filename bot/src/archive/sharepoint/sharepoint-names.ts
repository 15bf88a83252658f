/** SharePoint Online's longest file or folder name we use (its own limit is 255; the whole decoded path must stay under 400). */
export const maxSharePointNameLength = 120;

/**
 * A name SharePoint Online accepts for a file or folder: none of `" * : < > ? / \ |` or control
 * characters, no leading or trailing spaces or dots, not a reserved name (CON, AUX, COM1, `_vti_`,
 * `~$…`, `.lock`, `desktop.ini`), at most 120 characters with the extension kept.
 */
export function safeSharePointName(name: string, extension = ""): string {
  const stem = extension && name.toLowerCase().endsWith(extension) ? name.slice(0, -extension.length) : name;
  const printable = Array.from(stem.normalize("NFC").replace(/\s+/g, " "), (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? "-" : c)).join("");
  const cleaned = printable
    .replace(/["*:<>?/\\|]/g, "-")
    .replace(/_vti_/gi, "-vti-")
    .replace(/^~\$/, "-")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, maxSharePointNameLength - extension.length)
    .replace(/[\s.]+$/g, "");
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d|desktop\.ini|\.lock)$/i.test(cleaned);
  return `${reserved ? `_${cleaned}` : cleaned || "_"}${extension}`;
}

/** The n-th candidate name for a file: the safe name, then `‹stem› (2).pdf`, `‹stem› (3).pdf`… */
export function candidateName(safeName: string, n: number, extension = ".pdf"): string {
  return n === 1 ? safeName : `${safeName.slice(0, -extension.length)} (${n})${extension}`;
}

/** A path of safe segments, each percent-encoded for a Graph path-based address (`…/items/{id}:/a/b:`). */
export function encodePath(segments: readonly string[]): string {
  return segments.map(encodeURIComponent).join("/");
}
