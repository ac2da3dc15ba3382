import { MAX_COLUMNS, MAX_ROWS, type Rect, intersectRects, rectContains } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import { shiftFormula } from "./calculatedColumns";
import { type CellMove, mayReference, movedAreaParts, movedFormula, movedReference, withMovedReferences } from "./references";
import type { SheetModel } from "./sheet";
import type { ConditionalFormatEntry, DataValidationRule } from "./types";
import type { TableModel } from "./table";
import type { HeadlessWorkbook } from "./workbook";

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
  /** "grow" only: the first body row of the table that grew (chart series over a whole column grow with it). */
  top?: number;
}

/** A column move within rows r0..r1 (a table column added or deleted): cells at or right of `col` shift right (count > 0) or left. */
export interface ColumnShift {
  kind: "columns";
  col: number;
  count: number;
  r0: number;
  r1: number;
}

/** What SheetModel.rowShifts logs: row moves, table growth, and column moves, in order. */
export type LoggedShift = RowShift | ColumnShift;

/** The cell move a logged shift made; null for "grow", which moves no cell. */
export function moveOf(shift: LoggedShift): CellMove | null {
  if (shift.kind === "columns") return { axis: "columns", at: shift.col, count: shift.count, from: shift.r0, to: shift.r1 };
  return shift.kind === "shift" ? { axis: "rows", at: shift.row, count: shift.count, from: shift.c0, to: shift.c1 } : null;
}

/**
 * Where a range is after `shift`: a row or column move goes by the one reference-move rule
 * (./references movedReference), so a range holding only deleted cells is gone (null); "grow"
 * extends a range that ends on the grown table's last row.
 */
export function shiftedRect(rect: Rect, shift: LoggedShift): Rect | null {
  return shift.kind === "grow" ? grownRect(rect, shift) : movedReference(rect, moveOf(shift)!);
}

/** A range within the grown columns that ends on row `grow.row` extended by `grow.count` rows (a table appended to). */
function grownRect(rect: Rect, { row, count, c0, c1 }: RowShift): Rect {
  return rect.c0 >= c0 && rect.c1 <= c1 && rect.r1 === row ? { ...rect, r1: row + count } : rect;
}

/**
 * Inserts (count > 0) or deletes (count < 0) cells at `row` within columns c0..c1, moving the cells
 * below, and the tables, merges, validations and conditional formats there, like Excel's "shift
 * cells down/up"; every reference to the moved cells follows them (./references). `tables` are the
 * tables that may move (not the one growing or shrinking); one the move would cut is refused.
 */
export function shiftRowsInColumns(workbook: HeadlessWorkbook, sheet: SheetModel, tables: TableModel[], row: number, count: number, c0: number, c1: number): void {
  const move: CellMove = { axis: "rows", at: row, count, from: c0, to: c1 };
  assertTablesMoveWhole(tables, move);
  const below: Rect = { r0: row, r1: MAX_ROWS - 1, c0, c1 };
  const moving = [...sheet.cellsIn(below)];
  for (const { row: r, col } of moving) sheet.deleteCell(r, col);
  for (const { row: r, col, cell } of moving) {
    const target = r + count;
    if (count < 0 && r < row - count) continue;
    if (target < MAX_ROWS) sheet.placeCell(target, col, cell);
  }
  sheet.rowShifts.push({ kind: "shift", row, count, c0, c1 });
  moveWithCells(workbook, sheet, tables, move);
}

/** Inserts (count > 0) or deletes (count < 0) cells at `col` within rows r0..r1, moving the cells to the right ("shift cells right/left"). */
export function shiftColumnsInRows(workbook: HeadlessWorkbook, sheet: SheetModel, tables: TableModel[], col: number, count: number, r0: number, r1: number): void {
  const move: CellMove = { axis: "columns", at: col, count, from: r0, to: r1 };
  assertTablesMoveWhole(tables, move);
  const right: Rect = { r0, r1, c0: col, c1: MAX_COLUMNS - 1 };
  const moving = [...sheet.cellsIn(right)];
  for (const { row, col: c } of moving) sheet.deleteCell(row, c);
  for (const { row, col: c, cell } of moving) {
    if (count < 0 && c < col - count) continue;
    if (c + count < MAX_COLUMNS) sheet.placeCell(row, c + count, cell);
  }
  sheet.rowShifts.push({ kind: "columns", col, count, r0, r1 });
  moveWithCells(workbook, sheet, tables, move);
}

