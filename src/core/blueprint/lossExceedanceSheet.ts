/**
 * The Loss Exceedance sheet: what Quantify writes as values (so a reader without the add-in sees
 * them): summary figures, run metadata, the loss exceedance curve (inherent, residual and the
 * tolerance the analyst sets) on a log loss axis, and each risk's share of the expected loss.
 *
 * The curve and the shares are plain ranges, not tables: their length changes with every run, and
 * Quantify rewrites them (and points the chart at them) while leaving the tolerance points typed
 * here untouched.
 */
import { cellAddress, parseCell, quoteSheet } from "../a1";
import { fittedRowHeight } from "./textFit";
import { chartTextSizes } from "./paper";
import { currencyCodeOr, moneyFormat } from "../quant/currency";
import { DEFAULT_TOLERANCE } from "../quant/thresholds";
import { SECTION, SUBTITLE, TITLE } from "./style";
import { BlockSpec, ChartSpec, NameSpec, SheetSpec } from "./types";

export const LOSS_SHEET = "Loss Exceedance";
export const LOSS_CHART = "LossExceedanceCurve";

/** Rows and columns (0-based) of each part of the sheet. */
export const LOSS_LAYOUT = {
  summaryHeaderRow: 4,
  runFirstRow: 14,
  toleranceFirstRow: 22,
  curveHeaderRow: 26,
  /** Curve: threshold, inherent, residual, tolerance. */
  curveColumn: 0,
  /** Shares: Risk ID, title, inherent expected loss and share, residual expected loss and share. */
  shareColumn: 5,
  chart: { from: "F4", to: "K24" },
} as const;

/** 70%: the chart's text (10 pt, both hosts' default) prints at 7 pt, and the cells' 11 pt at 7.7 pt. */
export const LOSS_PRINT_SCALE = 70;

/**
 * What prints, on portrait pages at a legible fixed scale: the summary, run, tolerance and curve
 * (A to D) from a first page, then the chart and the shares (F to K) from the next. Quantify sets it
 * again after each run, to the curve's and the shares' rows.
 */
export function lossPrintArea(curvePoints: number, shareRows: number): string {
  const firstRow = LOSS_LAYOUT.curveHeaderRow + 1;
  const chartTop = parseCell(LOSS_LAYOUT.chart.from).row + 1;
  return `A1:D${firstRow + curvePoints},F${chartTop}:K${firstRow + shareRows}`;
}

export const SUMMARY_FIGURES = [
  { key: "expected", label: "Expected annual loss (mean)" },
  { key: "median", label: "Median year" },
  { key: "p90", label: "P90: 1 year in 10 is worse" },
  { key: "p95", label: "P95: 1 year in 20 is worse (VaR 95%)" },
  { key: "p99", label: "P99: 1 year in 100 is worse (VaR 99%)" },
  { key: "p999", label: "P99.9: 1 year in 1,000 is worse" },
  { key: "worst", label: "Worst simulated year" },
] as const;

export const RUN_FIELDS = ["Years simulated", "Seed", "Run on", "Risks simulated", "Currency"] as const;
export const CURVE_HEADERS = ["Annual loss", "Inherent", "Residual", "Tolerance"] as const;
export const SHARE_HEADERS = ["Risk ID", "Title", "Inherent per year", "Share", "Residual per year", "Share"] as const;

export const LOSS_NAMES = {
  years: "LossRunYears",
  p90Inherent: "LossP90Inherent",
  p90Residual: "LossP90Residual",
  expectedInherent: "LossExpectedInherent",
  expectedResidual: "LossExpectedResidual",
} as const;

const at = (row: number, column: number, absolute = false) => cellAddress({ row, column }, absolute);
const HEADER = { bold: true, fill: "#D9E1F2" } as const;

/** The typed tolerance points: [loss, chance of a worse year] cells, first and second point. */
export function tolerancePointCells(): { loss: [string, string]; probability: [string, string] } {
  const first = LOSS_LAYOUT.toleranceFirstRow + 1;
  return { loss: [at(first, 0, true), at(first + 1, 0, true)], probability: [at(first, 1, true), at(first + 1, 1, true)] };
}

