/**
 * The normal and lognormal distributions: NORM.S.DIST NORM.S.INV NORM.DIST NORM.INV LOGNORM.DIST
 * LOGNORM.INV and their pre-2010 names (NORMSDIST NORMSINV NORMDIST NORMINV LOGNORMDIST LOGINV).
 * A probability outside (0, 1) or a standard deviation ≤ 0 is #NUM! (Excel's function reference).
 */
import { type Scalar, NUM, VALUE, isError, toBoolean, toNumber } from "../values";
import { type FormulaFunction, elementwise, numeric } from "./types";

const LN_SQRT_2PI = 0.9189385332046727;

/**
 * Φ(x): within ±3 by Marsaglia's Taylor series ("Evaluating the Normal Distribution", J. Stat.
 * Software 11(4), 2004; absolute error about 1e-16), beyond by the tail's continued fraction
 * (relative error about 1e-15, so tail probabilities and their quantiles stay exact); 0 or 1 past ±38.
 */
export function normalCdf(x: number): number {
  if (x < -38) return 0;
  if (x > 38) return 1;
  if (x <= -3) return normalTail(-x);
  if (x >= 3) return 1 - normalTail(x);
  let sum = x;
  let term = x;
  const square = x * x;
  for (let i = 3; ; i += 2) {
    term *= square / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * Math.exp(-0.5 * square - LN_SQRT_2PI);
}

/** Upper tail 1 - Φ(x) for x ≥ 3, by Laplace's continued fraction x + 1/(x + 2/(x + 3/…)). */
function normalTail(x: number): number {
  let fraction = x;
  for (let k = 100; k >= 1; k--) fraction = x + k / fraction;
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI) / fraction;
}

export const normalPdf = (x: number): number => Math.exp(-0.5 * x * x - LN_SQRT_2PI);

// Acklam's rational approximation (relative error 1.15e-9), then Halley steps on Φ.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹(p) for 0 < p < 1. */
export function normalInverse(p: number): number {
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  for (let step = 0; step < 2; step++) {
    // Φ(x) - p, from the smaller tail so that its error stays relative.
    const error = x < 0 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
    const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}

const probabilityInverse = (p: number, map: (z: number) => number): Scalar => (p <= 0 || p >= 1 ? NUM : map(normalInverse(p)));

/** A distribution function whose last argument says cumulative (TRUE) or density (FALSE); required unless a default is given. */
const distribution = (arity: number, fn: (numbers: number[], cumulative: boolean) => Scalar, cumulativeByDefault?: boolean): FormulaFunction =>
  elementwise((...args) => {
    const numbers: number[] = [];
    for (const arg of args.slice(0, arity)) {
      const number = toNumber(arg);
      if (isError(number)) return number;
      numbers.push(number);
    }
    if (numbers.length < arity) return VALUE;
    const flag = args[arity] === undefined ? cumulativeByDefault : toBoolean(args[arity]);
    if (flag === undefined) return VALUE;
    return isError(flag) ? flag : fn(numbers, flag);
  });

function normalDist([x, mean, sd]: number[], cumulative: boolean): Scalar {
  if (sd <= 0) return NUM;
  const z = (x - mean) / sd;
  return cumulative ? normalCdf(z) : normalPdf(z) / sd;
}

function lognormalDist([x, mean, sd]: number[], cumulative: boolean): Scalar {
  if (x <= 0 || sd <= 0) return NUM;
  const z = (Math.log(x) - mean) / sd;
  return cumulative ? normalCdf(z) : normalPdf(z) / (x * sd);
}

const standardNormalInverse = numeric((p) => probabilityInverse(p, (z) => z));
const normalInverseFn = numeric((p, mean, sd) => (sd <= 0 ? NUM : probabilityInverse(p, (z) => mean + sd * z)));
const lognormalInverse = numeric((p, mean, sd) => (sd <= 0 ? NUM : probabilityInverse(p, (z) => Math.exp(mean + sd * z))));

export const statisticsFunctions: Record<string, FormulaFunction> = {
  "NORM.S.DIST": distribution(1, ([z], cumulative) => (cumulative ? normalCdf(z) : normalPdf(z))),
  NORMSDIST: distribution(1, ([z]) => normalCdf(z), true),
  "NORM.S.INV": standardNormalInverse,
  NORMSINV: standardNormalInverse,
  "NORM.DIST": distribution(3, normalDist),
  NORMDIST: distribution(3, normalDist),
  "NORM.INV": normalInverseFn,
  NORMINV: normalInverseFn,
  "LOGNORM.DIST": distribution(3, lognormalDist),
  LOGNORMDIST: distribution(3, (numbers) => lognormalDist(numbers, true), true),
  "LOGNORM.INV": lognormalInverse,
  LOGINV: lognormalInverse,
};
