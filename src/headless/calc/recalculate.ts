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

/**
 * How many formulas deep on-demand evaluation may nest before it hands the cell it needs back to
 * `compute`, which evaluates it first from an explicit stack: long chains never overflow the call stack.
 */
const MAX_NESTING = 64;

/** Why a formula's value is not what Excel would show: it read a cell whose value is unknown. */
export const DEPENDS_ON_UNKNOWN = "depends on a cell whose value cannot be computed headlessly";
export const CIRCULAR_REFERENCE = "circular reference";

interface Position {
  sheet: SheetModel;
  row: number;
  col: number;
}

/** Thrown when nesting is too deep; unwinds to `compute`. */
class NeedsCell {
  constructor(
    readonly position: Position,
    readonly cell: Cell,
  ) {}
}

export class Recalculation implements CellSource {
  private readonly results = new Map<Cell, Scalar | typeof IN_PROGRESS>();
  private readonly lastRows = new Map<SheetModel, number>();
  private readonly evaluator: Evaluator;
  /** Formula cells whose computed value is not Excel's (a custom function, an unsupported one, ...), with the first reason. */
  readonly unknown = new Map<Cell, string>();
  /** Why the formula being evaluated now cannot be trusted, once something it used says so. */
  private reason: string | undefined;
  private nesting = 0;

  constructor(
    workbook: HeadlessWorkbook,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.evaluator = new Evaluator(workbook, this);
  }

  /** Computes every formula cell and stores its value where `values` reads it. */
  run(sheets: SheetModel[]): void {
    for (const sheet of sheets) {
      // Top to bottom: a formula usually depends on cells above it, which keeps nesting shallow.
      sheet.forEachCell((cell, row, col) => {
        if (cell.formula !== undefined) this.compute({ sheet, row, col });
      });
    }
  }

  /** Computes one cell, first computing (from an explicit stack) whatever lay too deep to nest. */
  private compute(start: Position): void {
    const pending: Position[] = [start];
    const waiting = new Set<Cell>();
    while (pending.length > 0) {
      const next = pending[pending.length - 1];
      this.reason = undefined;
      try {
        this.read(next.sheet, next.row, next.col);
        pending.pop();
      } catch (error) {
        if (!(error instanceof NeedsCell)) throw error;
        // Needed again while it waits: a long circular chain, which reads 0 as a short one does.
        if (waiting.has(error.cell)) {
          this.store(error.cell, 0);
          this.unknown.set(error.cell, CIRCULAR_REFERENCE);
        } else pending.push(error.position);
        waiting.add(error.cell);
      }
    }
  }

  read(sheet: SheetModel, row: number, col: number): Scalar {
    const cell = sheet.cell(row, col);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    const known = this.results.get(cell);
    // Excel shows 0 for a circular reference it cannot resolve (and warns); LibreOffice shows Err:522.
    if (known === IN_PROGRESS) {
      this.cannotCompute(CIRCULAR_REFERENCE);
      return 0;
    }
    if (known !== undefined) {
      if (this.unknown.has(cell)) this.cannotCompute(DEPENDS_ON_UNKNOWN);
      return known;
    }
    if (this.nesting >= MAX_NESTING) throw new NeedsCell({ sheet, row, col }, cell);
    this.results.set(cell, IN_PROGRESS);
    this.nesting++;
    try {
      const { result: computed, reason } = this.tracked(() => this.evaluator.evaluateCell(cell.formula as string, { sheet, row, col }));
      if (reason !== undefined) this.unknown.set(cell, reason);
      // A formula that refers to a blank cell shows 0.
      return this.store(cell, computed === null ? 0 : computed);
    } catch (error) {
      this.results.delete(cell);
      throw error;
    } finally {
      this.nesting--;
    }
  }

  cannotCompute(reason: string): void {
    this.reason ??= reason;
  }

  /**
   * Runs `work` as a unit of its own: the reason (if any) why what it computed cannot be trusted,
   * which also taints whatever is being computed around it (DEPENDS_ON_UNKNOWN for a cell).
   */
  tracked<T>(work: () => T): { result: T; reason: string | undefined } {
    const outer = this.reason;
    this.reason = undefined;
    let reason: string | undefined;
    try {
      const result = work();
      reason = this.reason;
      return { result, reason };
    } finally {
      this.reason = outer;
      if (reason !== undefined) this.cannotCompute(DEPENDS_ON_UNKNOWN);
    }
  }

  private store(cell: Cell, result: Exclude<Scalar, null>): Scalar {
    this.results.set(cell, result);
    cell.value = toCellValue(result);
    return result;
  }

  clip(sheet: SheetModel, rect: Rect): Rect {
    if (rect.r1 < MAX_ROWS - 1) return rect;
    let lastRow = this.lastRows.get(sheet);
    if (lastRow === undefined) {
      lastRow = sheet.lastRowWithCells();
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

/** Recalculates every formula of the workbook; returns the cells whose value is not what Excel would show, with why. */
export function recalculate(workbook: HeadlessWorkbook, clock?: () => Date): ReadonlyMap<Cell, string> {
  const recalculation = new Recalculation(workbook, clock);
  recalculation.run(workbook.sheets);
  return recalculation.unknown;
}
