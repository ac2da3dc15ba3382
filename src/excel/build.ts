/** Build: options → blueprint → plan (diff against the workbook) → one batched apply. */
import { buildBlueprint, BuildOptions, defaultOptions, WorkbookBlueprint } from "../core/blueprint";
import { FRAMEWORK_KEYS, FrameworkKey } from "../core/frameworkKeys";
import { CONTROL, CONTROLS_TABLE, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { COVERAGE_TABLE } from "../core/blueprint/coverageSheet";
import { REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { LEGACY_SETTINGS_TABLE, SCALE_TABLES, SCORE_MATRIX_NAME } from "../core/blueprint/scalesSheet";
import { SOA_TABLE } from "../core/blueprint/soaSheet";
import { planBuild } from "../core/plan/planBuild";
import { scalesFromSnapshot, settingsOf } from "../core/plan/readScales";
import { currencyCode } from "../core/quant/currency";
import { WorkbookSnapshot } from "../core/plan/snapshot";
import { splitMappingCell } from "../core/coverage";
import { applyPlan } from "./applyPlan";
import { OperationBlockedError } from "./errors";
import type { BuildReport } from "./operations";
import { readSnapshot } from "./snapshot";
import { createSyncCounter } from "./syncCounter";

/** Small tables read in full: scales (to follow the analyst's edits) and keyed tables (to add rows). */
const FULL_TABLES = [
  SCALE_TABLES.likelihood,
  SCALE_TABLES.impact,
  SCALE_TABLES.bands,
  LEGACY_SETTINGS_TABLE,
  CONTROLS_TABLE,
  REQUIREMENTS_TABLE,
  SOA_TABLE,
  COVERAGE_TABLE,
];

/** The blueprint's tables, plus the tables older versions kept per-row blocks in. */
function tableNames(blueprint: WorkbookBlueprint): string[] {
  const legacy = blueprint.sheets.flatMap((s) => (s.rowBlocks ?? []).flatMap((b) => (b.legacyTable ? [b.legacyTable] : [])));
  return [...blueprint.sheets.flatMap((s) => s.tables.map((t) => t.name)), ...legacy];
}

function rowBlockNames(blueprint: WorkbookBlueprint): string[] {
  return blueprint.sheets.flatMap((s) => (s.rowBlocks ?? []).map((b) => b.name));
}

/** Annex A control → IDs of the workbook's controls that list it, as the SoA shows them. */
function annexAImplementers(snapshot: WorkbookSnapshot): Record<string, string> | undefined {
  const controls = snapshot.tables.find((t) => t.name.toLowerCase() === CONTROLS_TABLE.toLowerCase())?.columns;
  const ids = controls?.[CONTROL.id];
  const iso = controls?.[mappingColumnHeader("ISO27001")];
  if (!ids || !iso) return undefined;
  const byRequirement = new Map<string, string[]>();
  ids.forEach((id, row) => {
    if (id === null || id === "") return;
    for (const requirement of splitMappingCell(String(iso[row] ?? ""))) {
      const key = requirement.toUpperCase();
      if (!byRequirement.has(key)) byRequirement.set(key, []);
      byRequirement.get(key)!.push(String(id));
    }
  });
  return Object.fromEntries([...byRequirement].map(([requirement, list]) => [requirement, list.join("; ")]));
}

/** The workbook's own scale wins over Set up's choice: rescaling would silently re-rate every risk. */
function keptScaleWarning(kept: number, asked: number): string {
  return (
    `The Scales sheet already holds a ${kept}x${kept} scale, so it was kept and the ${asked}x${asked} matrix was not applied. ` +
    "To change the matrix size, edit the Likelihood and Impact tables on the Scales sheet, or build a new workbook."
  );
}

export async function buildWorkbook(context: Excel.RequestContext, options: BuildOptions, today = new Date()): Promise<BuildReport> {
  return buildWorkbookWith(context, today, () => options);
}

/** Frameworks that already have a mapping column in the workbook's control matrix. */
function frameworksInWorkbook(snapshot: WorkbookSnapshot): FrameworkKey[] {
  const headers = new Set(
    (snapshot.tables.find((t) => t.name.toLowerCase() === CONTROLS_TABLE.toLowerCase())?.headers ?? []).map((h) => h.toLowerCase()),
  );
  return FRAMEWORK_KEYS.filter((key) => headers.has(mappingColumnHeader(key).toLowerCase()));
}

/**
 * Build with options decided once the workbook has been read (Add framework keeps the frameworks
 * already there and their organisation).
 */
export async function buildWorkbookWith(
  context: Excel.RequestContext,
  today: Date,
  decide: (snapshot: WorkbookSnapshot, frameworks: FrameworkKey[]) => BuildOptions,
): Promise<BuildReport> {
  const sync = createSyncCounter();
  const everyTable = buildBlueprint({ ...defaultOptions("general"), frameworks: [...FRAMEWORK_KEYS], sample: false }, { today });
  const snapshot = await readSnapshot(
    context,
    {
      tables: tableNames(everyTable),
      fullTables: FULL_TABLES,
      sheets: everyTable.sheets.map((s) => s.name),
      gridName: SCORE_MATRIX_NAME,
      blocks: rowBlockNames(everyTable),
    },
    sync,
  );
  const options = decide(snapshot, frameworksInWorkbook(snapshot));
  const scales = scalesFromSnapshot(snapshot);
  const currency = currencyCode(settingsOf(snapshot).get("Currency"));
  const blueprint = buildBlueprint(options, { today, scales, currency, annexAImplementers: annexAImplementers(snapshot) });
  const plan = planBuild(blueprint, snapshot);
  if (plan.blockers.length > 0) throw new OperationBlockedError(plan.blockers);
  await applyPlan(context, plan, sync);
  const warnings = scales && scales.size !== options.matrixSize ? [keptScaleWarning(scales.size, options.matrixSize)] : [];
  return { ...plan.report, warnings: [...plan.report.warnings, ...warnings], syncs: sync.count };
}
