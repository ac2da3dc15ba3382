/**
 * What one RiskQuant row shows, from its typed cells: the same rules as the sheet's calculated
 * columns (blank where an input is missing or invalid; blank residual inputs take the inherent
 * value), for snapshots and the dashboard's figures computed without a spreadsheet engine.
 */
import { QUANT } from "../blueprint/riskQuantSheet";
import type { RowView } from "../check/tableData";
import { annualLossExpectancy } from "./lognormal";
import { annualTreatmentCost, rosi } from "./treatment";

export interface QuantRowFigures {
  ale?: number;
  residualAle?: number;
  reduction?: number;
  annualTreatmentCost?: number;
  rosi?: number;
}

const numberIn = (row: RowView, header: string): number | undefined => {
  const v = row.get(header);
  return typeof v === "number" ? v : undefined;
};

function aleOf(frequency: number | undefined, low: number | undefined, high: number | undefined): number | undefined {
  if (frequency === undefined || low === undefined || high === undefined || frequency < 0 || low <= 0 || high <= low) return undefined;
  return annualLossExpectancy(frequency, low, high);
}

export function quantRowFigures(row: RowView): QuantRowFigures {
  const orInherent = (typed: string, inherent: string) => (row.text(typed) === "" ? numberIn(row, inherent) : numberIn(row, typed));
  const ale = aleOf(numberIn(row, QUANT.frequency), numberIn(row, QUANT.low), numberIn(row, QUANT.high));
  const residualAle =
    ale === undefined
      ? undefined
      : aleOf(orInherent(QUANT.residualFrequency, QUANT.frequency), orInherent(QUANT.residualLow, QUANT.low), orInherent(QUANT.residualHigh, QUANT.high));
  const reduction = ale !== undefined && residualAle !== undefined ? ale - residualAle : undefined;
  const [oneOff, annual, years] = [numberIn(row, QUANT.oneOffCost), numberIn(row, QUANT.annualCost), numberIn(row, QUANT.amortiseYears)];
  const cost = oneOff === undefined && annual === undefined ? undefined : annualTreatmentCost({ oneOff: oneOff ?? 0, annual: annual ?? 0, amortiseYears: years });
  return { ale, residualAle, reduction, annualTreatmentCost: cost, rosi: reduction !== undefined && cost !== undefined ? rosi(reduction, cost) : undefined };
}

export interface MoneyTotals {
  inherentAle: number;
  residualAle: number;
  aleReduction: number;
  treatmentCost: number;
  /** (Σ reduction − Σ annual cost) ÷ Σ annual cost; undefined when nothing is spent. */
  portfolioRosi?: number;
}

/** Column sums as the dashboard's SUM formulas take them (blanks count nothing). */
export function moneyTotals(rows: readonly RowView[]): MoneyTotals {
  const figures = rows.map(quantRowFigures);
  const sum = (pick: (f: QuantRowFigures) => number | undefined) => figures.reduce((total, f) => total + (pick(f) ?? 0), 0);
  const aleReduction = sum((f) => f.reduction);
  const treatmentCost = sum((f) => f.annualTreatmentCost);
  return {
    inherentAle: sum((f) => f.ale),
    residualAle: sum((f) => f.residualAle),
    aleReduction,
    treatmentCost,
    portfolioRosi: rosi(aleReduction, treatmentCost),
  };
}
