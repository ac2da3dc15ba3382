/** INDEX, MATCH, ROW, ROWS, COLUMNS. */
import { isRef, isArray, type Scalar, type Value, NA, REF, VALUE, arrayOf, compareScalars, isError, toNumber } from "../values";
import { wildcardPattern } from "../criteria";
import { type CallContext, type FormulaFunction, eager, scalarArg } from "./types";

function dimensions(value: Value, call: CallContext): { rows: number; columns: number } {
  if (isRef(value)) return { rows: value.rect.r1 - value.rect.r0 + 1, columns: value.rect.c1 - value.rect.c0 + 1 };
  const grid = call.evaluator.grid(value);
  return { rows: grid.length, columns: grid[0]?.length ?? 0 };
}

/** Optional positive index argument: missing is `fallback`, 0 means "all". */
function indexArg(value: Value | undefined, call: CallContext, fallback: number): number | Scalar {
  if (value === undefined || value === null) return fallback;
  const number = toNumber(scalarArg(value, call));
  return isError(number) ? number : Math.trunc(number);
}

/** INDEX(area, row, [column]); row or column 0 is the whole column or row. On a reference it returns one. */
const INDEX = eager((values, call) => {
  const [area, rowArg, columnArg] = values;
  const { rows, columns } = dimensions(area, call);
  let row = indexArg(rowArg, call, 0);
  let column = indexArg(columnArg, call, 0);
  if (typeof row !== "number") return row;
  if (typeof column !== "number") return column;
  if (values.length < 3 && rows === 1 && columns > 1) [row, column] = [1, row];
  if (values.length < 3 && columns === 1) column = 1;
  if (row < 0 || column < 0 || row > rows || column > columns) return REF;
  const r0 = row === 0 ? 0 : row - 1;
  const r1 = row === 0 ? rows - 1 : row - 1;
  const c0 = column === 0 ? 0 : column - 1;
  const c1 = column === 0 ? columns - 1 : column - 1;
  if (isRef(area)) {
    const { rect } = area;
    return { kind: "ref", sheet: area.sheet, rect: { r0: rect.r0 + r0, r1: rect.r0 + r1, c0: rect.c0 + c0, c1: rect.c0 + c1 } };
  }
  const grid = call.evaluator.grid(area);
  const picked = grid.slice(r0, r1 + 1).map((line) => line.slice(c0, c1 + 1));
  return picked.length === 1 && picked[0].length === 1 ? picked[0][0] : arrayOf(picked);
});

/** MATCH(value, vector, [type]): 0 exact (wildcards in text), 1 largest ≤ value, -1 smallest ≥ value. */
const MATCH = eager((values, call) => {
  const wanted = scalarArg(values[0], call);
  if (isError(wanted)) return wanted;
  const grid = call.evaluator.grid(values[1]);
  if (grid.length > 1 && (grid[0]?.length ?? 0) > 1) return NA;
  const vector = grid.length === 1 ? grid[0] : grid.map((line) => line[0]);
  const type = values[2] === undefined || values[2] === null ? 1 : toNumber(scalarArg(values[2], call));
  if (isError(type)) return type;
  const position = type === 0 ? exactPosition(vector, wanted) : sortedPosition(vector, wanted, type > 0 ? 1 : -1);
  return position < 0 ? NA : position + 1;
});

function exactPosition(vector: Scalar[], wanted: Scalar): number {
  if (typeof wanted === "string" && /[*?~]/.test(wanted)) {
    const pattern = wildcardPattern(wanted);
    return vector.findIndex((item) => typeof item === "string" && pattern.test(item));
  }
  return vector.findIndex((item) => item !== null && sameKind(item, wanted) && compareScalars(item, wanted) === 0);
}

/** Linear equivalent of Excel's binary search on data sorted in `direction`. */
function sortedPosition(vector: Scalar[], wanted: Scalar, direction: 1 | -1): number {
  let best = -1;
  for (let i = 0; i < vector.length; i++) {
    const item = vector[i];
    if (item === null || isError(item) || !sameKind(item, wanted)) continue;
    if (compareScalars(item, wanted) * direction > 0) break;
    best = i;
  }
  return best;
}

const sameKind = (a: Scalar, b: Scalar): boolean => typeof a === typeof b;

/** ROW(): the formula's own row; ROW(ref): the first row of the reference (1-based). */
const ROW: FormulaFunction = (args, call) => {
  if (args.length === 0) return call.at.row + 1;
  const value = call.evaluator.evaluate(args[0], call.at);
  return isRef(value) ? value.rect.r0 + 1 : isError(value) ? value : VALUE;
};

export const lookupFunctions: Record<string, FormulaFunction> = {
  ROW,
  INDEX,
  MATCH,
  ROWS: eager((values, call) => (isRef(values[0]) || isArray(values[0]) ? dimensions(values[0], call).rows : isError(values[0]) ? values[0] : 1)),
  COLUMNS: eager((values, call) => (isRef(values[0]) || isArray(values[0]) ? dimensions(values[0], call).columns : isError(values[0]) ? values[0] : 1)),
};

