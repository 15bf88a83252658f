/**
 * Checks on the two icons the Teams package must carry: the colour icon is a 192×192 PNG, the outline
 * icon a 32×32 PNG that is white on a transparent background. Problems come back as sentences.
 */
import { PNG } from "pngjs";

/** Decoded RGBA pixels of a PNG (8 bits per channel, non-premultiplied). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes PNG bytes, or returns a sentence saying why the bytes are not a PNG. */
export function decodePng(bytes: Uint8Array): RgbaImage | string {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return "is not a PNG file";
  try {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, data: png.data };
  } catch (error) {
    return `is not a readable PNG (${(error as Error).message})`;
  }
}

/** Reads the alpha value at (x, y). */
function alphaAt(image: RgbaImage, x: number, y: number): number {
  return image.data[(y * image.width + x) * 4 + 3] ?? 0;
}

/** Checks the colour icon: a PNG of exactly 192×192. */
export function checkColorIcon(name: string, bytes: Uint8Array): string[] {
  const image = decodePng(bytes);
  if (typeof image === "string") return [`color icon ${name} ${image}`];
  if (image.width !== 192 || image.height !== 192) {
    return [`color icon ${name} is ${image.width}×${image.height}; Teams requires 192×192`];
  }
  return [];
}

/**
 * Checks the outline icon: a PNG of exactly 32×32 whose background is transparent and whose visible
 * pixels are white (Teams recolours it as a mask, so any other colour shows up as a smudge).
 */
export function checkOutlineIcon(name: string, bytes: Uint8Array): string[] {
  const image = decodePng(bytes);
  if (typeof image === "string") return [`outline icon ${name} ${image}`];
  if (image.width !== 32 || image.height !== 32) {
    return [`outline icon ${name} is ${image.width}×${image.height}; Teams requires 32×32`];
  }
  const problems: string[] = [];
  const corners: Array<[number, number]> = [[0, 0], [31, 0], [0, 31], [31, 31]];
  if (corners.some(([x, y]) => alphaAt(image, x, y) !== 0)) {
    problems.push(`outline icon ${name} has no transparent background (its corners are not transparent)`);
  }
  let visible = 0;
  let coloured = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if ((image.data[i + 3] ?? 0) === 0) continue;
    visible += 1;
    const [r, g, b] = [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
    if (Math.min(r, g, b) < 245) coloured += 1;
  }
  if (visible === 0) problems.push(`outline icon ${name} is fully transparent`);
  if (coloured > 0) problems.push(`outline icon ${name} has ${coloured} visible pixels that are not white`);
  return problems;
}
