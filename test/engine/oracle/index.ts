/**
 * Every sheet whose formulas the engine suite proves. A new scaffolded sheet adds its SheetCheck
 * here; the suite fails while any formula cell in the workbook has no expectation.
 */
import type { SheetCheck } from "./check";
import { assetInventoryCheck } from "./assetInventoryCheck";
import { dashboardCheck } from "./dashboardCheck";
import { heatmapCheck } from "./heatmapCheck";
import { coverageCheck, mappingsCheck, requirementsCheck, soaCheck } from "./frameworkChecks";
import { lossExceedanceCheck } from "./lossExceedanceCheck";
import { riskQuantCheck } from "./riskQuantCheck";
import { riskRegisterCheck } from "./riskRegisterCheck";
import { scalesCheck } from "./scalesCheck";
import { topRisksCheck } from "./topRisksCheck";
import { operationsRegisterChecks } from "./registersCheck";
import { managementReviewCheck } from "./managementReviewCheck";

export const SHEET_CHECKS: readonly SheetCheck[] = [
  riskRegisterCheck,
  riskQuantCheck,
  lossExceedanceCheck,
  assetInventoryCheck,
  mappingsCheck,
  requirementsCheck,
  soaCheck,
  coverageCheck,
  scalesCheck,
  heatmapCheck,
  dashboardCheck,
  topRisksCheck,
  managementReviewCheck,
  ...operationsRegisterChecks,
];

export { checkContext, type CheckContext, type EngineScales } from "./context";
export { MISSING_CUSTOM_FUNCTION } from "./frameworkChecks";
export { holds, mismatchOf, type Expectation, type Mismatch } from "./expectation";
export type { SheetCheck } from "./check";
