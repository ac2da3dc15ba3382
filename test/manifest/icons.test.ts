import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { drawIcon, ICON_SIZES } from "../../scripts/make-icons";
import { readPngSize } from "../../scripts/manifest/pngSize";

const assetDir = join(__dirname, "..", "..", "assets");

function alphaAt(png: PNG, x: number, y: number): number {
  return png.data[(y * png.width + x) * 4 + 3];
}

describe("the add-in icons", () => {
  it.each(ICON_SIZES)("assets/icon-%i.png is the committed output of scripts/make-icons.ts", (size) => {
    const committed = PNG.sync.read(readFileSync(join(assetDir, `icon-${size}.png`)));
    const drawn = drawIcon(size);
    expect([committed.width, committed.height]).toEqual([size, size]);
    expect(Buffer.from(committed.data).equals(Buffer.from(drawn.data))).toBe(true);
  });

  it("draws an opaque shield on a transparent background", () => {
    const icon = drawIcon(64);
    expect(alphaAt(icon, 0, 0)).toBe(0);
    expect(alphaAt(icon, 63, 63)).toBe(0);
    expect(alphaAt(icon, 32, 10)).toBe(255);
    expect(alphaAt(icon, 32, 50)).toBe(255);
  });
});

describe("readPngSize", () => {
  it("reads width and height from the IHDR chunk", () => {
    expect(readPngSize(PNG.sync.write(new PNG({ width: 80, height: 40 })))).toEqual({ width: 80, height: 40 });
  });

  it("returns undefined for bytes that are not a PNG", () => {
    expect(readPngSize(Buffer.from("GIF89a not a png at all, long enough"))).toBeUndefined();
    expect(readPngSize(new Uint8Array(0))).toBeUndefined();
  });
});
