/**
 * The History sheet: one row per snapshot of the dashboard KPIs, for quarter-on-quarter trends
 * and the management review (ISO 27001 clause 9.3). Rows are appended by Snapshot; never changed.
 */
import { DATE_FORMAT } from "./vocabulary";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { ColumnSpec, SheetSpec } from "./types";
import type { KpiSpec } from "./dashboardSheet";

export const HISTORY_SHEET = "KPI History";
export const HISTORY_TABLE = "KpiHistory";

/** Fixed trend columns the dashboard's line chart reads. */
export const HISTORY_FIXED = { date: "Date", outsideAppetite: "Outside Appetite", overdueReviews: "Overdue Reviews" } as const;

/** Column header for a KPI in the History table. */
export function historyHeader(kpi: Pick<KpiSpec, "key" | "label">): string {
  if (kpi.key === "outsideAppetite") return HISTORY_FIXED.outsideAppetite;
  if (kpi.key === "overdueReviews") return HISTORY_FIXED.overdueReviews;
  return kpi.label;
}

export function historyColumns(kpis: readonly KpiSpec[]): ColumnSpec[] {
  return [
    { header: HISTORY_FIXED.date, width: widthFor(11), numberFormat: DATE_FORMAT },
    ...kpis.map((k): ColumnSpec => ({
      header: historyHeader(k),
      width: widthFor(Math.max(10, Math.min(k.label.length, 22))),
      numberFormat: k.format === "percent" ? "0%" : k.format === "money" ? "#,##0" : "0",
      horizontalAlignment: "Center",
      wrapText: true,
    })),
  ];
}

export function historySheet(kpis: readonly KpiSpec[], sampleRows: ReadonlyArray<Record<string, string | number | null>> = []): SheetSpec {
  return {
    key: "history",
    name: HISTORY_SHEET,
    tabColor: "#595959",
    ownerTable: HISTORY_TABLE,
    blocks: [
      { address: "A1", values: [["KPI history"]], format: TITLE },
      { address: "A2", values: [["One row per Snapshot (task pane or `ismp snapshot`): the dashboard figures on that date, for trends and management review."]], format: SUBTITLE },
    ],
    tables: [{ name: HISTORY_TABLE, anchor: "A4", style: TABLE_STYLE, columns: historyColumns(kpis), seedRows: sampleRows }],
    names: [],
    freeze: { rows: 4, columns: 1 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
