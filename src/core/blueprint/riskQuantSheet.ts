/**
 * The Risk Quantification sheet: table `RiskQuant`, one row per quantified risk, keyed by the Risk
 * Register's Risk ID. The analyst types frequencies, 90% loss ranges and treatment costs; ALE,
 * reduction, annual treatment cost and ROSI are native calculated columns (Excel 2019+, LibreOffice
 * 7.4: LN, EXP and SUMPRODUCT only), so finance reads them without the add-in.
 */
import { moneyFormat } from "../quant/currency";
import { Z90 } from "../quant/lognormal";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { SCALE_TABLES } from "./scalesSheet";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { CellValue, ColumnSpec, SheetSpec, tableColumn, thisRow, ValidationSpec } from "./types";

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

function amount(what: string, min: number | string, rule: string): ValidationSpec {
  return {
    rule: { kind: "decimal", min, max: MAX_AMOUNT },
    error: { title: `Invalid ${what.toLowerCase()}`, message: `${what} must be ${rule}.` },
  };
}

const FREQUENCY: ValidationSpec = {
  rule: { kind: "decimal", min: 0, max: 100000 },
  prompt: { title: "Events per year", message: "Expected events per year, 0 or more: 0.1 is once in ten years, 12 is monthly." },
  error: { title: "Invalid frequency", message: "Frequency must be a number of events per year, 0 or more (0.1 = once in ten years)." },
};

const lowValidation = (what: string) =>
  amount(what, 0.01, "a loss above 0: the 5th percentile of one event's loss (95% of events cost more)");
const highValidation = (what: string, low: string) =>
  amount(what, `={row:${low}}`, `above ${low}: the 95th percentile of one event's loss (5% of events cost more)`);
const COST = (what: string) => amount(what, 0, "an amount, 0 or more");

export function riskQuantColumns(currency: string): ColumnSpec[] {
  const money = { width: widthFor(13), numberFormat: moneyFormat(currency) };
  const typedMoney = { ...money, horizontalAlignment: "Right" as const };
  const frequency = { width: widthFor(10), numberFormat: "0.00", horizontalAlignment: "Center" as const };
  return [
    {
      header: QUANT.id,
      width: widthFor(8),
      validation: {
        rule: { kind: "listFrom", source: `={col:${RISKS_TABLE}[${RISK.id}]}` },
        error: { title: "Unknown risk", message: "Risk ID must be a Risk ID from the Risk Register." },
      },
    },
    { header: QUANT.title, width: widthFor(28), wrapText: true, formula: FORMULAS.title },
    { header: QUANT.financialRange, width: widthFor(14), horizontalAlignment: "Center", formula: FORMULAS.financialRange },
    { header: QUANT.frequency, ...frequency, validation: FREQUENCY },
    { header: QUANT.low, ...typedMoney, validation: lowValidation(QUANT.low) },
    { header: QUANT.high, ...typedMoney, validation: highValidation(QUANT.high, QUANT.low) },
    { header: QUANT.ale, ...money, formula: FORMULAS.ale },
    { header: QUANT.residualFrequency, ...frequency, validation: FREQUENCY },
    { header: QUANT.residualLow, ...typedMoney, validation: lowValidation(QUANT.residualLow) },
    { header: QUANT.residualHigh, ...typedMoney, validation: highValidation(QUANT.residualHigh, QUANT.residualLow) },
    { header: QUANT.residualAle, ...money, formula: FORMULAS.residualAle },
    { header: QUANT.reduction, ...money, formula: FORMULAS.reduction },
    { header: QUANT.oneOffCost, ...typedMoney, validation: COST(QUANT.oneOffCost) },
    { header: QUANT.annualCost, ...typedMoney, validation: COST(QUANT.annualCost) },
    {
      header: QUANT.amortiseYears,
      width: widthFor(9),
      horizontalAlignment: "Center",
      validation: { rule: { kind: "whole", min: 1, max: 50 }, error: { title: "Invalid years", message: "Amortise Years must be a whole number of years from 1 to 50." } },
    },
    { header: QUANT.annualTreatmentCost, ...money, formula: FORMULAS.annualTreatmentCost },
    { header: QUANT.rosi, width: widthFor(8), numberFormat: "0%", horizontalAlignment: "Center", formula: FORMULAS.rosi },
    { header: QUANT.rank, width: widthFor(8), numberFormat: "0", horizontalAlignment: "Center", formula: rankFormula() },
  ];
}

export function riskQuantSheet(currency: string, sampleRows: ReadonlyArray<Record<string, CellValue>>): SheetSpec {
  return {
    key: "riskQuant",
    name: RISK_QUANT_SHEET,
    tabColor: "#548235",
    ownerTable: RISK_QUANT_TABLE,
    blocks: [
      { address: "A1", values: [["Risk quantification"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "One row per risk of the Risk Register. Type events per year and a 90% range of one event's loss (Low = 5th percentile, High = 95th): " +
            "ALE = frequency x the mean of that lognormal. A blank residual input means the treatment leaves it unchanged. " +
            "Annual Treatment Cost = one-off / Amortise Years + annual; ROSI = (Reduction - Annual Treatment Cost) / Annual Treatment Cost. " +
            "Quantify (task pane or `ismp quantify`) simulates the portfolio onto the Loss Exceedance sheet.",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [{ name: RISK_QUANT_TABLE, anchor: "A4", style: TABLE_STYLE, columns: riskQuantColumns(currency), seedRows: sampleRows, keyColumns: [QUANT.id] }],
    names: [],
    freeze: { rows: 4, columns: 2 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
