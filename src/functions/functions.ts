/**
 * ISMP custom functions (namespace ISMP, set in the manifest). The metadata (functions.json) is
 * generated from these JSDoc comments by custom-functions-metadata-plugin, whose loader also
 * appends one `CustomFunctions.associate(id, fn)` per function to this file in the webpack build.
 * So this file must not call `associate` itself (that would register every function twice).
 *
 * The logic lives in riskFunctions.ts / frameworkFunctions.ts / lossFunctions.ts and returns errors as data; this
 * file only converts them to CustomFunctions.Error and makes sure no call ever throws.
 *
 * This bundle loads with the task pane's page, before its first paint, and the runtime needs the
 * associate calls while the page loads (office-js #4769; Microsoft Q&A 2086985). So loading it
 * only defines the functions: the catalogs, the control library and the loss simulation are
 * evaluated on the first function call (see formulas.ts).
 */
import { invalidValue, isFormulaError, type FormulaError } from "./formulaError";
import type { FORMULAS } from "./formulas";

let loaded: typeof FORMULAS | undefined;

/**
 * A synchronous require, not import(): webpack keeps the module in functions.js but runs it only
 * when first asked for, and the functions stay synchronous (no promise where the answer is ready).
 */
function formulas(): typeof FORMULAS {
  loaded ??= (require("./formulas") as typeof import("./formulas")).FORMULAS;
  return loaded;
}

interface CustomFunctionsRuntime {
  associate(id: string, implementation: (...args: never[]) => unknown): void;
  Error: new (code: FormulaError["code"], message?: string) => unknown;
}

/** Outside Excel: registration does nothing and errors stay plain `{ code, message }` objects. */
const OUTSIDE_EXCEL: CustomFunctionsRuntime = {
  associate: () => undefined,
  Error: class {
    constructor(
      readonly code: FormulaError["code"],
      readonly message?: string,
    ) {}
  },
};

/**
 * The runtime's CustomFunctions, or the stand-in when this bundle is loaded outside Excel (Node,
 * the demo page). The associate calls the plugin appends to this file resolve to this binding,
 * so loading the bundle anywhere cannot throw.
 */
const CustomFunctions: CustomFunctionsRuntime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions ?? OUTSIDE_EXCEL;

function toExcelError(error: FormulaError): unknown {
  return new CustomFunctions.Error(error.code, error.message);
}

function toExcelValue(value: unknown): unknown {
  return isFormulaError(value) ? toExcelError(value) : value;
}

function toExcelGrid(result: unknown[][] | FormulaError): unknown[][] {
  if (isFormulaError(result)) return [[toExcelError(result)]];
  return result.map((row) => row.map(toExcelValue));
}

function unexpected(error: unknown): FormulaError {
  return invalidValue(`Unexpected problem: ${error instanceof Error ? error.message : String(error)}`);
}

function gridSafely(compute: () => unknown[][] | FormulaError): unknown[][] {
  try {
    return toExcelGrid(compute());
  } catch (error) {
    return toExcelGrid(unexpected(error));
  }
}

function valueSafely(compute: () => unknown): unknown {
  try {
    return toExcelValue(compute());
  } catch (error) {
    return toExcelError(unexpected(error));
  }
}

/**
 * Risk score of a likelihood and an impact: likelihood x impact, or the matching cell of a score matrix.
 * @customfunction RISKSCORE
 * @param likelihood Likelihood level, a whole number (1 to 6, or 1 to N with an N x N matrix). A cell or a range.
 * @param impact Impact level, a whole number (1 to 6, or 1 to N with an N x N matrix). A cell or a range the same size as likelihood.
 * @param [matrix] Optional square score grid (3x3 to 6x6): rows are likelihood 1..N top to bottom, columns are impact 1..N left to right.
 * @returns The score for each likelihood and impact pair; blank where either is blank.
 */
export function riskScore(likelihood: unknown[][], impact: unknown[][], matrix?: unknown[][]): unknown[][] {
  return gridSafely(() => formulas().riskScoreFormula(likelihood, impact, matrix));
}

/**
 * Rating (Low, Medium, High, Critical or your own) of a risk score.
 * @customfunction RISKLEVEL
 * @param score Risk score. A cell or a range.
 * @param [bands] Optional rating bands laid out like the Scales sheet's RatingBands (Rating, Min Score, Max Score), header row optional. Default: Low 1-4, Medium 5-9, High 10-16, Critical 17-25.
 * @returns The rating of each score.
 */
export function riskLevel(score: unknown[][], bands?: unknown[][]): unknown[][] {
  return gridSafely(() => formulas().riskLevelFormula(score, bands));
}

/**
 * Share of a framework's applicable requirements covered by your controls, from 0 to 1. An Implemented control that equals or contains a requirement gives it 1; a subset or intersecting one 0.5; a jointly sufficient set gives 1 once all its controls are Implemented; Partially implemented halves; Ineffective gives 0.
 * @customfunction COVERAGE
 * @param framework Framework key or name, e.g. ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171, NIST800171R3, CMMCL1, GLBA, GDPR, or the key of a framework added from a file.
 * @param mappings The Mappings table's columns Control ID, Framework, Requirement ID, Relationship and Jointly Sufficient, e.g. Mappings[[Control ID]:[Jointly Sufficient]].
 * @param controlIds The control matrix Control ID column.
 * @param statuses The control matrix Status column, same size as controlIds.
 * @param [applicability] Optional two-column range: Requirement ID and Applicable (Y/N). Requirements marked N are left out.
 * @param [effectiveness] Optional Effectiveness column, same size as controlIds; Ineffective controls count 0.
 * @returns Coverage from 0 to 1.
 */
