import { HeadlessOfficeError, createWorkbook, run, type HeadlessWorkbook } from "../../src/headless";

export { createWorkbook, run };

/** Runs a batch and returns the Office.js-style error it rejected with. */
export async function failure(workbook: HeadlessWorkbook, batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<HeadlessOfficeError> {
  try {
    await run(workbook, batch);
  } catch (error) {
    if (error instanceof HeadlessOfficeError) return error;
    throw error;
  }
  throw new Error("expected the batch to fail");
}

/** Writes the formula into Sheet1!A1 and reads `values` back in the same request, as an add-in would. */
export async function formulaValue(workbook: HeadlessWorkbook, formula: string): Promise<unknown> {
  return run(workbook, async (context) => {
    const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    cell.formulas = [[formula]];
    cell.load("values");
    await context.sync();
    return cell.values[0][0];
  });
}
