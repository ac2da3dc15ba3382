/**
 * The Dashboard sheet for leadership: KPI tiles (native formulas, readable without the add-in),
 * charts over live ranges, and the small KPI and chart-data blocks they read. Prints on one landscape page.
 * Those blocks hold a different formula in every row, so they are plain ranges with a defined name,
 * never tables (see RowBlockSpec: Excel would collapse a table column into one calculated column).
 */
import { cellAddress, columnLetter, parseCell } from "../a1";
import { getFramework } from "../catalogs";
import { FrameworkKey } from "../frameworkKeys";
import { Scales } from "../scales";
import { ASSET, ASSETS_TABLE } from "./assetInventory";
import { CONTROL, CONTROL_STATUSES, CONTROLS_TABLE } from "./controlMatrix";
import { COVERAGE, COVERAGE_TABLE } from "./coverageSheet";
import { HISTORY_TABLE } from "./historySheet";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { QUANT, RISK_QUANT_TABLE } from "./riskQuantSheet";
import { COMPACT_AMOUNT, LOSS_NAMES } from "./lossExceedanceSheet";
import { currencyCodeOr, moneyFormat } from "../quant/currency";
import { SCALE_TABLES } from "./scalesSheet";
import { SECTION, SUBTITLE, TITLE, widthFor } from "./style";
import { Better, KpiTarget, OPERATIONS_SCALE_TABLES, OPS_SCALE } from "./operationsScales";
import { operationsKpisFor, type OperationsKpi } from "../operationsKpis";
import { GOVERNANCE_KPIS } from "../governanceKpis";
import { PROGRAM_KPIS, PROGRAM_SECTION } from "../programKpis";
import type { OptionalRegisterKey } from "../registers/keys";
import { BlockSpec, ChartSpec, quoted, Relabel, RowBlockSpec, SheetSpec, tableColumn } from "./types";
import { chartTextSizes, heightRuns, pageRoom, sectionBreaks, sectionsOf } from "./paper";
import { DEFAULT_ROW_HEIGHT, fittedRowHeight, lineHeight } from "./textFit";
import { DATE_FORMAT, TREATMENTS } from "./vocabulary";

export const DASHBOARD_SHEET = "Dashboard";
/** Defined names of the per-row blocks: the KPI list and the chart data. */
export const KPI_BLOCK = "KpiList";
export const CHART_BLOCKS = { ratings: "RatingChartData", statuses: "StatusChartData", treatments: "TreatmentChartData" } as const;
/** The five risks with the highest residual ALE (RiskQuant's rank helper, read with INDEX/MATCH). */
export const TOP_LOSS_BLOCK = "TopResidualAleData";
export const TOP_LOSS_COUNT = 5;
/** The tables versions before 0.2 kept the same rows in (their sheets are still recognised as ours). */
export const LEGACY_KPI_TABLE = "Kpis";
export const LEGACY_CHART_TABLES = { ratings: "RatingChart", statuses: "StatusChart", treatments: "TreatmentChart" } as const;

const risk = (column: string) => tableColumn(RISKS_TABLE, column);
const control = (column: string) => tableColumn(CONTROLS_TABLE, column);
const asset = (column: string) => tableColumn(ASSETS_TABLE, column);
const band = (column: string, i: number) => `INDEX(${tableColumn(SCALE_TABLES.bands, column)},${i})`;
const OPEN = `${risk(RISK.status)},"<>Closed"`;

/** One dashboard figure: its label, native formula and display format. */
export interface KpiSpec {
  key: string;
  label: string;
  /** A rating band's indicator: the band's position in RatingBands (1-based), which stays when the analyst renames the band. */
  band?: number;
  formula: string;
  format: "count" | "percent" | "decimal" | "money";
  section: "Risk posture" | "Controls & compliance" | "Assets" | "Operations" | "Governance" | typeof PROGRAM_SECTION | "Risk in money";
  /** Operations, governance and program KPIs carry a target (KpiTargets on the Scales sheet) and the direction that is better. */
  target?: KpiTarget;
  /** Which way is better, for the management review's trend word (a target's own direction when it has one). */
  better?: Better;
}

