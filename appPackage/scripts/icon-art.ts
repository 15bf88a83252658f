/**
 * The Paragraf mark: a section sign (§) drawn from six elliptical arcs, so the icons need no font
 * and render the same on every machine. Geometry lives on a 100×100 grid centred on (50, 50).
 */

/** Background of the colour icon; also the manifest's accentColor. */
export const ACCENT_COLOR = "#1D4F91";

const HOOK_RX = 14;
const HOOK_RY = 11;
const TERMINAL_ANGLE_DEG = -35;

/**
 * The two strokes of the §: the upper one starts at the top-right terminal, sweeps over the top
 * into the right half of the middle loop; the lower one is the same stroke turned 180°.
 */
export function sectionSignPaths(): [string, string] {
  const topCentreY = 50 - 2 * HOOK_RY;
  const angle = (TERMINAL_ANGLE_DEG * Math.PI) / 180;
  const startX = 50 + HOOK_RX * Math.cos(angle);
  const startY = topCentreY + HOOK_RY * Math.sin(angle);
  const arc = (large: 0 | 1, sweep: 0 | 1, y: number) => `A ${HOOK_RX} ${HOOK_RY} 0 ${large} ${sweep} 50 ${y}`;
  const upper = `M ${startX.toFixed(2)} ${startY.toFixed(2)} ${arc(1, 0, 50 - HOOK_RY)} ${arc(0, 1, 50 + HOOK_RY)}`;
  const lower = `M ${(100 - startX).toFixed(2)} ${(100 - startY).toFixed(2)} ${arc(1, 0, 50 + HOOK_RY)} ${arc(0, 1, 50 - HOOK_RY)}`;
  return [upper, lower];
}

function strokes(colour: string, width: number): string {
  const [upper, lower] = sectionSignPaths();
  return `<g fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round">` +
    `<path d="${upper}"/><path d="${lower}"/></g>`;
}

/** 192×192 colour icon: a white § on a full-bleed accent square (Teams rounds the corners itself). */
export function colorIconSvg(size = 192): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" fill="${ACCENT_COLOR}"/>${strokes("#FFFFFF", 7.5)}</svg>`;
}

/** 32×32 outline icon: the same § in white on transparent, cropped tighter and drawn bolder for 32 px. */
export function outlineIconSvg(size = 32): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="8 8 84 84">` +
    `${strokes("#FFFFFF", 9)}</svg>`;
}
