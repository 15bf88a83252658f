/**
 * Renders the Paragraf mark (icon-art.ts) to the two PNGs the Teams package needs.
 * Run after changing the art: `npx tsx appPackage/scripts/draw-icons.ts`.
 */
import { Resvg } from "@resvg/resvg-js";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { colorIconSvg, outlineIconSvg } from "./icon-art";

/** Renders an SVG document to PNG bytes at the SVG's own width and height. */
export function renderSvg(svg: string): Buffer {
  return new Resvg(svg, { background: "rgba(0,0,0,0)" }).render().asPng();
}

/** Writes color.png (192×192) and outline.png (32×32) into the given appPackage folder. */
export function drawIcons(appPackageDir: string): void {
  writeFileSync(`${appPackageDir}/color.png`, renderSvg(colorIconSvg()));
  writeFileSync(`${appPackageDir}/outline.png`, renderSvg(outlineIconSvg()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL("..", import.meta.url));
  drawIcons(dir);
  console.log(`Wrote ${dir}color.png and ${dir}outline.png`);
}
