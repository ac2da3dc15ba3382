/** COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS, MINIFS: aggregates over the rows where every criterion holds. */
import { cellKeys, criterionKey, parseCriterion } from "../criteria";
import { type Scalar, type Value, DIV0, VALUE, isError } from "../values";
import { maxOf, minOf } from "./aggregate";
import { type CallContext, type FormulaFunction, eager, scalarArg } from "./types";

/** Flat positions (row * columns + column) of the cells filed under each criterion key, per grid. */
const indexes = new WeakMap<Scalar[][], Map<string, number[]>>();

function indexOf(grid: Scalar[][]): Map<string, number[]> {
  let index = indexes.get(grid);
  if (!index) {
    index = new Map();
    const columns = grid[0]?.length ?? 0;
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < columns; c++) {
        for (const key of cellKeys(grid[r][c])) {
          const positions = index.get(key);
          if (positions) positions.push(r * columns + c);
          else index.set(key, [r * columns + c]);
        }
      }
    }
    indexes.set(grid, index);
  }
  return index;
}

/**
 * Flattened items of `target` at the positions where each (range, criterion) pair matches; null on
 * a size mismatch. An equality criterion is looked up in an index of its range (built once per range
 * per recalculation), so a COUNTIFS per row over a large table costs its matches, not the table.
 */
function matchingItems(target: Value, pairs: Value[], call: CallContext): Scalar[] | null {
  const items = call.evaluator.grid(target);
  const rows = items.length;
  const columns = items[0]?.length ?? 0;
  const tests: { grid: Scalar[][]; matches: (cell: Scalar) => boolean }[] = [];
  let candidates: number[] | undefined;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const grid = call.evaluator.grid(pairs[i]);
    if (grid.length !== rows || (grid[0]?.length ?? 0) !== columns) return null;
    const criterion = scalarArg(pairs[i + 1], call);
    tests.push({ grid, matches: parseCriterion(criterion) });
    const key = criterionKey(criterion);
    if (key !== undefined) {
      const positions = indexOf(grid).get(key) ?? [];
      if (!candidates || positions.length < candidates.length) candidates = positions;
    }
  }
  const matched: Scalar[] = [];
  const holdsAt = (r: number, c: number) => tests.every((test) => test.matches(test.grid[r][c]));
  if (candidates) {
    for (const position of candidates) {
      const r = Math.floor(position / columns);
      const c = position - r * columns;
      if (holdsAt(r, c)) matched.push(items[r][c]);
    }
    return matched;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) if (holdsAt(r, c)) matched.push(items[r][c]);
  }
  return matched;
}

const conditional = (reduce: (items: Scalar[]) => Scalar, layout: "ifs" | "countifs" | "if"): FormulaFunction =>
  eager((values, call) => {
    let target: Value;
    let pairs: Value[];
    if (layout === "ifs") [target, pairs] = [values[0], values.slice(1)];
    else if (layout === "countifs") [target, pairs] = [values[0], values];
    else [target, pairs] = [values[2] ?? values[0], values.slice(0, 2)];
    if (pairs.length < 2 || pairs.length % 2 !== 0) return VALUE;
    const items = matchingItems(target, pairs, call);
    return items === null ? VALUE : reduce(items);
  });

const count = (items: Scalar[]) => items.length;

function numbersOrError(items: Scalar[]): number[] | Scalar {
  const error = items.find(isError);
  return error ?? items.filter((item): item is number => typeof item === "number");
}

const overNumbers = (reduce: (numbers: number[]) => number) => (items: Scalar[]): Scalar => {
  const numbers = numbersOrError(items);
  return Array.isArray(numbers) ? reduce(numbers) : numbers;
};

const sum = overNumbers((numbers) => numbers.reduce((total, n) => total + n, 0));
const max = overNumbers(maxOf);
const min = overNumbers(minOf);
const average = (items: Scalar[]): Scalar => {
  const numbers = numbersOrError(items);
  if (!Array.isArray(numbers)) return numbers;
  return numbers.length === 0 ? DIV0 : numbers.reduce((total, n) => total + n, 0) / numbers.length;
};

export const conditionalFunctions: Record<string, FormulaFunction> = {
  COUNTIF: conditional(count, "countifs"),
  COUNTIFS: conditional(count, "countifs"),
  SUMIF: conditional(sum, "if"),
  SUMIFS: conditional(sum, "ifs"),
  MAXIFS: conditional(max, "ifs"),
  MINIFS: conditional(min, "ifs"),
  AVERAGEIF: conditional(average, "if"),
  AVERAGEIFS: conditional(average, "ifs"),
};
