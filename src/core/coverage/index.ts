/**
 * Framework coverage, gaps and crosswalk over the project's catalogs and control library.
 *
 * Rules: only assessable requirements (catalog leaves) count. Coverage reads mapping records
 * (control, requirement, relationship, jointly sufficient) and the controls' statuses. A control's
 * credit is 1 when Implemented, 0.5 when Partially implemented, 0 otherwise or when Ineffective.
 * An Equal or Superset mapping gives the requirement its control's credit; a Subset or Intersecting
 * one gives half of it; a jointly sufficient set gives the lowest credit among its members. A
 * requirement's credit is the best of these. Coverage = Σ credit / applicable requirements.
 * IDs the framework does not know, parents that are not assessable and controls missing from the
 * matrix give nothing and are reported (`unknownIds`, `notAssessableIds`, `unknownControls`).
 */
import { assessableRequirements, findRequirement, getFramework } from "../catalogs";
import { CONTROL_LIBRARY } from "../controls";
import type { FrameworkKey } from "../frameworkKeys";
import { coverageOf, gapsOf, type ControlState, type CoverageResult, type Gap, type MappingRow } from "./compute";
import { buildCrosswalkIndex, type CrosswalkIndex } from "./crosswalk";
import { buildFrameworkView, type FrameworkView } from "./frameworkView";

export type { ControlState, CoverageResult, Gap, MappingProblem, MappingRow } from "./compute";
export type { FrameworkView } from "./frameworkView";
export { coverageOf, gapsOf } from "./compute";
export { buildFrameworkView } from "./frameworkView";
export { buildCrosswalkIndex } from "./crosswalk";
export { controlCredit, isJointlySufficient, isNotApplicable, PARTIAL_FACTOR, relationshipFactor } from "./credit";
export { splitMappingCell } from "./mappingCells";
export { controlStatesOf, mappingRowsOf, matrixMappingRowsOf, workbookMappingRows } from "./fromTables";

const views = new Map<FrameworkKey, FrameworkView>();

/** The indexed catalog of a framework, built on first use. */
export function frameworkView(key: FrameworkKey): FrameworkView {
  let view = views.get(key);
  if (!view) {
    const framework = getFramework(key);
    view = buildFrameworkView({
      key,
      name: framework.shortName,
      requirements: framework.requirements,
      leaves: assessableRequirements(key),
      findId: (typed) => findRequirement(key, typed)?.id,
    });
    views.set(key, view);
  }
  return view;
}

export function computeCoverage(
  key: FrameworkKey,
  mappings: readonly MappingRow[],
  controls: readonly ControlState[],
  applicability?: ReadonlyMap<string, boolean>,
): CoverageResult {
  return coverageOf(frameworkView(key), mappings, controls, applicability);
}

/** Applicable requirements not fully covered (id, label, credit), in catalog order. */
export function gapList(key: FrameworkKey, mappings: readonly MappingRow[], controls: readonly ControlState[], applicability?: ReadonlyMap<string, boolean>): Gap[] {
  const view = frameworkView(key);
  return gapsOf(view, coverageOf(view, mappings, controls, applicability));
}

let libraryCrosswalk: CrosswalkIndex | undefined;

/** `toKey` requirement IDs that the library controls mapping `fromKey`:`requirementId` also map, in catalog order. */
export function crosswalk(fromKey: FrameworkKey, requirementId: string, toKey: FrameworkKey): string[] {
  libraryCrosswalk ??= buildCrosswalkIndex(CONTROL_LIBRARY, frameworkView);
  return libraryCrosswalk.related(fromKey, requirementId, toKey);
}
