/** The one way the CLI and the demo turn a workbook into a file: values calculated, then written. */
import { type CachedValuesReport, cacheFormulaValues } from "./calc/cachedValues";
import type { HeadlessWorkbook } from "./model/workbook";
import { writeXlsx } from "./xlsx/save";
import type { WriteXlsxOptions } from "./xlsx/write";

export interface SavedXlsx {
  bytes: Uint8Array;
  cachedValues: CachedValuesReport;
}

/** Computes every formula's cached value just before the write (see calc/cachedValues.ts), then writes the package. */
export async function writeXlsxWithValues(workbook: HeadlessWorkbook, options: WriteXlsxOptions = {}): Promise<SavedXlsx> {
  const cachedValues = cacheFormulaValues(workbook);
  return { bytes: await writeXlsx(workbook, options), cachedValues };
}
