// The icons: the committed PNGs are the rendered art, they meet Teams' rules, and they stay legible
// on light and dark Teams surfaces. Previews land in test-results/icons/ for a person to look at.
import { beforeAll, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSvg } from "../../appPackage/scripts/draw-icons";
import { ACCENT_COLOR, colorIconSvg, outlineIconSvg } from "../../appPackage/scripts/icon-art";
import { BACKDROPS, composePreview } from "../../appPackage/scripts/icon-preview";
import { checkColorIcon, checkOutlineIcon, decodePng, type RgbaImage } from "../../appPackage/scripts/png-checks";
import { repoRoot } from "./project-copy";

let color: RgbaImage;
let outline: RgbaImage;

function load(name: string): RgbaImage {
  const image = decodePng(readFileSync(join(repoRoot, "appPackage", name)));
  if (typeof image === "string") throw new Error(`${name} ${image}`);
  return image;
}

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}

/** WCAG relative luminance and contrast ratio. */
function luminance([r, g, b]: readonly number[]): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

beforeAll(() => {
  color = load("color.png");
  outline = load("outline.png");
});

it("meets Teams' rules: 192×192 colour, 32×32 white-on-transparent outline", () => {
  expect(checkColorIcon("color.png", readFileSync(join(repoRoot, "appPackage/color.png")))).toEqual([]);
  expect(checkOutlineIcon("outline.png", readFileSync(join(repoRoot, "appPackage/outline.png")))).toEqual([]);
});

it("are the rendered art (run appPackage/scripts/draw-icons.ts after changing icon-art.ts)", () => {
  for (const [image, svg] of [[color, colorIconSvg()], [outline, outlineIconSvg()]] as const) {
    const fresh = decodePng(renderSvg(svg));
    if (typeof fresh === "string") throw new Error(fresh);
    expect([fresh.width, fresh.height]).toEqual([image.width, image.height]);
    let differing = 0;
    for (let i = 0; i < fresh.data.length; i += 1) if (Math.abs((fresh.data[i] ?? 0) - (image.data[i] ?? 0)) > 8) differing += 1;
    expect(differing).toBe(0);
  }
});

it("draws a white mark on the accent colour, with AA contrast", () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "appPackage/manifest.json"), "utf8")) as { accentColor: string };
  expect(manifest.accentColor).toBe(ACCENT_COLOR);
  expect(pixel(color, 2, 2)).toEqual([...hex(ACCENT_COLOR), 255]);
  const whites = Array.from({ length: 192 * 192 }, (_, i) => pixel(color, i % 192, Math.floor(i / 192)))
    .filter(([r, g, b]) => r === 255 && g === 255 && b === 255).length;
  expect(whites / (192 * 192)).toBeGreaterThan(0.05);
  expect(whites / (192 * 192)).toBeLessThan(0.3);
  expect(contrast([255, 255, 255], hex(ACCENT_COLOR))).toBeGreaterThan(4.5);
});

it("keeps the outline a mark, not a blob, with breathing room at the edges", () => {
  let covered = 0;
  for (let y = 0; y < 32; y += 1) {
    for (let x = 0; x < 32; x += 1) {
      const alpha = pixel(outline, x, y)[3] ?? 0;
      if (alpha > 127) covered += 1;
      if (x === 0 || y === 0 || x === 31 || y === 31) expect(alpha).toBe(0);
    }
  }
  expect(covered / 1024).toBeGreaterThan(0.1);
  expect(covered / 1024).toBeLessThan(0.4);
});

it("renders previews on light and dark backgrounds that stay legible", () => {
  const dir = join(repoRoot, "test-results", "icons");
  mkdirSync(dir, { recursive: true });
  for (const backdrop of BACKDROPS) {
    const file = join(dir, `preview-${backdrop.name}.png`);
    writeFileSync(file, composePreview(color, outline, backdrop));
    const preview = decodePng(readFileSync(file));
    if (typeof preview === "string") throw new Error(preview);
    expect(preview.width).toBeGreaterThan(192);
    // The tile stands out from the surface, and the recoloured outline reads as text would.
    expect(contrast(hex(ACCENT_COLOR), backdrop.background)).toBeGreaterThan(1.5);
    expect(contrast(backdrop.outlineTint, backdrop.background)).toBeGreaterThan(4.5);
    expect(pixel(preview, 1, 1).slice(0, 3)).toEqual([...backdrop.background]);
    expect(pixel(preview, 24 + 2, 24 + 2).slice(0, 3)).toEqual(hex(ACCENT_COLOR));
  }
});
