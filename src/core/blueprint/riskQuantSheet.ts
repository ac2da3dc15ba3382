/**
 * The Risk Quantification sheet: table `RiskQuant`, one row per quantified risk, keyed by the Risk
 * Register's Risk ID. The analyst types frequencies, 90% loss ranges and treatment costs; ALE,
 * reduction, annual treatment cost and ROSI are native calculated columns (Excel 2019+, LibreOffice
 * 7.4: LN, EXP and SUMPRODUCT only), so finance reads them without the add-in.
 */
import { moneyFormat } from "../quant/currency";
import { annualLossExpectancy, Z90 } from "../quant/lognormal";
import { parseFinancialRange, withinRange } from "../quant/financialRange";
import { REGISTER_TABLES } from "../registers/tableNames";
import type { FieldSpec, RegisterDeclaration, Report, RowRule } from "../registers/types";
import { filledRows, type RowView } from "../check/tableData";
import { sampleRiskQuant } from "../sample/riskQuant";
import { sampleRisks } from "../sample/risks";
import type { Scales } from "../scales";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { SCALE_TABLES } from "./scalesSheet";
import { tableColumn, thisRow, ValidationSpec } from "./types";

export const RISK_QUANT_TABLE = "RiskQuant";
export const RISK_QUANT_SHEET = "Risk Quantification";

export const QUANT = {
  id: "Risk ID",
  title: "Title",
  financialRange: "Impact Financial Range",
  frequency: "Annual Frequency",
  low: "Loss Low",
  high: "Loss High",
  ale: "ALE",
  residualFrequency: "Residual Frequency",
  residualLow: "Residual Loss Low",
  residualHigh: "Residual Loss High",
  residualAle: "Residual ALE",
  reduction: "Reduction",
  oneOffCost: "Treatment One-off Cost",
  annualCost: "Treatment Annual Cost",
  amortiseYears: "Amortise Years",
  annualTreatmentCost: "Annual Treatment Cost",
  rosi: "ROSI",
  rank: "Residual ALE Rank",
} as const;

const q = (column: string) => thisRow(RISK_QUANT_TABLE, column);
const risks = (column: string) => tableColumn(RISKS_TABLE, column);

/** frequency × exp(μ + σ²/2), μ = (ln L + ln H)/2, σ = (ln H − ln L)/(2 × 1.6449): the closed form, written out. */
function aleExpression(frequency: string, low: string, high: string): string {
  return `${frequency}*EXP((LN(${low})+LN(${high}))/2+((LN(${high})-LN(${low}))/(2*${Z90}))^2/2)`;
}

/** Blank unless the three inputs are valid (Check names the problem); never an error value. */
function aleFormula(frequency: string, low: string, high: string): string {
  return `IFERROR(IF(OR(${frequency}<0,${low}<=0,${high}<=${low}),"",${aleExpression(frequency, low, high)}),"")`;
}

/** A blank residual input means "unchanged by the treatment": it takes the inherent value. */
const residual = (typed: string, inherent: string) => `IF(${q(typed)}="",${q(inherent)},${q(typed)})`;

const FORMULAS = {
  title: `=IF(${q(QUANT.id)}="","",IFERROR(INDEX(${risks(RISK.title)},MATCH(${q(QUANT.id)},${risks(RISK.id)},0))&"",""))`,
  financialRange:
    `=IF(${q(QUANT.id)}="","",IFERROR(INDEX(${tableColumn(SCALE_TABLES.impact, "Financial Range")},` +
    `MATCH(INDEX(${risks(RISK.inherentImpact)},MATCH(${q(QUANT.id)},${risks(RISK.id)},0)),${tableColumn(SCALE_TABLES.impact, "Level")},0))&"",""))`,
  ale: `=IF(COUNT(${q(QUANT.frequency)},${q(QUANT.low)},${q(QUANT.high)})<3,"",${aleFormula(q(QUANT.frequency), q(QUANT.low), q(QUANT.high))})`,
  residualAle:
    `=IF(${q(QUANT.ale)}="","",` +
    aleFormula(residual(QUANT.residualFrequency, QUANT.frequency), residual(QUANT.residualLow, QUANT.low), residual(QUANT.residualHigh, QUANT.high)) +
    ")",
  reduction: `=IF(OR(${q(QUANT.ale)}="",${q(QUANT.residualAle)}=""),"",${q(QUANT.ale)}-${q(QUANT.residualAle)})`,
  annualTreatmentCost:
    `=IF(COUNT(${q(QUANT.oneOffCost)},${q(QUANT.annualCost)})=0,"",` +
    `IF(N(${q(QUANT.amortiseYears)})>0,N(${q(QUANT.oneOffCost)})/${q(QUANT.amortiseYears)},N(${q(QUANT.oneOffCost)}))+N(${q(QUANT.annualCost)}))`,
  rosi:
    `=IF(OR(${q(QUANT.reduction)}="",N(${q(QUANT.annualTreatmentCost)})<=0),"",` +
    `(${q(QUANT.reduction)}-${q(QUANT.annualTreatmentCost)})/${q(QUANT.annualTreatmentCost)})`,
};

