/**
 * writeXlsx: a workbook read from a file is saved by patching that file's package (patch/), so
 * everything the model does not represent survives; a workbook made from scratch is written whole.
 * Both go through the same generator (write.ts) for whatever the model adds.
 */
import type { HeadlessWorkbook } from "../model/workbook";
import { writeChartParts } from "./charts/writeCharts";
import { patchPackage } from "./patch";
import { originalOf } from "./patch/original";
import { generatePackage, type WriteXlsxOptions } from "./write";

export async function writeXlsx(workbook: HeadlessWorkbook, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const original = originalOf(workbook);
  let bytes = original ? await patchPackage(original, workbook) : await writeChartParts(await generatePackage(workbook), workbook);
  for (const step of options.postProcessors ?? []) bytes = await step(bytes, workbook);
  return bytes;
}
