/**
 * Run-time requirement-set checks. The manifest asks for ExcelApi 1.8 (the pane checks the same,
 * MIN_EXCEL_API); features that need more are checked here, and `npm run lint` (scripts/requirement-set-audit.ts)
 * fails on a member above the declared set that no such check guards. Outside Office (the headless host) every set counts as supported.
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", version) : true;
}

export const FEATURE_SETS = {
  conditionalFormats: "1.6",
  /** Workbook.protection: https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection */
  workbookProtection: "1.7",
  /** Range.getSpecialCells: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells */
  specialCells: "1.9",
  readOnlyFlag: "1.8",
  dataValidation: "1.8",
  pageLayout: "1.9",
  /** Range.width and Range.height: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-width-member */
  rangeSize: "1.10",
} as const;
