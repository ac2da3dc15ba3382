/**
 * The Heatmap sheet: inherent and residual grids sized from the Scales sheet. Likelihood runs up
 * the vertical axis (highest at the top), impact along the horizontal axis. Each cell is a native
 * COUNTIFS over the Risks table, filled with its rating band's colour and labelled with the
 * rating, so it still reads in grayscale print.
 */
import { cellAddress, columnLetter } from "../a1";
import { labelColorFor } from "../color";
import { ratingFor, riskScore } from "../scoring";
import { Scales } from "../scales";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { SCALE_TABLES } from "./scalesSheet";
import { SECTION, SUBTITLE, TITLE } from "./style";
import { BlockSpec, CellValue, SheetSpec, tableColumn } from "./types";

export const HEATMAP_SHEET = "Heatmap";
export const HEATMAP_NAMES = { inherent: "HeatmapInherent", residual: "HeatmapResidual" } as const;
export type HeatmapKind = keyof typeof HEATMAP_NAMES;

/** Where a grid sits: 0-based row of its top count row and column of its first count column. */
export interface GridPlacement {
  kind: HeatmapKind;
  top: number;
  left: number;
}

const GRID_TOP = 5; // row 6: room for title, subtitle, section caption and header
const LABEL_COLUMNS = 2; // label and level number to the left of the counts
/** The legend starts in column A, so its Action text has the printed width to its right to run into. */
export const LEGEND_LEFT = 0;
/** The printed area reaches at least column H: room for the longest default action at 7 pt. */
const MIN_LAST_PRINTED_COLUMN = 7;
const GRID_ROW_HEIGHT = 30; // square-ish cells that read at a glance
/** Width of a count column (points): "0 · Critical" in bold. */
const COUNT_WIDTH = 66;

/** Rows a grid takes below its top count row: impact levels, impact labels, totals, scored risks. */
const ROWS_BELOW_GRID = 4;
/** Caption and header rows above a grid's top count row, and a blank row before the next block. */
const ROWS_ABOVE_GRID = 2;

/**
 * The residual grid sits under the inherent one (not beside it), so the sheet is narrow enough to
 * print on one landscape page with its labels at 7 pt or more.
 */
export function gridPlacements(size: number): GridPlacement[] {
  const below = size + ROWS_BELOW_GRID + 1;
  return [
    { kind: "inherent", top: GRID_TOP, left: LABEL_COLUMNS },
    { kind: "residual", top: GRID_TOP + below + ROWS_ABOVE_GRID, left: LABEL_COLUMNS },
  ];
}

/** 0-based row of the legend caption: under the last grid. */
export function legendRow(size: number): number {
  return gridPlacements(size)[1].top + size + ROWS_BELOW_GRID + 1;
}

const risks = (column: string) => tableColumn(RISKS_TABLE, column);
const columnsFor = (kind: HeatmapKind) =>
  kind === "inherent"
    ? { likelihood: RISK.inherentLikelihood, impact: RISK.inherentImpact, score: RISK.inherentScore }
    : { likelihood: RISK.residualLikelihood, impact: RISK.residualImpact, score: RISK.residualScore };

/** The band of a grid cell, as the register would rate a risk there. */
export function cellBand(scales: Scales, likelihood: number, impact: number) {
  return ratingFor(riskScore(likelihood, impact, scales.method === "matrix" ? scales.matrix : undefined), scales.bands);
}

function gridBlocks(scales: Scales, { kind, top, left }: GridPlacement): BlockSpec[] {
  const n = scales.size;
  const cols = columnsFor(kind);
  const labelCol = left - 2;
  const levelCol = left - 1;
  const totalCol = left + n;
  const impactLevelRow = top + n;
  const impactLabelRow = top + n + 1;
  const totalRow = top + n + 2;
  const at = (row: number, column: number) => cellAddress({ row, column });
  const abs = (row: number, column: number, absRow: boolean, absCol: boolean) =>
    `${absCol ? "$" : ""}${columnLetter(column)}${absRow ? "$" : ""}${row + 1}`;
  const blocks: BlockSpec[] = [];

  blocks.push({
    address: at(top - 2, labelCol),
    values: [[kind === "inherent" ? "Inherent risk (before treatment)" : "Residual risk (after treatment)"]],
    format: SECTION,
  });
  blocks.push({
    address: `${at(top - 1, labelCol)}:${at(top - 1, totalCol)}`,
    values: [["Likelihood", "Level", ...Array.from({ length: n }, () => null), "Total"]],
    format: { bold: true, fontColor: "#404040" },
  });

  for (let r = 0; r < n; r++) {
    const likelihood = n - r;
    const row = top + r;
    const levelRef = abs(row, levelCol, false, true);
    blocks.push({
      address: `${at(row, labelCol)}:${at(row, levelCol)}`,
      values: [[`=IFERROR(INDEX(${tableColumn(SCALE_TABLES.likelihood, "Label")},MATCH(${levelRef},${tableColumn(SCALE_TABLES.likelihood, "Level")},0)),"")`, likelihood]],
      format: { bold: true, horizontalAlignment: "Right", verticalAlignment: "Center" },
      rowHeight: GRID_ROW_HEIGHT,
    });
    for (let c = 0; c < n; c++) {
      const impact = c + 1;
      const band = cellBand(scales, likelihood, impact);
      const fill = band?.color ?? "#FFFFFF";
      blocks.push({
        address: at(row, left + c),
        values: [[`=COUNTIFS(${risks(cols.likelihood)},${levelRef},${risks(cols.impact)},${abs(impactLevelRow, left + c, true, false)})`]],
        format: {
          fill,
          fontColor: labelColorFor(fill),
          bold: true,
          horizontalAlignment: "Center",
          verticalAlignment: "Center",
          numberFormat: band ? `0" · ${band.rating}"` : "0",
        },
        ...(band ? { band: scales.bands.indexOf(band) + 1 } : {}),
      });
    }
    blocks.push({ address: at(row, totalCol), values: [[`=SUM(${at(row, left)}:${at(row, left + n - 1)})`]], format: { bold: true, horizontalAlignment: "Center" } });
  }

  blocks.push({
    address: `${at(impactLevelRow, labelCol)}:${at(impactLevelRow, left + n - 1)}`,
    values: [["Impact", "Level", ...Array.from({ length: n }, (_, c) => c + 1)]],
    format: { bold: true, horizontalAlignment: "Center" },
  });
  blocks.push({
    address: `${at(impactLabelRow, left)}:${at(impactLabelRow, left + n - 1)}`,
    values: [
      Array.from({ length: n }, (_, c) => {
        const levelRef = abs(impactLevelRow, left + c, true, false);
        return `=IFERROR(INDEX(${tableColumn(SCALE_TABLES.impact, "Label")},MATCH(${levelRef},${tableColumn(SCALE_TABLES.impact, "Level")},0)),"")`;
      }),
    ],
    format: { bold: true, horizontalAlignment: "Center", wrapText: true },
  });
  const totals: CellValue[] = ["Total", null];
  for (let c = 0; c < n; c++) totals.push(`=SUM(${at(top, left + c)}:${at(top + n - 1, left + c)})`);
  totals.push(`=SUM(${at(top, left)}:${at(top + n - 1, left + n - 1)})`);
  blocks.push({ address: `${at(totalRow, labelCol)}:${at(totalRow, totalCol)}`, values: [totals], format: { bold: true, horizontalAlignment: "Center" } });
  blocks.push({
    address: `${at(totalRow + 1, labelCol)}:${at(totalRow + 1, totalCol)}`,
    values: [["Scored risks", null, ...Array.from({ length: n }, () => null), `=COUNTIFS(${risks(cols.score)},">0")`]],
    format: { italic: true, fontColor: "#404040", horizontalAlignment: "Center" },
  });
  return blocks;
}

