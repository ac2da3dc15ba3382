/** SUM, MAX, MIN, LARGE, COUNT, COUNTA, SUMPRODUCT, ROUND, ABS. */
import { type Scalar, type Value, DIV0, NUM, VALUE, isArray, isError, isRef, toNumber } from "../values";
import { type CallContext, type FormulaFunction, eager, elementwise } from "./types";

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

const aggregate = (reduce: (numbers: number[]) => number): FormulaFunction =>
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

/** Half away from zero, as Excel rounds; toPrecision hides binary noise such as 1.005 * 100. */
function round(value: number, digits: number): number {
  const factor = Math.pow(10, Math.trunc(digits));
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

const numeric = (fn: (...numbers: number[]) => Scalar) =>
  elementwise((...args) => {
    const numbers = args.map((arg) => (arg === undefined ? 0 : toNumber(arg)));
    const error = numbers.find(isError);
    return error ?? fn(...(numbers as number[]));
  });

/** LARGE(values, k): the k-th largest number (text and blanks skipped); #NUM! outside 1..count. */
const LARGE = eager((values, call) => {
  const numbers = numbersOf([values[0]], call);
  if (!Array.isArray(numbers)) return numbers;
  const k = toNumber(call.evaluator.scalar(values[1], call.at));
  if (isError(k)) return k;
  const rank = Math.ceil(k);
  if (rank < 1 || rank > numbers.length) return NUM;
  return [...numbers].sort((a, b) => b - a)[rank - 1];
});

export const aggregateFunctions: Record<string, FormulaFunction> = {
  LARGE,
  SUM: aggregate((numbers) => numbers.reduce((sum, n) => sum + n, 0)),
  MAX: aggregate((numbers) => (numbers.length === 0 ? 0 : Math.max(...numbers))),
  MIN: aggregate((numbers) => (numbers.length === 0 ? 0 : Math.min(...numbers))),
  AVERAGE: eager((values, call) => {
    const numbers = numbersOf(values, call);
    if (!Array.isArray(numbers)) return numbers;
    return numbers.length === 0 ? DIV0 : numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
  }),
  COUNT: eager((values, call) => itemsOf(values, call).filter((item) => typeof item === "number").length),
  COUNTA: eager((values, call) => itemsOf(values, call).filter((item) => item !== null).length),
  SUMPRODUCT,
  ROUND: numeric((value, digits) => round(value, digits ?? 0)),
  ABS: numeric((value) => Math.abs(value)),
};
