/** What the user typed: every constant (non-formula) cell of the workbook, for before/after comparison. */
import type { HeadlessWorkbook } from "../src/headless";

export type CellSnapshot = Map<string, string | number | boolean>;

export function constantCells(workbook: HeadlessWorkbook): CellSnapshot {
  const cells: CellSnapshot = new Map();
  for (const sheet of workbook.sheets) {
    for (const [row, columns] of sheet.rows) {
      for (const [col, cell] of columns) {
        if (cell.formula === undefined && cell.value !== undefined) cells.set(`${sheet.id}!${row}:${col}`, cell.value);
      }
    }
  }
  return cells;
}

/** Cells of `before` that are gone or hold another value now (cells the run added are not counted). */
export function changedCells(before: CellSnapshot, after: CellSnapshot): string[] {
  return [...before].filter(([key, value]) => after.get(key) !== value).map(([key]) => key);
}