function legendBlocks(scales: Scales, row: number): BlockSpec[] {
  const blocks: BlockSpec[] = [
    { address: cellAddress({ row, column: 0 }), values: [["Legend: rating bands (Scales sheet)"]], format: SECTION },
    {
      address: `${cellAddress({ row: row + 1, column: LEGEND_LEFT })}:${cellAddress({ row: row + 1, column: LEGEND_LEFT + 3 })}`,
      values: [["Rating", "Scores", "Review every (days)", "Action"]],
      format: { bold: true, fill: "#D9E1F2", wrapText: true, verticalAlignment: "Bottom" },
      rowHeight: 30,
    },
  ];
  const bands = (column: string, i: number) => `INDEX(${tableColumn(SCALE_TABLES.bands, column)},${i})`;
  scales.bands.forEach((band, i) => {
    const r = row + 2 + i;
    blocks.push({
      address: cellAddress({ row: r, column: LEGEND_LEFT }),
      values: [[`=${bands("Rating", i + 1)}`]],
      format: { fill: band.color, fontColor: labelColorFor(band.color), bold: true },
    });
    blocks.push({
      address: `${cellAddress({ row: r, column: LEGEND_LEFT + 1 })}:${cellAddress({ row: r, column: LEGEND_LEFT + 3 })}`,
      values: [[`=${bands("Min Score", i + 1)}&"-"&${bands("Max Score", i + 1)}`, `=${bands("Review Every (days)", i + 1)}`, `=${bands("Action", i + 1)}&""`]],
    });
  });
  return blocks;
}

export function heatmapSheet(scales: Scales): SheetSpec {
  const placements = gridPlacements(scales.size);
  const n = scales.size;
  const legend = legendRow(n);
  const lastColumn = Math.max(placements[1].left + n, MIN_LAST_PRINTED_COLUMN);
  return {
    key: "heatmap",
    name: HEATMAP_SHEET,
    tabColor: "#FF0000",
    ownerName: HEATMAP_NAMES.inherent,
    blocks: [
      { address: "A1", values: [["Risk heatmaps"]], format: TITLE },
      { address: "A2", values: [["Number of risks in each likelihood x impact cell, coloured and labelled by rating band."]], format: SUBTITLE },
      { address: "A3", values: [["Totals reconcile with the scored risks."]], format: SUBTITLE },
      ...placements.flatMap((p) => gridBlocks(scales, p)),
      ...legendBlocks(scales, legend),
    ],
    tables: [],
    names: placements.map((p) => ({
      name: HEATMAP_NAMES[p.kind],
      formula: `='${HEATMAP_SHEET}'!${cellAddress({ row: p.top, column: p.left }, true)}:${cellAddress({ row: p.top + n - 1, column: p.left + n - 1 }, true)}`,
      comment: `${p.kind === "inherent" ? "Inherent" : "Residual"} heatmap counts: top row = highest likelihood, left column = lowest impact`,
    })),
    columnWidths: [
      { column: columnLetter(LABEL_COLUMNS - 2), width: 84 },
      { column: columnLetter(LABEL_COLUMNS - 1), width: 36 },
      ...Array.from({ length: n + 1 }, (_, c) => ({ column: columnLetter(LABEL_COLUMNS + c), width: COUNT_WIDTH })),
    ],
    // Portrait: the stacked grids are taller than wide, so a portrait page prints them largest.
    print: { orientation: "Portrait", fitToWidth: true, onePage: true, printArea: `A1:${columnLetter(lastColumn)}${legend + 2 + scales.bands.length}` },
  };
}
