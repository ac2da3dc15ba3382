/** Loss thresholds for a loss exceedance curve: log-spaced, round numbers a reader can quote. */

/** Six steps a decade, close to evenly spaced on a log axis (10^(k/6) ≈ 1, 1.47, 2.15, 3.16, 4.64, 6.81). */
const STEPS_PER_DECADE = [1, 1.5, 2, 3, 5, 7] as const;
export const MAX_THRESHOLDS = 80;

/** Round thresholds from the decade at or below `from` to the decade at or above `to`. */
export function logThresholds(from: number, to: number): number[] {
  const low = Math.max(1, from);
  const high = Math.max(low * 10, to);
  const firstDecade = Math.floor(Math.log10(low));
  const lastDecade = Math.ceil(Math.log10(high));
  const thresholds: number[] = [];
  for (let decade = firstDecade; decade <= lastDecade && thresholds.length < MAX_THRESHOLDS; decade++) {
    for (const step of STEPS_PER_DECADE) {
      const value = step * 10 ** decade;
      if (decade === lastDecade && step > 1) break;
      thresholds.push(Math.round(value));
    }
  }
  return thresholds;
}

/** A tolerance curve through two points (loss, probability), straight on log-log axes. */
export interface TolerancePoint {
  loss: number;
  probability: number;
}

export const DEFAULT_TOLERANCE: readonly [TolerancePoint, TolerancePoint] = [
  { loss: 1_000_000, probability: 0.1 },
  { loss: 10_000_000, probability: 0.01 },
];

/** p(L) = p1 × (L / L1)^k with k = ln(p2 / p1) / ln(L2 / L1), at most 1. */
export function toleranceAt(loss: number, [first, second]: readonly [TolerancePoint, TolerancePoint]): number {
  const k = Math.log(second.probability / first.probability) / Math.log(second.loss / first.loss);
  return Math.min(1, first.probability * (loss / first.loss) ** k);
}