/**
 * 1 for the highest residual ALE, ties broken by row: the helper the dashboard's top five read
 * with INDEX/MATCH. Exact comparisons (SUMPRODUCT) rather than COUNTIF criteria, whose text form of
 * a number is rounded to 15 digits and could give two rows one rank.
 */
function rankFormula(): string {
  const column = tableColumn(RISK_QUANT_TABLE, QUANT.residualAle);
  const value = q(QUANT.residualAle);
  return (
    `=IF(NOT(ISNUMBER(${value})),"",SUMPRODUCT(ISNUMBER(${column})*(${column}>${value}))` +
    `+SUMPRODUCT(ISNUMBER(${column})*(${column}=${value})*(ROW(${column})<ROW()))+1)`
  );
}

const MAX_AMOUNT = 1e15;

const FREQUENCY_INPUT = "Expected events per year, 0 or more: 0.1 is once in ten years, 12 is monthly.";
const FREQUENCY: ValidationSpec = {
  rule: { kind: "decimal", min: 0, max: 100000 },
  prompt: { title: "Events per year", message: FREQUENCY_INPUT },
  error: { title: "Invalid frequency", message: "Frequency must be a number of events per year, 0 or more (0.1 = once in ten years)." },
};

function lossValidation(what: string, min: number | string, rule: string, prompt: string): ValidationSpec {
  return {
    rule: { kind: "decimal", min, max: MAX_AMOUNT },
    prompt: { title: what.slice(0, 32), message: prompt },
    error: { title: `Invalid ${what.toLowerCase()}`.slice(0, 32), message: `${what} must be ${rule}.` },
  };
}

const LOW_PROMPT = "The 5th percentile of one event's loss: 95% of events cost more.";
const HIGH_PROMPT = "The 95th percentile of one event's loss: only 5% of events cost more.";
const lowValidation = (what: string) => lossValidation(what, 0.01, "a loss above 0: the 5th percentile of one event's loss", LOW_PROMPT);
const highValidation = (what: string, low: string) => lossValidation(what, `={row:${low}}`, `above ${low}: the 95th percentile of one event's loss`, HIGH_PROMPT);

