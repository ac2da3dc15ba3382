import { contrastRatio, mix, parseHex, readableTextColor, relativeLuminance, toHex } from "../../src/core/color";
import { defaultBands } from "../../src/core/scales";

describe("contrast helper", () => {
  it("gives the WCAG reference ratios", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#FFFFFF", "#FFFFFF")).toBeCloseTo(1, 5);
    // WebAIM reference: #767676 on white is 4.54:1.
    expect(contrastRatio("#767676", "#FFFFFF")).toBeCloseTo(4.54, 2);
  });

  it("is symmetric and accepts 3-digit colours", () => {
    expect(contrastRatio("#F4B183", "#000")).toBeCloseTo(contrastRatio("#000000", "#f4b183"), 10);
  });

  it("chooses white text on the dark Critical red and black on the light bands", () => {
    const colours = Object.fromEntries(defaultBands(5).map((b) => [b.rating, b.color]));
    expect(readableTextColor(colours.Critical)).toBe("#FFFFFF");
    expect(readableTextColor(colours.Low)).toBe("#000000");
    expect(readableTextColor(colours.Medium)).toBe("#000000");
  });

  it("always reaches AA 4.5:1 whatever the fill", () => {
    for (let v = 0; v <= 255; v += 5) {
      for (const fill of [toHex({ r: v, g: v, b: v }), toHex({ r: v, g: 0, b: 0 }), toHex({ r: 0, g: v, b: 255 - v })]) {
        expect(contrastRatio(fill, readableTextColor(fill))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("mixes and round-trips colours", () => {
    expect(mix("#000000", "#FFFFFF", 0.5)).toBe("#808080");
    expect(toHex(parseHex("#217346"))).toBe("#217346");
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 5);
  });

  it("rejects things that are not colours", () => {
    expect(() => parseHex("green")).toThrow(/Not a hex colour/);
  });
});
