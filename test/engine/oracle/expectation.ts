/** What one recalculated cell should hold according to the TypeScript core. */
import type { EngineCell, Scalar } from "../engineWorkbook";

/** A value, or the error the cell must show. */
export type ExpectedValue = Scalar | { error: string };

export interface Expectation {
  cell: EngineCell;
  /** Which rule, as a reader of a failure would name it: "Risks[Inherent Score] of R-001". */
  rule: string;
  expected: ExpectedValue;
}

export interface Mismatch {
  at: string;
  rule: string;
  expected: string;
  actual: string;
}

const RATIO_TOLERANCE = 1e-9;

function show(value: ExpectedValue): string {
  return typeof value === "object" ? value.error : JSON.stringify(value);
}

function actualOf(cell: EngineCell): ExpectedValue {
  return cell.error ? { error: cell.error } : cell.value;
}

export function holds(expectation: Expectation): boolean {
  const { expected, cell } = expectation;
  if (typeof expected === "object") return cell.error === expected.error;
  if (cell.error) return false;
  // Relative above 1: the engine stores 15 significant digits, so money figures in the millions differ in the 8th decimal.
  if (typeof expected === "number" && typeof cell.value === "number") return Math.abs(expected - cell.value) <= RATIO_TOLERANCE * Math.max(1, Math.abs(expected));
  return expected === cell.value;
}

export function mismatchOf(expectation: Expectation): Mismatch {
  const { cell } = expectation;
  return { at: `'${cell.sheet}'!${cell.address}`, rule: expectation.rule, expected: show(expectation.expected), actual: show(actualOf(cell)) };
}