/** Which way an indicator is better: its target's direction, else its own, else Higher. */
export const betterOf = (kpi: Pick<KpiSpec, "target" | "better">): Better => kpi.target?.better ?? kpi.better ?? "Higher";

/** Sections in the order the Dashboard shows them. */
export const KPI_SECTIONS = ["Risk posture", "Controls & compliance", "Assets", "Operations", "Governance", PROGRAM_SECTION, "Risk in money"] as const satisfies ReadonlyArray<KpiSpec["section"]>;

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
    .map(({ b, i }) => ({ key: `open:${b.rating}`, label: `Open ${b.rating} risks`, band: i, formula: openRatingFormula(i), format: "count", section: "Risk posture", better: "Lower" }));
  const withTarget = (section: KpiSpec["section"]) => (k: OperationsKpi): KpiSpec => ({
    key: k.key,
    label: k.label,
    formula: k.formula,
    format: k.format,
    section,
    target: { indicator: k.label, target: k.target, better: k.better },
  });
  return [
    ...bandKpis,
    { key: "outsideAppetite", label: "Open risks outside appetite", formula: `=COUNTIFS(${risk(RISK.withinAppetite)},"No",${OPEN})`, format: "count", section: "Risk posture", better: "Lower" },
    { key: "overdueReviews", label: "Overdue risk reviews", formula: `=${overdue("Yes")}`, format: "count", section: "Risk posture", better: "Lower" },
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
    { key: "assetsWithoutOwner", label: "Assets without an owner", formula: `=COUNTIFS(${asset(ASSET.id)},"<>",${asset(ASSET.owner)},"")`, format: "count", section: "Assets", better: "Lower" },
    {
      key: "criticalAssetsAtRisk",
      label: "Critical assets with open high risks",
      formula: `=COUNTIFS(${asset(ASSET.criticality)},"Critical",${asset(ASSET.openHighRisks)},">0")`,
      format: "count",
      section: "Assets",
      better: "Lower",
    },
    ...operationsKpisFor(registers).map(withTarget("Operations")),
    ...GOVERNANCE_KPIS.map(withTarget("Governance")),
    ...PROGRAM_KPIS.map(withTarget(PROGRAM_SECTION)),
    ...moneyKpis(),
  ];
}


const quant = (column: string) => tableColumn(RISK_QUANT_TABLE, column);

/** Risk in money: the Risk Quantification sheet's column sums, portfolio ROSI, and the last Quantify run's P90. */
function moneyKpis(): KpiSpec[] {
  const money = (key: string, label: string, formula: string, better: Better = "Lower"): KpiSpec => ({ key, label, formula, format: "money", section: "Risk in money", better });
  const reduction = `SUM(${quant(QUANT.reduction)})`;
  const cost = `SUM(${quant(QUANT.annualTreatmentCost)})`;
  return [
    money("inherentAle", "Annual loss expectancy, inherent", `=SUM(${quant(QUANT.ale)})`),
    money("residualAle", "Annual loss expectancy, residual", `=SUM(${quant(QUANT.residualAle)})`),
    money("aleReduction", "Reduction from treatment", `=${reduction}`, "Higher"),
    money("treatmentCost", "Annual treatment cost", `=${cost}`),
    { key: "portfolioRosi", label: "Portfolio ROSI", formula: `=IFERROR((${reduction}-${cost})/${cost},"")`, format: "percent", section: "Risk in money", better: "Higher" },
    money("p90AnnualLoss", "P90 annual loss, residual (last Quantify)", `=IF(ISNUMBER(${LOSS_NAMES.p90Residual}),${LOSS_NAMES.p90Residual},"")`),
  ];
}

/** Number formats of KPI figures, by KpiSpec format; money in the workbook's currency. */
export const kpiNumberFormats = (currency?: string) => ({ count: "0", percent: "0%", decimal: "0.0", money: moneyFormat(currency) }) as const;
/**
 * Six tiles across, 108 pt wide with 10 pt gaps: with column A that is 710 pt, one landscape page
 * wide at DASHBOARD_PRINT_SCALE (see paper.ts), where 11 pt labels print at 7.9 pt.
 */
