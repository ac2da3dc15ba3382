import { MAX_COLUMNS, MAX_ROWS, type Rect, intersectRects, parseRect, rectAddress, subtractRect } from "../addresses";
import { RowCells, SheetRows } from "./cellStore";
import type { LoggedShift } from "./shift";
import type {
  Cell,
  CellStyle,
  CellValue,
  ChartModel,
  ConditionalFormatEntry,
  DataValidationEntry,
  NameEntry,
  PageLayoutModel,
  PageMarginsModel,
  ProtectionModel,
} from "./types";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** Points; Excel's defaults for Calibri 11 (8.43 characters, 15 points). */
/** Excel's Normal margins in points (0.7" left and right, 0.75" top and bottom, 0.3" header and footer). */
export const NORMAL_MARGINS: PageMarginsModel = { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 };
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** One worksheet: cells stored sparsely as row -> column -> cell. */
export class SheetModel {
  private readonly cellRows = new SheetRows();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  merges: Rect[] = [];
  /** Cells inserted and deleted (rows within columns, columns within rows) since the sheet was created or read, in order. */
  readonly rowShifts: LoggedShift[] = [];
  freeze = { rows: 0, columns: 0 };
  protection: ProtectionModel = { protected: false, options: {} };
  validations: DataValidationEntry[] = [];
  conditionalFormats: ConditionalFormatEntry[] = [];
  readonly names: NameEntry[] = [];
  readonly charts: ChartModel[] = [];
  pageLayout: PageLayoutModel = { orientation: "Portrait", zoom: { scale: 100 }, centerHorizontally: false };
  visibility: SheetVisibility = "Visible";
  tabColor = "";
  showGridlines = true;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  /** Rows that hold a cell, each its cells by column in column order; changed through the methods below. */
  get rows(): ReadonlyMap<number, ReadonlyMap<number, Cell>> {
    return this.cellRows;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cellRows.get(row)?.get(col);
  }

  /** The cells of row `row`, the row created when it holds none yet. */
  private rowOf(row: number): RowCells {
    let cells = this.cellRows.get(row);
    if (!cells) {
      cells = new RowCells();
      this.cellRows.set(row, cells);
    }
    return cells;
  }

  /** The cell at (row, col), created when absent. */
  ensureCell(row: number, col: number): Cell {
    const cells = this.rowOf(row);
    let cell = cells.get(col);
    if (!cell) {
      // One object shape for every cell keeps big writes fast (no property deletes either).
      cell = { value: undefined, formula: undefined, style: undefined };
      cells.set(col, cell);
    }
    return cell;
  }

  /** Puts an existing cell (content and style) at (row, col), replacing what was there: cells that move. */
  placeCell(row: number, col: number, cell: Cell): void {
    this.rowOf(row).set(col, cell);
  }

  deleteCell(row: number, col: number): void {
    const cells = this.cellRows.get(row);
    if (!cells) return;
    cells.delete(col);
    if (cells.size === 0) this.cellRows.delete(row);
  }

  /**
   * Every cell in row then column order, without an iterator's allocations (a sheet of 300,000
   * cells is walked this way many times in one command); `visit` may change a cell's content or
   * style, not add or remove cells.
   */
  forEachCell(visit: (cell: Cell, row: number, col: number) => void): void {
    this.cellRows.forEachCell(visit);
  }

  /** The last row that holds a cell (content or format), or -1 on an empty sheet. */
  lastRowWithCells(): number {
    return this.cellRows.lastRow();
  }

  /** Existing cells inside `rect`, visited sparsely. */
  *cellsIn(rect: Rect): Generator<{ row: number; col: number; cell: Cell }> {
    for (const [row, cells] of this.cellRows.between(rect.r0, rect.r1)) {
      for (const [col, cell] of cells) if (col >= rect.c0 && col <= rect.c1) yield { row, col, cell };
    }
  }

  setCellContent(row: number, col: number, content: { value?: CellValue; formula?: string }): void {
    this.setCell(row, col, content.value, content.formula);
  }

  /** A formula (value then unknown) or a constant; "" or undefined empties the cell. */
  setCell(row: number, col: number, value: CellValue | undefined, formula: string | undefined): void {
    const empty = formula === undefined && (value === undefined || value === "");
    if (empty && !this.cell(row, col)?.style) {
      this.deleteCell(row, col);
      return;
    }
    const cell = this.ensureCell(row, col);
    cell.formula = formula;
    cell.value = formula === undefined && value !== "" ? value : undefined;
  }

