/**
 * Headless Excel host: an in-memory implementation of the Office.js Excel API subset the add-in uses,
 * plus .xlsx read/write. No Node built-ins: runs in jest, the CLI and the browser demo.
 */
import { Workbook } from "./api/workbook";
import { CalculatingRequestContext } from "./calc/calculatingContext";
import type { HeadlessRequestContext } from "./context";
import { HeadlessWorkbook } from "./model/workbook";

export { HeadlessWorkbook, RequestStats, type CalculationMode } from "./model/workbook";
export { SheetModel } from "./model/sheet";
export { TableModel } from "./model/table";
export type * from "./model/types";
export { HeadlessOfficeError } from "./errors";
export type { HeadlessErrorCode, HeadlessDebugInfo } from "./errors";
export { REQUEST_PAYLOAD_LIMIT_BYTES } from "./context";
// Charts ride along: exceljs alone neither writes nor reads chart parts.
export { readXlsx } from "./xlsx/read";
export { writeXlsx } from "./xlsx/save";
export type { WriteXlsxOptions, XlsxPostProcessor } from "./xlsx/write";
export { writeXlsxWithValues, type SavedXlsx } from "./save";
export { cacheFormulaValues, type CachedValuesReport } from "./calc/cachedValues";
export { toFileFormula, fromFileFormula } from "./formulaSyntax";
export { formatValue, isDateFormat, dateToSerial, serialToDate } from "./calc";

export interface CreateWorkbookOptions {
  /** Calculate formulas (calculationMode "Automatic"); off by default. */
  calculate?: boolean;
}

/** An empty workbook with one sheet, "Sheet1", as a new Excel workbook has. */
export function createWorkbook(options: CreateWorkbookOptions = {}): HeadlessWorkbook {
  const workbook = new HeadlessWorkbook();
  workbook.addSheet("Sheet1");
  if (options.calculate) workbook.calculationMode = "Automatic";
  return workbook;
}

export function createRequestContext(workbook: HeadlessWorkbook, options: Pick<Excel.RunOptions, "delayForCellEdit"> = {}): Excel.RequestContext {
  const context = new CalculatingRequestContext<Workbook>(workbook, (ctx) => new Workbook(ctx as HeadlessRequestContext));
  context.delayForCellEdit = options.delayForCellEdit === true;
  return context as unknown as Excel.RequestContext;
}

/** Like Excel.run: runs the batch on a fresh context, then syncs what the batch left queued. */
export async function run<T>(
  workbook: HeadlessWorkbook,
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: Pick<Excel.RunOptions, "delayForCellEdit"> = {},
): Promise<T> {
  const context = createRequestContext(workbook, options);
  const result = await batch(context);
  await context.sync();
  return result;
}

/** An object that can stand in for the global `Excel` (demo page, CLI). */
export function createExcelNamespace(workbook: HeadlessWorkbook): { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> } {
  return { run: (batch) => run(workbook, batch) };
}