const TILE = { columns: 6, firstColumn: 1, step: 2, top: 4, width: 108, gap: 10, labelHeight: 30, valueHeight: 30 };
/** The last printed column (L): the sixth tile's. */
const LAST_PRINTED_COLUMN = columnLetter(TILE.firstColumn + TILE.columns * TILE.step - 2);
/**
 * The Dashboard prints at a fixed 72% on as many landscape pages as its sections need (a page break
 * before each section that would not fit): chart text (10 pt in both hosts unless set) prints at 7.2 pt.
 */
export const DASHBOARD_PRINT_SCALE = 72;
/**
 * Rows a chart spans (its bottom edge at the top of the row after `to`: 16 rows) and the rows from
 * one chart's top to the next one's: a blank row between charts, where a page may break
 * (LibreOffice also draws a chart that starts right at a page break on the page before, under its footer).
 */
const CHART_ROWS = { tall: 15, pitch: 17 };
const DATA_COLUMN = 15; // column P: chart data and the KPI list, right of the printed area
/** "Figures as of 2026-12-01": the date is a number format, which Excel shows in any language (TEXT's codes are not translated). */
export const AS_OF_FORMAT = `"Figures as of "yyyy-mm-dd`;
const TILE_FILL = "#F2F2F2";
/** A money tile's figure: 112.3M, 350k, 900 (two conditions and an else section, as Excel allows). */
const TILE_MONEY = '[>=1000000]#,##0.0,,"M";[>=1000]#,##0,"k";0';

/** Where an Operations tile shows its KPI's figure, target and on-target state (the engine suite checks these cells). */
export interface TargetTile {
  /** 0-based position of the KPI in kpiSpecs. */
  kpi: number;
  value: string;
  target: string;
  state: string;
}

/** Target cells read "Target 95%" through their number format, so the figure stays a number. */
const TARGET_FORMAT = (currency?: string) => ({ count: `"Target "0`, percent: `"Target "0%`, decimal: `"Target "0.0`, money: `"Target "${moneyFormat(currency)}` }) as const;
export const TILE_STATES = { onTarget: "On target", offTarget: "Off target", noTarget: "No target", noData: "No data" } as const;

/** What a tile's state formula (stateFormula) shows, computed in TypeScript: the figure against its target in the Better direction. */
export function tileState(value: unknown, target: unknown, lowerIsBetter: boolean): (typeof TILE_STATES)[keyof typeof TILE_STATES] {
  if (value === "") return TILE_STATES.noData;
  if (target === "") return TILE_STATES.noTarget;
  const met = lowerIsBetter ? Number(value) <= Number(target) : Number(value) >= Number(target);
  return met ? TILE_STATES.onTarget : TILE_STATES.offTarget;
}

/** KpiTargets' value for an indicator: "" when it has no row or a blank target (INDEX of a blank cell would show 0). */
export function targetFormula(label: string): string {
  const target = tableColumn(OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.target);
  const match = `MATCH(${quoted(label)},${tableColumn(OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.indicator)},0)`;
  return `=IFERROR(IF(INDEX(${target},${match})="","",INDEX(${target},${match})),"")`;
}

/** On target when the figure is at or beyond the target in the Better direction (Higher unless KpiTargets says Lower). */
export function stateFormula(label: string, value: string, target: string): string {
  const better = `IFERROR(INDEX(${tableColumn(OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.better)},MATCH(${quoted(label)},${tableColumn(OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.indicator)},0)),"Higher")`;
  const s = TILE_STATES;
  return `=IF(${value}="","${s.noData}",IF(${target}="","${s.noTarget}",IF(IF(${better}="Lower",${value}<=${target},${value}>=${target}),"${s.onTarget}","${s.offTarget}")))`;
}

/** Where a set of tiles starts and which KPI block their figures come from. */
interface TilePlacement {
  top: number;
  block: string;
}

interface TileLayout {
  blocks: BlockSpec[];
  targetTiles: TargetTile[];
  nextRow: number;
  /** Each section's caption row: a section (caption, tiles, the blank row after them) prints on one page. */
  sectionRows: number[];
  /** Heights of the rows that are not DEFAULT_ROW_HEIGHT tall: captions, tile labels and figures. */
  heights: Map<number, number>;
}

