/**
 * A worksheet of someone else's .xlsx as a grid of cells, for import: text, numbers and booleans as
 * they are, dates as Excel serials, formulas as their cached results, rich text as its text.
 */
import ExcelJS from "exceljs";
import type { SourceCell } from "../../core/import";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export class SourceWorkbookError extends Error {}

export interface SourceGrid {
  sheet: string;
  sheets: string[];
  grid: SourceCell[][];
}

function cellOf(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_UTC) / 86_400_000;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return cellOf((value.result ?? null) as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

/** The named sheet (case-insensitive), or the first one. */
export async function readSourceGrid(bytes: Uint8Array | ArrayBuffer, name: string, sheetName?: string): Promise<SourceGrid> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    throw new SourceWorkbookError(`${name} could not be read as an .xlsx workbook (${(error as Error).message}).`);
  }
  const sheets = book.worksheets.map((s) => s.name);
  const sheet = sheetName ? book.worksheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase()) : book.worksheets[0];
  if (!sheet) throw new SourceWorkbookError(`${name} has no sheet "${sheetName}". Its sheets: ${sheets.map((s) => `"${s}"`).join(", ") || "none"}.`);
  const grid: SourceCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: SourceCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    grid[number - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { sheet: sheet.name, sheets, grid: Array.from(grid, (row) => row ?? []) };
}
