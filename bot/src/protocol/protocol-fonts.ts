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

/** The fonts parsed once per process (parsing a TrueType file costs ~30 ms). */
function parsedFonts(): ProtocolFonts {
  if (!parsed) {
    const dir = fontDir();
    const load = (file: string) => create(new Uint8Array(readFileSync(`${dir}${file}`)));
    parsed = { regular: load(files.regular), semibold: load(files.semibold), italic: load(files.italic) };
  }
  return parsed;
}

/**
 * A per-document view of a parsed font: it shares the parsed tables but has its own glyph cache and
 * layout engine. fontkit fixes a glyph's code points the first time the glyph is made, so a cache
 * shared across documents let one document's glyphs (made without code points) spoil another's
 * ToUnicode map and made the bytes depend on what the process rendered before.
 */
function freshView(font: Font): Font {
  const view = Object.create(font) as Font & { _glyphs: Record<number, unknown> };
  view._glyphs = {};
  const engine = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(font) as object, "_layoutEngine");
  if (engine?.get) Object.defineProperty(view, "_layoutEngine", { configurable: true, get: engine.get });
  return view;
}

/** The fonts for one document: shared parsing, fresh glyph state. */
export function protocolFonts(): ProtocolFonts {
  const f = parsedFonts();
  return { regular: freshView(f.regular), semibold: freshView(f.semibold), italic: freshView(f.italic) };
}
