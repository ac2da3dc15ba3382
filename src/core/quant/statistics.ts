/** Figures read off simulated annual losses: percentiles (VaR), exceedance probabilities, summary. */

/** The annual losses sorted ascending, for percentiles and exceedance by binary search. */
export class LossDistribution {
  private readonly sorted: Float64Array;
  private readonly total: number;

  constructor(annualLosses: Float64Array) {
    this.sorted = Float64Array.from(annualLosses).sort();
    this.total = annualLosses.reduce((sum, loss) => sum + loss, 0);
  }

  get years(): number {
    return this.sorted.length;
  }

  get mean(): number {
    return this.total / this.sorted.length;
  }

  get worst(): number {
    return this.sorted[this.sorted.length - 1];
  }

  /** The loss at cumulative probability p (0..1), interpolated between order statistics like PERCENTILE.INC. */
  percentile(p: number): number {
    const position = (this.sorted.length - 1) * Math.min(1, Math.max(0, p));
    const below = Math.floor(position);
    const above = Math.min(below + 1, this.sorted.length - 1);
    return this.sorted[below] + (this.sorted[above] - this.sorted[below]) * (position - below);
  }

  /** The annual loss exceeded with probability p: percentile(1 − p). */
  lossAt(probability: number): number {
    return this.percentile(1 - probability);
  }

  /** Share of years whose loss is above the threshold. */
  exceedance(threshold: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle] <= threshold) low = middle + 1;
      else high = middle;
    }
    return (this.sorted.length - low) / this.sorted.length;
  }
}

export interface LossSummary {
  expected: number;
  median: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  worst: number;
}

export function summarise(distribution: LossDistribution): LossSummary {
  return {
    expected: distribution.mean,
    median: distribution.percentile(0.5),
    p90: distribution.percentile(0.9),
    p95: distribution.percentile(0.95),
    p99: distribution.percentile(0.99),
    p999: distribution.percentile(0.999),
    worst: distribution.worst,
  };
}

/** Each risk's share of the total expected loss (0 when nothing is expected). */
export function shares(riskMeans: ArrayLike<number>): number[] {
  let total = 0;
  for (let i = 0; i < riskMeans.length; i++) total += riskMeans[i];
  return Array.from(riskMeans, (mean) => (total > 0 ? mean / total : 0));
}
