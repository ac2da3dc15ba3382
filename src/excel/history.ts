/** Snapshot: appends today's KPIs to the KPI History table (never edits earlier rows). */
import { kpiSpecs } from "../core/blueprint/dashboardSheet";
import { HISTORY_FIXED, HISTORY_TABLE, historyHeader } from "../core/blueprint/historySheet";
import { ASSETS_TABLE } from "../core/blueprint/assetInventory";
import { CONTROLS_TABLE } from "../core/blueprint/controlMatrix";
import { MAPPINGS_TABLE } from "../core/blueprint/mappingsSheet";
import { REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { RISKS_TABLE } from "../core/blueprint/riskRegister";
import { CellValue } from "../core/blueprint/types";
import { LOSS_NAMES } from "../core/blueprint/lossExceedanceSheet";
import { RISK_QUANT_TABLE } from "../core/blueprint/riskQuantSheet";
import { computeKpis, Kpis } from "../core/kpis";
import { toExcelDate, toExcelDateTime } from "../core/excelDate";
import { STRUCTURE_PROTECTED } from "../core/plan/planBuild";
import { GOVERNANCE_REGISTERS, OPTIONAL_REGISTERS, PROGRAM_REGISTERS } from "../core/registers";

/** The registers the operations, governance and program KPIs read. */
const OPERATIONS_TABLES = [...Object.values(OPTIONAL_REGISTERS), ...GOVERNANCE_REGISTERS, ...PROGRAM_REGISTERS].map((r) => r.table);
import { OperationBlockedError } from "./errors";
import { createSyncCounter } from "./syncCounter";
import { readWorkbookData } from "./workbookData";

/** The value of a dashboard KPI, by its key ("open:High", "coverage:ISO27001", "overdueReviews"…). */
export function kpiValue(kpis: Kpis, key: string): number | "" {
  const [kind, arg] = key.split(":");
  const value =
    kind === "open"
      ? kpis.openByRating[arg]
      : kind === "coverage"
        ? kpis.coverage[arg as keyof Kpis["coverage"]]
        : kind === "ops"
          ? kpis.operations[key]
          : kind === "gov"
            ? kpis.governance[key]
            : kind === "prog"
              ? kpis.program[key]
              : (kpis[kind as keyof Omit<Kpis, "openByRating" | "coverage" | "operations" | "governance" | "program">] as number | undefined);
  return value === undefined ? "" : value;
}

export async function takeSnapshot(context: Excel.RequestContext, today = new Date()): Promise<{ date: string; rows: number }> {
  const sync = createSyncCounter();
  // The last Quantify run's P90 is queued with the workbook read, so it costs no extra round trip.
  const p90 = context.workbook.names.getItemOrNullObject(LOSS_NAMES.p90Residual).getRangeOrNullObject().load("values");
  const data = await readWorkbookData(context, sync, [RISKS_TABLE, ASSETS_TABLE, CONTROLS_TABLE, MAPPINGS_TABLE, REQUIREMENTS_TABLE, RISK_QUANT_TABLE, ...OPERATIONS_TABLES]);
  const history = data.layout(HISTORY_TABLE);
  const risks = data.table(RISKS_TABLE);
  if (!history || !risks) throw new OperationBlockedError(["There is no KPI History table yet. Run Build from Set up first, then take a snapshot."]);
  // The same protection rules as Build: refused before anything changes.
  if (data.snapshot.structureProtected) throw new OperationBlockedError([STRUCTURE_PROTECTED]);
  if (data.snapshot.sheets.find((s) => s.name.toLowerCase() === history.sheet.toLowerCase())?.protected) {
    throw new OperationBlockedError([`Sheet "${history.sheet}" is protected. Unprotect it (Review > Unprotect Sheet), then take the snapshot again; nothing was changed.`]);
  }

  const date = toExcelDate(today);
  const kpis = computeKpis({
    risks,
    assets: data.table(ASSETS_TABLE),
    controls: data.table(CONTROLS_TABLE),
    mappings: data.table(MAPPINGS_TABLE),
    requirements: data.table(REQUIREMENTS_TABLE),
    frameworks: data.frameworks,
    scales: data.scales,
    today: date,
    riskQuant: data.table(RISK_QUANT_TABLE),
    lossP90: !p90.isNullObject && typeof p90.values[0][0] === "number" ? p90.values[0][0] : undefined,
    now: toExcelDateTime(today),
    registers: data.registers,
    tables: data.tables,
  });
  const byHeader = new Map<string, CellValue>([[HISTORY_FIXED.date.toLowerCase(), date]]);
  for (const spec of kpiSpecs(data.scales, data.frameworks, data.registers)) byHeader.set(historyHeader(spec).toLowerCase(), kpiValue(kpis, spec.key));
  const row = history.headers.map((h) => byHeader.get(h.toLowerCase()) ?? "");

  const table = context.workbook.tables.getItem(history.name);
  const onlyRowIsBlank = history.bodyRows === 1 && history.firstRowFormulas.every((v) => v === null || v === "");
  if (onlyRowIsBlank) table.getDataBodyRange().values = [row];
  else table.rows.add(undefined, [row]);
  await sync(context);
  const rows = onlyRowIsBlank ? 1 : history.bodyRows + 1;
  return { date: today.toISOString().slice(0, 10), rows };
}
