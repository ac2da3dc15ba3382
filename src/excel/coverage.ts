/** Coverage per framework for the task pane, computed from the workbook's control matrix. */
import { CONTROLS_TABLE, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { REQUIREMENT, REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { filledRows } from "../core/check/tableData";
import { getFramework } from "../core/catalogs";
import { computeCoverage, controlStatesOf, frameworkView, gapsOf, workbookMappingRows } from "../core/coverage";
import { MAPPINGS_TABLE } from "../core/blueprint/mappingsSheet";
import { FrameworkKey } from "../core/frameworkKeys";
import { BuildOptions, defaultOptions } from "../core/blueprint/options";
import { buildWorkbookWith } from "./build";
import { scalesFromSnapshot, settingsOf } from "../core/plan/readScales";
import type { BuildReport, CoverageSummary } from "./operations";
import { createSyncCounter } from "./syncCounter";
import { readWorkbookData } from "./workbookData";

const TOP_GAPS = 5;


export async function readCoverage(context: Excel.RequestContext): Promise<CoverageSummary[]> {
  const data = await readWorkbookData(context, createSyncCounter(), [CONTROLS_TABLE, MAPPINGS_TABLE, REQUIREMENTS_TABLE]);
  const controls = controlStatesOf(data.table(CONTROLS_TABLE));
  const requirements = data.table(REQUIREMENTS_TABLE);
  const requirementRows = requirements ? filledRows(requirements) : [];
  return data.frameworks.map((key) => {
    const framework = getFramework(key);
    const mine = requirementRows.filter((r) => r.text(REQUIREMENT.framework).toLowerCase() === framework.shortName.toLowerCase());
    const applicability = new Map(mine.map((r) => [r.text(REQUIREMENT.id), r.text(REQUIREMENT.applicable).toLowerCase() !== "no"]));
    const rows = workbookMappingRows(key, data.table(MAPPINGS_TABLE), data.table(CONTROLS_TABLE), mappingColumnHeader(key));
    const result = computeCoverage(key, rows, controls, applicability);
    const rowOf = new Map(mine.map((r) => [r.text(REQUIREMENT.id).toUpperCase(), r]));
    return {
      key,
      name: framework.shortName,
      coverage: result.coverage,
      requirements: result.applicable + result.notApplicable,
      covered: result.covered,
      partial: result.partial,
      gaps: result.gaps,
      notApplicable: result.notApplicable,
      topGaps: gapsOf(frameworkView(key), result)
        .slice(0, TOP_GAPS)
        .map((gap) => {
          const row = rowOf.get(gap.id.toUpperCase());
          return { ...gap, sheet: requirements?.sheet ?? "", address: row ? row.address(REQUIREMENT.id) : "" };
        }),
    };
  });
}

/** Adds a framework to the matrix, requirements and coverage, keeping everything already there. */
export async function addFramework(context: Excel.RequestContext, key: FrameworkKey, today = new Date()): Promise<BuildReport> {
  return buildWorkbookWith(context, today, () => ({ frameworks: [key] }));
}
