/**
 * Sample loss estimates for the sample risks, consistent with the workbook's scales: the loss range
 * sits inside the Financial Range of the risk's impact level, the frequency follows its likelihood
 * level, and treatment costs are sized against the reduction so the ROSI figures vary (some
 * treatments pay back, some do not).
 */
import type { Scales } from "../scales";
import { parseFinancialRange } from "../quant/financialRange";
import { annualLossExpectancy } from "../quant/lognormal";
import { RISK_SCENARIOS } from "./riskScenarios";
import type { SampleRow } from "./types";

/** Two significant figures: the precision of an analyst's estimate. */
export function roundEstimate(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** Events per year from 0.05 (lowest likelihood level) to 2 (highest), evenly on a log scale. */
export function sampleFrequency(level: number, size: number): number {
  return roundEstimate(0.05 * 40 ** ((level - 1) / (size - 1)));
}

/** A 90% loss range inside the impact level's Financial Range; `spread` in [0, 1) varies it per risk. */
export function sampleLossRange(level: number, scales: Scales, spread: number): [number, number] {
  const text = scales.impact.find((l) => l.level === level)?.financialRange ?? "";
  const range = parseFinancialRange(text) ?? {};
  const min = range.min ?? (range.max !== undefined ? range.max / 10 : 10_000);
  const max = range.max ?? min * 5;
  return [roundEstimate(min * (1 + 0.6 * spread)), roundEstimate(max * (1 - 0.3 * spread))];
}

const COST_RATIOS = [0.15, 0.35, 0.6, 1.4] as const;

function treatmentCosts(treatment: string, reduction: number, ale: number, position: number): Pick<SampleRow, "Treatment One-off Cost" | "Treatment Annual Cost" | "Amortise Years"> {
  const target = Math.max(Math.abs(reduction), ale * 0.1) * COST_RATIOS[position % COST_RATIOS.length];
  switch (treatment) {
    case "Mitigate":
      return { "Treatment One-off Cost": roundEstimate(target * 0.6 * 3), "Treatment Annual Cost": roundEstimate(target * 0.4), "Amortise Years": 3 };
    case "Transfer":
      return { "Treatment One-off Cost": 0, "Treatment Annual Cost": roundEstimate(target), "Amortise Years": null };
    case "Avoid":
      return { "Treatment One-off Cost": roundEstimate(target * 2), "Treatment Annual Cost": 0, "Amortise Years": 2 };
    default:
      return { "Treatment One-off Cost": null, "Treatment Annual Cost": null, "Amortise Years": null };
  }
}

/** One RiskQuant row per sample risk; `risks` are the sample register rows fitted to this matrix. */
export function sampleRiskQuant(risks: readonly SampleRow[], scales: Scales): SampleRow[] {
  return risks.map((risk, position) => {
    const spread = ((position * 37) % 10) / 10;
    const level = (header: string) => (typeof risk[header] === "number" ? (risk[header] as number) : undefined);
    const [inherentLikelihood, inherentImpact] = [level("Inherent Likelihood"), level("Inherent Impact")];
    const [residualLikelihood, residualImpact] = [level("Residual Likelihood"), level("Residual Impact")];
    const frequency = inherentLikelihood !== undefined ? sampleFrequency(inherentLikelihood, scales.size) : 0.1;
    const [low, high] = sampleLossRange(inherentImpact ?? 1, scales, spread);
    const assessed = residualLikelihood !== undefined && residualImpact !== undefined;
    const residualFrequency = assessed ? sampleFrequency(residualLikelihood, scales.size) : null;
    const [residualLow, residualHigh] = assessed ? sampleLossRange(residualImpact, scales, spread) : [null, null];
    const ale = annualLossExpectancy(frequency, low, high);
    const residualAle = assessed ? annualLossExpectancy(residualFrequency!, residualLow!, residualHigh!) : ale;
    const treatment = RISK_SCENARIOS[position]?.treatment ?? String(risk.Treatment ?? "");
    return {
      "Risk ID": risk["Risk ID"],
      // What the calculated Title column shows: never written (the formula is), it sizes the printed row.
      Title: risk.Title,
      "Annual Frequency": frequency,
      "Loss Low": low,
      "Loss High": high,
      "Residual Frequency": residualFrequency,
      "Residual Loss Low": residualLow,
      "Residual Loss High": residualHigh,
      ...treatmentCosts(treatment, ale - residualAle, ale, position),
    };
  });
}
