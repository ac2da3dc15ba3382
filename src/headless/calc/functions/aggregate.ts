/** SUM, MAX, MIN, AVERAGE, COUNT, COUNTA, COUNTBLANK, SUMPRODUCT, PRODUCT, MEDIAN, LARGE, SMALL, STDEV, VAR, PERCENTILE. */
import { type Scalar, type Value, DIV0, NUM, VALUE, isArray, isError, isRef, toNumber } from "../values";
import { type CallContext, type FormulaFunction, eager } from "./types";

/**
 * Numbers an aggregate sees: inside ranges and arrays only numbers count; a value typed directly as an
 * argument is coerced (TRUE is 1, "3" is 3, other text is #VALUE!).
 */
function numbersOf(values: Value[], call: CallContext): number[] | Scalar {
  const numbers: number[] = [];
  for (const value of values) {
    if (isRef(value) || isArray(value)) {
      for (const line of call.evaluator.grid(value)) {
        for (const item of line) {
          if (isError(item)) return item;
          if (typeof item === "number") numbers.push(item);
        }
      }
    } else if (value !== null) {
      const number = toNumber(value);
      if (isError(number)) return number;
      numbers.push(number);
    }
  }
  return numbers;
}

const aggregate = (reduce: (numbers: number[]) => Scalar): FormulaFunction =>
  eager((values, call) => {
    const numbers = numbersOf(values, call);
    return Array.isArray(numbers) ? reduce(numbers) : numbers;
  });

/** Every item of every argument (COUNT and COUNTA never fail on errors). */
function itemsOf(values: Value[], call: CallContext): Scalar[] {
  return values.flatMap((value) => call.evaluator.grid(value).flat());
}

/** SUMPRODUCT: arrays of one size multiplied element-wise and summed; non-numbers count as 0. */
const SUMPRODUCT = eager((values, call) => {
  const grids = values.map((value) => call.evaluator.grid(value));
  const rows = grids[0]?.length ?? 0;
  const columns = grids[0]?.[0]?.length ?? 0;
  if (grids.some((grid) => grid.length !== rows || grid.some((line) => line.length !== columns))) return VALUE;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let product = 1;
      for (const grid of grids) {
        const item = grid[r][c];
        if (isError(item)) return item;
        product *= typeof item === "number" ? item : 0;
      }
      total += product;
    }
  }
  return total;
});

const sumOf = (numbers: number[]): number => numbers.reduce((sum, n) => sum + n, 0);
/** MAX/MIN of no numbers is 0 (loops: spreading a whole column into Math.max overflows the stack). */
export const maxOf = (numbers: number[]): number => (numbers.length === 0 ? 0 : numbers.reduce((max, n) => (n > max ? n : max), -Infinity));
export const minOf = (numbers: number[]): number => (numbers.length === 0 ? 0 : numbers.reduce((min, n) => (n < min ? n : min), Infinity));

/** Sum of squared deviations over n - `lessDegrees` (1 for a sample, 0 for a population). */
function variance(numbers: number[], lessDegrees: 0 | 1): Scalar {
  if (numbers.length - lessDegrees <= 0) return DIV0;
  const mean = sumOf(numbers) / numbers.length;
  return numbers.reduce((sum, n) => sum + (n - mean) * (n - mean), 0) / (numbers.length - lessDegrees);
}

const sqrtOf = (value: Scalar): Scalar => (typeof value === "number" ? Math.sqrt(value) : value);

/** PERCENTILE.INC: linear interpolation between the closest ranks, k in [0, 1]. */
function percentile(numbers: number[], k: number): Scalar {
  if (numbers.length === 0 || k < 0 || k > 1) return NUM;
  const sorted = [...numbers].sort((a, b) => a - b);
  const rank = k * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}

/** LARGE/SMALL(array, k): the k-th largest/smallest; k outside 1..count is #NUM!. */
const kth = (order: 1 | -1): FormulaFunction =>
  eager((values, call) => {
    const numbers = numbersOf([values[0]], call);
    if (!Array.isArray(numbers)) return numbers;
    const k = toNumber(call.evaluator.scalar(values[1] ?? null, call.at));
    if (isError(k)) return k;
    const position = Math.ceil(k);
    if (position < 1 || position > numbers.length) return NUM;
    return [...numbers].sort((a, b) => order * (b - a))[position - 1];
  });

/** Blank cells and formulas that return "" (COUNTBLANK's documentation counts both). */
const isBlankLike = (item: Scalar) => item === null || item === "";

export const aggregateFunctions: Record<string, FormulaFunction> = {
  SUM: aggregate(sumOf),
  MAX: aggregate(maxOf),
  MIN: aggregate(minOf),
  AVERAGE: eager((values, call) => {
    const numbers = numbersOf(values, call);
    if (!Array.isArray(numbers)) return numbers;
    return numbers.length === 0 ? DIV0 : numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
  }),
  COUNT: eager((values, call) => itemsOf(values, call).filter((item) => typeof item === "number").length),
  COUNTA: eager((values, call) => itemsOf(values, call).filter((item) => item !== null).length),
  COUNTBLANK: eager((values, call) => itemsOf(values, call).filter(isBlankLike).length),
  PRODUCT: aggregate((numbers) => (numbers.length === 0 ? 0 : numbers.reduce((product, n) => product * n, 1))),
  MEDIAN: aggregate((numbers) => (numbers.length === 0 ? NUM : percentile(numbers, 0.5))),
  LARGE: kth(1),
  SMALL: kth(-1),
  "STDEV.S": aggregate((numbers) => sqrtOf(variance(numbers, 1))),
  STDEV: aggregate((numbers) => sqrtOf(variance(numbers, 1))),
  "STDEV.P": aggregate((numbers) => sqrtOf(variance(numbers, 0))),
  STDEVP: aggregate((numbers) => sqrtOf(variance(numbers, 0))),
  "VAR.S": aggregate((numbers) => variance(numbers, 1)),
  VAR: aggregate((numbers) => variance(numbers, 1)),
  "VAR.P": aggregate((numbers) => variance(numbers, 0)),
  VARP: aggregate((numbers) => variance(numbers, 0)),
  "PERCENTILE.INC": eager((values, call) => percentileOf(values, call)),
  PERCENTILE: eager((values, call) => percentileOf(values, call)),
  SUMPRODUCT,
};

function percentileOf(values: Value[], call: CallContext): Scalar {
  const numbers = numbersOf([values[0]], call);
  if (!Array.isArray(numbers)) return numbers;
  const k = toNumber(call.evaluator.scalar(values[1] ?? null, call.at));
  return isError(k) ? k : percentile(numbers, k);
}