export function coverage(framework: string, mappings: unknown[][], controlIds: unknown[][], statuses: unknown[][], applicability?: unknown[][], effectiveness?: unknown[][]): unknown {
  const { withWorkbookCatalogs, coverageFormula } = formulas();
  return withWorkbookCatalogs(framework, () => valueSafely(() => coverageFormula(framework, mappings, controlIds, statuses, applicability, effectiveness)));
}

/**
 * Applicable requirements of a framework that your controls do not fully cover: ID, label and credit (below 1).
 * @customfunction GAPS
 * @param framework Framework key or name, e.g. ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171, NIST800171R3, CMMCL1, GLBA, GDPR.
 * @param mappings The Mappings table's columns Control ID, Framework, Requirement ID, Relationship and Jointly Sufficient, e.g. Mappings[[Control ID]:[Jointly Sufficient]].
 * @param controlIds The control matrix Control ID column.
 * @param statuses The control matrix Status column, same size as controlIds.
 * @param [applicability] Optional two-column range: Requirement ID and Applicable (Y/N). Requirements marked N are left out.
 * @param [effectiveness] Optional Effectiveness column, same size as controlIds; Ineffective controls count 0.
 * @returns Rows of requirement ID, label and credit, in catalog order.
 */
export function gaps(framework: string, mappings: unknown[][], controlIds: unknown[][], statuses: unknown[][], applicability?: unknown[][], effectiveness?: unknown[][]): unknown[][] | Promise<unknown[][]> {
  const { withWorkbookCatalogs, gapsFormula } = formulas();
  return withWorkbookCatalogs(framework, () => gridSafely(() => gapsFormula(framework, mappings, controlIds, statuses, applicability, effectiveness)));
}

/**
 * Every requirement of a framework: ID, label and parent ID.
 * @customfunction REQUIREMENTS
 * @param framework Framework key or name, e.g. ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171, GLBA, GDPR.
 * @returns Rows of requirement ID, label and parent ID, in catalog order.
 */
export function requirements(framework: string): unknown[][] | Promise<unknown[][]> {
  const { withWorkbookCatalogs, requirementsFormula } = formulas();
  return withWorkbookCatalogs(framework, () => gridSafely(() => requirementsFormula(framework)));
}

/**
 * Requirements of another framework met by the same library controls as a given requirement.
 * @customfunction CROSSWALK
 * @param framework Framework of the requirement, e.g. ISO27001 or NISTCSF.
 * @param requirementId Requirement ID in that framework, e.g. A.5.15 or PR.AA-01.
 * @param toFramework Framework to translate to, e.g. NIST80053.
 * @returns One column of requirement IDs in the target framework.
 */
export function crosswalkTo(framework: string, requirementId: string, toFramework: string): unknown[][] {
  return gridSafely(() => formulas().crosswalkFormula(framework, requirementId, toFramework));
}

/**
 * Annual loss expectancy: frequency x the mean loss per event, the loss being lognormal with Low and High as its 5th and 95th percentiles.
 * @customfunction ALE
 * @param frequency Expected events per year, 0 or more. A cell or a range.
 * @param low Loss per event at the 5th percentile (a low but plausible loss), above 0. A cell or a range the same size as frequency.
 * @param high Loss per event at the 95th percentile (a high but plausible loss), above low. A cell or a range the same size as frequency.
 * @returns The expected loss per year of each row; blank where all three are blank.
 */
export function ale(frequency: unknown[][], low: unknown[][], high: unknown[][]): unknown[][] {
  return gridSafely(() => formulas().aleFormula(frequency, low, high));
}

/**
 * Annual loss exceeded with a given probability, from a seeded simulation: events per year are Poisson, each loss lognormal from its 90% range.
 * @customfunction LOSSAT
 * @param frequency Expected events per year, 0 or more. A cell, or a range for a portfolio of risks.
 * @param low Loss per event at the 5th percentile, above 0. Same size as frequency.
 * @param high Loss per event at the 95th percentile, above low. Same size as frequency.
 * @param probability Chance of a worse year, between 0 and 1: 0.1 gives the 90th percentile, 0.01 the 99th. A cell or a range.
 * @param [years] Simulated years, a whole number from 1,000 to 1,000,000. Default 100,000.
 * @param [seed] Seed of the random draws, a whole number from 0 to 2,147,483,647: the same seed gives the same figures. Default 1.
 * @returns The annual loss for each probability.
 */
export function lossAt(frequency: unknown[][], low: unknown[][], high: unknown[][], probability: unknown[][], years?: number, seed?: number): unknown[][] {
  return gridSafely(() => formulas().lossAtFormula(frequency, low, high, probability, years, seed));
}

/**
 * Loss exceedance curve of a portfolio: the probability of an annual loss above each threshold, from a seeded simulation.
 * @customfunction LOSSCURVE
 * @param frequencies Expected events per year of each risk, 0 or more. A range.
 * @param lows Loss per event at the 5th percentile of each risk, above 0. Same size as frequencies.
 * @param highs Loss per event at the 95th percentile of each risk, above its low. Same size as frequencies.
 * @param [thresholds] Annual losses to test. Default: two columns, log-spaced thresholds and their probabilities.
 * @param [years] Simulated years, a whole number from 1,000 to 1,000,000. Default 100,000.
 * @param [seed] Seed of the random draws, a whole number from 0 to 2,147,483,647: the same seed gives the same figures. Default 1.
 * @returns The probability of exceeding each threshold, from 0 to 1.
 */
export function lossCurve(frequencies: unknown[][], lows: unknown[][], highs: unknown[][], thresholds?: unknown[][], years?: number, seed?: number): unknown[][] {
  return gridSafely(() => formulas().lossCurveFormula(frequencies, lows, highs, thresholds, years, seed));
}
