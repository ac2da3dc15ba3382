/** Creating or upgrading one workbook file: the step `new`, `upgrade` and `batch` share. */
import { existsSync } from "node:fs";
import type { ScopeRequest } from "../core/plan/scope";
import { upgradeWorkbook } from "../excel/build";
import { quantifyWorkbook, SAMPLE_QUANTIFY } from "../excel/quantify";
import type { BuildReport } from "../excel/operations";
import type { CachedValuesReport } from "../headless";
import { CliError, EXIT } from "./exitCodes";
import { assertSafeToSave, newWorkbook, openWorkbook, runOn, SaveOptions, saveWorkbook } from "./workbookFile";

export type BuildMode = "new" | "upgrade";

/**
 * Builds `path`; "new" refuses an existing file, "upgrade" keeps everything the user typed and the
 * workbook's own scope except what `request` names.
 */
export interface BuildFileReport extends BuildReport {
  /** Formula cells written with and without a cached value (see headless/calc/cachedValues.ts). */
  cachedValues: CachedValuesReport;
}

export async function buildWorkbookFile(path: string, request: ScopeRequest, mode: BuildMode, save: SaveOptions = {}): Promise<BuildFileReport> {
  if (mode === "new" && existsSync(path)) {
    throw new CliError(`${path} already exists; use "ismp upgrade ${path}" to update it.`, EXIT.usage);
  }
  if (mode === "upgrade") {
    if (!existsSync(path)) throw new CliError(`No such file: ${path}. Use "ismp new ${path}" to create it.`, EXIT.usage);
  }
  assertSafeToSave(path, save);
  const workbook = mode === "upgrade" ? await openWorkbook(path) : newWorkbook();
  const report = await runOn(workbook, async (context) => {
    const result = await upgradeWorkbook(context, request);
    if (mode === "new") await removeBlankStarterSheet(context);
    // A new sample workbook shows real money figures and a loss exceedance curve straight away.
    if (mode === "new" && request.sample) await quantifyWorkbook(context, SAMPLE_QUANTIFY);
    return result;
  });
  const cachedValues = await saveWorkbook(workbook, path, save);
  return { ...report, cachedValues };
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
