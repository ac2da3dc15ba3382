/**
 * The "Check Workbook" ribbon command: runs the workbook check, selects the most serious problem
 * and hands the result to the task pane, which shares this runtime.
 */
import type { ExcelOperations, Problem } from "../excel/operations";
import { WORKBOOK_CHECKED_EVENT, type WorkbookCheckedDetail } from "./events";
import type { RequestContext } from "../excel/officeApi";

export interface CheckWorkbookDependencies {
  runInExcel<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  operations: Pick<ExcelOperations, "checkWorkbook" | "selectRange">;
  showTaskpane(): Promise<void>;
  publish(detail: WorkbookCheckedDetail): void;
}

function mostSeriousFirst(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
}

export async function checkWorkbookCommand(deps: CheckWorkbookDependencies): Promise<WorkbookCheckedDetail> {
  let detail: WorkbookCheckedDetail;
  try {
    const problems = mostSeriousFirst(await deps.runInExcel((context) => deps.operations.checkWorkbook(context)));
    const first = problems[0];
    if (first) await deps.runInExcel((context) => deps.operations.selectRange(context, first.sheet, first.address));
    detail = { ok: true, problems };
  } catch (error) {
    detail = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  deps.publish(detail);
  // The pane lists the problems (or the failure); a ribbon command has no other place to show them.
  await deps.showTaskpane().catch(() => undefined);
  return detail;
}

/** The shared page's window: the last result is kept on it for a pane that mounts later. */
export type WorkbookCheckTarget = EventTarget & { ismpLastWorkbookCheck?: WorkbookCheckedDetail };

export function publishToWindow(target: WorkbookCheckTarget) {
  return (detail: WorkbookCheckedDetail): void => {
    target.ismpLastWorkbookCheck = detail;
    target.dispatchEvent(new CustomEvent<WorkbookCheckedDetail>(WORKBOOK_CHECKED_EVENT, { detail }));
  };
}
