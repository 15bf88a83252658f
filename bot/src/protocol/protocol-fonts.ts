import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { create, type Font } from "fontkit";

/** The embedded protocol fonts: Source Sans 3 (SIL OFL 1.1, see fonts/OFL.txt), covering Swedish and typographic punctuation. */
export interface ProtocolFonts {
  regular: Font;
  semibold: Font;
  italic: Font;
}

const files = { regular: "SourceSans3_400Regular.ttf", semibold: "SourceSans3_600SemiBold.ttf", italic: "SourceSans3_400Regular_Italic.ttf" };

/** Where the font files are: beside this module in source, or under src/ when running the bundle from bot/dist. */
function fontDir(): string {
  const candidates = [new URL("./fonts/", import.meta.url), new URL("../src/protocol/fonts/", import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => existsSync(`${dir}${files.regular}`));
  if (!found) throw new Error(`protocol fonts not found in ${candidates.join(" or ")}`);
  return found;
}

let parsed: ProtocolFonts | undefined;
let supported: (codePoint: number) => boolean = () => true;

/**
 * Parses a font and creates the glyph of every character it maps, each with its own code point.
 * fontkit fixes a glyph's code points the first time the glyph is made and caches it, and PDFKit
 * writes the ToUnicode map from them; made on demand, a glyph first reached through a substitution
 * can carry no code points, which drops its letter from text extraction in every later document of
 * the process. Made here, every mapped glyph is right, whatever the process rendered before.
 */
function loadFont(file: string): Font {
  const font = create(new Uint8Array(readFileSync(file))) as Font & { characterSet: number[]; glyphForCodePoint(cp: number): unknown };
  // Ascending, so a glyph shared by two characters maps to the ordinary one (Å before the Ångström sign);
  // presentation-form ligatures (U+FB00–FB4F) are left to be made by ligature substitution, which
  // gives them their component letters ("ffi", not "ﬃ"), as text search and screen readers expect.
  for (const cp of [...font.characterSet].sort((a, b) => a - b)) if (cp < 0xfb00 || cp > 0xfb4f) font.glyphForCodePoint(cp);
  return font;
}

/**
 * The fonts, read, parsed and warmed once per process (parsing a TrueType file costs ~30 ms);
 * PDFKit accepts a parsed fontkit font and subsets it per document. `covers` gives a text with
 * every character all three fonts lack replaced by "?" (odd whitespace by a space).
 */
export function protocolFonts(): ProtocolFonts & { covers: (text: string) => string } {
  if (!parsed) {
    const dir = fontDir();
    parsed = { regular: loadFont(`${dir}${files.regular}`), semibold: loadFont(`${dir}${files.semibold}`), italic: loadFont(`${dir}${files.italic}`) };
    const sets = [parsed.regular, parsed.semibold, parsed.italic].map((f) => new Set((f as Font & { characterSet: number[] }).characterSet));
    supported = (cp) => sets.every((set) => set.has(cp));
  }
  const has = supported;
  const cover = (ch: string) => (ch === "\n" || has(ch.codePointAt(0) ?? 0) ? ch : /\s/.test(ch) ? " " : "?");
  return { ...parsed, covers: (text) => [...text].map(cover).join("") };
}

type LayoutCache = Record<string, unknown>;
const layoutCaches = new Map<string, LayoutCache>();
const maxCachedRuns = 50_000;

/**
 * A layout cache per font shared by every document of the process. PDFKit lays out each word once
 * per document and caches the glyph run on the document's font; a run depends only on the font and
 * the word, so documents can share it, and a warm service lays out only words it has not seen.
 * Bounded: past `maxCachedRuns` words a font's cache starts afresh.
 */
export function sharedLayoutCache(fontName: string): LayoutCache {
  let cache = layoutCaches.get(fontName);
  if (!cache || Object.keys(cache).length > maxCachedRuns) {
    cache = Object.create(null) as LayoutCache;
    layoutCaches.set(fontName, cache);
  }
  return cache;
}
