/**
 * Quantify: simulates the RiskQuant portfolio (inherent and residual) and writes the figures as
 * values onto the Loss Exceedance sheet. Only that sheet's figures change: the tolerance points the
 * analyst typed stay, and nothing else in the workbook is touched.
 *
 * The simulation runs in steps between which the host gets the event loop back (the pane stays
 * responsive, shows progress and can cancel); the workbook is read in two syncs and written in one
 * (or one per slice of a very long share table, under Excel on the web's 5 MB request limit).
 */
import { columnLetter } from "../core/a1";
import { CURVE_HEADERS, LOSS_CHART, LOSS_LAYOUT, LOSS_NAMES, lossPrintArea, LOSS_SHEET, RUN_FIELDS, SHARE_HEADERS, SUMMARY_FIGURES, toleranceFormula } from "../core/blueprint/lossExceedanceSheet";
import { RISK, RISKS_TABLE } from "../core/blueprint/riskRegister";
import { RISK_QUANT_TABLE } from "../core/blueprint/riskQuantSheet";
import { filledRows, type TableData } from "../core/check/tableData";
import { toExcelDate } from "../core/excelDate";
import { currencyCodeOr, DEFAULT_SEED, DEFAULT_YEARS, MAX_THRESHOLDS, moneyFormat, QuantifyRun, quantifiedRisks, type LossReport, type SkippedRow } from "../core/quant";
import { OperationBlockedError } from "./errors";
import { FEATURE_SETS, supportsExcelApi } from "./requirements";
import { createSyncCounter } from "./syncCounter";
import { readWorkbookData } from "./workbookData";
import type { Chart, RequestContext, Worksheet } from "./officeApi";

export interface QuantifyOptions {
  years?: number;
  seed?: number;
  /** Called with the share of the simulation done, 0 to 1, after each step. */
  onProgress?(fraction: number): void;
  /** Checked between steps; when set, the run stops and nothing is written. */
  cancelled?(): boolean;
  /** How the host gets the event loop back between steps (default: a zero-delay timer). */
  yieldToHost?(): Promise<void>;
  today?: Date;
}

export interface QuantifySummary {
  years: number;
  seed: number;
  risks: number;
  skipped: SkippedRow[];
  expectedInherent: number;
  expectedResidual: number;
  p90Inherent: number;
  p90Residual: number;
  p99Residual: number;
  thresholds: number;
  /** ISO 4217 code of the figures (the workbook's Currency setting). */
  currency: string;
  syncs: number;
}

export class QuantifyCancelledError extends Error {
  readonly code = "Cancelled";
  constructor() {
    super("Quantify was cancelled; the Loss Exceedance sheet was not changed.");
    this.name = "QuantifyCancelledError";
  }
}

/** Events drawn between two yields: about 10-20 ms of work. */
const EVENTS_PER_STEP = 200_000;
const ROWS_PER_WRITE = 4000;
const PERCENT = "0.0%";

/**
 * The run a new sample workbook gets: fewer years than the default, so building samples (tests,
 * batch) stays quick; Quantify in the pane or `ismp quantify` runs the full 100,000.
 */
export const SAMPLE_QUANTIFY: QuantifyOptions = { years: 20_000, seed: DEFAULT_SEED, yieldToHost: () => Promise.resolve() };

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function quantifyWorkbook(context: RequestContext, options: QuantifyOptions = {}): Promise<QuantifySummary> {
  const sync = createSyncCounter();
  const years = options.years ?? DEFAULT_YEARS;
  const seed = options.seed ?? DEFAULT_SEED;
  const data = await readWorkbookData(context, sync, [RISK_QUANT_TABLE, RISKS_TABLE]);
  const table = data.table(RISK_QUANT_TABLE);
  const lossSheetName = data.snapshot.nameSheets?.[LOSS_NAMES.years.toLowerCase()];
  if (!table || !lossSheetName) {
    throw new OperationBlockedError(["There is no Risk Quantification or Loss Exceedance sheet yet. Run Build from Set up first, then Quantify."]);
  }
  const { risks, skipped } = quantifiedRisks(table, riskTitles(data.table(RISKS_TABLE)));
  if (risks.length === 0) {
    throw new OperationBlockedError([
      "No risk on the Risk Quantification sheet has an Annual Frequency, Loss Low and Loss High yet: type them for at least one risk, then Quantify.",
      ...skipped.map((s) => `${s.address}: ${s.message}`),
    ]);
  }

  // The sheet's current state: tolerance points (the curve must reach them), the last run's size, the currency.
  const sheet = context.workbook.worksheets.getItem(lossSheetName);
  const tolerance = sheet.getRangeByIndexes(LOSS_LAYOUT.toleranceFirstRow + 1, 0, 2, 1).load("values");
  const previousRisks = sheet.getRangeByIndexes(LOSS_LAYOUT.runFirstRow + RUN_FIELDS.indexOf("Risks simulated"), 1, 1, 1).load("values");
  const currencyName = context.workbook.names.getItemOrNullObject("Currency");
  const currencyCell = currencyName.getRangeOrNullObject().load("values");
  const chart = sheet.charts.getItemOrNullObject(LOSS_CHART).load("name");
  await sync(context);

  const run = new QuantifyRun(risks, { years, seed });
  const pause = options.yieldToHost ?? defaultYield;
  while (!run.done) {
    run.step(EVENTS_PER_STEP);
    options.onProgress?.(run.progress);
    await pause();
    if (options.cancelled?.()) throw new QuantifyCancelledError();
  }
  const toleranceLosses = tolerance.values.map(([v]) => v).filter((v): v is number => typeof v === "number" && v > 0);
  const report = run.report(toleranceLosses);
  const currency = currencyCodeOr(currencyCell.isNullObject ? undefined : currencyCell.values[0][0]);
  const previous = typeof previousRisks.values[0][0] === "number" ? previousRisks.values[0][0] : 0;

  await writeReport(context, sheet, chart.isNullObject ? undefined : chart, report, currency, previous, options.today ?? new Date(), sync);
  return {
    years,
    seed,
    risks: risks.length,
    skipped,
    expectedInherent: report.inherent.expected,
    expectedResidual: report.residual.expected,
    p90Inherent: report.inherent.p90,
    p90Residual: report.residual.p90,
    p99Residual: report.residual.p99,
    thresholds: report.curve.length,
    currency,
    syncs: sync.count,
  };
}