/** The cells a move shifts: at or past the line it happens at, within its band. */
function movingRegion(move: CellMove): Rect {
  return move.axis === "rows"
    ? { r0: move.at, r1: MAX_ROWS - 1, c0: move.from, c1: move.to }
    : { r0: move.from, r1: move.to, c0: move.at, c1: MAX_COLUMNS - 1 };
}

/**
 * A table whose cells would move only in part (it reaches beside the shifted band, or across the line
 * the cells shift at) would be cut in two, and Excel refuses the insert or delete: "This won't work
 * because it would move cells in a table on your worksheet." (Excel's message for table rows and
 * columns alike, office-scripts-docs #654). A table wholly within the moving cells moves with them.
 */
function assertTablesMoveWhole(tables: TableModel[], move: CellMove): void {
  const region = movingRegion(move);
  for (const table of tables) {
    const { rect } = table;
    if (!intersectRects(rect, region)) continue;
    if (!rectContains(region, rect)) {
      throw new HeadlessOfficeError("InvalidOperation", "This won't work because it would move cells in a table on your worksheet.");
    }
  }
}

/** What belongs to the moved cells goes with them: tables, merges, validation, conditional formats; references to them follow. */
function moveWithCells(workbook: HeadlessWorkbook, sheet: SheetModel, tables: TableModel[], move: CellMove): void {
  const region = movingRegion(move);
  for (const table of tables) if (intersectRects(table.rect, region)) table.rect = movedReference(table.rect, move) ?? table.rect;
  // A merge the move passes through would be split; only merges wholly among the moving cells move, and one of only deleted cells goes with them.
  sheet.merges = sheet.merges.flatMap((rect) => {
    const moved = rectContains(region, rect) ? movedReference(rect, move) : rect;
    return moved ? [moved] : [];
  });
  const home = sheet.name.toLowerCase();
  sheet.validations = sheet.validations.flatMap((entry) =>
    movedAreaParts(entry.rect, move).flatMap(({ before, after }) => (after ? [{ ...entry, rect: after, rule: movedValidationRule(entry.rule, entry.rect, { before, after }, home, move) }] : [])),
  );
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((entry) =>
    movedAreaParts(entry.rect, move).flatMap(({ before, after }, i) =>
      after ? [{ ...entry, id: i === 0 ? entry.id : workbook.newId("cf"), rect: after, ...mapFormatFormulas(entry, (formula) => movedAreaFormula(formula, entry.rect, { before, after }, home, move)) }] : [],
    ),
  );
  adjustReferences(workbook, sheet, move);
}

/** A part of an area that kept cells through a move: as it was, and as it is (model/references movedAreaParts). */
export interface SurvivingPart {
  before: Rect;
  after: Rect;
}

/**
 * The cell, as it was before the move, that is now the top-left of a part: its own top-left, or,
 * when the part's first rows (columns) were deleted, the first cell after them.
 */
function survivingCorner({ before, after }: SurvivingPart, move: CellMove): { row: number; col: number } {
  const same = before.r0 === after.r0 && before.r1 === after.r1 && before.c0 === after.c0 && before.c1 === after.c1;
  if (same) return { row: before.r0, col: before.c0 };
  const back = (line: number) => (line < move.at ? line : line - move.count);
  return move.axis === "rows" ? { row: back(after.r0), col: after.c0 } : { row: after.r0, col: back(after.c0) };
}

/**
 * A formula of a validation or conditional format, written relative to the top-left cell of `rect`
 * (ECMA-376 Part 1 §18.3.1.10 cfRule, §18.3.1.32 dataValidation), for the part of it that is now
 * `part.after`: re-anchored on the cell that became the part's top-left (relative references move,
 * as for a format Excel trims; a range whose first rows were deleted tests its first row left, not
 * #REF!), then its references follow the move. The file layer moves the formulas it keeps by it too.
 */
export function movedAreaFormula(formula: string, rect: Rect, part: SurvivingPart, home: string, move: CellMove): string {
  const corner = survivingCorner(part, move);
  return movedFormula(shiftFormula(formula, corner.row - rect.r0, corner.col - rect.c0), home, home, move);
}

