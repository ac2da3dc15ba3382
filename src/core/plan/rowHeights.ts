/**
 * The rows a build writes get heights that fit their wrapped text (see blueprint/textFit.ts): the
 * header row of a new table (its headers wrap where they are wider than their column) and every
 * seeded or appended row. Rows the analyst typed are never resized.
 */
import { cellAddress, columnLetter } from "../a1";
import { CellValue, ColumnSpec } from "../blueprint/types";
import { DEFAULT_ROW_HEIGHT, displayText, FittedCell, fittedRowHeight, textWidth } from "../blueprint/textFit";
import { PlanStep } from "./steps";

const HEADER_PADDING = 5;

export interface SizedRows {
  sheet: string;
  firstColumn: number;
  /** 0-based sheet row of the header when the header row is new too. */
  headerRow?: number;
  /** Columns in sheet order (undefined: a column the blueprint does not know, left alone). */
  columns: ReadonlyArray<ColumnSpec | undefined>;
  /** 0-based sheet row of the first row in `rows`. */
  firstRow: number;
  /** Cells in sheet order, as `columns`. */
  rows: ReadonlyArray<readonly CellValue[]>;
}

const headerWraps = (column: ColumnSpec) => textWidth(column.header, undefined, true) > column.width - HEADER_PADDING;

/** One rowHeights step, or none when every row fits the default height. */
export function rowHeightSteps(sized: SizedRows): PlanStep[] {
  const heights: Array<{ row: number; height: number }> = [];
  const wrap: string[] = [];
  if (sized.headerRow !== undefined) {
    const cells: FittedCell[] = [];
    sized.columns.forEach((column, i) => {
      if (!column) return;
      const wraps = headerWraps(column);
      if (wraps) wrap.push(cellAddress({ row: sized.headerRow!, column: sized.firstColumn + i }));
      cells.push({ text: column.header, width: column.width, wrap: wraps, bold: true });
    });
    heights.push({ row: sized.headerRow, height: fittedRowHeight(cells) });
  }
  sized.rows.forEach((row, r) => {
    const cells: FittedCell[] = [];
    sized.columns.forEach((column, i) => {
      if (column?.wrapText) cells.push({ text: displayText(row[i]), width: column.width, wrap: true });
    });
    heights.push({ row: sized.firstRow + r, height: fittedRowHeight(cells) });
  });
  const letter = columnLetter(sized.firstColumn);
  const runs: Array<{ address: string; height: number }> = [];
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1].height === heights[i].height && heights[j + 1].row === heights[j].row + 1) j++;
    if (heights[i].height > DEFAULT_ROW_HEIGHT) runs.push({ address: `${letter}${heights[i].row + 1}:${letter}${heights[j].row + 1}`, height: heights[i].height });
    i = j + 1;
  }
  if (runs.length === 0 && wrap.length === 0) return [];
  return [{ kind: "rowHeights", sheet: sized.sheet, runs, ...(wrap.length > 0 ? { wrap } : {}) }];
}
