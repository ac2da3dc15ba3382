/**
 * Run-time requirement-set checks. The manifest asks only for ExcelApi 1.1; features that need
 * more are checked here. Outside Office (the headless host) every set counts as supported.
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", version) : true;
}

export const FEATURE_SETS = {
  conditionalFormats: "1.6",
  readOnlyFlag: "1.8",
  dataValidation: "1.8",
  pageLayout: "1.9",
} as const;
