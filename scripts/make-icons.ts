/**
 * Draws the add-in logo (a navy shield holding a 3x3 risk heatmap) at every size the manifest
 * declares and writes assets/icon-<size>.png. Run: `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];

const TRANSPARENT: Rgba = [0, 0, 0, 0];
const SHIELD_TOP: Rgba = [0x2b, 0x57, 0x9a, 255];
const SHIELD_BOTTOM: Rgba = [0x14, 0x2f, 0x5c, 255];
/** Low → high risk, indexed by row + column of the heatmap cell. */
const HEAT_COLORS: readonly Rgba[] = [
  [0x4c, 0xaf, 0x50, 255],
  [0x9c, 0xcc, 0x65, 255],
  [0xff, 0xc1, 0x07, 255],
  [0xff, 0x8a, 0x3d, 255],
  [0xe5, 0x39, 0x35, 255],
];

const SHIELD = { top: 0.06, shoulder: 0.5, tip: 0.96, halfWidth: 0.4 };
const GRID = { left: 0.27, top: 0.2, size: 0.46, cells: 3, gap: 0.035 };
/** Sub-samples per pixel edge: 4x4 samples give smooth edges even at 16 px. */
const SUPERSAMPLE = 4;

function shieldHalfWidth(v: number): number {
  if (v < SHIELD.top || v > SHIELD.tip) return -1;
  if (v <= SHIELD.shoulder) return SHIELD.halfWidth;
  const t = (v - SHIELD.shoulder) / (SHIELD.tip - SHIELD.shoulder);
  return SHIELD.halfWidth * (1 - Math.pow(t, 1.7));
}

function heatCellAt(u: number, v: number): Rgba | undefined {
  const pitch = GRID.size / GRID.cells;
  const column = Math.floor((u - GRID.left) / pitch);
  const row = Math.floor((v - GRID.top) / pitch);
  if (column < 0 || row < 0 || column >= GRID.cells || row >= GRID.cells) return undefined;
  const insideCellU = u - GRID.left - column * pitch;
  const insideCellV = v - GRID.top - row * pitch;
  const halfGap = GRID.gap / 2;
  if (insideCellU < halfGap || insideCellU > pitch - halfGap) return undefined;
  if (insideCellV < halfGap || insideCellV > pitch - halfGap) return undefined;
  // Row 0 is the top (highest likelihood), so risk grows up and to the right.
  return HEAT_COLORS[column + (GRID.cells - 1 - row)];
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2, 3].map((i) => a[i] + (b[i] - a[i]) * t) as unknown as Rgba;
}

/** Colour of the logo at normalised coordinates (0..1 on both axes). */
export function logoColorAt(u: number, v: number): Rgba {
  if (Math.abs(u - 0.5) > shieldHalfWidth(v)) return TRANSPARENT;
  return heatCellAt(u, v) ?? mix(SHIELD_TOP, SHIELD_BOTTOM, v);
}

export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Average premultiplied colour so transparent samples do not darken the edges.
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [r, g, b, a] = logoColorAt((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size);
          red += r * a; green += g * a; blue += b * a; alpha += a;
        }
      }
      const offset = (y * size + x) * 4;
      png.data[offset] = alpha ? Math.round(red / alpha) : 0;
      png.data[offset + 1] = alpha ? Math.round(green / alpha) : 0;
      png.data[offset + 2] = alpha ? Math.round(blue / alpha) : 0;
      png.data[offset + 3] = Math.round(alpha / samples);
    }
  }
  return png;
}

export function writeIcons(assetDir: string): string[] {
  mkdirSync(assetDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(assetDir, `icon-${size}.png`);
    writeFileSync(file, PNG.sync.write(drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(join(__dirname, "..", "assets"))) console.log(`wrote ${file}`);
}
