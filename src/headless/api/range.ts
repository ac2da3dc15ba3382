import type * as OfficeApi from "../../excel/officeApi";
import { MAX_COLUMNS, MAX_ROWS, type Rect, intersectRects, parseRect, qualifiedAddress, rectColumns, rectRows, splitSheet } from "../addresses";
import { checkEnum, CLEAR_APPLY_TO } from "./enums";
import { HeadlessOfficeError } from "../errors";
import { displayFormula } from "../formulaDisplay";
import { fillCalculatedColumns, planTableFormulas } from "../model/calculatedColumns";
import { trimConditionalFormats } from "../model/conditionalFormatTrim";
import { checkFormula } from "../model/formulaCheck";
import type { TableModel } from "../model/table";
import { assertEditable, displayText, gridFor, valueType, writeCells } from "../model/cells";
import { DEFAULT_ROW_HEIGHT, type SheetModel } from "../model/sheet";
import { READ_CELL_LIMIT } from "../context";
import { ClientObject, type Context, type Resolver, type ProxyNode } from "./clientObject";
import type { LoadTree } from "./loadSpec";
import { ConditionalFormatCollection } from "./conditionalFormats";
import { DataValidation } from "./dataValidation";
import { RangeFormat } from "./format";
import { RangeAreas, specialCellRects } from "./rangeAreas";
import { Worksheet } from "./worksheet";

/** Properties that return one entry per cell. */
const CELL_GRIDS = new Set(["values", "formulas", "formulasLocal", "numberFormat", "text", "valueTypes"]);

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** What a grid read returns, typed as Office.js types Range.values. */
type Grid = Excel.Range["values"];

function gridOf<T>(ref: RangeRef, read: (row: number, col: number) => T): T[][] {
  const grid: T[][] = [];
  for (let row = ref.rect.r0; row <= ref.rect.r1; row++) {
    const line: T[] = [];
    for (let col = ref.rect.c0; col <= ref.rect.c1; col++) line.push(read(row, col));
    grid.push(line);
  }
  return grid;
}

/** Resolves "A1:B2" or "Sheet!A1:B2" against `sheet` (or the named sheet). */
export function resolveAddress(context: Context, sheet: SheetModel, address: string): RangeRef {
  const { sheet: sheetName, local } = splitSheet(address);
  const target = sheetName ? context.model.getSheet(sheetName) : sheet;
  const rect = parseRect(local);
  if (target && rect) return { sheet: target, rect };
  const name = context.model.getName(address) ?? sheet.names.find((n) => n.name.toLowerCase() === address.toLowerCase());
  if (name && target) return resolveAddress(context, sheet, name.formula.replace(/^=/, ""));
  const table = context.model.getTable(address);
  if (table) return { sheet: table.sheet, rect: table.rect };
  throw new HeadlessOfficeError("InvalidArgument");
}