function tileLayout(kpis: readonly KpiSpec[], currency?: string, at: TilePlacement = { top: TILE.top, block: KPI_BLOCK }): TileLayout {
  const NUMBER_FORMAT = kpiNumberFormats(currency);
  // A money tile shows "112.3M" and names its currency in the label: a full amount at 20 pt does not fit a tile (### in either host).
  const tileLabel = (k: KpiSpec) => (k.format === "money" ? `${k.label} (${currencyCodeOr(currency)})` : k.label);
  const blocks: BlockSpec[] = [];
  const targetTiles: TargetTile[] = [];
  const sectionRows: number[] = [];
  const heights = new Map<number, number>();
  let row = at.top;
  for (const section of KPI_SECTIONS) {
    const items = kpis.map((k, i) => ({ k, i })).filter(({ k }) => k.section === section);
    if (items.length === 0) continue;
    const withTargets = items.some(({ k }) => k.target);
    blocks.push({ address: cellAddress({ row, column: TILE.firstColumn }), values: [[section]], format: SECTION });
    sectionRows.push(row);
    heights.set(row, lineHeight(SECTION.fontSize));
    row++;
    for (let start = 0; start < items.length; start += TILE.columns) {
      const tiles = items.slice(start, start + TILE.columns);
      // Labels wrap in the tile's width: the label row is as tall as the longest needs (textFit).
      const labelHeight = Math.max(TILE.labelHeight, fittedRowHeight(tiles.map(({ k }) => ({ text: tileLabel(k), width: TILE.width, wrap: true }))));
      heights.set(row, labelHeight).set(row + 1, TILE.valueHeight);
      tiles.forEach(({ k, i }, n) => {
        const column = TILE.firstColumn + n * TILE.step;
        blocks.push({
          address: cellAddress({ row, column }),
          values: [[tileLabel(k)]],
          format: { fill: TILE_FILL, fontColor: "#404040", wrapText: true, verticalAlignment: "Top" },
          rowHeight: labelHeight,
        });
        const value = cellAddress({ row: row + 1, column });
        blocks.push({
          address: value,
          values: [[`={cell:${at.block}[Value]#${i + 1}}`]],
          format: { fill: TILE_FILL, fontColor: "#1F3864", bold: true, fontSize: 20, horizontalAlignment: "Left", numberFormat: k.format === "money" ? TILE_MONEY : NUMBER_FORMAT[k.format] },
          rowHeight: TILE.valueHeight,
        });
        if (!k.target) return;
        const target = cellAddress({ row: row + 2, column });
        const state = cellAddress({ row: row + 3, column });
        blocks.push({ address: target, values: [[targetFormula(k.label)]], format: { fill: TILE_FILL, fontColor: "#404040", horizontalAlignment: "Left", numberFormat: TARGET_FORMAT(currency)[k.format] } });
        blocks.push({ address: state, values: [[stateFormula(k.label, value, target)]], format: { fill: TILE_FILL, fontColor: "#1F3864", bold: true, horizontalAlignment: "Left" } });
        targetTiles.push({ kpi: i, value, target, state });
      });
      row += withTargets ? 5 : 3;
    }
  }
  return { blocks, targetTiles, nextRow: row, sectionRows, heights };
}

/** The Operations tiles' cells, as dashboardSheet lays them out. */
export function targetTiles(kpis: readonly KpiSpec[]): TargetTile[] {
  return tileLayout(kpis).targetTiles;
}

/** A KPI block's columns: Indicator and Value. */
const KPI_COLUMNS: RowBlockSpec["columns"] = [
  { header: "Indicator", width: widthFor(36) },
  { header: "Value", width: widthFor(10), horizontalAlignment: "Center" },
];
export const KPI_BLOCK_COLUMNS = KPI_COLUMNS.length;

function kpiBlock(kpis: readonly KpiSpec[], currency?: string, name = KPI_BLOCK, anchorRow = 3): RowBlockSpec {
  const NUMBER_FORMAT = kpiNumberFormats(currency);
  return {
    name,
    anchor: cellAddress({ row: anchorRow, column: DATA_COLUMN }),
    columns: KPI_COLUMNS,
    rows: kpis.map((k) => ({ Indicator: k.label, Value: k.formula })),
    rowFormats: kpis.map((k) => ({ Value: NUMBER_FORMAT[k.format] })),
    // Only the main list was ever the table Kpis; an added block (KpiList2) is always a range.
    ...(name === KPI_BLOCK ? { legacyTable: LEGACY_KPI_TABLE } : {}),
  };
}