const isFormula = (value: unknown): value is string => typeof value === "string" && value.startsWith("=");

/** The format with each of its formulas (rule, and a color scale's formula criteria) rewritten. */
export function mapFormatFormulas(entry: ConditionalFormatEntry, rewrite: (formula: string) => string): Pick<ConditionalFormatEntry, "rule" | "colorScale"> {
  const rule = { ...entry.rule };
  for (const key of ["formula", "formula1", "formula2"] as const) {
    const formula = rule[key];
    if (isFormula(formula)) rule[key] = rewrite(formula);
  }
  if (!entry.colorScale) return { rule };
  const colorScale = { ...entry.colorScale };
  for (const key of ["minimum", "midpoint", "maximum"] as const) {
    const criterion = colorScale[key];
    if (criterion && isFormula(criterion.formula)) colorScale[key] = { ...criterion, formula: rewrite(criterion.formula) };
  }
  return { rule, colorScale };
}

function movedValidationRule(rule: DataValidationRule, rect: Rect, part: SurvivingPart, home: string, move: CellMove): DataValidationRule {
  return mapValidationFormulas(rule, (formula) => movedAreaFormula(formula, rect, part, home, move));
}

/** The rule with each of its formulas (bounds, list source, custom formula written with "=") rewritten. */
export function mapValidationFormulas(rule: DataValidationRule, rewrite: (formula: string) => string): DataValidationRule {
  const next: DataValidationRule = { ...rule };
  if (rule.list && isFormula(rule.list.source)) next.list = { ...rule.list, source: rewrite(rule.list.source) };
  if (rule.custom) next.custom = { formula: rewrite(rule.custom.formula) };
  for (const key of ["wholeNumber", "decimal", "textLength", "date"] as const) {
    const basic = rule[key];
    if (!basic) continue;
    const bounds = { ...basic };
    if (isFormula(bounds.formula1)) bounds.formula1 = rewrite(bounds.formula1);
    if (isFormula(bounds.formula2)) bounds.formula2 = rewrite(bounds.formula2);
    (next as Record<string, unknown>)[key] = bounds;
  }
  return next;
}

/**
 * Every formula of the workbook that may point into the moved cells: cells on every sheet, defined
 * names (workbook and sheet scope; their unqualified references point at no sheet in particular and
 * stay), and the validation and conditional-format formulas of the other sheets (the moved sheet's
 * own moved with their areas above).
 */
function adjustReferences(workbook: HeadlessWorkbook, moved: SheetModel, move: CellMove): void {
  const key = moved.name.toLowerCase();
  // Formulas repeat (a calculated column holds one text in every row): each distinct text is moved once.
  const seen = [new Map<string, string>(), new Map<string, string>()];
  const adjust = (formula: string, home: string | null): string => {
    if (!mayReference(formula, key, home, move)) return formula;
    const memo = seen[home === key ? 1 : 0];
    let next = memo.get(formula);
    if (next === undefined) {
      next = withMovedReferences(formula, home, key, move);
      memo.set(formula, next);
    }
    return next;
  };
  for (const sheet of workbook.sheets) {
    const home = sheet.name.toLowerCase();
    sheet.forEachCell((cell) => {
      if (cell.formula === undefined) return;
      const next = adjust(cell.formula, home);
      if (next !== cell.formula) cell.formula = next;
    });
    for (const entry of sheet.names) entry.formula = adjust(entry.formula, null);
    if (sheet === moved) continue;
    for (const entry of sheet.validations) entry.rule = mapValidationFormulas(entry.rule, (formula) => adjust(formula, home));
    for (const entry of sheet.conditionalFormats) Object.assign(entry, mapFormatFormulas(entry, (formula) => adjust(formula, home)));
  }
  for (const entry of workbook.names) entry.formula = adjust(entry.formula, null);
}

/** Extends validation and conditional formats that end on `lastRow` of the given columns by `count` rows. */
export function growEntriesEndingAt(sheet: SheetModel, lastRow: number, count: number, c0: number, c1: number, top?: number): void {
  const grow: RowShift = { kind: "grow", row: lastRow, count, c0, c1, ...(top === undefined ? {} : { top }) };
  sheet.rowShifts.push(grow);
  for (const entry of [...sheet.validations, ...sheet.conditionalFormats]) entry.rect = grownRect(entry.rect, grow);
}