export class Range extends ClientObject<RangeRef> implements OfficeApi.Range {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "Range");
  }

  private derived(method: string, derive: (ref: RangeRef) => RangeRef): Range {
    return this.child(
      new Range(this.context, () => {
        const ref = this.resolve();
        return ref && derive(ref);
      }),
      method,
    );
  }

  protected readers(): Record<string, (ref: RangeRef) => unknown> {
    return {
      address: (ref) => qualifiedAddress(ref.sheet.name, ref.rect),
      addressLocal: (ref) => qualifiedAddress(ref.sheet.name, ref.rect),
      rowCount: (ref) => rectRows(ref.rect),
      columnCount: (ref) => rectColumns(ref.rect),
      cellCount: (ref) => rectRows(ref.rect) * rectColumns(ref.rect),
      rowIndex: (ref) => ref.rect.r0,
      columnIndex: (ref) => ref.rect.c0,
      isEntireColumn: (ref) => ref.rect.r0 === 0 && ref.rect.r1 === MAX_ROWS - 1,
      isEntireRow: (ref) => ref.rect.c0 === 0 && ref.rect.c1 === MAX_COLUMNS - 1,
      values: (ref) => gridOf(ref, (r, c) => ref.sheet.cell(r, c)?.value ?? ""),
      formulas: (ref) => this.displayedFormulas(ref),
      formulasLocal: (ref) => this.displayedFormulas(ref),
      numberFormat: (ref) => gridOf(ref, (r, c) => ref.sheet.cell(r, c)?.style?.numberFormat ?? "General"),
      text: (ref) => gridOf(ref, (r, c) => displayText(ref.sheet.cell(r, c)?.value)),
      valueTypes: (ref) => gridOf(ref, (r, c) => valueType(ref.sheet.cell(r, c)?.value)),
      rowHidden: (ref) => allOrNone(ref, (row) => ref.sheet.hiddenRows.has(row)),
      hidden: (ref) => allOrNone(ref, (row) => ref.sheet.hiddenRows.has(row)) === true,
      width: (ref) => rangeWidth(ref),
      height: (ref) => rangeHeight(ref),
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet };
  }

  /** "A range is limited to 5,000,000 cells for read operations" (resource-limits-and-performance-optimization#excel-add-ins). */
  override applyLoad(tree: LoadTree): void {
    const ref = this.resolve();
    const readsCells = tree.all || [...CELL_GRIDS].some((p) => tree.scalars.has(p));
    if (ref && readsCells && rectRows(ref.rect) * rectColumns(ref.rect) > READ_CELL_LIMIT) throw new HeadlessOfficeError("RangeExceedsLimit");
    super.applyLoad(tree);
  }

  /**
   * Formulas as Excel returns them: structured references in display form ([@Col], Table[Col]),
   * whatever spelling was written (see formulaDisplay.ts for the source).
   */
  private displayedFormulas(ref: RangeRef): unknown[][] {
    const tables = this.context.model.tables.filter((t) => t.sheet === ref.sheet && intersectRects(t.rect, ref.rect));
    const tableAt = (row: number, col: number) => tables.find((t) => row >= t.rect.r0 && row <= t.rect.r1 && col >= t.rect.c0 && col <= t.rect.c1)?.name;
    return gridOf(ref, (r, c) => {
      const cell = ref.sheet.cell(r, c);
      return cell?.formula !== undefined ? displayFormula(cell.formula, tableAt(r, c)) : (cell?.value ?? "");
    });
  }

  get address(): string { return this.read("address"); }
  get addressLocal(): string { return this.read("addressLocal"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get cellCount(): number { return this.read("cellCount"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get isEntireColumn(): boolean { return this.read("isEntireColumn"); }
  get isEntireRow(): boolean { return this.read("isEntireRow"); }
  get text(): string[][] { return this.read("text"); }
  get valueTypes(): string[][] { return this.read("valueTypes"); }
  /** Range.width and height (ExcelApi 1.10): points at 100% zoom from edge to edge; hidden rows add nothing. */
  get width(): number { return this.read("width"); }
  get height(): number { return this.read("height"); }
  get rowHidden(): boolean | null { return this.read("rowHidden"); }
  get hidden(): boolean { return this.read("hidden"); }

  // Office.js types these any[][]; one value fills the range (OfficeApi.CellsInput).
  get values(): Grid { return this.read("values"); }
  set values(values: OfficeApi.CellsInput) { this.writeContent("values", values); }
  get formulas(): Grid { return this.read("formulas"); }
  set formulas(formulas: OfficeApi.CellsInput) { this.writeContent("formulas", formulas); }
  get formulasLocal(): Grid { return this.read("formulasLocal"); }
  set formulasLocal(formulas: OfficeApi.CellsInput) { this.writeContent("formulasLocal", formulas); }

  get numberFormat(): Grid { return this.read("numberFormat"); }
  set numberFormat(formats: OfficeApi.CellsInput) {
    this.setProperty("numberFormat", formats, (ref) => {
      assertEditable(ref.sheet, ref.rect, "format");
      const at = gridFor<unknown>(formats, ref.rect);
      ref.sheet.updateStyle(ref.rect, (style, row, col) => {
        const format = at(row - ref.rect.r0, col - ref.rect.c0);
        if (format === null || format === undefined) return;
        if (format === "" || format === "General") delete style.numberFormat;
        else style.numberFormat = String(format);
      });
    });
  }

  set rowHidden(hidden: boolean) {
    this.setProperty("rowHidden", hidden, (ref) => {
      for (let row = ref.rect.r0; row <= ref.rect.r1; row++) {
        if (hidden) ref.sheet.hiddenRows.add(row);
        else ref.sheet.hiddenRows.delete(row);
      }
    });
  }

  private writeContent(property: string, input: OfficeApi.CellsInput): void {
    this.setProperty(property, input, (ref) => {
      assertEditable(ref.sheet, ref.rect, "content");
      if (input !== null && input !== undefined) checkFormulasIn(this.context.model.tables, ref, gridFor(input, ref.rect));
      const fills = input === null || input === undefined ? [] : planTableFormulas(this.context.model.tables, ref.sheet, ref.rect, gridFor(input, ref.rect));
      writeCells(ref.sheet, ref.rect, input);
      fillCalculatedColumns(ref.sheet, fills);
    });
  }

  get format(): RangeFormat {
    return this.memo("format", () => new RangeFormat(this.context, () => this.resolve()));
  }

  get dataValidation(): DataValidation {
    return this.memo("dataValidation", () => new DataValidation(this.context, () => this.resolve()));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this.memo("conditionalFormats", () => new ConditionalFormatCollection(this.context, () => this.resolve()));
  }

  get worksheet(): Worksheet {
    return this.memo("worksheet", () => new Worksheet(this.context, () => this.resolve()?.sheet ?? null));
  }

  getCell(row: number, column: number): Range {
    return this.derived("getCell", ({ sheet, rect }) => cellRef(sheet, rect.r0 + row, rect.c0 + column));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived("getOffsetRange", ({ sheet, rect }) =>
      checked(sheet, { r0: rect.r0 + rowOffset, r1: rect.r1 + rowOffset, c0: rect.c0 + columnOffset, c1: rect.c1 + columnOffset }),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived("getResizedRange", ({ sheet, rect }) => checked(sheet, { ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }

  getEntireColumn(): Range {
    return this.derived("getEntireColumn", ({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: 0, r1: MAX_ROWS - 1 } }));
  }

  getEntireRow(): Range {
    return this.derived("getEntireRow", ({ sheet, rect }) => ({ sheet, rect: { ...rect, c0: 0, c1: MAX_COLUMNS - 1 } }));
  }

  getRow(row: number): Range {
    return this.derived("getRow", ({ sheet, rect }) => checked(sheet, { ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): Range {
    return this.derived("getColumn", ({ sheet, rect }) => checked(sheet, { ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getRowsAbove(count = 1): Range {
    return this.derived("getRowsAbove", ({ sheet, rect }) => checked(sheet, { ...rect, r0: rect.r0 - count, r1: rect.r0 - 1 }));
  }

  getRowsBelow(count = 1): Range {
    return this.derived("getRowsBelow", ({ sheet, rect }) => checked(sheet, { ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }));
  }

  getLastRow(): Range {
    return this.derived("getLastRow", ({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r1 } }));
  }

  getLastColumn(): Range {
    return this.derived("getLastColumn", ({ sheet, rect }) => ({ sheet, rect: { ...rect, c0: rect.c1 } }));
  }

  getLastCell(): Range {
    return this.derived("getLastCell", ({ sheet, rect }) => cellRef(sheet, rect.r1, rect.c1));
  }

  getIntersection(other: Range | string): Range {
    return this.derived("getIntersection", (ref) => {
      const otherRect = typeof other === "string" ? resolveAddress(this.context, ref.sheet, other).rect : other.resolve()?.rect;
      const overlap = otherRect && intersectRects(ref.rect, otherRect);
      if (!overlap) throw new HeadlessOfficeError("InvalidArgument");
      return { sheet: ref.sheet, rect: overlap };
    });
  }

  getUsedRange(valuesOnly = false): Range {
    return this.derived("getUsedRange", ({ sheet, rect }) => {
      const used = sheet.usedRect(valuesOnly);
      const overlap = used && intersectRects(used, rect);
      if (!overlap) throw new HeadlessOfficeError("ItemNotFound");
      return { sheet, rect: overlap };
    });
  }

  /** ExcelApi 1.9: the cells of this range that hold constants, formulas or nothing (see ./rangeAreas). */
  getSpecialCells(cellType: string, _cellValueType?: string): RangeAreas {
    return this.special("getSpecialCells", cellType, false);
  }

  getSpecialCellsOrNullObject(cellType: string, _cellValueType?: string): RangeAreas {
    return this.special("getSpecialCellsOrNullObject", cellType, true);
  }

  private special(method: string, cellType: string, orNull: boolean): RangeAreas {
    const areas = new RangeAreas(this.context, () => {
      const ref = this.resolve();
      if (!ref) return null;
      const rects = specialCellRects(ref, cellType);
      if (rects.length === 0) {
        if (orNull) return null;
        throw new HeadlessOfficeError("ItemNotFound");
      }
      return { sheet: ref.sheet, rects };
    });
    return this.child(areas, method, orNull);
  }

  select(): void {
    this.invoke("select", null, (ref) => {
      this.context.model.selection = ref;
      this.context.model.activeSheet = ref.sheet;
    });
  }

  merge(across = false): void {
    this.invoke("merge", { across }, (ref) => {
      assertEditable(ref.sheet, ref.rect, "structure");
      const pieces = across ? rowsOf(ref.rect) : [ref.rect];
      ref.sheet.merges = ref.sheet.merges.filter((m) => !intersectRects(m, ref.rect));
      for (const piece of pieces) {
        if (rectRows(piece) * rectColumns(piece) === 1) continue;
        ref.sheet.merges.push(piece);
        for (const { row, col } of [...ref.sheet.cellsIn(piece)]) {
          if (row !== piece.r0 || col !== piece.c0) ref.sheet.setCellContent(row, col, { value: undefined });
        }
      }
    });
  }

  unmerge(): void {
    this.invoke("unmerge", null, (ref) => {
      assertEditable(ref.sheet, ref.rect, "structure");
      ref.sheet.merges = ref.sheet.merges.filter((m) => !intersectRects(m, ref.rect));
    });
  }

  /**
   * applyTo: "All" (default), "Contents", "Formats", "ResetContents" (contents, as the host has no
   * form controls to reset). Clearing formats also clears the conditional formats of the cleared
   * cells (trimmed, see conditionalFormatTrim.ts); validation is kept.
   */
  clear(applyTo: Excel.ClearApplyTo | `${Excel.ClearApplyTo}` = "All"): void {
    this.invoke("clear", { applyTo }, (ref) => {
      checkEnum(CLEAR_APPLY_TO, applyTo, "Range.clear applyTo");
      const clearContents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
      const clearFormats = applyTo === "All" || applyTo === "Formats";
      assertEditable(ref.sheet, ref.rect, clearFormats ? "format" : "content");
      if (clearFormats) trimConditionalFormats(ref.sheet, ref.rect, () => this.context.model.newId("cf"));
      for (const { row, col, cell } of [...ref.sheet.cellsIn(ref.rect)]) {
        if (clearFormats) cell.style = undefined;
        if (clearContents) ref.sheet.setCellContent(row, col, { value: undefined });
        else if (cell.value === undefined && cell.formula === undefined && !cell.style) ref.sheet.deleteCell(row, col);
      }
    });
  }
}

/** Every formula written is parsed first (model/formulaCheck.ts): Excel refuses what it cannot parse. */
function checkFormulasIn(tables: readonly TableModel[], ref: RangeRef, at: (row: number, col: number) => unknown): void {
  const onSheet = tables.filter((t) => t.sheet === ref.sheet && intersectRects(t.rect, ref.rect));
  for (let row = ref.rect.r0; row <= ref.rect.r1; row++) {
    for (let col = ref.rect.c0; col <= ref.rect.c1; col++) {
      const raw = at(row - ref.rect.r0, col - ref.rect.c0);
      if (typeof raw !== "string" || raw.length < 2 || !raw.startsWith("=")) continue;
      const host = onSheet.find((t) => row >= t.rect.r0 && row <= t.rect.r1 && col >= t.rect.c0 && col <= t.rect.c1);
      checkFormula(raw, tables, host);
    }
  }
}

function allOrNone(ref: RangeRef, test: (row: number) => boolean): boolean | null {
  let hidden = 0;
  for (let row = ref.rect.r0; row <= ref.rect.r1; row++) if (test(row)) hidden++;
  return hidden === 0 ? false : hidden === rectRows(ref.rect) ? true : null;
}

function rowsOf(rect: Rect): Rect[] {
  const rows: Rect[] = [];
  for (let row = rect.r0; row <= rect.r1; row++) rows.push({ ...rect, r0: row, r1: row });
  return rows;
}

function checked(sheet: SheetModel, rect: Rect): RangeRef {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw new HeadlessOfficeError("InvalidArgument");
  }
  return { sheet, rect };
}

export const cellRef = (sheet: SheetModel, row: number, col: number): RangeRef => checked(sheet, { r0: row, r1: row, c0: col, c1: col });

function rangeWidth({ sheet, rect }: RangeRef): number {
  let width = 0;
  for (let col = rect.c0; col <= rect.c1; col++) width += sheet.columnWidth(col);
  return width;
}

/** Summed from the rows with their own height, so a whole-column range costs what the sheet holds. */
function rangeHeight({ sheet, rect }: RangeRef): number {
  let height = rectRows(rect) * DEFAULT_ROW_HEIGHT;
  for (const [row, points] of sheet.rowHeights) if (row >= rect.r0 && row <= rect.r1) height += points - DEFAULT_ROW_HEIGHT;
  for (const row of sheet.hiddenRows) if (row >= rect.r0 && row <= rect.r1) height -= sheet.rowHeight(row);
  return height;
}
