/** Runs every sheet check over a recalculated workbook and sums up what held and what did not. */
import type { EngineWorkbook } from "./engineWorkbook";
import { checkContext, holds, mismatchOf, SHEET_CHECKS, type Expectation, type Mismatch } from "./oracle";

export interface Verification {
  file: string;
  formulaCells: number;
  /** Formula cells compared with the core. */
  checked: number;
  mismatches: Mismatch[];
  /** Formula cells no check has an expectation for ('Sheet'!A1). */
  unchecked: string[];
  /** Cells that hold an error, e.g. "'Coverage'!J5 #NAME?". */
  errors: string[];
}

const at = (cell: { sheet: string; address: string }) => `'${cell.sheet}'!${cell.address}`;

function verdict(expectation: Expectation): Mismatch | undefined {
  if (expectation.cell.formula === undefined) return { ...mismatchOf(expectation), actual: `a constant, not a formula (${mismatchOf(expectation).actual})` };
  return holds(expectation) ? undefined : mismatchOf(expectation);
}

export function verify(book: EngineWorkbook, now: Date = new Date()): Verification {
  const context = checkContext(book, now);
  const expectations = SHEET_CHECKS.flatMap((check) => check.expectations(context));
  const expected = new Set(expectations.map((e) => at(e.cell)));
  const formulaCells = book.formulaCells();
  return {
    file: book.path,
    formulaCells: formulaCells.length,
    checked: expectations.length,
    mismatches: expectations.map(verdict).filter((m): m is Mismatch => m !== undefined),
    unchecked: formulaCells.filter((cell) => !expected.has(at(cell))).map(at),
    errors: formulaCells.filter((cell) => cell.error).map((cell) => `${at(cell)} ${cell.error}`),
  };
}
