import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Tandem's icons, drawn from geometry so they can be re-made at any size: two interlocking rings —
 * a mentor and a mentee — white on Tandem's teal (colour icon, full bleed as Teams asks), white
 * on transparent (outline icon), or teal on transparent (the Outlook ribbon's 16/32/80 px button,
 * which Outlook fetches from the tab's host, hence `tab/public/addin/`). Run
 * `npx tsx appPackage/scripts/icons.ts` to regenerate them.
 */
export const TANDEM_TEAL = { r: 0x0f, g: 0x6e, b: 0x6e };

type Rgba = [number, number, number, number];

/** Coverage (0–1) of the two rings at a point, by 4 × 4 supersampling of each pixel. */
function ringsCoverage(size: number, x: number, y: number): number {
  const radius = size * 0.2;
  const stroke = Math.max(1.6, size * 0.075);
  const centres = [
    [size * 0.38, size * 0.5],
    [size * 0.62, size * 0.5],
  ] as const;
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const hit = centres.some(
        ([cx, cy]) => Math.abs(Math.hypot(px - cx, py - cy) - radius) <= stroke / 2,
      );
      if (hit) inside++;
    }
  }
  return inside / 16;
}

/** The sizes Outlook asks of a ribbon group or button (unified manifest `extensionCommonIcon`). */
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;

/** Where a ribbon icon lives under the tab's static files (and so its URL path on the tab domain). */
export const ribbonIconPath = (size: number) => `addin/icon-${size}.png`;

export function drawIcon(size: number, background: Rgba | null, ink: Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = ringsCoverage(size, x, y);
      const base: Rgba = background ?? [ink[0], ink[1], ink[2], 0];
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(base[c]! * (1 - a) + ink[c]! * a);
      png.data[i + 3] = background ? 255 : Math.round(ink[3] * a);
    }
  }
  return png;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const teal: Rgba = [TANDEM_TEAL.r, TANDEM_TEAL.g, TANDEM_TEAL.b, 255];
  const white: Rgba = [255, 255, 255, 255];
  writeFileSync(`${dir}color.png`, PNG.sync.write(drawIcon(192, teal, white)));
  writeFileSync(`${dir}outline.png`, PNG.sync.write(drawIcon(32, null, white)));
  const ribbon = join(dir, '..', 'tab', 'public');
  mkdirSync(join(ribbon, 'addin'), { recursive: true });
  for (const size of RIBBON_ICON_SIZES) {
    writeFileSync(join(ribbon, ribbonIconPath(size)), PNG.sync.write(drawIcon(size, null, teal)));
  }
  console.log('Wrote appPackage/color.png, appPackage/outline.png and tab/public/addin/icon-*.png');
}