export function riskQuantFields(currency?: string): FieldSpec[] {
  const money = moneyFormat(currency);
  const amount = (header: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ header, type: { kind: "decimal", min: 0 }, width: 13, numberFormat: money, align: "Right", ...more });
  const calculated = (header: string, formula: string): FieldSpec => ({ header, type: { kind: "decimal" }, width: 13, numberFormat: money, formula });
  const frequency = (header: string): FieldSpec => ({ header, type: { kind: "decimal", min: 0 }, width: 10, numberFormat: "0.00", align: "Center", validation: FREQUENCY, customCheck: true });
  return [
    {
      header: QUANT.id,
      type: { kind: "ids", register: REGISTER_TABLES.risks, multiple: false },
      width: 8,
      validation: {
        rule: { kind: "listFrom", source: `={col:${RISKS_TABLE}[${RISK.id}]}` },
        error: { title: "Unknown risk", message: "Risk ID must be a Risk ID from the Risk Register." },
      },
    },
    { header: QUANT.title, type: { kind: "text" }, width: 28, wrap: true, formula: FORMULAS.title },
    { header: QUANT.financialRange, type: { kind: "text" }, width: 14, align: "Center", formula: FORMULAS.financialRange },
    frequency(QUANT.frequency),
    amount(QUANT.low, { validation: lowValidation(QUANT.low), customCheck: true }),
    amount(QUANT.high, { validation: highValidation(QUANT.high, QUANT.low), customCheck: true }),
    calculated(QUANT.ale, FORMULAS.ale),
    frequency(QUANT.residualFrequency),
    amount(QUANT.residualLow, { validation: lowValidation(QUANT.residualLow), customCheck: true }),
    amount(QUANT.residualHigh, { validation: highValidation(QUANT.residualHigh, QUANT.residualLow), customCheck: true }),
    calculated(QUANT.residualAle, FORMULAS.residualAle),
    calculated(QUANT.reduction, FORMULAS.reduction),
    amount(QUANT.oneOffCost, { input: "Spent once on the treatment (projects, tools, consultancy)." }),
    amount(QUANT.annualCost, { input: "Spent every year on the treatment (licences, staff time, premiums)." }),
    { header: QUANT.amortiseYears, type: { kind: "whole", min: 1, max: 50 }, width: 9, align: "Center", input: "Years the one-off cost is spread over; blank counts it in full." },
    calculated(QUANT.annualTreatmentCost, FORMULAS.annualTreatmentCost),
    { header: QUANT.rosi, type: { kind: "percent" }, width: 8, numberFormat: "0%", align: "Center", formula: FORMULAS.rosi },
    { header: QUANT.rank, type: { kind: "whole" }, width: 8, numberFormat: "0", align: "Center", formula: rankFormula() },
  ];
}

const numberOf = (row: RowView, header: string): number | undefined => {
  const v = row.get(header);
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : undefined;
};

const amountText = (n: number) => Math.round(n).toLocaleString("en");

interface EstimateHeaders {
  frequency: string;
  low: string;
  high: string;
}

const INHERENT: EstimateHeaders = { frequency: QUANT.frequency, low: QUANT.low, high: QUANT.high };
const RESIDUAL: EstimateHeaders = { frequency: QUANT.residualFrequency, low: QUANT.residualLow, high: QUANT.residualHigh };

/**
 * Frequency ≥ 0, Low > 0 and High > Low, each reported on its own cell. `fallback`: the residual
 * inputs, whose blanks take the inherent values. Returns the estimate when it is complete and valid.
 */
function checkEstimateCells(row: RowView, label: string, report: Report, headers: EstimateHeaders, fallback?: { frequency?: number; low?: number; high?: number }) {
  const typed = (h: string) => row.text(h) !== "";
  const value = (h: string, inherited: number | undefined) => (typed(h) ? numberOf(row, h) : inherited);
  if (!fallback && ![headers.frequency, headers.low, headers.high].some(typed)) return undefined;
  if (fallback && ![headers.frequency, headers.low, headers.high].some(typed)) return fallback.frequency !== undefined && fallback.low !== undefined && fallback.high !== undefined ? { frequency: fallback.frequency, low: fallback.low, high: fallback.high } : undefined;
  const frequency = value(headers.frequency, fallback?.frequency);
  const low = value(headers.low, fallback?.low);
  const high = value(headers.high, fallback?.high);
  let ok = true;
  const fail = (header: string, message: string) => {
    ok = false;
    report(row, header, "quant-invalid", "error", `${label}: ${message}`);
  };
  const got = (h: string) => ` (got "${row.text(h)}")`;
  if (frequency === undefined || frequency < 0) {
    fail(headers.frequency, typed(headers.frequency) ? `${headers.frequency} must be a number of events per year, 0 or more${got(headers.frequency)}.` : `${headers.frequency} is blank: the ALE needs a frequency, a Low and a High.`);
  }
  if (low === undefined || low <= 0) {
    fail(headers.low, typed(headers.low) ? `${headers.low} must be a loss above 0 (the 5th percentile of one event's loss)${got(headers.low)}.` : `${headers.low} is blank: the ALE needs a frequency, a Low and a High.`);
  } else if (high === undefined || high <= low) {
    fail(headers.high, typed(headers.high) ? `${headers.high} must be above ${headers.low} (${amountText(low)}): the 95th percentile of one event's loss${got(headers.high)}.` : `${headers.high} is blank: the ALE needs a frequency, a Low and a High.`);
  }
  return ok && frequency !== undefined && low !== undefined && high !== undefined ? { frequency, low, high } : undefined;
}

