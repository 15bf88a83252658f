/**
 * Composites the package icons onto light and dark backgrounds, the way Teams shows them, so a person
 * can look at them: the colour icon as a tile, the outline icon white on the dark app bar and
 * recoloured on light (Teams uses it as a mask). Output is one PNG per background.
 */
import { PNG } from "pngjs";
import type { RgbaImage } from "./png-checks";

/** A backdrop to preview on, with the colour Teams would tint the outline icon to. */
export interface Backdrop {
  readonly name: string;
  readonly background: readonly [number, number, number];
  readonly outlineTint: readonly [number, number, number];
}

/** Teams light and dark surfaces (close to the Fluent neutral backgrounds) and their icon tints. */
export const BACKDROPS: readonly Backdrop[] = [
  { name: "light", background: [245, 245, 245], outlineTint: [66, 66, 66] },
  { name: "dark", background: [31, 31, 31], outlineTint: [255, 255, 255] },
];

function blend(target: Uint8Array, offset: number, rgb: readonly number[], alpha: number): void {
  for (let c = 0; c < 3; c += 1) {
    const under = target[offset + c] ?? 0;
    target[offset + c] = Math.round((rgb[c] ?? 0) * alpha + under * (1 - alpha));
  }
  target[offset + 3] = 255;
}

/** Draws `image` scaled by an integer factor (nearest neighbour) at (left, top), optionally tinted. */
function paint(canvas: RgbaImage, image: RgbaImage, left: number, top: number, scale: number, tint?: readonly number[]): void {
  for (let y = 0; y < image.height * scale; y += 1) {
    for (let x = 0; x < image.width * scale; x += 1) {
      const source = (Math.floor(y / scale) * image.width + Math.floor(x / scale)) * 4;
      const alpha = (image.data[source + 3] ?? 0) / 255;
      if (alpha === 0) continue;
      const rgb = tint ?? [image.data[source] ?? 0, image.data[source + 1] ?? 0, image.data[source + 2] ?? 0];
      blend(canvas.data, ((top + y) * canvas.width + left + x) * 4, rgb, alpha);
    }
  }
}

/**
 * Lays out on one backdrop: the colour icon at 1× and ½× (the sizes Teams lists apps at), and the
 * outline icon at 1× and magnified 4× so edge pixels can be inspected.
 */
export function composePreview(color: RgbaImage, outline: RgbaImage, backdrop: Backdrop): Uint8Array {
  const width = 24 + 192 + 24 + 96 + 24 + 32 + 24 + 128 + 24;
  const height = 24 + 192 + 24;
  const canvas: RgbaImage = { width, height, data: new Uint8Array(width * height * 4) };
  for (let i = 0; i < canvas.data.length; i += 4) blend(canvas.data, i, backdrop.background, 1);
  paint(canvas, color, 24, 24, 1);
  const half = halve(color);
  paint(canvas, half, 24 + 192 + 24, 24 + 48, 1);
  const outlineLeft = 24 + 192 + 24 + 96 + 24;
  paint(canvas, outline, outlineLeft, 24 + 80, 1, backdrop.outlineTint);
  paint(canvas, outline, outlineLeft + 32 + 24, 24 + 32, 4, backdrop.outlineTint);
  const png = new PNG({ width, height });
  png.data = Buffer.from(canvas.data);
  return PNG.sync.write(png);
}

/** Box-filters an image to half its size (premultiplied, so transparent edges stay clean). */
function halve(image: RgbaImage): RgbaImage {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const sums = [0, 0, 0, 0];
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const i = ((2 * y + dy) * image.width + 2 * x + dx) * 4;
        const a = image.data[i + 3] ?? 0;
        for (let c = 0; c < 3; c += 1) sums[c] = (sums[c] ?? 0) + (image.data[i + c] ?? 0) * a;
        sums[3] = (sums[3] ?? 0) + a;
      }
      const alpha = sums[3] ?? 0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c += 1) data[o + c] = alpha === 0 ? 0 : Math.round((sums[c] ?? 0) / alpha);
      data[o + 3] = Math.round(alpha / 4);
    }
  }
  return { width, height, data };
}