/** Titles from the register itself: the RiskQuant Title column is a formula a host may not have calculated. */
function riskTitles(risks: TableData | undefined): Map<string, string> {
  return new Map((risks ? filledRows(risks) : []).map((row) => [row.text(RISK.id).toLowerCase(), row.text(RISK.title)]));
}

async function writeReport(
  context: RequestContext,
  sheet: Worksheet,
  chart: Chart | undefined,
  report: LossReport,
  currency: string,
  previousShares: number,
  today: Date,
  sync: (context: RequestContext) => Promise<void>,
): Promise<void> {
  const money = moneyFormat(currency);
  const at = (row: number, column: number, rows: number, columns: number) => sheet.getRangeByIndexes(row, column, rows, columns);
  const summary = at(LOSS_LAYOUT.summaryHeaderRow + 1, 1, SUMMARY_FIGURES.length, 2);
  summary.values = SUMMARY_FIGURES.map((f) => [report.inherent[f.key], report.residual[f.key]]);
  summary.numberFormat = SUMMARY_FIGURES.map(() => [money, money]);

  const runValues: Record<(typeof RUN_FIELDS)[number], number | string> = {
    "Years simulated": report.years,
    Seed: report.seed,
    "Run on": toExcelDate(today),
    "Risks simulated": report.risks,
    Currency: currency,
  };
  const runRange = at(LOSS_LAYOUT.runFirstRow, 1, RUN_FIELDS.length, 1);
  runRange.values = RUN_FIELDS.map((f) => [runValues[f]]);
  runRange.numberFormat = RUN_FIELDS.map((f) => [f === "Run on" ? "yyyy-mm-dd" : f === "Years simulated" ? "#,##0" : "General"]);

  // The curve: clear the longest possible previous curve, then write this one with its tolerance formulas.
  const curveTop = LOSS_LAYOUT.curveHeaderRow + 1;
  const curveColumn = LOSS_LAYOUT.curveColumn;
  at(curveTop, curveColumn, MAX_THRESHOLDS + 1, CURVE_HEADERS.length).clear("Contents");
  const points = report.curve.length;
  const curve = at(curveTop, curveColumn, points, 3);
  curve.values = report.curve.map(([t, inherent, residual]) => [t, inherent, residual]);
  curve.numberFormat = report.curve.map(() => [money, PERCENT, PERCENT]);
  const thresholdColumn = columnLetter(curveColumn);
  const tolerance = at(curveTop, curveColumn + 3, points, 1);
  tolerance.formulas = report.curve.map((_, i) => [toleranceFormula(`${thresholdColumn}${curveTop + 1 + i}`)]);
  tolerance.numberFormat = report.curve.map(() => [PERCENT]);
  if (chart) pointChartAt(chart, sheet, curveTop, points);
  if (supportsExcelApi(FEATURE_SETS.pageLayout)) sheet.pageLayout.setPrintArea(lossPrintArea(points, report.shares.length));

  // Shares: clear the previous run's rows, then write this run's, largest expected loss first.
  const shareColumn = LOSS_LAYOUT.shareColumn;
  const shareRows = [...report.shares].sort((a, b) => b.inherentMean - a.inherentMean);
  const staleRows = Math.max(previousShares, shareRows.length);
  if (staleRows > 0) at(curveTop, shareColumn, staleRows, SHARE_HEADERS.length).clear("Contents");
  for (let start = 0; start < shareRows.length; start += ROWS_PER_WRITE) {
    const slice = shareRows.slice(start, start + ROWS_PER_WRITE);
    const range = at(curveTop + start, shareColumn, slice.length, SHARE_HEADERS.length);
    range.values = slice.map((s) => [s.id, s.title, s.inherentMean, s.inherentShare, s.residualMean, s.residualShare]);
    range.numberFormat = slice.map(() => ["General", "General", money, PERCENT, money, PERCENT]);
    if (start + ROWS_PER_WRITE < shareRows.length) await sync(context);
  }
  await sync(context);
}

/** Points the curve chart's series at this run's rows (a table would grow by itself; these are plain ranges). */
function pointChartAt(chart: Chart, sheet: Worksheet, curveTop: number, points: number): void {
  const column = (c: number) => {
    const letter = columnLetter(LOSS_LAYOUT.curveColumn + c);
    return sheet.getRange(`${letter}${curveTop + 1}:${letter}${curveTop + points}`);
  };
  const thresholds = column(0);
  for (let i = 0; i < 3; i++) {
    const series = chart.series.getItemAt(i);
    series.setValues(column(i + 1));
    series.setXAxisValues(thresholds);
  }
}
