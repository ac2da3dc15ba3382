/** COVERAGE, GAPS, REQUIREMENTS and CROSSWALK without the Excel runtime: errors as data. */
import { findRequirement, getFramework, resolveFrameworkKey } from "../core/catalogs";
import { computeCoverage, crosswalk, frameworkView, gapsOf, isNotApplicable, type ControlState, type CoverageResult, type MappingRow } from "../core/coverage";
import { frameworkKeys, type FrameworkKey } from "../core/frameworkKeys";
import { asGrid, isOmitted, cellsAsText, errorCodeOf, firstInputError, inputError, isBlank, sameSize, sizeOf, type Grid } from "./cells";
import { invalidValue, notAvailable, type FormulaError } from "./formulaError";

/** Read at each call: the workbook's own frameworks join the list once its catalog is read. */
const validKeys = () => frameworkKeys().join(", ");

/** Resolves a framework argument ("ISO27001", "ISO 27001", "CMMC", ...) to its key. */
export function frameworkArgument(value: unknown, argument = "Framework"): FrameworkKey | FormulaError {
  const code = errorCodeOf(value);
  if (code !== undefined) return inputError(argument, code);
  if (isBlank(value)) return notAvailable(`${argument} is required; use one of: ${validKeys()}`);
  const key = resolveFrameworkKey(String(value));
  return key ?? invalidValue(`${argument} ${JSON.stringify(String(value))} is not supported; use one of: ${validKeys()}`);
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

function sameSizeAsControlIds(argument: string, controlIds: Grid, other: Grid): FormulaError | undefined {
  if (sameSize(controlIds, other)) return undefined;
  return invalidValue(`Control IDs and ${argument} must be ranges of the same size; got ${sizeOf(controlIds)} and ${sizeOf(other)}`);
}

/** Columns of the Mappings argument: Control ID, Framework, Requirement ID, Relationship, [Jointly Sufficient]. */
const MAPPING_COLUMNS = "Control ID, Framework, Requirement ID, Relationship and optionally Jointly Sufficient";

function readMappingRows(key: FrameworkKey, mappingsArg: unknown): MappingRow[] | FormulaError {
  if (mappingsArg === undefined || mappingsArg === null) return notAvailable(`Mappings is required: the Mappings table's columns ${MAPPING_COLUMNS}`);
  const grid = asGrid(mappingsArg);
  const problem = firstInputError("Mappings", grid);
  if (problem) return problem;
  const columns = grid[0]?.length ?? 0;
  if (columns < 4 || columns > 5) {
    return invalidValue(`Mappings must be ${MAPPING_COLUMNS} (4 or 5 columns, e.g. Mappings[[Control ID]:[Jointly Sufficient]]); got ${columns} ${columns === 1 ? "column" : "columns"}`);
  }
  const name = getFramework(key).shortName.toLowerCase();
  const rows: MappingRow[] = [];
  for (const row of grid) {
    // A row shorter than the first (a ragged array; Excel passes rectangles) reads its missing cells as blank.
    const [controlId = "", framework = "", requirementId = "", relationship = "", joint = ""] = cellsAsText([row]);
    if (framework.trim().toLowerCase() !== name) continue;
    rows.push({ controlId, requirementId, relationship, jointlySufficient: joint });
  }
  return rows;
}

function readControlStates(idsArg: unknown, statusesArg: unknown, effectivenessArg: unknown): ControlState[] | FormulaError {
  if (idsArg === undefined || idsArg === null) return notAvailable("Control IDs is required: the Control ID column of the control matrix");
  if (statusesArg === undefined || statusesArg === null) return notAvailable("Statuses is required: the Status column of the control matrix");
  const ids = asGrid(idsArg);
  const statuses = asGrid(statusesArg);
  const effectiveness = isOmitted(effectivenessArg) ? undefined : asGrid(effectivenessArg);
  const problem =
    sameSizeAsControlIds("statuses", ids, statuses) ??
    (effectiveness && sameSizeAsControlIds("effectiveness", ids, effectiveness)) ??
    firstInputError("Control IDs", ids) ??
    firstInputError("Statuses", statuses) ??
    (effectiveness && firstInputError("Effectiveness", effectiveness));
  if (problem) return problem;
  const idTexts = cellsAsText(ids);
  const statusTexts = cellsAsText(statuses);
  const effectivenessTexts = effectiveness ? cellsAsText(effectiveness) : undefined;
  return idTexts.map((id, i) => ({ id, status: statusTexts[i], effectiveness: effectivenessTexts?.[i] }));
}

function coverageInputs(
  framework: unknown, mappings: unknown, controlIds: unknown, statuses: unknown, applicability: unknown, effectiveness: unknown,
): CoverageInputs | FormulaError {
  const key = frameworkArgument(framework);
  if (typeof key !== "string") return key;
  const rows = readMappingRows(key, mappings);
  if ("code" in rows) return rows;
  const controls = readControlStates(controlIds, statuses, effectiveness);
  if ("code" in controls) return controls;
  let applies: Map<string, boolean> | undefined;
  if (!isOmitted(applicability)) {
    const read = readApplicability(applicability);
    if (read instanceof Map) applies = read;
    else return read;
  }
  const result = computeCoverage(key, rows, controls, applies);
  if (result.applicable === 0) return notAvailable(`No requirement of ${frameworkView(key).name} is applicable: every one is marked not applicable`);
  return { key, result };
}

/** Share of the framework's applicable requirements covered by the controls, 0 to 1. */
export function coverageFormula(
  framework: unknown, mappings: unknown, controlIds: unknown, statuses: unknown, applicability?: unknown, effectiveness?: unknown,
): number | FormulaError {
  const inputs = coverageInputs(framework, mappings, controlIds, statuses, applicability, effectiveness);
  return "code" in inputs ? inputs : inputs.result.coverage;
}

/** Rows [ID, label, credit] of applicable requirements not fully covered; one blank row when there are none. */
export function gapsFormula(
  framework: unknown, mappings: unknown, controlIds: unknown, statuses: unknown, applicability?: unknown, effectiveness?: unknown,
): Grid | FormulaError {
  const inputs = coverageInputs(framework, mappings, controlIds, statuses, applicability, effectiveness);
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
