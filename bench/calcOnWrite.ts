/** Calculation on write (#17): the time the cached values add to a save, against the write itself. */
import { cacheFormulaValues, writeXlsx, type HeadlessWorkbook } from "../src/headless";
import { measured, timed, type Measurement } from "./measurement";
import { builtWorkbook, sampleOptions } from "./workbooks";

/** `ismp new --profile saas --sample`: the save of a fresh sample build (after one unmeasured warm-up). */
export async function measureCalcOnNew(): Promise<Measurement[]> {
  await measureCalcOnWrite("warm-up", await builtWorkbook(sampleOptions("saas")));
  return measureCalcOnWrite("ismp new (saas, sample)", await builtWorkbook(sampleOptions("saas")));
}

/**
 * Times the two halves of a save — calculating every formula's cached value, then writing the
 * package — on `workbook`; the calculation must take less time than the write.
 */
export async function measureCalcOnWrite(label: string, workbook: HeadlessWorkbook): Promise<Measurement[]> {
  const calculation = await timed(() => cacheFormulaValues(workbook));
  const write = await timed(() => writeXlsx(workbook));
  const report = calculation.result;
  return [
    measured(`${label}: calculation CPU time`, calculation.cpuMs, "ms"),
    measured(`${label}: write CPU time`, write.cpuMs, "ms"),
    measured(`${label}: calculating cached values (${report.withValue} of ${report.formulaCells} formula cells)`, calculation.ms, "ms", {
      limit: write.ms,
      inclusive: false,
      label: `write ${Math.round(write.ms)} ms`,
    }),
    measured(`${label}: writing the package`, write.ms, "ms"),
    measured(`${label}: formula cells left without a value (ISMP.* and dependants)`, report.withoutValue, "cells"),
  ];
}
