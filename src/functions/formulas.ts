/**
 * Every ISMP function's implementation with all it needs: the framework catalogs, the control
 * library (2,449 mapping records) and its crosswalk index, the loss simulation and the register
 * declarations it reads. functions.ts loads this module on the first function call, not when the
 * page loads (issue #10).
 *
 * One object, not re-exports: functions.ts reaches this module through require(), whose use of the
 * module webpack cannot follow, and named imports here keep its tree shaking exact (re-exports made
 * it keep every export of the modules behind them, 39 KB more of functions.js).
 */
import { coverageFormula, crosswalkFormula, gapsFormula, requirementsFormula } from "./frameworkFunctions";
import { aleFormula, lossAtFormula, lossCurveFormula } from "./lossFunctions";
import { riskLevelFormula, riskScoreFormula } from "./riskFunctions";
import { withWorkbookCatalogs } from "./workbookCatalogs";

export const FORMULAS = {
  aleFormula,
  coverageFormula,
  crosswalkFormula,
  gapsFormula,
  lossAtFormula,
  lossCurveFormula,
  requirementsFormula,
  riskLevelFormula,
  riskScoreFormula,
  withWorkbookCatalogs,
};
