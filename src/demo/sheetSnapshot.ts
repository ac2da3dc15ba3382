/** Reads what the workbook view shows through the Excel API itself, in three syncs. */
import { formatValue } from "../headless";
import type { RequestContext } from "../excel/officeApi";

export interface SheetSnapshot {
  sheets: string[];
  active: string | undefined;
  /** Top-left part of the active sheet from A1, capped at MAX_ROWS × MAX_COLUMNS. */
  cells: GridCell[][];
  /** Rows/columns beyond the cap that are not shown. */
  truncated: boolean;
  /** The workbook's selection when it is on the shown sheet, as zero-based bounds. */
  selection: CellBounds | undefined;
}

export interface CellBounds {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface GridCell {
  /** What the cell shows: its value under its number format (dates as yyyy-mm-dd, "0%" as percents). */
  text: string;
  /** The cell's formula, shown as a tooltip (the demo workbook calculates, so cells show results). */
  formula?: string;
  /** Numbers are right-aligned, as in Excel. */
  numeric: boolean;
}

export const MAX_ROWS = 200;
export const MAX_COLUMNS = 30;

type ExcelRunner = { run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> };

export function toGridCell(value: unknown, formula: unknown, numberFormat: unknown): GridCell {
  const cellFormula = typeof formula === "string" && formula.startsWith("=") ? formula : undefined;
  const shown = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
  const format = typeof numberFormat === "string" ? numberFormat : undefined;
  return { text: formatValue(shown, format), formula: cellFormula, numeric: typeof value === "number" };
}

export function isSelected(selection: CellBounds | undefined, row: number, column: number): boolean {
  if (!selection) return false;
  return row >= selection.row && row < selection.row + selection.rows && column >= selection.column && column < selection.column + selection.columns;
}

/** `preferred` wins over the workbook's active sheet when it still exists (the user clicked a tab). */
export async function readSheetSnapshot(excel: ExcelRunner, preferred?: string): Promise<SheetSnapshot> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const activeSheet = worksheets.getActiveWorksheet();
    activeSheet.load("name");
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex,columnIndex,rowCount,columnCount");
    selected.worksheet.load("name");
    await context.sync();

    const sheets = worksheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
    const active = preferred && sheets.includes(preferred) ? preferred : sheets.includes(activeSheet.name) ? activeSheet.name : sheets[0];
    const selection: CellBounds | undefined =
      selected.worksheet.name === active
        ? { row: selected.rowIndex, column: selected.columnIndex, rows: selected.rowCount, columns: selected.columnCount }
        : undefined;
    if (!active) return { sheets, active, cells: [], truncated: false, selection };

    const used = worksheets.getItem(active).getUsedRangeOrNullObject();
    used.load("rowIndex,rowCount,columnIndex,columnCount");
    await context.sync();
    if (used.isNullObject) return { sheets, active, cells: [], truncated: false, selection };

    const rows = used.rowIndex + used.rowCount;
    const columns = used.columnIndex + used.columnCount;
    const shown = worksheets.getItem(active).getRangeByIndexes(0, 0, Math.min(rows, MAX_ROWS), Math.min(columns, MAX_COLUMNS));
    shown.load("values,formulas,numberFormat");
    await context.sync();

    const cells = shown.values.map((row, r) => row.map((value, c) => toGridCell(value, shown.formulas[r][c], shown.numberFormat[r][c])));
    return { sheets, active, cells, truncated: rows > MAX_ROWS || columns > MAX_COLUMNS, selection };
  });
}
