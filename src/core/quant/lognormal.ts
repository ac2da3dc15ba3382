/**
 * The loss of one event: a lognormal fitted to a 90% range (the analyst's Low is the 5th percentile,
 * High the 95th), as in Netflix riskquant and CISO Assistant.
 */

/**
 * z of the 95th percentile of the standard normal, rounded as the issue and the workbook's native
 * formulas state it (2 × 1.6449 in σ). The exact value, 1.6448536…, differs in the fifth digit; using
 * the same constant everywhere keeps the add-in's figures equal to the sheet's.
 */
export const Z90 = 1.6449;

export interface Lognormal {
  /** Mean of ln(loss). */
  mu: number;
  /** Standard deviation of ln(loss). */
  sigma: number;
}

/** μ = (ln Low + ln High) / 2, σ = (ln High − ln Low) / (2 × 1.6449). Expects 0 < low < high. */
export function lognormalFromRange(low: number, high: number): Lognormal {
  const lnLow = Math.log(low);
  const lnHigh = Math.log(high);
  return { mu: (lnLow + lnHigh) / 2, sigma: (lnHigh - lnLow) / (2 * Z90) };
}

/** E[loss] = exp(μ + σ² / 2). */
export function lognormalMean({ mu, sigma }: Lognormal): number {
  return Math.exp(mu + (sigma * sigma) / 2);
}

/** Annual loss expectancy: expected events per year × the mean loss per event. */
export function annualLossExpectancy(frequency: number, low: number, high: number): number {
  if (frequency === 0) return 0;
  return frequency * lognormalMean(lognormalFromRange(low, high));
}
