/**
 * What the workbook looked like when it was read, kept as fingerprints, so a save can tell what a
 * command changed: per sheet, cell by cell and aspect by aspect (tables, validations, formats,
 * layout...). Whatever did not change is written back from the original package untouched.
 */
import type { Rect } from "../../addresses";
import type { SheetModel } from "../../model/sheet";
import type { TableModel } from "../../model/table";
import type { CellStyle, CellValue, ChartModel, NameEntry } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";

export const SHEET_ASPECTS = [
  "validations", "conditionalFormats", "merges", "columnWidths", "view", "tabColor", "visibility", "protection", "pageLayout", "name",
] as const;
export type SheetAspect = (typeof SHEET_ASPECTS)[number];

/** A cell's position as one number: row × 16384 + column (exact in a double). */
export const cellKey = (row: number, col: number): number => row * 16384 + col;
export const keyRow = (key: number): number => Math.floor(key / 16384);
export const keyColumn = (key: number): number => key % 16384;

/**
 * The cells of a sheet as read, sorted by key, as parallel arrays: about 30 bytes a cell (a map
 * of print objects took over 100, a large part of reading 300,000 cells). Styles are kept by
 * reference: the model replaces a cell's style object on every change, never edits it.
 */
export interface CellsBaseline {
  keys: Float64Array;
  values: Array<CellValue | undefined>;
  /** Empty when no cell had a formula (or a style): every index then reads undefined. */
  formulas: Array<string | undefined>;
  styles: Array<CellStyle | undefined>;
}

export interface SheetBaseline {
  /** The worksheet part the sheet came from. */
  part: string;
  /** Its name attribute in workbook.xml, as written (escaped). */
  rawName: string;
  cells: CellsBaseline;
  rows: Map<number, string>;
  aspects: Record<SheetAspect, string>;
  charts: Set<string>;
}

export interface TableBaseline {
  part: string;
  /** The table part's id attribute. */
  id: string;
  /** Where the table was. */
  rect: Rect;
  print: string;
}

export interface WorkbookBaseline {
  sheets: Map<SheetModel, SheetBaseline>;
  tables: Map<TableModel, TableBaseline>;
  /** Each defined name read: its element as written, its print, and its formula as the model read it. */
  names: Map<NameEntry, { raw: string; print: string; formula: string }>;
  /** Model sheets in the order they were read. */
  order: SheetModel[];
}

const styleKeys = new WeakMap<object, string>();
function styleKey(style: CellStyle | undefined): string {
  if (!style) return "";
  let key = styleKeys.get(style);
  if (key === undefined) {
    key = JSON.stringify(style, Object.keys(style).sort());
    styleKeys.set(style, key);
  }
  return key;
}

function cellsBaseline(sheet: SheetModel): CellsBaseline {
  let count = 0;
  sheet.forEachCell(() => count++);
  // The sheet gives its cells in row then column order: the keys come sorted. A sheet without
  // formulas (or styles) keeps no array of them.
  const keys = new Float64Array(count);
  const values: Array<CellValue | undefined> = new Array(count);
  let formulas: Array<string | undefined> | undefined;
  let styles: Array<CellStyle | undefined> | undefined;
  let i = 0;
  sheet.forEachCell((cell, row, col) => {
    keys[i] = cellKey(row, col);
    values[i] = cell.value;
    if (cell.formula !== undefined) (formulas ??= new Array(count))[i] = cell.formula;
    if (cell.style !== undefined) (styles ??= new Array(count))[i] = cell.style;
    i++;
  });
  return { keys, values, formulas: formulas ?? [], styles: styles ?? [] };
}

