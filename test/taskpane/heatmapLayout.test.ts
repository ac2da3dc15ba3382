import type { HeatmapData } from "../../src/excel/operations";
import { contrastRatio } from "../../src/core/color";
import { cellLabel, countsByRating, HEATMAP_GEOMETRY, layoutHeatmap, moveFocus } from "../../src/taskpane/heatmapLayout";
import { defaultBands, defaultScales } from "../../src/core/scales";

/** A 5×5 heatmap with default scales and a few risks. */
function sampleHeatmap(): HeatmapData {
  const scales = defaultScales(5);
  const bandFor = (score: number) => defaultBands(5).find((b) => score >= b.min && score <= b.max)!;
  const grid = <T,>(fill: (l: number, i: number) => T): T[][] => Array.from({ length: 5 }, (_, l) => Array.from({ length: 5 }, (_, i) => fill(l + 1, i + 1)));
  return {
    size: 5,
    likelihoodLabels: scales.likelihood.map((l) => l.label),
    impactLabels: scales.impact.map((i) => i.label),
    inherent: grid((l, i) => (l === 4 && i === 5 ? 3 : l === 1 && i === 1 ? 2 : 0)),
    residual: grid((l, i) => (l === 2 && i === 3 ? 4 : 0)),
    rating: grid((l, i) => bandFor(l * i).rating),
    color: grid((l, i) => bandFor(l * i).color),
  };
}

describe("heatmap layout", () => {
  const data = sampleHeatmap();

  it("puts the highest likelihood at the top and impact 1 at the left", () => {
    const { cells } = layoutHeatmap(data, "inherent");
    const topLeft = cells.reduce((best, c) => (c.y < best.y || (c.y === best.y && c.x < best.x) ? c : best));
    expect(topLeft).toMatchObject({ likelihood: 5, impact: 1, y: 0 });
    const bottomRight = cells.reduce((best, c) => (c.y > best.y || (c.y === best.y && c.x > best.x) ? c : best));
    expect(bottomRight).toMatchObject({ likelihood: 1, impact: 5 });
    expect(cells).toHaveLength(25);
  });

  it("shows the count of the chosen kind and the rating in each cell", () => {
    const inherent = layoutHeatmap(data, "inherent").cells.find((c) => c.likelihood === 4 && c.impact === 5)!;
    expect(inherent).toMatchObject({ count: 3, rating: "Critical" });
    const residual = layoutHeatmap(data, "residual").cells.find((c) => c.likelihood === 4 && c.impact === 5)!;
    expect(residual.count).toBe(0);
  });

  it("names each cell for screen readers", () => {
    expect(cellLabel(data, "inherent", 4, 5)).toBe("Likelihood 4 Likely, Impact 5 Severe: 3 risks, Critical");
    expect(cellLabel(data, "inherent", 1, 1)).toBe("Likelihood 1 Rare, Impact 1 Insignificant: 2 risks, Low");
    expect(cellLabel(data, "residual", 1, 2)).toBe("Likelihood 1 Rare, Impact 2 Minor: 0 risks, Low");
  });

  it("picks label colours that meet AA contrast on every fill", () => {
    for (const cell of layoutHeatmap(data, "residual").cells) {
      expect(contrastRatio(cell.fill, cell.textColor)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("fits a 6×6 grid in a 320 px pane", () => {
    const six = { ...data, size: 6 };
    expect(layoutHeatmap(six, "inherent").width).toBe(HEATMAP_GEOMETRY.axisLabelWidth + 6 * HEATMAP_GEOMETRY.cellSize);
    expect(layoutHeatmap(six, "inherent").width).toBeLessThanOrEqual(296);
  });

  it("moves focus with arrow keys the way the grid is drawn, stopping at the edges", () => {
    expect(moveFocus({ likelihood: 3, impact: 3 }, "ArrowUp", 5)).toEqual({ likelihood: 4, impact: 3 });
    expect(moveFocus({ likelihood: 3, impact: 3 }, "ArrowDown", 5)).toEqual({ likelihood: 2, impact: 3 });
    expect(moveFocus({ likelihood: 5, impact: 5 }, "ArrowUp", 5)).toEqual({ likelihood: 5, impact: 5 });
    expect(moveFocus({ likelihood: 1, impact: 1 }, "ArrowLeft", 5)).toEqual({ likelihood: 1, impact: 1 });
    expect(moveFocus({ likelihood: 2, impact: 2 }, "End", 5)).toEqual({ likelihood: 2, impact: 5 });
    expect(moveFocus({ likelihood: 2, impact: 2 }, "Tab", 5)).toBeUndefined();
  });

  it("totals risks by rating from low to critical", () => {
    expect(countsByRating(data, "inherent")).toEqual([
      { rating: "Low", count: 2, color: "#A9D08E" },
      { rating: "Medium", count: 0, color: "#FFE699" },
      { rating: "High", count: 0, color: "#F4B183" },
      { rating: "Critical", count: 3, color: "#C00000" },
    ]);
    expect(countsByRating(data, "residual").find((r) => r.rating === "Medium")!.count).toBe(4);
  });
});
