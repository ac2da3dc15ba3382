import { buildWorkbook } from "./build";
import { checkWorkbook, selectRange } from "./check";
import { addFramework, readCoverage } from "./coverage";
import { clearRiskFilter, filterRisksByCell, readHeatmap } from "./heatmap";
import { takeSnapshot } from "./history";
import type { ExcelOperations } from "./operations";
import { restoreFormula } from "./overrides";
import { readSettings } from "./settings";

export * from "./operations";
export { OperationBlockedError } from "./errors";

/** The operations the task pane, CLI and demo call; each runs inside Excel.run. */
export const operations: ExcelOperations = {
  buildWorkbook: (context, options) => buildWorkbook(context, options),
  checkWorkbook: (context) => checkWorkbook(context),
  restoreFormula,
  readSettings,
  selectRange,
  readCoverage,
  addFramework: (context, key) => addFramework(context, key),
  readHeatmap,
  filterRisksByCell,
  clearRiskFilter,
  takeSnapshot: (context) => takeSnapshot(context),
};
