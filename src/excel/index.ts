import type { ExcelOperations } from "./operations";

export * from "./operations";

const notYet = (): never => {
  throw new Error("Not implemented yet");
};

/** The operations the task pane, CLI and demo call; each runs inside Excel.run. */
export const operations: ExcelOperations = {
  buildWorkbook: notYet,
  checkWorkbook: notYet,
  selectRange: notYet,
  readCoverage: notYet,
  addFramework: notYet,
  readHeatmap: notYet,
  filterRisksByCell: notYet,
  clearRiskFilter: notYet,
  takeSnapshot: notYet,
};
