import { buildWorkbook } from "./build";
import { checkWorkbook, selectRange } from "./check";
import { addFramework, readCoverage } from "./coverage";
import { clearRiskFilter, filterRisksByCell, readHeatmap } from "./heatmap";
import { takeSnapshot } from "./history";
import type { ExcelOperations } from "./operations";
import { quantifyWorkbook } from "./quantify";

export * from "./operations";
export { OperationBlockedError } from "./errors";
export { QuantifyCancelledError } from "./quantify";

/** The operations the task pane, CLI and demo call; each runs inside Excel.run. */
export const operations: ExcelOperations = {
  buildWorkbook: (context, options) => buildWorkbook(context, options),
  checkWorkbook: (context) => checkWorkbook(context),
  selectRange,
  readCoverage,
  addFramework: (context, key) => addFramework(context, key),
  readHeatmap,
  filterRisksByCell,
  clearRiskFilter,
  takeSnapshot: (context) => takeSnapshot(context),
  quantify: (context, options) => quantifyWorkbook(context, options),
};
