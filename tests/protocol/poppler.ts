/** Poppler's command-line tools (Debian's poppler-utils), which the PDF checks read PDFs with. */
import { execFileSync, spawnSync } from "node:child_process";

/** Whether pdftotext, pdffonts, pdfinfo and pdftoppm are all on PATH. */
export const hasPoppler = ["pdftotext", "pdffonts", "pdfinfo", "pdftoppm"].every((tool) => spawnSync(tool, ["-v"]).error === undefined);
if (!hasPoppler) {
  console.warn("PROTOCOL PDF CHECKS NOT RUN: poppler-utils is missing (pdftotext, pdffonts, pdfinfo, pdftoppm). Install it with `apt-get install -y poppler-utils`; CI does.");
}

/** Runs a poppler tool on a file and returns its standard output. */
export const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** Text with every whitespace removed, so line wrapping never decides a comparison. */
export const squash = (t: string) => t.replace(/\s+/g, "");

/** The index after which each expected string occurs in order in `text`, or the first one missing. */
export function missingInOrder(text: string, expected: string[]): string | undefined {
  const hay = squash(text);
  let at = 0;
  for (const e of expected) {
    const i = hay.indexOf(squash(e), at);
    if (i < 0) return e;
    at = i + squash(e).length;
  }
  return undefined;
}
