/**
 * Framework coverage, gaps and crosswalk over the project's catalogs and control library.
 *
 * Rules: only assessable requirements (catalog leaves) count. A requirement's credit is the best
 * credit among the controls mapped to it ("Implemented" 1, "Partially implemented" 0.5, anything
 * else 0; an "Ineffective" control gives 0). Coverage = Σ credit / applicable requirements.
 * Mapping IDs are resolved with the catalog's tolerant lookup; IDs the framework does not know
 * are left out of coverage and reported in `unknownIds`; IDs of non-assessable requirements
 * (headings) are ignored.
 */
import { assessableRequirements, findRequirement, getFramework } from "../catalogs";
import { CONTROL_LIBRARY } from "../controls";
import type { FrameworkKey } from "../frameworkKeys";
import { coverageOf, gapsOf, type ControlRow, type CoverageResult, type Gap } from "./compute";
import { buildCrosswalkIndex, type CrosswalkIndex } from "./crosswalk";
import { buildFrameworkView, type FrameworkView } from "./frameworkView";

export type { ControlRow, CoverageResult, Gap, UnknownMapping } from "./compute";
export type { FrameworkView } from "./frameworkView";
export { coverageOf, gapsOf } from "./compute";
export { buildFrameworkView } from "./frameworkView";
export { buildCrosswalkIndex } from "./crosswalk";
export { controlCredit, isNotApplicable } from "./credit";
export { splitMappingCell } from "./mappingCells";

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

export function computeCoverage(key: FrameworkKey, rows: readonly ControlRow[], applicability?: ReadonlyMap<string, boolean>): CoverageResult {
  return coverageOf(frameworkView(key), rows, applicability);
}

/** Applicable requirements not fully covered (id, label, credit), in catalog order. */
export function gapList(key: FrameworkKey, rows: readonly ControlRow[], applicability?: ReadonlyMap<string, boolean>): Gap[] {
  const view = frameworkView(key);
  return gapsOf(view, coverageOf(view, rows, applicability));
}

let libraryCrosswalk: CrosswalkIndex | undefined;

/** `toKey` requirement IDs that the library controls mapping `fromKey`:`requirementId` also map, in catalog order. */
export function crosswalk(fromKey: FrameworkKey, requirementId: string, toKey: FrameworkKey): string[] {
  libraryCrosswalk ??= buildCrosswalkIndex(CONTROL_LIBRARY, frameworkView);
  return libraryCrosswalk.related(fromKey, requirementId, toKey);
}
