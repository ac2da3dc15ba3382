export { toExcelDate, excelDateOffset, excelDateMonth } from "../excelDate";

/**
 * Day the sample data is anchored to when the caller gives no date, so the output is reproducible.
 * Callers building a workbook should pass the real today instead.
 */
export const SAMPLE_REFERENCE_DATE = new Date(2026, 5, 30);