/** Index of `key` in the baseline, or -1. */
function indexOf(cells: CellsBaseline, key: number): number {
  let low = 0;
  let high = cells.keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = cells.keys[mid];
    if (at === key) return mid;
    if (at < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

const sameValue = (a: CellValue | undefined, b: CellValue | undefined) => a === b || (typeof a === typeof b && String(a) === String(b));
const sameFormula = (a: string | undefined, b: string | undefined) => (a ?? "") === (b ?? "");
const sameStyle = (a: CellStyle | undefined, b: CellStyle | undefined) => a === b || styleKey(a) === styleKey(b);

const rowPrint = (sheet: SheetModel, row: number) => `${sheet.rowHeights.get(row) ?? ""}|${sheet.hiddenRows.has(row) ? 1 : 0}`;

export function chartPrint(chart: ChartModel): string {
  const { id: _id, ...rest } = chart;
  return JSON.stringify(rest);
}

/** JSON with sorted keys and numbers as text: the same rule reads back as the same print, however it was built ("0" or 0). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(typeof value === "number" ? String(value) : value);
}

const sortedPrints = (items: unknown[]): string => JSON.stringify(items.map(canonical).sort());

function aspectPrints(sheet: SheetModel): Record<SheetAspect, string> {
  const withoutIds = sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest);
  return {
    // Re-applying the same rules reorders the model's lists; the file does not care about their order.
    validations: sortedPrints(sheet.validations),
    conditionalFormats: sortedPrints(withoutIds),
    merges: sortedPrints(sheet.merges),
    columnWidths: JSON.stringify([...sheet.columnWidths].sort((a, b) => a[0] - b[0])),
    view: JSON.stringify([sheet.freeze, sheet.showGridlines]),
    tabColor: sheet.tabColor,
    visibility: sheet.visibility,
    protection: canonical(sheet.protection),
    pageLayout: canonical(sheet.pageLayout),
    name: sheet.name,
  };
}

export function tablePrint(table: TableModel, rect: Rect = table.rect): string {
  return JSON.stringify([table.name, rect, table.style, table.showHeaders, table.showTotals, table.showBandedRows, table.showBandedColumns, table.showFilterButton, table.columnNames(), [...table.filters]]);
}

export const namePrint = (entry: NameEntry, scope: SheetModel | null): string => JSON.stringify([entry.name, entry.formula, entry.comment, entry.visible, scope?.id ?? ""]);

export function sheetBaseline(sheet: SheetModel, part: string, rawName: string): SheetBaseline {
  const cells = cellsBaseline(sheet);
  const rows = new Map<number, string>();
  for (const row of new Set([...sheet.rowHeights.keys(), ...sheet.hiddenRows])) rows.set(row, rowPrint(sheet, row));
  return { part, rawName, cells, rows, aspects: aspectPrints(sheet), charts: new Set(sheet.charts.map(chartPrint)) };
}

export interface CellChange {
  key: number;
  /** Only the cached value of an unchanged formula moved: the original <f> is kept. */
  valueOnly: boolean;
}

export interface SheetChange {
  sheet: SheetModel;
  cells: CellChange[];
  rows: Set<number>;
  aspects: Set<SheetAspect>;
  newCharts: ChartModel[];
  tablesChanged: boolean;
  /** Nothing changed but cached results of formulas whose text did not change. */
  resultsOnly: boolean;
}

/** What changed on a sheet that was read from the file; null when nothing did. */
export function sheetChange(workbook: HeadlessWorkbook, baseline: WorkbookBaseline, sheet: SheetModel, before: SheetBaseline): SheetChange | null {
  const cells: CellChange[] = [];
  const was = before.cells;
  const seen = new Uint8Array(was.keys.length);
  sheet.forEachCell((cell, row, col) => {
    const key = cellKey(row, col);
    const i = indexOf(was, key);
    if (i < 0) {
      cells.push({ key, valueOnly: false });
      return;
    }
    seen[i] = 1;
    const formulaKept = sameFormula(was.formulas[i], cell.formula);
    const styleKept = sameStyle(was.styles[i], cell.style);
    if (formulaKept && styleKept && sameValue(was.values[i], cell.value)) return;
    cells.push({ key, valueOnly: Boolean(was.formulas[i]) && formulaKept && styleKept });
  });
  for (let i = 0; i < seen.length; i++) if (!seen[i]) cells.push({ key: was.keys[i], valueOnly: false });
  const rows = new Set<number>();
  for (const row of new Set([...sheet.rowHeights.keys(), ...sheet.hiddenRows, ...before.rows.keys()])) {
    if ((before.rows.get(row) ?? "|0") !== rowPrint(sheet, row)) rows.add(row);
  }
  const now = aspectPrints(sheet);
  const aspects = new Set(SHEET_ASPECTS.filter((aspect) => now[aspect] !== before.aspects[aspect]));
  const newCharts = sheet.charts.filter((chart) => !before.charts.has(chartPrint(chart)));
  const tables = workbook.tablesOn(sheet);
  const tablesChanged =
    tables.some((t) => baseline.tables.get(t)?.print !== tablePrint(t)) ||
    [...baseline.tables].some(([t, b]) => b.part !== "" && !tables.includes(t) && t.sheet === sheet);
  if (cells.length === 0 && rows.size === 0 && aspects.size === 0 && newCharts.length === 0 && !tablesChanged) return null;
  // Only recalculated results, on a sheet the command did not otherwise change (a user's own sheet):
  // ./staleResults decides which of them the file takes.
  const resultsOnly = cells.every((c) => c.valueOnly) && rows.size === 0 && aspects.size === 0 && newCharts.length === 0 && !tablesChanged;
  return { sheet, cells, rows, aspects, newCharts, tablesChanged, resultsOnly };
}
