/** A full recalculation: every formula cell, each computed once, dependencies first (on demand). */
import type { Rect } from "../addresses";
import { MAX_ROWS } from "../addresses";
import type { SheetModel } from "../model/sheet";
import type { Cell, CellValue } from "../model/types";
import type { HeadlessWorkbook } from "../model/workbook";
import { type CellSource, Evaluator } from "./evaluator";
import { type Scalar, isError } from "./values";

/** Marks a formula whose value is being computed: meeting it again is a circular reference. */
const IN_PROGRESS = Symbol("in progress");

export class Recalculation implements CellSource {
  private readonly results = new Map<Cell, Scalar | typeof IN_PROGRESS>();
  private readonly lastRows = new Map<SheetModel, number>();
  private readonly evaluator: Evaluator;

  constructor(
    workbook: HeadlessWorkbook,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.evaluator = new Evaluator(workbook, this);
  }

  /** Computes every formula cell and stores its value where `values` reads it. */
  run(sheets: SheetModel[]): void {
    for (const sheet of sheets) {
      // Top to bottom: a formula usually depends on cells above it, which keeps on-demand recursion shallow.
      for (const row of [...sheet.rows.keys()].sort((a, b) => a - b)) {
        for (const [col, cell] of sheet.rows.get(row) ?? []) if (cell.formula !== undefined) this.read(sheet, row, col);
      }
    }
  }

  read(sheet: SheetModel, row: number, col: number): Scalar {
    const cell = sheet.cell(row, col);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    const known = this.results.get(cell);
    // Excel shows 0 for a circular reference it cannot resolve.
    if (known === IN_PROGRESS) return 0;
    if (known !== undefined) return known;
    this.results.set(cell, IN_PROGRESS);
    const computed = this.evaluator.evaluateCell(cell.formula, { sheet, row, col });
    // A formula that refers to a blank cell shows 0.
    const result = computed === null ? 0 : computed;
    this.results.set(cell, result);
    cell.value = toCellValue(result);
    return result;
  }

  clip(sheet: SheetModel, rect: Rect): Rect {
    if (rect.r1 < MAX_ROWS - 1) return rect;
    let lastRow = this.lastRows.get(sheet);
    if (lastRow === undefined) {
      lastRow = Math.max(-1, ...sheet.rows.keys());
      this.lastRows.set(sheet, lastRow);
    }
    return { ...rect, r1: Math.max(rect.r0 - 1, Math.min(rect.r1, lastRow)) };
  }

  today(): Date {
    return this.clock();
  }
}

/** Errors are stored as Office.js returns them in `values`: "#N/A", "#VALUE!", ... */
function toCellValue(result: Exclude<Scalar, null>): CellValue {
  return isError(result) ? result.code : result;
}

/** Recalculates every formula of the workbook. */
export function recalculate(workbook: HeadlessWorkbook, clock?: () => Date): void {
  new Recalculation(workbook, clock).run(workbook.sheets);
}