  updateStyle(rect: Rect, change: (style: CellStyle, row: number, col: number) => void): void {
    let last: { before: CellStyle | undefined; next: CellStyle } | undefined;
    for (let row = rect.r0; row <= Math.min(rect.r1, this.lastRowHint(rect)); row++) {
      for (let col = rect.c0; col <= Math.min(rect.c1, this.lastColumnHint(rect)); col++) {
        const cell = this.ensureCell(row, col);
        const before = cell.style;
        const next = { ...before };
        change(next, row, col);
        // Cells that come out as they were keep their style object, and neighbours that come out
        // alike share one: a re-run that formats a whole column again allocates nothing lasting.
        if (sameStyle(before ?? {}, next)) continue;
        if (last && last.before === before && sameStyle(last.next, next)) cell.style = last.next;
        else {
          cell.style = next;
          last = { before, next };
        }
      }
    }
  }

  /** Whole-column/row formatting is applied to the used area only (enough for a model; documented). */
  private lastRowHint(rect: Rect): number {
    return rect.r1 === MAX_ROWS - 1 ? Math.max(rect.r0, this.usedRect(false)?.r1 ?? rect.r0) : rect.r1;
  }

  private lastColumnHint(rect: Rect): number {
    return rect.c1 === MAX_COLUMNS - 1 ? Math.max(rect.c0, this.usedRect(false)?.c1 ?? rect.c0) : rect.c1;
  }

  /** Bounding box of cells with content (valuesOnly) or with content or formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let used: Rect | null = null;
    for (const [row, cells] of this.cellRows) {
      if (!valuesOnly) {
        // Every cell counts: the row's first and last columns are enough.
        const first = cells.firstColumn()!;
        const last = cells.lastColumn()!;
        used = used ? { r0: Math.min(used.r0, row), r1: Math.max(used.r1, row), c0: Math.min(used.c0, first), c1: Math.max(used.c1, last) } : { r0: row, r1: row, c0: first, c1: last };
        continue;
      }
      for (const [col, cell] of cells) {
        if (valuesOnly && cell.value === undefined && cell.formula === undefined) continue;
        used = used
          ? { r0: Math.min(used.r0, row), r1: Math.max(used.r1, row), c0: Math.min(used.c0, col), c1: Math.max(used.c1, col) }
          : { r0: row, r1: row, c0: col, c1: col };
      }
    }
    return used;
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  setValidation(entry: DataValidationEntry): void {
    this.clearValidation(entry.rect);
    this.validations.push(entry);
  }

  clearValidation(rect: Rect): void {
    this.validations = this.validations.flatMap((v) => subtractRect(v.rect, rect).map((part) => ({ ...v, rect: part })));
  }

  // ----- inspection helpers for tests -----

  /** Value of a cell as Office.js `values` shows it ("" when empty). */
  valueAt(address: string): CellValue {
    const { r0, c0 } = this.rect(address);
    return this.cell(r0, c0)?.value ?? "";
  }

  /** Formula with "=", or the constant as Office.js `formulas` shows it. */
  formulaAt(address: string): CellValue {
    const { r0, c0 } = this.rect(address);
    const cell = this.cell(r0, c0);
    return cell?.formula ?? cell?.value ?? "";
  }

  styleAt(address: string): CellStyle {
    const { r0, c0 } = this.rect(address);
    return { ...this.cell(r0, c0)?.style };
  }

  valuesOf(address: string): CellValue[][] {
    const rect = this.rect(address);
    const grid: CellValue[][] = [];
    for (let row = rect.r0; row <= rect.r1; row++) {
      const line: CellValue[] = [];
      for (let col = rect.c0; col <= rect.c1; col++) line.push(this.cell(row, col)?.value ?? "");
      grid.push(line);
    }
    return grid;
  }

  validationAt(address: string): DataValidationEntry | undefined {
    const rect = this.rect(address);
    return this.validations.find((v) => intersectRects(v.rect, rect));
  }

  conditionalFormatsAt(address: string): ConditionalFormatEntry[] {
    const rect = this.rect(address);
    return this.conditionalFormats.filter((cf) => intersectRects(cf.rect, rect));
  }

  mergeAddresses(): string[] {
    return this.merges.map(rectAddress);
  }

  private rect(address: string): Rect {
    const rect = parseRect(address);
    if (!rect) throw new Error(`Not an address: ${address}`);
    return rect;
  }
}

/** Same properties with the same values (undefined and absent alike). */
function sameStyle(a: CellStyle, b: CellStyle): boolean {
  for (const key in a) if (a[key as keyof CellStyle] !== b[key as keyof CellStyle]) return false;
  for (const key in b) if (a[key as keyof CellStyle] !== b[key as keyof CellStyle]) return false;
  return true;
}