/** The tolerance at a threshold cell: straight on log-log axes through the two typed points, at most 1. */
export function toleranceFormula(thresholdCell: string): string {
  const { loss, probability } = tolerancePointCells();
  const [l1, l2] = loss;
  const [p1, p2] = probability;
  return (
    `=IF(OR(${thresholdCell}="",COUNT(${l1},${l2},${p1},${p2})<4),"",IFERROR(MIN(1,` +
    `${p1}*(${thresholdCell}/${l1})^(LN(${p2}/${p1})/LN(${l2}/${l1}))),""))`
  );
}

/** Axis labels that stay short across decades: 100, 10k, 1M, 1,000M (Excel allows two conditions and an else section). */
export const COMPACT_AMOUNT = '[>=1000000]#,##0,,"M";[>=1000]#,##0,"k";0';

function chart(currency: string): ChartSpec {
  const first = LOSS_LAYOUT.curveHeaderRow + 1;
  const column = (c: number) => `${quoteSheet(LOSS_SHEET)}!${at(first, LOSS_LAYOUT.curveColumn + c, true)}`;
  return {
    name: LOSS_CHART,
    type: "XYScatterLinesNoMarkers",
    title: "Loss exceedance: chance of a year worse than each loss",
    categories: column(0),
    series: [
      { name: "Inherent", values: column(1) },
      { name: "Residual", values: column(2) },
      { name: "Tolerance", values: column(3) },
    ],
    from: LOSS_LAYOUT.chart.from,
    to: LOSS_LAYOUT.chart.to,
    valueAxisTitle: "Chance of a worse year",
    valueFormat: "0%",
    valueMin: 0,
    valueMax: 1,
    categoryAxisTitle: `Annual loss (${currency}, log scale)`,
    categoryFormat: COMPACT_AMOUNT,
    categoryLogBase: 10,
    ...chartTextSizes(LOSS_PRINT_SCALE),
  };
}

const EXPLANATION =
  "Written by Quantify (task pane or `ismp quantify`): a seeded simulation of every risk on the Risk Quantification sheet, events per year Poisson and each loss lognormal from its 90% range. " +
  "A re-run replaces these figures; the tolerance points you type stay.";
const COLUMN_WIDTHS: ReadonlyArray<{ column: string; width: number }> = [
  { column: "A", width: 190 },
  { column: "B", width: 96 },
  { column: "C", width: 96 },
  { column: "D", width: 80 },
  { column: "E", width: 16 },
  { column: "F", width: 56 },
  { column: "G", width: 220 },
  { column: "H", width: 100 },
  { column: "I", width: 48 },
  { column: "J", width: 100 },
  { column: "K", width: 48 },
];
const explanationHeight = fittedRowHeight([{ text: EXPLANATION, width: COLUMN_WIDTHS.slice(0, 4).reduce((sum, c) => sum + c.width, 0), wrap: true }]);

