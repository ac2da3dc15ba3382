import { MAX_ROWS, type Rect } from "../addresses";
import { shiftFormula } from "./calculatedColumns";
import type { SheetModel } from "./sheet";
import type { ConditionalFormatEntry } from "./types";
import type { TableModel } from "./table";

/**
 * A row move within columns c0..c1, as the model applied it: "shift" inserts (count > 0) or
 * deletes cells at `row`, moving what is below; "grow" extends validation and formats that end
 * on row `row` by `count` rows (a table appended to). The file layer replays the log on what it
 * keeps from the file (hyperlinks, notes, formats and validation it does not model).
 */
export interface RowShift {
  kind: "shift" | "grow";
  row: number;
  count: number;
  c0: number;
  c1: number;
}

/** Where a range is after `shift`: moved when it lies at or below the row, grown or shrunk when it spans it. */
export function shiftedRect(rect: Rect, shift: RowShift): Rect {
  const { row, count, c0, c1 } = shift;
  if (rect.c0 < c0 || rect.c1 > c1) return rect;
  if (shift.kind === "grow") return rect.r1 === row ? { ...rect, r1: row + count } : rect;
  // Nothing moves past the sheet's last row: a whole column stays a whole column.
  const last = (r: number) => Math.min(MAX_ROWS - 1, r);
  if (rect.r0 >= row) return { ...rect, r0: last(rect.r0 + count), r1: last(rect.r1 + count) };
  if (rect.r1 >= row) return { ...rect, r1: last(Math.max(rect.r0, rect.r1 + count)) };
  return rect;
}

/**
 * Inserts (count > 0) or deletes (count < 0) cells at `row` within columns c0..c1, moving the cells
 * below, and the tables, merges, validations and conditional formats there, like Excel's "shift
 * cells down/up". Validation and conditional-format areas that span the row grow or shrink with it.
 */
export function shiftRowsInColumns(sheet: SheetModel, tables: TableModel[], row: number, count: number, c0: number, c1: number): void {
  const below: Rect = { r0: row, r1: MAX_ROWS - 1, c0, c1 };
  const moving = [...sheet.cellsIn(below)];
  for (const { row: r, col } of moving) sheet.deleteCell(r, col);
  for (const { row: r, col, cell } of moving) {
    const target = r + count;
    if (count < 0 && r < row - count) continue;
    if (target < MAX_ROWS) sheet.placeCell(target, col, cell);
  }
  const shift: RowShift = { kind: "shift", row, count, c0, c1 };
  sheet.rowShifts.push(shift);
  for (const table of tables) if (table.rect.r0 >= row) table.rect = shiftedRect(table.rect, shift);
  // A merge the rows pass through would be split; Excel refuses that, so only merges wholly below move.
  sheet.merges = sheet.merges.map((rect) => (rect.r0 >= row ? shiftedRect(rect, shift) : rect));
  for (const entry of sheet.validations) entry.rect = shiftedRect(entry.rect, shift);
  for (const entry of sheet.conditionalFormats) {
    const moved = shiftedRect(entry.rect, shift);
    // A rule's formula is relative to the range's top-left cell; when the range moves with the cells
    // it reads, the formula's relative references follow (Excel rewrites "C191" to "C244").
    if (moved.r0 !== entry.rect.r0) entry.rule = movedRule(entry.rule, moved.r0 - entry.rect.r0);
    entry.rect = moved;
  }
}

function movedRule(rule: ConditionalFormatEntry["rule"], rows: number): ConditionalFormatEntry["rule"] {
  const move = (formula: string | undefined) => (formula?.startsWith("=") ? shiftFormula(formula, rows, 0) : formula);
  return { ...rule, ...(rule.formula !== undefined ? { formula: move(rule.formula) } : {}), ...(rule.formula1 !== undefined ? { formula1: move(rule.formula1) } : {}), ...(rule.formula2 !== undefined ? { formula2: move(rule.formula2) } : {}) };
}

/** Inserts (count > 0) or deletes (count < 0) cells at `col` within rows r0..r1, moving cells to the right. */
export function shiftColumnsInRows(sheet: SheetModel, col: number, count: number, r0: number, r1: number): void {
  const right: Rect = { r0, r1, c0: col, c1: 16383 };
  const moving = [...sheet.cellsIn(right)];
  for (const { row, col: c } of moving) sheet.deleteCell(row, c);
  for (const { row, col: c, cell } of moving) {
    if (count < 0 && c < col - count) continue;
    sheet.placeCell(row, c + count, cell);
  }
}

/** Extends validation and conditional formats that end on `lastRow` of the given columns by `count` rows. */
export function growEntriesEndingAt(sheet: SheetModel, lastRow: number, count: number, c0: number, c1: number): void {
  const grow: RowShift = { kind: "grow", row: lastRow, count, c0, c1 };
  sheet.rowShifts.push(grow);
  for (const entry of [...sheet.validations, ...sheet.conditionalFormats]) entry.rect = shiftedRect(entry.rect, grow);
}
