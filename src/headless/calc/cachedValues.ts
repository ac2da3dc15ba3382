/**
 * Cached values for files: every formula cell carries its calculated result, so a reader that does
 * not calculate (a mail or phone preview, openpyxl, pandas, exceljs) sees the figures. A cell whose
 * value the host cannot vouch for (a custom function, an unsupported function, or a cell depending on
 * one) keeps no value rather than a wrong one.
 */
import type { HeadlessWorkbook } from "../model/workbook";

export interface CachedValuesReport {
  formulaCells: number;
  /** Formula cells written with their calculated value. */
  withValue: number;
  /** Formula cells written without a value. */
  withoutValue: number;
  /** `withoutValue`, counted by why (e.g. "custom function ISMP.COVERAGE": 8). */
  withoutValueBy: Record<string, number>;
}

/**
 * Recalculates the whole workbook (TODAY() is `workbook.calculationClock`), stores each formula's
 * result as its cached value, clears the values it cannot vouch for, and asks Excel and LibreOffice
 * to recalculate on open (fullCalcOnLoad). The one step every file write goes through.
 */
export function cacheFormulaValues(workbook: HeadlessWorkbook): CachedValuesReport {
  const unknown = workbook.calculate();
  const withoutValueBy: Record<string, number> = {};
  for (const [cell, reason] of unknown) {
    delete cell.value;
    withoutValueBy[reason] = (withoutValueBy[reason] ?? 0) + 1;
  }
  // The cleared values are back on the next calculation of a workbook that calculates (the demo).
  workbook.markContentChanged();
  workbook.fullCalcOnLoad = true;
  let formulaCells = 0;
  for (const sheet of workbook.sheets) {
    sheet.forEachCell((cell) => {
      if (cell.formula !== undefined) formulaCells++;
    });
  }
  return { formulaCells, withValue: formulaCells - unknown.size, withoutValue: unknown.size, withoutValueBy };
}
