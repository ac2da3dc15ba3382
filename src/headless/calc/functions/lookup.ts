/** INDEX, MATCH, VLOOKUP, HLOOKUP, LOOKUP, ROW, COLUMN, ROWS, COLUMNS. */
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

/** Exact (0/FALSE) or approximate (sorted, the default) position of `wanted` in `vector`; -1 when absent. */
function positionIn(vector: Scalar[], wanted: Scalar, approximate: boolean): number {
  return approximate ? sortedPosition(vector, wanted, 1) : exactPosition(vector, wanted);
}

/** VLOOKUP / HLOOKUP: the first column (row) is searched, the n-th column (row) answers. */
const tableLookup = (byRows: boolean): FormulaFunction =>
  eager((values, call) => {
    const wanted = scalarArg(values[0], call);
    if (isError(wanted)) return wanted;
    const grid = call.evaluator.grid(values[1]);
    const index = toNumber(scalarArg(values[2] ?? null, call));
    if (isError(index)) return index;
    const approximate = values[3] === undefined || values[3] === null ? true : toBooleanArg(scalarArg(values[3], call));
    if (typeof approximate !== "boolean") return approximate;
    const n = Math.trunc(index);
    const width = byRows ? (grid[0]?.length ?? 0) : grid.length;
    if (n < 1) return VALUE;
    if (n > width) return REF;
    const keys = byRows ? grid.map((line) => line[0]) : grid[0] ?? [];
    const position = positionIn(keys, wanted, approximate);
    if (position < 0) return NA;
    return (byRows ? grid[position][n - 1] : grid[n - 1][position]) ?? 0;
  });

/** LOOKUP(value, vector, [result]): approximate match on sorted data; the array form searches the longer side. */
const LOOKUP = eager((values, call) => {
  const wanted = scalarArg(values[0], call);
  if (isError(wanted)) return wanted;
  const grid = call.evaluator.grid(values[1]);
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  const alongRow = columns > rows;
  const keys = alongRow ? grid[0] : grid.map((line) => line[0]);
  const position = sortedPosition(keys, wanted, 1);
  if (position < 0) return NA;
  if (values[2] === undefined) return alongRow ? grid[rows - 1][position] : grid[position][columns - 1];
  const result = call.evaluator.grid(values[2]);
  const vector = result.length === 1 ? result[0] : result.map((line) => line[0]);
  return vector[position] ?? NA;
});

const toBooleanArg = (value: Scalar): Scalar => {
  if (typeof value === "boolean") return value;
  const number = toNumber(value);
  return isError(number) ? number : number !== 0;
};

/**
 * ROW()/COLUMN(): the formula's own. ROW(ref)/COLUMN(ref): the reference's row or column numbers,
 * a vertical (horizontal) array when it spans several ("If reference is a range of cells … ROW
 * returns the row numbers of reference as a vertical array", ROW function, Microsoft Support), so
 * SUMPRODUCT((ROW(A1:A5)<3)*1) counts 2; a single cell takes the first as usual.
 */
const position = (pick: "row" | "col"): FormulaFunction => (args, call) => {
  if (args.length === 0) return (pick === "row" ? call.at.row : call.at.col) + 1;
  const value = call.evaluator.evaluate(args[0], call.at);
  if (!isRef(value)) return isError(value) ? value : VALUE;
  const { r0, r1, c0, c1 } = value.rect;
  if (pick === "row") return r1 > r0 ? arrayOf(Array.from({ length: r1 - r0 + 1 }, (_, i) => [r0 + i + 1])) : r0 + 1;
  return c1 > c0 ? arrayOf([Array.from({ length: c1 - c0 + 1 }, (_, i) => c0 + i + 1)]) : c0 + 1;
};

export const lookupFunctions: Record<string, FormulaFunction> = {
  INDEX,
  MATCH,
  VLOOKUP: tableLookup(true),
  HLOOKUP: tableLookup(false),
  LOOKUP,
  ROW: position("row"),
  COLUMN: position("col"),
  ROWS: eager((values, call) => (isRef(values[0]) || isArray(values[0]) ? dimensions(values[0], call).rows : isError(values[0]) ? values[0] : 1)),
  COLUMNS: eager((values, call) => (isRef(values[0]) || isArray(values[0]) ? dimensions(values[0], call).columns : isError(values[0]) ? values[0] : 1)),
};

