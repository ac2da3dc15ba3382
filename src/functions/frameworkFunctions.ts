/** COVERAGE, GAPS, REQUIREMENTS and CROSSWALK without the Excel runtime: errors as data. */
import { findRequirement, getFramework, resolveFrameworkKey } from "../core/catalogs";
import { computeCoverage, crosswalk, frameworkView, gapsOf, isNotApplicable, type ControlRow, type CoverageResult } from "../core/coverage";
import { FRAMEWORK_KEYS, type FrameworkKey } from "../core/frameworkKeys";
import { asGrid, isOmitted, cellsAsText, errorCodeOf, firstInputError, inputError, isBlank, sameSize, sizeOf, type Grid } from "./cells";
import { invalidValue, notAvailable, type FormulaError } from "./formulaError";

const VALID_KEYS = FRAMEWORK_KEYS.join(", ");

/** Resolves a framework argument ("ISO27001", "ISO 27001", "CMMC", ...) to its key. */
export function frameworkArgument(value: unknown, argument = "Framework"): FrameworkKey | FormulaError {
  const code = errorCodeOf(value);
  if (code !== undefined) return inputError(argument, code);
  if (isBlank(value)) return notAvailable(`${argument} is required; use one of: ${VALID_KEYS}`);
  const key = resolveFrameworkKey(String(value));
  return key ?? invalidValue(`${argument} ${JSON.stringify(String(value))} is not supported; use one of: ${VALID_KEYS}`);
}

interface CoverageInputs {
  key: FrameworkKey;
  result: CoverageResult;
}

function readApplicability(value: unknown): Map<string, boolean> | FormulaError {
  const grid = asGrid(value);
  const error = firstInputError("Applicability", grid);
  if (error) return error;
  const columns = grid[0]?.length ?? 0;
  if (columns !== 2) return invalidValue(`Applicability must be a two-column range (Requirement ID, Applicable Y/N); got ${columns} ${columns === 1 ? "column" : "columns"}`);
  const applicability = new Map<string, boolean>();
  for (const [id, applies] of grid) {
    if (!isBlank(id)) applicability.set(String(id).trim(), !isNotApplicable(applies));
  }
  return applicability;
}

function sameSizeAsMappings(argument: string, mappings: Grid, other: Grid): FormulaError | undefined {
  if (sameSize(mappings, other)) return undefined;
  return invalidValue(`Mappings and ${argument} must be ranges of the same size; got ${sizeOf(mappings)} and ${sizeOf(other)}`);
}

function readControlRows(mappingsArg: unknown, statusesArg: unknown, effectivenessArg: unknown): ControlRow[] | FormulaError {
  if (mappingsArg === undefined || mappingsArg === null) return notAvailable("Mappings is required: the framework's mapping column of the control matrix");
  if (statusesArg === undefined || statusesArg === null) return notAvailable("Statuses is required: the Status column of the control matrix");
  const mappings = asGrid(mappingsArg);
  const statuses = asGrid(statusesArg);
  const effectiveness = isOmitted(effectivenessArg) ? undefined : asGrid(effectivenessArg);
  const problem =
    sameSizeAsMappings("statuses", mappings, statuses) ??
    (effectiveness && sameSizeAsMappings("effectiveness", mappings, effectiveness)) ??
    firstInputError("Mappings", mappings) ??
    firstInputError("Statuses", statuses) ??
    (effectiveness && firstInputError("Effectiveness", effectiveness));
  if (problem) return problem;
  const mappingTexts = cellsAsText(mappings);
  const statusTexts = cellsAsText(statuses);
  const effectivenessTexts = effectiveness ? cellsAsText(effectiveness) : undefined;
  return mappingTexts.map((mapping, i) => ({ mapping, status: statusTexts[i], effectiveness: effectivenessTexts?.[i] }));
}

function coverageInputs(framework: unknown, mappings: unknown, statuses: unknown, applicability: unknown, effectiveness: unknown): CoverageInputs | FormulaError {
  const key = frameworkArgument(framework);
  if (typeof key !== "string") return key;
  const rows = readControlRows(mappings, statuses, effectiveness);
  if ("code" in rows) return rows;
  let applies: Map<string, boolean> | undefined;
  if (!isOmitted(applicability)) {
    const read = readApplicability(applicability);
    if (read instanceof Map) applies = read;
    else return read;
  }
  const result = computeCoverage(key, rows, applies);
  if (result.applicable === 0) return notAvailable(`No requirement of ${frameworkView(key).name} is applicable: every one is marked not applicable`);
  return { key, result };
}

/** Share of the framework's applicable requirements covered by the controls, 0 to 1. */
export function coverageFormula(framework: unknown, mappings: unknown, statuses: unknown, applicability?: unknown, effectiveness?: unknown): number | FormulaError {
  const inputs = coverageInputs(framework, mappings, statuses, applicability, effectiveness);
  return "code" in inputs ? inputs : inputs.result.coverage;
}

/** Rows [ID, label, credit] of applicable requirements not fully covered; one blank row when there are none. */
export function gapsFormula(framework: unknown, mappings: unknown, statuses: unknown, applicability?: unknown, effectiveness?: unknown): Grid | FormulaError {
  const inputs = coverageInputs(framework, mappings, statuses, applicability, effectiveness);
  if ("code" in inputs) return inputs;
  const gaps = gapsOf(frameworkView(inputs.key), inputs.result);
  return gaps.length === 0 ? [["", "", ""]] : gaps.map((gap) => [gap.id, gap.label, gap.credit]);
}

/** Rows [ID, label, parent] of every requirement in catalog order (parent blank at the top level). */
export function requirementsFormula(framework: unknown): Grid | FormulaError {
  const key = frameworkArgument(framework);
  if (typeof key !== "string") return key;
  return getFramework(key).requirements.map((requirement) => [requirement.id, requirement.title, requirement.parent ?? ""]);
}

/** One column of `toFramework` IDs related to `requirementId` through the control library. */
export function crosswalkFormula(framework: unknown, requirementId: unknown, toFramework: unknown): Grid | FormulaError {
  const fromKey = frameworkArgument(framework);
  if (typeof fromKey !== "string") return fromKey;
  const toKey = frameworkArgument(toFramework, "To framework");
  if (typeof toKey !== "string") return toKey;
  const code = errorCodeOf(requirementId);
  if (code !== undefined) return inputError("Requirement ID", code);
  if (isBlank(requirementId)) return [[""]];
  const typed = String(requirementId).trim();
  if (!findRequirement(fromKey, typed)) return invalidValue(`Requirement ID ${JSON.stringify(typed)} is not in ${frameworkView(fromKey).name}`);
  const related = crosswalk(fromKey, typed, toKey);
  return related.length === 0 ? [[""]] : related.map((id) => [id]);
}