export function lossExceedanceSheet(currency: string): SheetSpec {
  const money = moneyFormat(currency);
  const summaryTop = LOSS_LAYOUT.summaryHeaderRow;
  const runTop = LOSS_LAYOUT.runFirstRow;
  const toleranceTop = LOSS_LAYOUT.toleranceFirstRow;
  const curveTop = LOSS_LAYOUT.curveHeaderRow;
  const share = LOSS_LAYOUT.shareColumn;
  const blocks: BlockSpec[] = [
    { address: "A1", values: [["Loss exceedance"]], format: TITLE },
    // Wrapped over the printed width of the first page (A to D), as tall as its lines.
    { address: "A2:D2", values: [[EXPLANATION, null, null, null]], merge: true, format: { ...SUBTITLE, wrapText: true, verticalAlignment: "Top" }, rowHeight: explanationHeight },
    { address: at(summaryTop - 1, 0), values: [["Annual loss"]], format: SECTION },
    { address: `${at(summaryTop, 0)}:${at(summaryTop, 2)}`, values: [["Figure", "Inherent", "Residual"]], format: HEADER },
    { address: `${at(summaryTop + 1, 0)}:${at(summaryTop + SUMMARY_FIGURES.length, 0)}`, values: SUMMARY_FIGURES.map((f) => [f.label]) },
    {
      address: `${at(summaryTop + 1, 1)}:${at(summaryTop + SUMMARY_FIGURES.length, 2)}`,
      values: SUMMARY_FIGURES.map(() => [null, null]),
      format: { numberFormat: money },
    },
    { address: at(runTop - 1, 0), values: [["Run"]], format: SECTION },
    { address: `${at(runTop, 0)}:${at(runTop + RUN_FIELDS.length - 1, 0)}`, values: RUN_FIELDS.map((f) => [f]) },
    {
      address: `${at(runTop, 1)}:${at(runTop + RUN_FIELDS.length - 1, 1)}`,
      values: RUN_FIELDS.map(() => [null]),
      format: { horizontalAlignment: "Right" },
    },
    { address: at(toleranceTop - 1, 0), values: [["Tolerance: two points you set (loss, chance of a worse year)"]], format: SECTION },
    { address: `${at(toleranceTop, 0)}:${at(toleranceTop, 1)}`, values: [["Annual loss", "Chance of a worse year"]], format: HEADER },
    { address: `${at(toleranceTop + 1, 0)}:${at(toleranceTop + 2, 0)}`, values: DEFAULT_TOLERANCE.map((p) => [p.loss]), format: { numberFormat: money } },
    { address: `${at(toleranceTop + 1, 1)}:${at(toleranceTop + 2, 1)}`, values: DEFAULT_TOLERANCE.map((p) => [p.probability]), format: { numberFormat: "0%" } },
    { address: at(curveTop - 1, 0), values: [["Loss exceedance curve"]], format: SECTION },
    { address: `${at(curveTop, 0)}:${at(curveTop, CURVE_HEADERS.length - 1)}`, values: [[...CURVE_HEADERS]], format: HEADER },
    { address: at(curveTop - 1, share), values: [["Share of the expected loss"]], format: SECTION },
    { address: `${at(curveTop, share)}:${at(curveTop, share + SHARE_HEADERS.length - 1)}`, values: [[...SHARE_HEADERS]], format: HEADER },
  ];
  const cell = (row: number, column: number) => `=${quoteSheet(LOSS_SHEET)}!${at(row, column, true)}`;
  const p90Row = summaryTop + 1 + SUMMARY_FIGURES.findIndex((f) => f.key === "p90");
  const names: NameSpec[] = [
    { name: LOSS_NAMES.years, formula: cell(runTop, 1), comment: "Years simulated by the last Quantify run" },
    { name: LOSS_NAMES.expectedInherent, formula: cell(summaryTop + 1, 1), comment: "Expected annual loss before treatment, last Quantify run" },
    { name: LOSS_NAMES.expectedResidual, formula: cell(summaryTop + 1, 2), comment: "Expected annual loss after treatment, last Quantify run" },
    { name: LOSS_NAMES.p90Inherent, formula: cell(p90Row, 1), comment: "Annual loss exceeded one year in ten before treatment, last Quantify run" },
    { name: LOSS_NAMES.p90Residual, formula: cell(p90Row, 2), comment: "Annual loss exceeded one year in ten after treatment, last Quantify run" },
  ];
  return {
    key: "lossExceedance",
    name: LOSS_SHEET,
    tabColor: "#385723",
    ownerName: LOSS_NAMES.years,
    blocks,
    tables: [],
    names,
    charts: [chart(currencyCodeOr(currency))],
    columnWidths: COLUMN_WIDTHS,
    print: { orientation: "Portrait", fitToWidth: false, scale: LOSS_PRINT_SCALE, narrowMargins: true, printArea: lossPrintArea(0, 0) },
  };
}