/** The Financial Range of an impact level of the register row, and the level's name, when both are known. */
function impactRange(scales: Scales, level: unknown) {
  const impact = scales.impact.find((l) => l.level === level);
  const range = impact ? parseFinancialRange(impact.financialRange) : undefined;
  return impact && range ? { impact, range } : undefined;
}

/** The loss range's median (√(Low × High)) must fall in the Financial Range of the risk's impact level. */
function rangeAgrees(row: RowView, label: string, report: Report, scales: Scales, estimate: { low: number; high: number }, level: unknown, where: string, impactHeader: string): void {
  const found = impactRange(scales, level);
  if (!found) return;
  const median = Math.sqrt(estimate.low * estimate.high);
  if (withinRange(median, found.range)) return;
  report(
    row,
    where,
    "loss-range-vs-impact",
    "warning",
    `${label}: the loss range ${amountText(estimate.low)} to ${amountText(estimate.high)} (median ${amountText(median)}) disagrees with its ${impactHeader} ` +
      `${found.impact.level} ${found.impact.label}, whose Financial Range on the Scales sheet is ${found.impact.financialRange}.`,
  );
}

const RISK_QUANT_RULES: readonly RowRule[] = [
  (row, label, report, { scales, tables }) => {
    const inherent = checkEstimateCells(row, label, report, INHERENT);
    const residual = inherent ? checkEstimateCells(row, label, report, RESIDUAL, inherent) : undefined;
    const register = tables.get(RISKS_TABLE.toLowerCase());
    const risk = register ? filledRowsById(register).get(row.text(QUANT.id).toLowerCase()) : undefined;
    if (register && row.text(QUANT.id) && !risk) report(row, QUANT.id, "missing-risk", "error", `${label}: risk ${row.text(QUANT.id)} is not in the Risk Register.`);
    if (inherent && risk) rangeAgrees(row, label, report, scales, inherent, risk.get(RISK.inherentImpact), QUANT.low, RISK.inherentImpact);
    const residualTyped = row.text(QUANT.residualLow) !== "" || row.text(QUANT.residualHigh) !== "";
    if (residual && risk && residualTyped) rangeAgrees(row, label, report, scales, residual, risk.get(RISK.residualImpact), QUANT.residualLow, RISK.residualImpact);
    if (inherent && residual) {
      const ale = annualLossExpectancy(inherent.frequency, inherent.low, inherent.high);
      const residualAle = annualLossExpectancy(residual.frequency, residual.low, residual.high);
      if (residualAle > ale * (1 + 1e-12)) {
        report(row, QUANT.residualAle, "residual-ale-above-ale", "warning", `${label}: Residual ALE ${amountText(residualAle)} is above the ALE ${amountText(ale)}: the treatment would make the risk costlier.`);
      }
    }
  },
];

const byIdCache = new WeakMap<object, Map<string, RowView>>();

/** The register's rows by lower-case Risk ID (built once per Check run). */
function filledRowsById(table: Parameters<typeof filledRows>[0]): Map<string, RowView> {
  let index = byIdCache.get(table);
  if (!index) {
    index = new Map(filledRows(table).map((r) => [r.text(RISK.id).toLowerCase(), r]));
    byIdCache.set(table, index);
  }
  return index;
}

export const RISK_QUANT: RegisterDeclaration = {
  key: "riskQuant",
  noun: "quantified risk",
  table: RISK_QUANT_TABLE,
  keyColumn: QUANT.id,
  sheet: {
    key: "riskQuant",
    name: RISK_QUANT_SHEET,
    tabColor: "#548235",
    title: "Risk quantification",
    subtitle:
      "One row per risk of the Risk Register. Type events per year and a 90% range of one event's loss (Low = 5th percentile, High = 95th): " +
      "ALE = frequency x the mean of that lognormal. A blank residual input means the treatment leaves it unchanged. " +
      "Annual Treatment Cost = one-off / Amortise Years + annual; ROSI = (Reduction - Annual Treatment Cost) / Annual Treatment Cost. " +
      "Quantify (task pane or `ismp quantify`) simulates the portfolio onto the Loss Exceedance sheet.",
    freezeColumns: 2,
  },
  fields: ({ currency }) => riskQuantFields(currency),
  seedRows: ({ sample, scales, today }) => (sample ? sampleRiskQuant(sampleRisks(scales.size, today), scales) : []),
  rules: RISK_QUANT_RULES,
};
