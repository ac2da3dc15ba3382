/**
 * The Dashboard sheet for leadership: KPI tiles (native formulas, readable without the add-in),
 * charts over live ranges, and the small chart-data tables they read. Prints on one landscape page.
 */
import { cellAddress, columnLetter } from "../a1";
import { getFramework } from "../catalogs";
import { FrameworkKey } from "../frameworkKeys";
import { Scales } from "../scales";
import { ASSET, ASSETS_TABLE } from "./assetInventory";
import { CONTROL, CONTROL_STATUSES, CONTROLS_TABLE } from "./controlMatrix";
import { COVERAGE, COVERAGE_TABLE } from "./coverageSheet";
import { HISTORY_TABLE } from "./historySheet";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { SCALE_TABLES } from "./scalesSheet";
import { SECTION, SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import type { KpiTarget } from "./operationsScales";
import { operationsKpisFor } from "../operationsKpis";
import type { OptionalRegisterKey } from "../registers/keys";
import { BlockSpec, CellValue, ChartSpec, SheetSpec, TableSpec, tableColumn, thisRow } from "./types";
import { DATE_FORMAT, TREATMENTS } from "./vocabulary";

export const DASHBOARD_SHEET = "Dashboard";
export const KPI_TABLE = "Kpis";
export const CHART_TABLES = { ratings: "RatingChart", statuses: "StatusChart", treatments: "TreatmentChart" } as const;

const risk = (column: string) => tableColumn(RISKS_TABLE, column);
const control = (column: string) => tableColumn(CONTROLS_TABLE, column);
const asset = (column: string) => tableColumn(ASSETS_TABLE, column);
const band = (column: string, i: number) => `INDEX(${tableColumn(SCALE_TABLES.bands, column)},${i})`;
const OPEN = `${risk(RISK.status)},"<>Closed"`;

/** One dashboard figure: its label, native formula and display format. */
export interface KpiSpec {
  key: string;
  label: string;
  formula: string;
  format: "count" | "percent" | "decimal";
  section: "Risk posture" | "Controls & compliance" | "Assets" | "Operations";
  /** Operations KPIs carry a target (KpiTargets on the Scales sheet) and the direction that is better. */
  target?: KpiTarget;
}

/** KpiTargets' rows: every KPI that carries a target. */
export function kpiTargets(kpis: readonly KpiSpec[]): KpiTarget[] {
  return kpis.flatMap((k) => (k.target ? [k.target] : []));
}

/** Open risks whose current rating (residual, else inherent) is band i. */
function openRatingFormula(i: number): string {
  const rating = band("Rating", i);
  return (
    `=COUNTIFS(${OPEN},${risk(RISK.residualRating)},${rating})` +
    `+COUNTIFS(${OPEN},${risk(RISK.residualRating)},"",${risk(RISK.inherentRating)},${rating})`
  );
}

export function kpiSpecs(scales: Scales, frameworks: readonly FrameworkKey[], registers: readonly OptionalRegisterKey[] = []): KpiSpec[] {
  const overdue = (value: string) => `COUNTIFS(${OPEN},${risk(RISK.reviewOverdue)},"${value}")`;
  const above = `${risk(RISK.inherentScore)},">"&RiskAppetite`;
  const bandKpis: KpiSpec[] = [...scales.bands]
    .map((b, i) => ({ b, i: i + 1 }))
    .reverse()
    .map(({ b, i }) => ({ key: `open:${b.rating}`, label: `Open ${b.rating} risks`, formula: openRatingFormula(i), format: "count", section: "Risk posture" }));
  return [
    ...bandKpis,
    { key: "outsideAppetite", label: "Open risks outside appetite", formula: `=COUNTIFS(${risk(RISK.withinAppetite)},"No",${OPEN})`, format: "count", section: "Risk posture" },
    { key: "overdueReviews", label: "Overdue risk reviews", formula: `=${overdue("Yes")}`, format: "count", section: "Risk posture" },
    {
      key: "treatmentProgress",
      label: "Treatment progress (above appetite, now within)",
      formula: `=IFERROR(COUNTIFS(${above},${risk(RISK.withinAppetite)},"Yes")/COUNTIFS(${above}),"")`,
      format: "percent",
      section: "Risk posture",
    },
    {
      key: "assessmentCurrency",
      label: "Risk assessments current",
      formula: `=IFERROR(${overdue("No")}/(${overdue("No")}+${overdue("Yes")}),"")`,
      format: "percent",
      section: "Risk posture",
    },
    {
      key: "controlsImplemented",
      label: "Controls implemented",
      formula: `=IFERROR(COUNTIFS(${control(CONTROL.status)},"Implemented")/(COUNTIFS(${control(CONTROL.id)},"<>")-COUNTIFS(${control(CONTROL.status)},"Not applicable")),"")`,
      format: "percent",
      section: "Controls & compliance",
    },
    ...frameworks.map(
      (key): KpiSpec => ({
        key: `coverage:${key}`,
        label: `${getFramework(key).shortName} coverage`,
        formula: `=IFERROR(INDEX(${tableColumn(COVERAGE_TABLE, COVERAGE.coverage)},MATCH("${getFramework(key).shortName}",${tableColumn(COVERAGE_TABLE, COVERAGE.framework)},0)),"")`,
        format: "percent",
        section: "Controls & compliance",
      }),
    ),
    { key: "assetsWithoutOwner", label: "Assets without an owner", formula: `=COUNTIFS(${asset(ASSET.id)},"<>",${asset(ASSET.owner)},"")`, format: "count", section: "Assets" },
    {
      key: "criticalAssetsAtRisk",
      label: "Critical assets with open high risks",
      formula: `=COUNTIFS(${asset(ASSET.criticality)},"Critical",${asset(ASSET.openHighRisks)},">0")`,
      format: "count",
      section: "Assets",
    },
    ...operationsKpisFor(registers).map(
      (k): KpiSpec => ({ key: k.key, label: k.label, formula: k.formula, format: k.format, section: "Operations", target: { indicator: k.label, target: k.target, better: k.better } }),
    ),
  ];
}

const NUMBER_FORMAT = { count: "0", percent: "0%", decimal: "0.0" } as const;
const TILE = { columns: 6, firstColumn: 1, step: 2, top: 4, labelHeight: 30, valueHeight: 30 };
const DATA_COLUMN = 15; // column P: chart data and the KPI table, right of the printed area
const TILE_FILL = "#F2F2F2";

function tileBlocks(kpis: KpiSpec[]): { blocks: BlockSpec[]; nextRow: number } {
  const blocks: BlockSpec[] = [];
  let row = TILE.top;
  for (const section of ["Risk posture", "Controls & compliance", "Assets", "Operations"] as const) {
    const items = kpis.map((k, i) => ({ k, i })).filter(({ k }) => k.section === section);
    blocks.push({ address: cellAddress({ row, column: TILE.firstColumn }), values: [[section]], format: SECTION });
    row++;
    for (let start = 0; start < items.length; start += TILE.columns) {
      items.slice(start, start + TILE.columns).forEach(({ k, i }, n) => {
        const column = TILE.firstColumn + n * TILE.step;
        blocks.push({
          address: cellAddress({ row, column }),
          values: [[k.label]],
          format: { fill: TILE_FILL, fontColor: "#404040", wrapText: true, verticalAlignment: "Top" },
          rowHeight: TILE.labelHeight,
        });
        blocks.push({
          address: cellAddress({ row: row + 1, column }),
          values: [[`={cell:${KPI_TABLE}[Value]#${i + 1}}`]],
          format: { fill: TILE_FILL, fontColor: "#1F3864", bold: true, fontSize: 20, horizontalAlignment: "Left", numberFormat: NUMBER_FORMAT[k.format] },
          rowHeight: TILE.valueHeight,
        });
      });
      row += 3;
    }
  }
  return { blocks, nextRow: row };
}

function kpiTable(kpis: KpiSpec[]): TableSpec {
  return {
    name: KPI_TABLE,
    anchor: cellAddress({ row: 3, column: DATA_COLUMN }),
    style: TABLE_STYLE,
    columns: [
      { header: "Indicator", width: widthFor(36) },
      { header: "Value", width: widthFor(10), horizontalAlignment: "Center" },
    ],
    seedRows: kpis.map((k) => ({ Indicator: k.label, Value: k.formula })),
  };
}

function chartTables(scales: Scales, top: number): TableSpec[] {
  const at = (row: number) => cellAddress({ row, column: DATA_COLUMN });
  const ratingsTop = top;
  const statusesTop = ratingsTop + scales.bands.length + 3;
  const treatmentsTop = statusesTop + CONTROL_STATUSES.length + 3;
  const rc = (column: string) => thisRow(CHART_TABLES.ratings, column);
  return [
    {
      name: CHART_TABLES.ratings,
      anchor: at(ratingsTop),
      style: TABLE_STYLE,
      columns: [
        { header: "Rating", width: widthFor(36) },
        { header: "Inherent", width: widthFor(10), formula: `=COUNTIFS(${risk(RISK.inherentRating)},${rc("Rating")})` },
        { header: "Residual", width: widthFor(10), formula: `=COUNTIFS(${risk(RISK.residualRating)},${rc("Rating")})` },
      ],
      seedRows: scales.bands.map((_, i) => ({ Rating: `=${band("Rating", i + 1)}` })),
    },
    {
      name: CHART_TABLES.statuses,
      anchor: at(statusesTop),
      style: TABLE_STYLE,
      columns: [
        { header: "Status", width: widthFor(36) },
        { header: "Controls", width: widthFor(10), formula: `=COUNTIFS(${control(CONTROL.status)},${thisRow(CHART_TABLES.statuses, "Status")})` },
      ],
      seedRows: CONTROL_STATUSES.map((Status) => ({ Status })),
    },
    {
      name: CHART_TABLES.treatments,
      anchor: at(treatmentsTop),
      style: TABLE_STYLE,
      columns: [
        { header: "Treatment", width: widthFor(36) },
        { header: "Risks", width: widthFor(10), formula: `=COUNTIFS(${risk(RISK.treatment)},${thisRow(CHART_TABLES.treatments, "Treatment")})` },
      ],
      seedRows: TREATMENTS.map((Treatment) => ({ Treatment })),
    },
  ];
}

function charts(top: number): ChartSpec[] {
  const box = (row: number, column: number, rows = 15, columns = 6) => ({
    from: cellAddress({ row, column }),
    to: cellAddress({ row: row + rows, column: column + columns - 1 }),
  });
  const col = (table: string, column: string) => `{col:${table}[${column}]}`;
  const left = TILE.firstColumn;
  const right = TILE.firstColumn + 6;
  return [
    {
      name: "RisksByRating",
      type: "ColumnClustered",
      title: "Risks by rating: inherent vs residual",
      categories: col(CHART_TABLES.ratings, "Rating"),
      series: [
        { name: "Inherent", values: col(CHART_TABLES.ratings, "Inherent") },
        { name: "Residual", values: col(CHART_TABLES.ratings, "Residual") },
      ],
      valueAxisTitle: "Risks",
      ...box(top, left),
    },
    {
      name: "CoverageByFramework",
      type: "BarClustered",
      title: "Coverage by framework",
      categories: col(COVERAGE_TABLE, COVERAGE.framework),
      series: [{ name: "Coverage", values: col(COVERAGE_TABLE, COVERAGE.coverage) }],
      valueFormat: "0%",
      valueMin: 0,
      valueMax: 1,
      ...box(top, right),
    },
    {
      name: "ControlsByStatus",
      type: "BarClustered",
      title: "Controls by status",
      categories: col(CHART_TABLES.statuses, "Status"),
      series: [{ name: "Controls", values: col(CHART_TABLES.statuses, "Controls") }],
      ...box(top + 16, left),
    },
    {
      name: "RisksByTreatment",
      type: "ColumnClustered",
      title: "Risks by treatment",
      categories: col(CHART_TABLES.treatments, "Treatment"),
      series: [{ name: "Risks", values: col(CHART_TABLES.treatments, "Risks") }],
      ...box(top + 16, right),
    },
    {
      name: "RiskTrend",
      type: "Line",
      title: "Trend (snapshots): open risks outside appetite and overdue reviews",
      categories: col(HISTORY_TABLE, "Date"),
      series: [
        { name: "Outside appetite", values: col(HISTORY_TABLE, "Outside Appetite") },
        { name: "Overdue reviews", values: col(HISTORY_TABLE, "Overdue Reviews") },
      ],
      categoryFormat: DATE_FORMAT,
      ...box(top + 32, left, 14, 12),
    },
  ];
}

export function dashboardSheet(scales: Scales, frameworks: readonly FrameworkKey[], registers: readonly OptionalRegisterKey[] = []): SheetSpec {
  const kpis = kpiSpecs(scales, frameworks, registers);
  const tiles = tileBlocks(kpis);
  const chartTop = tiles.nextRow + 1;
  const kpiRows = kpis.length + 1;
  const lastPrintedColumn = columnLetter(TILE.firstColumn + 11);
  const lastPrintedRow = chartTop + 47;
  const titleRow: CellValue[][] = [[`=IF(Organisation="","",Organisation&"   ·   ")&"Figures as of "&TEXT(TODAY(),"yyyy-mm-dd")`]];
  return {
    key: "dashboard",
    name: DASHBOARD_SHEET,
    tabColor: "#1F3864",
    ownerTable: KPI_TABLE,
    blocks: [
      { address: "B1", values: [["Information security program dashboard"]], format: TITLE },
      { address: "B2", values: titleRow, format: SUBTITLE },
      ...tiles.blocks,
    ],
    tables: [kpiTable(kpis), ...chartTables(scales, 3 + kpiRows + 2)],
    names: [],
    columnWidths: [
      { column: "A", width: 12 },
      ...Array.from({ length: 12 }, (_, i) => ({ column: columnLetter(TILE.firstColumn + i), width: i % 2 === 0 ? 120 : 12 })),
    ],
    charts: charts(chartTop),
    print: { orientation: "Landscape", fitToWidth: true, onePage: true, printArea: `A1:${lastPrintedColumn}${lastPrintedRow}` },
  };
}
