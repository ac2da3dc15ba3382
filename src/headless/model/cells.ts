import { type Rect, rectColumns, rectRows } from "../addresses";
import { HeadlessOfficeError, protectedSheetError } from "../errors";
import type { SheetModel } from "./sheet";
import type { CellValue } from "./types";

export type WriteKind = "values" | "formulas";
export type EditKind = "content" | "format" | "formatColumns" | "formatRows" | "structure";

/**
 * Office.js accepts one value (a scalar, not an array) for the whole range, or a 2D array exactly the
 * range's size. A 1×1 array is not broadcast: written to a multi-cell range Excel rejects it with
 * InvalidArgument, "The number of rows or columns in the input array doesn't match the size or
 * dimensions of the range." (office-js #1025, errorLocation Range.values); the scalar form is the one
 * that fills a range (Microsoft 365 Developer Platform idea 4211172, where `range.formulas = "=B1"`
 * fills A1:A10).
 */
export function gridFor<T>(input: T | T[][], rect: Rect): (row: number, col: number) => T {
  if (!Array.isArray(input)) return () => input;
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new HeadlessOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return (row, col) => input[row][col];
}

/** What typing `raw` into a cell stores: "=..." is a formula, numeric/boolean text becomes a number/boolean. */
export function parseEntry(raw: unknown, numberFormat?: string): { value?: CellValue; formula?: string } {
  if (raw === null || raw === undefined || raw === "") return { value: undefined };
  if (typeof raw === "number" || typeof raw === "boolean") return { value: raw };
  const text = String(raw);
  const first = text.charCodeAt(0);
  if (first === 61 /* = */ && text.length > 1) return { formula: text };
  if (numberFormat === "@") return { value: text };
  if (first === 39 /* ' */) return { value: text.slice(1) };
  if (looksNumeric(first) && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return { value: Number(text) };
  if (text.length <= 5 && /^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  return { value: text };
}

/**
 * Writes values or formulas. A null item leaves its cell unchanged and "" clears it:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
 */
/** Digits, sign, point or space: the only first characters a number typed into a cell can have. */
const looksNumeric = (code: number): boolean => (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46 || code === 32;

/** Stores what typing `raw` would store, without allocating per cell (big writes). */
export function writeEntry(sheet: SheetModel, row: number, col: number, raw: unknown): void {
  if (typeof raw === "number" || typeof raw === "boolean") {
    sheet.setCell(row, col, raw, undefined);
    return;
  }
  const entry = parseEntry(raw, sheet.cell(row, col)?.style?.numberFormat);
  sheet.setCell(row, col, entry.value, entry.formula);
}

export function writeCells(sheet: SheetModel, rect: Rect, input: unknown): void {
  if (input === null || input === undefined) throw new HeadlessOfficeError("InvalidArgument");
  const at = gridFor(input, rect);
  for (let row = rect.r0; row <= rect.r1; row++) {
    for (let col = rect.c0; col <= rect.c1; col++) {
      const raw = at(row - rect.r0, col - rect.c0);
      if (raw !== null && raw !== undefined) writeEntry(sheet, row, col, raw);
    }
  }
}

/** Fails like Excel when a protected sheet would change; unlocked cells stay editable. */
export function assertEditable(sheet: SheetModel, rect: Rect, kind: EditKind): void {
  const { protection } = sheet;
  if (!protection.protected) return;
  const allowed: Record<EditKind, boolean> = {
    content: allCellsUnlocked(sheet, rect),
    format: protection.options.allowFormatCells === true,
    formatColumns: protection.options.allowFormatColumns === true,
    formatRows: protection.options.allowFormatRows === true,
    structure: false,
  };
  if (!allowed[kind]) throw protectedSheetError();
}

function allCellsUnlocked(sheet: SheetModel, rect: Rect): boolean {
  let unlocked = 0;
  for (const { cell } of sheet.cellsIn(rect)) if (cell.style?.locked === false) unlocked++;
  return unlocked === rectRows(rect) * rectColumns(rect);
}

/** Text Excel would show for a value (General format; numbers without grouping). */
export function displayText(value: CellValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function valueType(value: CellValue | undefined): string {
  if (value === undefined || value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(value) ? "Error" : "String";
}
