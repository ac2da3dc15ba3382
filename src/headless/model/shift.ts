import { MAX_ROWS, type Rect } from "../addresses";
import type { SheetModel } from "./sheet";
import type { TableModel } from "./table";

/**
 * Inserts (count > 0) or deletes (count < 0) cells at `row` within columns c0..c1, moving the cells
 * below, and the tables, validations and conditional formats there, like Excel's "shift cells down/up".
 * Validation and conditional-format areas that span the row grow or shrink with it.
 */
export function shiftRowsInColumns(sheet: SheetModel, tables: TableModel[], row: number, count: number, c0: number, c1: number): void {
  const below: Rect = { r0: row, r1: MAX_ROWS - 1, c0, c1 };
  const moving = [...sheet.cellsIn(below)];
  for (const { row: r, col } of moving) sheet.deleteCell(r, col);
  for (const { row: r, col, cell } of moving) {
    const target = r + count;
    if (count < 0 && r < row - count) continue;
    if (target < MAX_ROWS) sheet.rows.set(target, (sheet.rows.get(target) ?? new Map()).set(col, cell));
  }
  const withinColumns = (rect: Rect): boolean => rect.c0 >= c0 && rect.c1 <= c1;
  const moveRect = (rect: Rect): Rect => {
    if (!withinColumns(rect)) return rect;
    if (rect.r0 >= row) return { ...rect, r0: rect.r0 + count, r1: rect.r1 + count };
    if (rect.r1 >= row) return { ...rect, r1: Math.max(rect.r0, rect.r1 + count) };
    return rect;
  };
  for (const table of tables) if (table.rect.r0 >= row && withinColumns(table.rect)) table.rect = moveRect(table.rect);
  for (const entry of sheet.validations) entry.rect = moveRect(entry.rect);
  for (const entry of sheet.conditionalFormats) entry.rect = moveRect(entry.rect);
}

/** Inserts (count > 0) or deletes (count < 0) cells at `col` within rows r0..r1, moving cells to the right. */
export function shiftColumnsInRows(sheet: SheetModel, col: number, count: number, r0: number, r1: number): void {
  const right: Rect = { r0, r1, c0: col, c1: 16383 };
  const moving = [...sheet.cellsIn(right)];
  for (const { row, col: c } of moving) sheet.deleteCell(row, c);
  for (const { row, col: c, cell } of moving) {
    if (count < 0 && c < col - count) continue;
    sheet.rows.set(row, (sheet.rows.get(row) ?? new Map()).set(c + count, cell));
  }
}

/** Extends validation and conditional formats that end on `lastRow` of the given columns by `count` rows. */
export function growEntriesEndingAt(sheet: SheetModel, lastRow: number, count: number, c0: number, c1: number): void {
  for (const entry of [...sheet.validations, ...sheet.conditionalFormats]) {
    if (entry.rect.r1 === lastRow && entry.rect.c0 >= c0 && entry.rect.c1 <= c1) entry.rect = { ...entry.rect, r1: lastRow + count };
  }
}
