/** The one fontkit call the renderer uses: parse a font once so every document reuses it. */
declare module "fontkit" {
  /** A parsed font; PDFKit accepts it wherever it accepts font bytes. */
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