function chartBlocks(scales: Scales, top: number, currency?: string): RowBlockSpec[] {
  const at = (row: number) => cellAddress({ row, column: DATA_COLUMN });
  const ratingsTop = top;
  const statusesTop = ratingsTop + scales.bands.length + 3;
  const treatmentsTop = statusesTop + CONTROL_STATUSES.length + 3;
  const label = { width: widthFor(36) };
  const count = { width: widthFor(10), horizontalAlignment: "Center" } as const;
  return [
    {
      name: CHART_BLOCKS.ratings,
      anchor: at(ratingsTop),
      columns: [
        { header: "Rating", ...label },
        { header: "Inherent", ...count },
        { header: "Residual", ...count },
      ],
      rows: scales.bands.map((_, i) => ({
        Rating: `=${band("Rating", i + 1)}`,
        Inherent: `=COUNTIFS(${risk(RISK.inherentRating)},{row:Rating})`,
        Residual: `=COUNTIFS(${risk(RISK.residualRating)},{row:Rating})`,
      })),
      legacyTable: LEGACY_CHART_TABLES.ratings,
    },
    {
      name: CHART_BLOCKS.statuses,
      anchor: at(statusesTop),
      columns: [
        { header: "Status", ...label },
        { header: "Controls", ...count },
      ],
      rows: CONTROL_STATUSES.map((Status) => ({ Status, Controls: `=COUNTIFS(${control(CONTROL.status)},{row:Status})` })),
      legacyTable: LEGACY_CHART_TABLES.statuses,
    },
    {
      name: CHART_BLOCKS.treatments,
      anchor: at(treatmentsTop),
      columns: [
        { header: "Treatment", ...label },
        { header: "Risks", ...count },
      ],
      rows: TREATMENTS.map((Treatment) => ({ Treatment, Risks: `=COUNTIFS(${risk(RISK.treatment)},{row:Treatment})` })),
      legacyTable: LEGACY_CHART_TABLES.treatments,
    },
    topLossBlock(at(treatmentsTop + TREATMENTS.length + 3), currency),
  ];
}

function topLossBlock(anchor: string, currency?: string): RowBlockSpec {
  const match = `MATCH({row:Rank},${quant(QUANT.rank)},0)`;
  return {
    name: TOP_LOSS_BLOCK,
    anchor,
    columns: [
      { header: "Rank", width: widthFor(36) },
      { header: "Risk", width: widthFor(10) },
      { header: "Residual ALE", width: widthFor(10), horizontalAlignment: "Right" },
    ],
    rows: Array.from({ length: TOP_LOSS_COUNT }, (_, i) => ({
      Rank: i + 1,
      Risk: `=IFERROR(INDEX(${quant(QUANT.id)},${match})&" "&LEFT(INDEX(${quant(QUANT.title)},${match}),40),"")`,
      "Residual ALE": `=IFERROR(INDEX(${quant(QUANT.residualAle)},${match}),"")`,
    })),
    rowFormats: Array.from({ length: TOP_LOSS_COUNT }, () => ({ "Residual ALE": moneyFormat(currency) })),
  };
}

