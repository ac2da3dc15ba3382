/**
 * Charts in .xlsx files. exceljs neither writes nor reads chart parts, so these wrap the headless
 * reader and writer: writing adds DrawingML drawing + chart parts for every `sheet.charts` entry,
 * reading puts them back into `sheet.charts`.
 */
import type { HeadlessWorkbook } from "../../model/workbook";
import { readXlsx } from "../read";
import { type WriteXlsxOptions, writeXlsx } from "../write";
import { readChartParts } from "./readCharts";
import { writeChartParts } from "./writeCharts";

export { writeChartParts } from "./writeCharts";
export { readChartParts } from "./readCharts";
export type { ChartWithAxisFormat } from "./chartXml";

/** readXlsx, charts included. */
export async function readXlsxWithCharts(data: ArrayBuffer | Uint8Array): Promise<HeadlessWorkbook> {
  const workbook = await readXlsx(data);
  await readChartParts(data, workbook);
  return workbook;
}

/** writeXlsx with the chart parts added before any caller-supplied post-processor runs. */
export function writeXlsxWithCharts(workbook: HeadlessWorkbook, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  return writeXlsx(workbook, { ...options, postProcessors: [writeChartParts, ...(options.postProcessors ?? [])] });
}
