import { buildWorkbook } from "./build";
import { checkWorkbook, selectRange } from "./check";
import { addFramework, readCoverage } from "./coverage";
import { addFrameworkFromFile } from "./customFramework";
import { clearRiskFilter, filterRisksByCell, readHeatmap } from "./heatmap";
import { takeSnapshot } from "./history";
import { exportRegister } from "./exportRegister";
import { importIntoRegister } from "./importRegister";
import { acceptSuggestion, suggestForControls } from "./suggestions";
import type { ExcelOperations } from "./operations";
import { quantifyWorkbook } from "./quantify";
import { restoreFormula } from "./overrides";
import { readSettings } from "./settings";
import { openRecordForm, saveRecord } from "./recordForm";
import { readProgram } from "./program";

export * from "./operations";
export { OperationBlockedError } from "./errors";
export { QuantifyCancelledError } from "./quantify";

/** The operations the task pane, CLI and demo call; each runs inside Excel.run. */
export const operations: ExcelOperations = {
  buildWorkbook: (context, options) => buildWorkbook(context, options),
  checkWorkbook: (context) => checkWorkbook(context),
  restoreFormula,
  readSettings,
  selectRange,
  readCoverage,
  addFramework: (context, key) => addFramework(context, key),
  addFrameworkFromFile: (context, request) => addFrameworkFromFile(context, request),
  readHeatmap,
  filterRisksByCell,
  clearRiskFilter,
  takeSnapshot: (context) => takeSnapshot(context),
  quantify: (context, options) => quantifyWorkbook(context, options),
  importRows: (context, request) => importIntoRegister(context, request),
  exportRegister: (context, table, profile) => exportRegister(context, table, profile),
  suggestMappings: (context, framework) => suggestForControls(context, framework),
  acceptSuggestion: (context, accepted) => acceptSuggestion(context, accepted),
  openRecordForm: (context, request) => openRecordForm(context, request),
  saveRecord: (context, request) => saveRecord(context, request),
  readProgram: (context) => readProgram(context),
};
