/** Creating or upgrading one workbook file: the step `new`, `upgrade` and `batch` share. */
import { existsSync } from "node:fs";
import type { ScopeRequest } from "../core/plan/scope";
import { upgradeWorkbook } from "../excel/build";
import type { BuildReport } from "../excel/operations";
import { CliError, EXIT } from "./exitCodes";
import { assertWritable, newWorkbook, openWorkbook, runOn, saveWorkbook } from "./workbookFile";

export type BuildMode = "new" | "upgrade";

/**
 * Builds `path`; "new" refuses an existing file, "upgrade" keeps everything the user typed and the
 * workbook's own scope except what `request` names.
 */
export async function buildWorkbookFile(path: string, request: ScopeRequest, mode: BuildMode): Promise<BuildReport> {
  if (mode === "new" && existsSync(path)) {
    throw new CliError(`${path} already exists; use "ismp upgrade ${path}" to update it.`, EXIT.usage);
  }
  if (mode === "upgrade") {
    if (!existsSync(path)) throw new CliError(`No such file: ${path}. Use "ismp new ${path}" to create it.`, EXIT.usage);
    assertWritable(path);
  }
  const workbook = mode === "upgrade" ? await openWorkbook(path) : newWorkbook();
  const report = await runOn(workbook, async (context) => {
    const result = await upgradeWorkbook(context, request);
    if (mode === "new") await removeBlankStarterSheet(context);
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
