/**
 * What the workbook looked like when it was read, kept as fingerprints, so a save can tell what a
 * command changed: per sheet, cell by cell and aspect by aspect (tables, validations, formats,
 * layout...). Whatever did not change is written back from the original package untouched.
 */
import type { SheetModel } from "../../model/sheet";
import type { TableModel } from "../../model/table";
import type { Cell, ChartModel, NameEntry } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";

export const SHEET_ASPECTS = [
  "validations", "conditionalFormats", "merges", "columnWidths", "view", "tabColor", "visibility", "protection", "pageLayout", "name",
] as const;
export type SheetAspect = (typeof SHEET_ASPECTS)[number];

/** A cell's position as one number: row × 16384 + column (exact in a double). */
export const cellKey = (row: number, col: number): number => row * 16384 + col;
export const keyRow = (key: number): number => Math.floor(key / 16384);
export const keyColumn = (key: number): number => key % 16384;

export interface CellPrint {
  value: string;
  formula: string;
  style: string;
}

export interface SheetBaseline {
  /** The worksheet part the sheet came from. */
  part: string;
  /** Its name attribute in workbook.xml, as written (escaped). */
  rawName: string;
  cells: Map<number, CellPrint>;
  rows: Map<number, string>;
  aspects: Record<SheetAspect, string>;
  charts: Set<string>;
}

export interface TableBaseline {
  part: string;
  /** The table part's id attribute. */
  id: string;
  print: string;
}

export interface WorkbookBaseline {
  sheets: Map<SheetModel, SheetBaseline>;
  tables: Map<TableModel, TableBaseline>;
  names: Map<NameEntry, { raw: string; print: string }>;
  /** Model sheets in the order they were read. */
  order: SheetModel[];
}

const styleKeys = new WeakMap<object, string>();
function styleKey(cell: Cell): string {
  const style = cell.style;
  if (!style) return "";
  let key = styleKeys.get(style);
  if (key === undefined) {
    key = JSON.stringify(style, Object.keys(style).sort());
    styleKeys.set(style, key);
  }
  return key;
}

export function cellPrint(cell: Cell): CellPrint {
  return { value: cell.value === undefined ? "" : `${typeof cell.value}:${cell.value}`, formula: cell.formula ?? "", style: styleKey(cell) };
}

const samePrint = (a: CellPrint, b: CellPrint) => a.value === b.value && a.formula === b.formula && a.style === b.style;

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

export function tablePrint(table: TableModel): string {
  return JSON.stringify([table.name, table.rect, table.style, table.showHeaders, table.showTotals, table.showBandedRows, table.showBandedColumns, table.showFilterButton, table.columnNames(), [...table.filters]]);
}

export const namePrint = (entry: NameEntry, scope: SheetModel | null): string => JSON.stringify([entry.name, entry.formula, entry.comment, entry.visible, scope?.id ?? ""]);

export function sheetBaseline(sheet: SheetModel, part: string, rawName: string): SheetBaseline {
  const cells = new Map<number, CellPrint>();
  for (const [row, line] of sheet.rows) for (const [col, cell] of line) cells.set(cellKey(row, col), cellPrint(cell));
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
}

/** What changed on a sheet that was read from the file; null when nothing did. */
export function sheetChange(workbook: HeadlessWorkbook, baseline: WorkbookBaseline, sheet: SheetModel, before: SheetBaseline): SheetChange | null {
  const cells: CellChange[] = [];
  const seen = new Set<number>();
  for (const [row, line] of sheet.rows) {
    for (const [col, cell] of line) {
      const key = cellKey(row, col);
      seen.add(key);
      const now = cellPrint(cell);
      const was = before.cells.get(key);
      if (was && samePrint(was, now)) continue;
      cells.push({ key, valueOnly: Boolean(was && was.formula !== "" && was.formula === now.formula && was.style === now.style) });
    }
  }
  for (const key of before.cells.keys()) if (!seen.has(key)) cells.push({ key, valueOnly: false });
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
  // Only recalculated results on a sheet the command did not otherwise change (a user's own sheet): the
  // file keeps the cached values Excel wrote, and fullCalcOnLoad has Excel and LibreOffice recalculate on open.
  const onlyResults = cells.every((c) => c.valueOnly);
  if (onlyResults && rows.size === 0 && aspects.size === 0 && newCharts.length === 0 && !tablesChanged) return null;
  return { sheet, cells, rows, aspects, newCharts, tablesChanged };
}
