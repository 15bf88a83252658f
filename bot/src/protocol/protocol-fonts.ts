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

/**
 * The fonts, read and parsed once per process: parsing a TrueType file costs ~30 ms, and PDFKit
 * accepts a parsed font, so every document after the first only subsets what it uses.
 */
export function protocolFonts(): ProtocolFonts {
  if (!parsed) {
    const dir = fontDir();
    const load = (file: string) => create(new Uint8Array(readFileSync(`${dir}${file}`)));
    parsed = { regular: load(files.regular), semibold: load(files.semibold), italic: load(files.italic) };
  }
  return parsed;
}
