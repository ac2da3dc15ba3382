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
