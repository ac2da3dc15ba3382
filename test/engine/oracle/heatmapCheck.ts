/**
 * Heatmap: each grid cell counts the risks at its likelihood (rows, highest at the top) and impact
 * (columns); labels come from the scales, totals add up, the legend repeats the bands.
 */
import { cellAddress } from "../../../src/core/a1";
import { gridPlacements, HEATMAP_NAMES, LEGEND_LEFT, legendRow, HEATMAP_SHEET, type HeatmapKind } from "../../../src/core/blueprint/heatmapSheet";
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { SCALE_TABLES } from "../../../src/core/blueprint/scalesSheet";
import { parseScaleLevel } from "../../../src/core/scoring";
import type { EngineWorkbook } from "../engineWorkbook";
import type { SheetCheck } from "./check";
import { text, type CheckContext } from "./context";
import type { Expectation, ExpectedValue } from "./expectation";

const LEVELS: Record<HeatmapKind, { likelihood: string; impact: string; score: string }> = {
  inherent: { likelihood: RISK.inherentLikelihood, impact: RISK.inherentImpact, score: RISK.inherentScore },
  residual: { likelihood: RISK.residualLikelihood, impact: RISK.residualImpact, score: RISK.residualScore },
};

function labelsByLevel(book: EngineWorkbook, table: string): Map<number, string> {
  return new Map(book.table(table).map((row) => [Number(row["Level"].value), text(row["Label"].value)]));
}

function gridExpectations({ book }: CheckContext, kind: HeatmapKind, size: number): Expectation[] {
  const grid = book.name(HEATMAP_NAMES[kind]);
  const risks = book.table(RISKS_TABLE);
  const columns = LEVELS[kind];
  const count = (likelihood: number, impact: number) =>
    risks.filter((r) => parseScaleLevel(r[columns.likelihood].value) === likelihood && parseScaleLevel(r[columns.impact].value) === impact).length;
  const likelihoodLabels = labelsByLevel(book, SCALE_TABLES.likelihood);
  const impactLabels = labelsByLevel(book, SCALE_TABLES.impact);
  const placement = gridPlacements(size).find((p) => p.kind === kind);
  if (!placement) throw new Error(`No placement for the ${kind} heatmap`);
  const { top, left } = placement;
  const cellAt = (row: number, column: number) => book.cell(HEATMAP_SHEET, cellAddress({ row, column }));
  const expect = (row: number, column: number, rule: string, expected: ExpectedValue): Expectation => ({ cell: cellAt(row, column), rule: `Heatmap ${kind}: ${rule}`, expected });

  const counts = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => count(size - r, c + 1)));
  const expectations: Expectation[] = [];
  for (let r = 0; r < size; r++) {
    const likelihood = size - r;
    expectations.push(expect(top + r, left - 2, `label of likelihood ${likelihood}`, likelihoodLabels.get(likelihood) ?? ""));
    for (let c = 0; c < size; c++) {
      expectations.push({ cell: grid[r][c], rule: `Heatmap ${kind}: risks at likelihood ${likelihood}, impact ${c + 1}`, expected: counts[r][c] });
    }
    expectations.push(expect(top + r, left + size, `total of likelihood ${likelihood}`, counts[r].reduce((a, b) => a + b, 0)));
  }
  for (let c = 0; c < size; c++) {
    expectations.push(expect(top + size + 1, left + c, `label of impact ${c + 1}`, impactLabels.get(c + 1) ?? ""));
    expectations.push(expect(top + size + 2, left + c, `total of impact ${c + 1}`, counts.reduce((sum, row) => sum + row[c], 0)));
  }
  const scored = risks.filter((r) => typeof r[columns.score].value === "number" && (r[columns.score].value as number) > 0).length;
  expectations.push(expect(top + size + 2, left + size, "grand total", counts.flat().reduce((a, b) => a + b, 0)));
  expectations.push(expect(top + size + 3, left + size, "scored risks", scored));
  return expectations;
}

/** The legend under the grids: one row per band, columns Rating, Scores, Review every, Action. */
function legendExpectations({ book }: CheckContext, size: number): Expectation[] {
  const firstRow = legendRow(size) + 2;
  const column = LEGEND_LEFT;
  return book.table(SCALE_TABLES.bands).flatMap((band, i) => {
    const row = firstRow + i;
    const at = (offset: number) => book.cell(HEATMAP_SHEET, cellAddress({ row, column: column + offset }));
    const rule = `Heatmap legend for band ${i + 1}`;
    return [
      { cell: at(0), rule: `${rule}: rating`, expected: text(band["Rating"].value) },
      { cell: at(1), rule: `${rule}: scores`, expected: `${text(band["Min Score"].value)}-${text(band["Max Score"].value)}` },
      { cell: at(2), rule: `${rule}: review every`, expected: band["Review Every (days)"].value },
      { cell: at(3), rule: `${rule}: action`, expected: text(band["Action"].value) },
    ];
  });
}

export const heatmapCheck: SheetCheck = {
  sheet: HEATMAP_SHEET,
  expectations: (context) => {
    if (!context.book.hasName(HEATMAP_NAMES.inherent)) return [];
    const size = context.book.name(HEATMAP_NAMES.inherent).length;
    return [...gridExpectations(context, "inherent", size), ...gridExpectations(context, "residual", size), ...legendExpectations(context, size)];
  },
};
