/** Build: options → blueprint → plan (diff against the workbook) → one batched apply. */
import { buildBlueprint, BuildOptions, WorkbookBlueprint } from "../core/blueprint";
import { SCALE_TABLES, SCORE_MATRIX_NAME } from "../core/blueprint/scalesSheet";
import { planBuild } from "../core/plan/planBuild";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { applyPlan } from "./applyPlan";
import { OperationBlockedError } from "./errors";
import type { BuildReport } from "./operations";
import { readSnapshot } from "./snapshot";
import { createSyncCounter } from "./syncCounter";

const SCALE_TABLE_NAMES = [SCALE_TABLES.likelihood, SCALE_TABLES.impact, SCALE_TABLES.bands, SCALE_TABLES.settings];

function tableNames(blueprint: WorkbookBlueprint): string[] {
  return blueprint.sheets.flatMap((s) => s.tables.map((t) => t.name));
}

export async function buildWorkbook(context: Excel.RequestContext, options: BuildOptions, today = new Date()): Promise<BuildReport> {
  const sync = createSyncCounter();
  const layoutOnly = buildBlueprint({ ...options, sample: false }, { today });
  const snapshot = await readSnapshot(
    context,
    {
      tables: tableNames(layoutOnly),
      fullTables: SCALE_TABLE_NAMES,
      sheets: layoutOnly.sheets.map((s) => s.name),
      gridName: SCORE_MATRIX_NAME,
    },
    sync,
  );
  const blueprint = buildBlueprint(options, { today, scales: scalesFromSnapshot(snapshot) });
  const plan = planBuild(blueprint, snapshot);
  if (plan.blockers.length > 0) throw new OperationBlockedError(plan.blockers);
  await applyPlan(context, plan, sync);
  return { ...plan.report, syncs: sync.count };
}
