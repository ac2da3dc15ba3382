/**
 * Every ISMP function's implementation with all it needs: the framework catalogs, the control
 * library (2,449 mapping records) and its crosswalk index, the loss simulation and the register
 * declarations it reads. functions.ts loads this module on the first function call, not when the
 * page loads (issue #10).
 */
export { coverageFormula, crosswalkFormula, gapsFormula, requirementsFormula } from "./frameworkFunctions";
export { aleFormula, lossAtFormula, lossCurveFormula } from "./lossFunctions";
export { riskLevelFormula, riskScoreFormula } from "./riskFunctions";
export { withWorkbookCatalogs } from "./workbookCatalogs";
