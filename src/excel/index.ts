import { buildWorkbook } from "./build";
import { checkWorkbook, selectRange } from "./check";
import type { ExcelOperations } from "./operations";

export * from "./operations";
export { OperationBlockedError } from "./errors";

const notYet = (): never => {
  throw new Error("Not implemented yet");
};

/** The operations the task pane, CLI and demo call; each runs inside Excel.run. */
export const operations: ExcelOperations = {
  buildWorkbook: (context, options) => buildWorkbook(context, options),
  checkWorkbook: (context) => checkWorkbook(context),
  selectRange,
  readCoverage: notYet,
  addFramework: notYet,
  readHeatmap: notYet,
  filterRisksByCell: notYet,
  clearRiskFilter: notYet,
  takeSnapshot: notYet,
};
