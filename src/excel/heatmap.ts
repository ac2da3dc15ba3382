/** The task pane heatmap: counts from the register, and the click filter on the Risks table. */
import { RISK, RISKS_TABLE } from "../core/blueprint/riskRegister";
import { heatmapCounts } from "../core/heatmap";
import type { HeatmapData, HeatmapKind } from "./operations";
import { createSyncCounter } from "./syncCounter";
import { readWorkbookData } from "./workbookData";
import type { RequestContext } from "./officeApi";

export async function readHeatmap(context: RequestContext): Promise<HeatmapData> {
  const data = await readWorkbookData(context, createSyncCounter(), [RISKS_TABLE]);
  const risks = data.table(RISKS_TABLE);
  const { scales } = data;
  const counts = risks
    ? heatmapCounts(risks, scales)
    : heatmapCounts({ name: RISKS_TABLE, sheet: "", headerRow: 0, firstColumn: 0, headers: [], rows: [] }, scales);
  return {
    ...counts,
    likelihoodLabels: scales.likelihood.map((l) => l.label),
    impactLabels: scales.impact.map((l) => l.label),
  };
}

const LEVEL_COLUMNS: Record<HeatmapKind, [string, string]> = {
  inherent: [RISK.inherentLikelihood, RISK.inherentImpact],
  residual: [RISK.residualLikelihood, RISK.residualImpact],
};

/** Shows only the risks in one heatmap cell and selects the register; returns how many there are. */
export async function filterRisksByCell(context: RequestContext, kind: HeatmapKind, likelihood: number, impact: number): Promise<number> {
  const table = context.workbook.tables.getItem(RISKS_TABLE);
  const [likelihoodColumn, impactColumn] = LEVEL_COLUMNS[kind];
  const levels = table.columns.getItem(likelihoodColumn).getDataBodyRange().load("values");
  const impacts = table.columns.getItem(impactColumn).getDataBodyRange().load("values");
  table.clearFilters();
  table.columns.getItem(likelihoodColumn).filter.applyValuesFilter([String(likelihood)]);
  table.columns.getItem(impactColumn).filter.applyValuesFilter([String(impact)]);
  table.worksheet.activate();
  table.getDataBodyRange().select();
  await context.sync();
  return levels.values.filter((row, i) => row[0] === likelihood && impacts.values[i][0] === impact).length;
}

export async function clearRiskFilter(context: RequestContext): Promise<void> {
  context.workbook.tables.getItem(RISKS_TABLE).clearFilters();
  await context.sync();
}