function charts(top: number): ChartSpec[] {
  // Two charts across, each over three tiles (five columns) and 16 rows.
  const box = (row: number, column: number, rows = CHART_ROWS.tall, columns = 5) => ({
    from: cellAddress({ row, column }),
    to: cellAddress({ row: row + rows, column: column + columns - 1 }),
  });
  const col = (table: string, column: string) => `{col:${table}[${column}]}`;
  const left = TILE.firstColumn;
  const right = TILE.firstColumn + 6;
  const text = chartTextSizes(DASHBOARD_PRINT_SCALE);
  const specs: Array<Omit<ChartSpec, "textSize" | "titleSize">> = [
    {
      name: "RisksByRating",
      type: "ColumnClustered",
      title: "Risks by rating: inherent vs residual",
      categories: col(CHART_BLOCKS.ratings, "Rating"),
      series: [
        { name: "Inherent", values: col(CHART_BLOCKS.ratings, "Inherent") },
        { name: "Residual", values: col(CHART_BLOCKS.ratings, "Residual") },
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
      categories: col(CHART_BLOCKS.statuses, "Status"),
      series: [{ name: "Controls", values: col(CHART_BLOCKS.statuses, "Controls") }],
      ...box(top + CHART_ROWS.pitch, left),
    },
    {
      name: "RisksByTreatment",
      type: "ColumnClustered",
      title: "Risks by treatment",
      categories: col(CHART_BLOCKS.treatments, "Treatment"),
      series: [{ name: "Risks", values: col(CHART_BLOCKS.treatments, "Risks") }],
      ...box(top + CHART_ROWS.pitch, right),
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
      ...box(top + 2 * CHART_ROWS.pitch, left),
    },
    {
      name: "TopResidualAle",
      type: "BarClustered",
      title: "Five risks with the highest residual ALE",
      categories: col(TOP_LOSS_BLOCK, "Risk"),
      series: [{ name: "Residual ALE", values: col(TOP_LOSS_BLOCK, "Residual ALE") }],
      valueFormat: COMPACT_AMOUNT,
      valueMin: 0,
      ...box(top + 2 * CHART_ROWS.pitch, right),
    },
  ];
  return specs.map((spec) => ({ ...spec, ...text }));
}

/**
 * What an existing Dashboard shows, read from the workbook: the indicators of its KPI blocks, its
 * charts, and the last row its content or print area reaches (0-based).
 */
export interface DashboardState {
  indicators: readonly string[];
  /** The label each rating band's row shows, by the band's position in RatingBands (read from the row's formula). */
  bandLabels: ReadonlyMap<number, string>;
  charts: readonly string[];
  /** How many added KPI blocks (KpiList2, KpiList3, …) it has already. */
  addedBlocks: number;
  lastRow: number;
}

/** The KPI blocks upgrades add below an existing Dashboard: KpiList2, KpiList3, … */
export const addedKpiBlockName = (n: number): string => `${KPI_BLOCK}${n + 2}`;
export const MAX_ADDED_KPI_BLOCKS = 20;

/** Band indicators whose row shows another label than the band's name gives now ("Open Medium risks" for band 2, now Moderate). */
export function kpiRelabels(kpis: readonly KpiSpec[], state: DashboardState | undefined): Relabel[] {
  if (!state) return [];
  const shown = new Set(state.indicators.map((l) => l.trim().toLowerCase()));
  return kpis.flatMap((k) => {
    const from = k.band === undefined ? undefined : state.bandLabels.get(k.band);
    return from && from.trim().toLowerCase() !== k.label.toLowerCase() && !shown.has(k.label.toLowerCase()) ? [{ from, to: k.label, band: k.band }] : [];
  });
}

/**
 * Indicators and charts an existing Dashboard lacks, laid out below everything it holds (tiles,
 * charts, print area), so nothing the analyst sees moves or is covered; the print area grows to
 * include them.
 */
function dashboardAdditions(kpis: readonly KpiSpec[], allCharts: readonly ChartSpec[], { state, relabels }: ExistingDashboard, currency?: string): SheetSpec["additions"] {
  // A renamed band's indicator is on the Dashboard already, under its old label (relabelled by the plan).
  const shown = new Set([...state.indicators, ...relabels.map((r) => r.to)].map((l) => l.trim().toLowerCase()));
  const missing = kpis.filter((k) => !shown.has(k.label.toLowerCase()));
  const present = new Set(state.charts.map((c) => c.toLowerCase()));
  const missingCharts = allCharts.filter((c) => !present.has(c.name.toLowerCase()));
  if (missing.length === 0 && missingCharts.length === 0) return undefined;
  const top = state.lastRow + 2;
  const block = missing.length > 0 && state.addedBlocks < MAX_ADDED_KPI_BLOCKS ? addedKpiBlockName(state.addedBlocks) : undefined;
  const tiles = block ? tileLayout(missing, currency, { top, block }) : { blocks: [], nextRow: top };
  const chartTop = tiles.nextRow + (block ? 1 : 0);
  const charts = missingCharts.map((chart, i) => relocated(chart, chartTop + Math.floor(i / 2) * CHART_ROWS.pitch, i % 2 === 0 ? TILE.firstColumn : TILE.firstColumn + 6));
  const bottom = charts.length > 0 ? chartTop + Math.ceil(charts.length / 2) * CHART_ROWS.pitch : tiles.nextRow;
  return {
    blocks: tiles.blocks,
    rowBlocks: block ? [kpiBlock(missing, currency, block, top)] : [],
    charts,
    printArea: `A1:${LAST_PRINTED_COLUMN}${bottom}`,
  };
}

/** A chart moved so its top-left cell is (row, column), keeping its size in cells. */
function relocated(chart: ChartSpec, row: number, column: number): ChartSpec {
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  return { ...chart, from: cellAddress({ row, column }), to: cellAddress({ row: row + to.row - from.row, column: column + to.column - from.column }) };
}

/** An existing Dashboard: what it shows, and the indicators it shows under a band's old name (kpiRelabels, worked out once per build). */
export interface ExistingDashboard {
  state: DashboardState;
  relabels: readonly Relabel[];
}

/** The Dashboard for `kpis` (kpiSpecs of the build's scales, frameworks and registers, worked out once per build). */
export function dashboardSheet(scales: Scales, kpis: readonly KpiSpec[], currency?: string, existing?: ExistingDashboard): SheetSpec {
  const tiles = tileLayout(kpis, currency);
  const chartTop = tiles.nextRow + 1;
  const kpiRows = kpis.length + 1;
  const allCharts = charts(chartTop);
  const chartRows = Math.ceil(allCharts.length / 2);
  const lastPrintedRow = chartTop + chartRows * CHART_ROWS.pitch - 1;
  // Every printed row gets its height (see SheetSpec.rowHeights), and the page breaks keep each part whole:
  // the title rows with the first tiles, each tile section, and each row of two charts (the blank row before them with the first).
  const heights = Array.from({ length: lastPrintedRow }, (_, row) => (row === 0 ? lineHeight(TITLE.fontSize) : (tiles.heights.get(row) ?? DEFAULT_ROW_HEIGHT)));
  const sections = sectionsOf([0, ...tiles.sectionRows.slice(1), ...Array.from({ length: chartRows }, (_, i) => chartTop - 1 + i * CHART_ROWS.pitch)], heights);
  const additions = existing ? dashboardAdditions(kpis, allCharts, existing, currency) : undefined;
  return {
    key: "dashboard",
    name: DASHBOARD_SHEET,
    tabColor: "#1F3864",
    ownerName: KPI_BLOCK,
    blocks: [
      { address: "B1", values: [["Information security program dashboard"]], format: TITLE },
      // Merged over three tiles: a number never spills into the next cell, and one tile is too narrow for "Figures as of …" in LibreOffice.
      { address: "B2:D2", values: [["=TODAY()", null, null]], merge: true, format: { ...SUBTITLE, numberFormat: AS_OF_FORMAT, horizontalAlignment: "Left" } },
      { address: "B3", values: [[`=IF(Organisation="","",Organisation)`]], format: SUBTITLE },
      ...tiles.blocks,
    ],
    tables: [],
    rowBlocks: [kpiBlock(kpis, currency), ...chartBlocks(scales, 3 + kpiRows + 2, currency)],
    names: [],
    columnWidths: [
      { column: "A", width: 12 },
      ...Array.from({ length: 12 }, (_, i) => ({ column: columnLetter(TILE.firstColumn + i), width: i % 2 === 0 ? TILE.width : TILE.gap })),
    ],
    rowHeights: heightRuns(heights),
    // An existing Dashboard gets its missing charts in the additions area instead of where a new one has them.
    charts: additions ? allCharts.filter((c) => !additions.charts.some((a) => a.name === c.name)) : allCharts,
    print: {
      orientation: "Landscape",
      fitToWidth: false,
      scale: DASHBOARD_PRINT_SCALE,
      printArea: `A1:${LAST_PRINTED_COLUMN}${lastPrintedRow}`,
      rowBreaks: sectionBreaks(sections, pageRoom("Landscape", DASHBOARD_PRINT_SCALE).height),
    },
    additions,
  };
}
