/**
 * Risk Quantification: ALE, Residual ALE, reduction, annual treatment cost, ROSI and the rank
 * helper, each against the closed form written out here, independently of src/core/quant.
 */
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { QUANT, RISK_QUANT_SHEET, RISK_QUANT_TABLE } from "../../../src/core/blueprint/riskQuantSheet";
import { SCALE_TABLES } from "../../../src/core/blueprint/scalesSheet";
import type { Scalar, TableRow } from "../engineWorkbook";
import { rowExpectations, type SheetCheck } from "./check";
import { text, type CheckContext } from "./context";

/** frequency × exp(μ + σ²/2) with μ = (ln L + ln H)/2 and σ = (ln H − ln L)/(2 × 1.6449). */
export function closedFormAle(frequency: number, low: number, high: number): number {
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * 1.6449);
  return frequency * Math.exp(mu + (sigma * sigma) / 2);
}

const isNumber = (v: Scalar): v is number => typeof v === "number";

function ale(frequency: Scalar, low: Scalar, high: Scalar): number | "" {
  if (!isNumber(frequency) || !isNumber(low) || !isNumber(high) || frequency < 0 || low <= 0 || high <= low) return "";
  return closedFormAle(frequency, low, high);
}

export interface ExpectedQuant {
  ale: number | "";
  residualAle: number | "";
  reduction: number | "";
  annualTreatmentCost: number | "";
  rosi: number | "";
}

/** What a row should show, from its typed cells only. */
export function expectedQuant(row: TableRow): ExpectedQuant {
  const value = (header: string) => row[header].value;
  const orInherent = (typed: string, inherent: string) => (value(typed) === "" ? value(inherent) : value(typed));
  const inherent = ale(value(QUANT.frequency), value(QUANT.low), value(QUANT.high));
  const residual =
    inherent === "" ? "" : ale(orInherent(QUANT.residualFrequency, QUANT.frequency), orInherent(QUANT.residualLow, QUANT.low), orInherent(QUANT.residualHigh, QUANT.high));
  const reduction = inherent === "" || residual === "" ? "" : inherent - residual;
  const [oneOff, annual, years] = [value(QUANT.oneOffCost), value(QUANT.annualCost), value(QUANT.amortiseYears)];
  const n = (v: Scalar) => (isNumber(v) ? v : 0);
  const annualCost = !isNumber(oneOff) && !isNumber(annual) ? "" : (n(years) > 0 ? n(oneOff) / n(years) : n(oneOff)) + n(annual);
  const rosi = reduction === "" || annualCost === "" || annualCost <= 0 ? "" : (reduction - annualCost) / annualCost;
  return { ale: inherent, residualAle: residual, reduction, annualTreatmentCost: annualCost, rosi };
}

/** Rank of each row's residual ALE: 1 for the highest, ties by row order; "" without one. */
export function expectedRanks(expected: readonly ExpectedQuant[]): Array<number | ""> {
  return expected.map((e, i) =>
    e.residualAle === ""
      ? ""
      : expected.filter((o, j) => o.residualAle !== "" && (o.residualAle > (e.residualAle as number) || (o.residualAle === e.residualAle && j < i))).length + 1,
  );
}

function lookups(context: CheckContext) {
  const risks = new Map(context.book.table(RISKS_TABLE).map((r) => [text(r[RISK.id].value), r]));
  const ranges = new Map(context.book.table(SCALE_TABLES.impact).map((r) => [r["Level"].value, text(r["Financial Range"].value)]));
  return { risks, ranges };
}

export const riskQuantCheck: SheetCheck = {
  sheet: RISK_QUANT_SHEET,
  expectations: (context) => {
    if (!context.book.hasTable(RISK_QUANT_TABLE)) return [];
    const rows = context.book.table(RISK_QUANT_TABLE);
    const { risks, ranges } = lookups(context);
    const expected = rows.map(expectedQuant);
    const ranks = expectedRanks(expected);
    return rowExpectations(RISK_QUANT_TABLE, rows, QUANT.id, (row) => {
      const i = rows.indexOf(row);
      const id = text(row[QUANT.id].value);
      const risk = risks.get(id);
      return {
        [QUANT.title]: id === "" ? "" : risk ? text(risk[RISK.title].value) : "",
        [QUANT.financialRange]: id === "" || !risk ? "" : (ranges.get(risk[RISK.inherentImpact].value) ?? ""),
        [QUANT.ale]: expected[i].ale,
        [QUANT.residualAle]: expected[i].residualAle,
        [QUANT.reduction]: expected[i].reduction,
        [QUANT.annualTreatmentCost]: expected[i].annualTreatmentCost,
        [QUANT.rosi]: expected[i].rosi,
        [QUANT.rank]: ranks[i],
      };
    });
  },
};
