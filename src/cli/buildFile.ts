/** Creating or upgrading one workbook file: the step `new`, `upgrade` and `batch` share. */
import { existsSync } from "node:fs";
import type { BuildOptions } from "../core/blueprint/options";
import { buildWorkbook } from "../excel/build";
import { quantifyWorkbook, SAMPLE_QUANTIFY } from "../excel/quantify";
import type { BuildReport } from "../excel/operations";
import { CliError, EXIT } from "./exitCodes";
import { assertWritable, newWorkbook, openWorkbook, runOn, saveWorkbook } from "./workbookFile";

export type BuildMode = "new" | "upgrade";

/** Builds `path` from `options`; "new" refuses an existing file, "upgrade" keeps everything the user typed. */
export async function buildWorkbookFile(path: string, options: BuildOptions, mode: BuildMode): Promise<BuildReport> {
  if (mode === "new" && existsSync(path)) {
    throw new CliError(`${path} already exists; use "ismp upgrade ${path}" to update it.`, EXIT.usage);
  }
  if (mode === "upgrade") {
    if (!existsSync(path)) throw new CliError(`No such file: ${path}. Use "ismp new ${path}" to create it.`, EXIT.usage);
    assertWritable(path);
  }
  const workbook = mode === "upgrade" ? await openWorkbook(path) : newWorkbook();
  const report = await runOn(workbook, async (context) => {
    const result = await buildWorkbook(context, options);
    if (mode === "new") await removeBlankStarterSheet(context);
    // A new sample workbook shows real money figures and a loss exceedance curve straight away.
    if (mode === "new" && options.sample) await quantifyWorkbook(context, SAMPLE_QUANTIFY);
    return result;
  });
  await saveWorkbook(workbook, path);
  return report;
}

/** A new workbook starts with an empty "Sheet1"; the scaffold replaces it. */
async function removeBlankStarterSheet(context: Excel.RequestContext): Promise<void> {
  const starter = context.workbook.worksheets.getItemOrNullObject("Sheet1");
  const used = starter.getUsedRangeOrNullObject(true);
  await context.sync();
  if (!starter.isNullObject && used.isNullObject) {
    starter.delete();
    await context.sync();
  }
}
