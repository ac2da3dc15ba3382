/**
 * The Program view's read: the workbook's tables and sheets, the Dashboard's KPI list (values as
 * Excel calculated them, and the formulas that say which register each reads), KpiTargets and the
 * Roadmap. Two syncs; nothing is written.
 */
import { KPI_BLOCK } from "../core/blueprint/dashboardSheet";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../core/blueprint/operationsScales";
import { CellValue } from "../core/blueprint/types";
import { currentPhase, ElementHealth, IndicatorCell, IndicatorTarget, programHealth, RoadmapRow } from "../core/program/health";
import { REGISTERS } from "../core/registers";
import { ROADMAP, ROADMAP_TABLE } from "../core/registers/roadmap";
import { createSyncCounter, SyncCounter } from "./syncCounter";

export interface ProgramOverview {
  elements: ElementHealth[];
  /** The Roadmap's current phase; undefined without a Roadmap or when every phase is complete. */
  phase?: RoadmapRow;
  /** The Roadmap has phases and all of them are complete. */
  roadmapComplete: boolean;
  hasRoadmap: boolean;
  /** Sheet of the Roadmap table. */
  roadmapSheet?: string;
  syncs: number;
}

const lower = (s: string) => s.toLowerCase();

/** A table's rows as records by header. */
function records(header: CellValue[][], body: CellValue[][]): Array<Record<string, CellValue>> {
  const headers = (header[0] ?? []).map((h) => lower(String(h ?? "")));
  return body.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? null])));
}

const num = (v: CellValue) => (typeof v === "number" ? v : undefined);

export async function readProgram(context: Excel.RequestContext, sync: SyncCounter = createSyncCounter()): Promise<ProgramOverview> {
  const tables = context.workbook.tables.load("items/name, items/worksheet/name");
  const sheets = context.workbook.worksheets.load("items/name");
  const kpiList = context.workbook.names.getItemOrNullObject(KPI_BLOCK);
  await sync(context);

  const tableSheets = new Map(tables.items.map((t) => [lower(t.name), t.worksheet.name]));
  const bodyOf = (name: string) => {
    const table = tables.items.find((t) => lower(t.name) === lower(name));
    return table && { header: table.getHeaderRowRange().load("values"), body: table.getDataBodyRange().load("values") };
  };
  const kpiRange = kpiList.isNullObject ? undefined : kpiList.getRange().load("values,formulas,numberFormat");
  const targets = bodyOf(OPERATIONS_SCALE_TABLES.kpiTargets);
  const roadmap = bodyOf(ROADMAP_TABLE);
  if (kpiRange || targets || roadmap) await sync(context);

  // The KPI list's first row is its header (Indicator, Value).
  const indicators: IndicatorCell[] = kpiRange
    ? (kpiRange.values as CellValue[][]).slice(1).flatMap((row, i) => {
        const label = String(row[0] ?? "").trim();
        return label ? [{ label, value: row[1], formula: String((kpiRange.formulas as CellValue[][])[i + 1][1] ?? ""), numberFormat: String(kpiRange.numberFormat[i + 1][1] ?? "") }] : [];
      })
    : [];
  const targetRows: IndicatorTarget[] = targets
    ? records(targets.header.values as CellValue[][], targets.body.values as CellValue[][]).map((r) => ({
        indicator: String(r[lower(OPS_SCALE.indicator)] ?? ""),
        target: r[lower(OPS_SCALE.target)] ?? null,
        better: String(r[lower(OPS_SCALE.better)] ?? ""),
      }))
    : [];
  const phases: RoadmapRow[] = roadmap
    ? records(roadmap.header.values as CellValue[][], roadmap.body.values as CellValue[][]).map((r) => ({
        phase: String(r[lower(ROADMAP.phase)] ?? "").trim(),
        status: String(r[lower(ROADMAP.status)] ?? "").trim(),
        done: num(r[lower(ROADMAP.done)]),
        startWeek: num(r[lower(ROADMAP.startWeek)]),
        endWeek: num(r[lower(ROADMAP.endWeek)]),
      }))
    : [];
  const phase = currentPhase(phases);
  return {
    elements: programHealth(REGISTERS, tableSheets, sheets.items.map((s) => s.name), indicators, targetRows),
    phase,
    roadmapComplete: phases.some((p) => p.phase) && !phase,
    hasRoadmap: roadmap !== undefined,
    roadmapSheet: tableSheets.get(lower(ROADMAP_TABLE)),
    syncs: sync.count,
  };
}
