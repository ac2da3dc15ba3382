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

/** verify(), or why the core could not compute what the workbook should show (kept per file, so other files still report). */
export function verifyOrExplain(book: EngineWorkbook, now: Date = new Date()): Verification | Error {
  try {
    return verify(book, now);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The verification, or the reason it could not be made, thrown inside the test that needs it. */
export function verified(result: Verification | Error | undefined, what: string): Verification {
  if (result instanceof Error) throw result;
  if (!result) throw new Error(`${what} was not recalculated`);
  return result;
}

/** The line CI output shows, so a reader sees the suite really ran. */
export function summaryLine(suite: string, results: ReadonlyArray<Verification | Error>, timings: string): string {
  const done = results.filter((r): r is Verification => !(r instanceof Error));
  const sum = (pick: (v: Verification) => number) => done.reduce((total, v) => total + pick(v), 0);
  return (
    `ENGINE (${suite}): ${results.length} workbooks recalculated in LibreOffice and verified, ${sum((v) => v.formulaCells)} formula cells, ` +
    `${sum((v) => v.checked)} checked against the core, ${sum((v) => v.mismatches.length)} mismatches (${timings})`
  );
}
