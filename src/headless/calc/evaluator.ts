/** Evaluates a formula syntax tree at a cell: references, names, structured references, operators, calls. */
import { type Rect, parseRect } from "../addresses";
import type { HeadlessWorkbook } from "../model/workbook";
import type { SheetModel } from "../model/sheet";
import type { TableModel } from "../model/table";
import { lookupFunction } from "./functions";
import { power } from "./functions/math";
import { type FormulaNode, parseFormula } from "./parser";
import { parseStructuredSpec, structuredRect } from "./structuredRefs";
import {
  type ArrayValue, type Scalar, type Value, type RefValue, CalcError, DIV0, NA, NAME, NUM, REF, VALUE,
  arrayOf, compareScalars, isArray, isError, isRef, toNumber, toText,
} from "./values";

/** Where a formula is being evaluated. */
export interface CellPosition {
  sheet: SheetModel;
  row: number;
  col: number;
}

/** What the evaluator needs from the recalculation: cell values (formulas computed on demand). */
export interface CellSource {
  read(sheet: SheetModel, row: number, col: number): Scalar;
  /** A whole-column rectangle cut down to the rows the sheet uses. */
  clip(sheet: SheetModel, rect: Rect): Rect;
  today(): Date;
  /** Says the formula being evaluated has no value the host can vouch for (a custom function, an unsupported one). */
  cannotCompute(reason: string): void;
  /** Runs `work`; the reason its result cannot be trusted, if any (kept with cached results so reuse says it again). */
  tracked<T>(work: () => T): { result: T; reason: string | undefined };
}

/** The add-in's custom functions (ISMP.COVERAGE, ...): only Excel, with the add-in loaded, computes them. */
const CUSTOM_FUNCTION_PREFIX = "ISMP.";

/** Why a call has no headless value (the reason counts are reported when files are written). */
export function unknownFunctionReason(name: string): string {
  const upper = name.toUpperCase().replace(/^_XLFN\./, "");
  return upper.startsWith(CUSTOM_FUNCTION_PREFIX) ? `custom function ${upper}` : `function ${upper} is not supported headlessly`;
}

/** Array items one recalculation keeps for reuse (about 100 MB at most). */
const ARRAY_CACHE_CELLS = 4_000_000;

export const UNREADABLE_FORMULA = "formula the calculator cannot parse";
export const ARRAY_RESULT = "array result in one cell";

const parsed = new Map<string, FormulaNode>();

/** Parses once per distinct formula text (filled-down table formulas share one tree). */
export function parseCached(formula: string): FormulaNode {
  let node = parsed.get(formula);
  if (!node) {
    node = parseFormula(formula);
    parsed.set(formula, node);
  }
  return node;
}

export class Evaluator {
  private readonly arrayResults = new Map<string, { value: Value; reason: string | undefined }>();
  private arrayCells = 0;
  private readonly identities = new Map<object, number>();
  private readonly tableColumns = new Map<TableModel, Map<string, number>>();
  /** Range contents read once per recalculation (every cell is final once read). */
  private readonly refGrids = new Map<string, { grid: Scalar[][]; reason: string | undefined }>();

  constructor(
    readonly workbook: HeadlessWorkbook,
    readonly cells: CellSource,
  ) {}

  /** The formula's result as one cell holds it: references and arrays give their top-left value. */
  evaluateCell(formula: string, at: CellPosition): Scalar {
    let node: FormulaNode;
    try {
      node = parseCached(formula);
    } catch {
      this.cells.cannotCompute(UNREADABLE_FORMULA);
      return NAME;
    }
    const value = this.evaluate(node, at);
    // Several values in one cell: Excel 2019 intersects each range with the formula's row, Excel 365
    // spills; either way the top-left item would be a guess.
    if (isArray(value) && !isSingleCell(value)) this.cells.cannotCompute(ARRAY_RESULT);
    return this.scalar(value, at);
  }

  evaluate(node: FormulaNode, at: CellPosition): Value {
    switch (node.type) {
      case "number":
      case "string":
      case "boolean":
        return node.value;
      case "error":
        return CalcError.of(node.code);
      case "missing":
        return null;
      case "ref":
        return this.reference(node.sheet, node.address, at);
      case "name":
        return this.name(node.name, at);
      case "structured":
        return this.structured(node.table, node.inner, at);
      case "unary":
        return this.map([this.evaluate(node.operand, at)], ([v]) => {
          const n = toNumber(v);
          return isError(n) || node.op === "+" ? n : -n;
        }, `unary${node.op}`);
      case "percent":
        return this.map([this.evaluate(node.operand, at)], ([v]) => {
          const n = toNumber(v);
          return isError(n) ? n : n / 100;
        }, "percent");
      case "binary":
        return this.binary(node.op, this.evaluate(node.left, at), this.evaluate(node.right, at));
      case "call": {
        const implementation = lookupFunction(node.name);
        if (implementation) return implementation(node.args, { evaluator: this, at });
        this.cells.cannotCompute(unknownFunctionReason(node.name));
        return NAME;
      }
    }
  }

  /**
   * A value reduced to one scalar: a single cell, or the implicit intersection of a range with the
   * formula's row (a column of cells) or column (a row of cells); no intersection is #VALUE!.
   */
  scalar(value: Value, at?: CellPosition): Scalar {
    if (isArray(value)) return value.rows[0]?.[0] ?? null;
    if (!isRef(value)) return value;
    const { rect, sheet } = value;
    let row = rect.r0;
    let col = rect.c0;
    if (at && rect.r0 !== rect.r1) {
      if (at.row < rect.r0 || at.row > rect.r1) return VALUE;
      row = at.row;
    }
    if (at && rect.c0 !== rect.c1) {
      if (at.col < rect.c0 || at.col > rect.c1) return VALUE;
      col = at.col;
    }
    return this.cells.read(sheet, row, col);
  }

  /** Any value as a grid of scalars (a scalar is 1×1). */
  grid(value: Value): Scalar[][] {
    if (isArray(value)) return value.rows;
    if (!isRef(value)) return [[value]];
    const key = refKey(value);
    let read = this.refGrids.get(key);
    if (!read) {
      const { result, reason } = this.cells.tracked(() => this.readGrid(value));
      read = { grid: result, reason };
      this.refGrids.set(key, read);
    } else if (read.reason !== undefined) this.cells.cannotCompute(read.reason);
    return read.grid;
  }

  private readGrid(value: RefValue): Scalar[][] {
    const rect = this.cells.clip(value.sheet, value.rect);
    const rows: Scalar[][] = [];
    for (let row = rect.r0; row <= rect.r1; row++) {
      const line: Scalar[] = [];
      for (let col = rect.c0; col <= rect.c1; col++) line.push(this.cells.read(value.sheet, row, col));
      rows.push(line);
    }
    return rows;
  }

  /**
   * Applies `fn` element-wise, broadcasting single rows/columns/cells; scalars in, scalar out.
   * `operation` (stable per operator or function) lets identical array computations within one
   * recalculation be reused: table formulas filled down repeat them row after row.
   */
  map(values: Value[], fn: (scalars: Scalar[]) => Scalar, operation?: object | string): Value {
    const multi = values.some((v) => (isArray(v) || isRef(v)) && !isSingleCell(v));
    if (!multi) return fn(values.map((v) => this.scalar(v)));
    const key = operation === undefined ? undefined : this.arrayKey(operation, values);
    const known = key === undefined ? undefined : this.arrayResults.get(key);
    if (known) {
      if (known.reason !== undefined) this.cells.cannotCompute(known.reason);
      return known.value;
    }
    const { result, reason } = this.cells.tracked(() => this.mapGrids(values, fn));
    const cells = result.rows.length * (result.rows[0]?.length ?? 0);
    // Arrays that differ row by row (a FIND of this row's ID over a whole column) are never reused:
    // past the budget only what is already kept is reused, so memory stays bounded.
    if (key !== undefined && this.arrayCells + cells <= ARRAY_CACHE_CELLS) {
      this.arrayResults.set(key, { value: result, reason });
      this.arrayCells += cells;
    }
    return result;
  }

  private mapGrids(values: Value[], fn: (scalars: Scalar[]) => Scalar): ArrayValue {
    const grids = values.map((v) => this.grid(v));
    const height = Math.max(...grids.map((g) => g.length));
    const width = Math.max(...grids.map((g) => g[0]?.length ?? 0));
    const rows: Scalar[][] = [];
    // One argument buffer for every element: this loop runs millions of times in a recalculation.
    const args: Scalar[] = new Array<Scalar>(grids.length);
    for (let r = 0; r < height; r++) {
      const line: Scalar[] = new Array<Scalar>(width);
      for (let c = 0; c < width; c++) {
        let outside = false;
        for (let i = 0; i < grids.length; i++) {
          const item = broadcastAt(grids[i], r, c);
          if (item === undefined) outside = true;
          else args[i] = item;
        }
        line[c] = outside ? NA : fn(args);
      }
      rows.push(line);
    }
    return arrayOf(rows);
  }

  private arrayKey(operation: object | string, values: Value[]): string {
    const parts = [typeof operation === "string" ? operation : `#${this.identity(operation)}`];
    for (const value of values) {
      if (isRef(value)) parts.push(refKey(value));
      else if (isArray(value)) parts.push(`a${this.identity(value)}`);
      else if (isError(value)) parts.push(`e${value.code}`);
      else parts.push(`${typeof value}:${String(value)}`);
    }
    return parts.join("|");
  }

  /**
   * Header positions, read once per table per recalculation (headers are constants). A name is
   * looked up as written first: lower-casing it on every structured reference was a cost of its own.
   */
  private readonly columnOf = (table: TableModel, name: string): number => {
    let columns = this.tableColumns.get(table);
    if (!columns) {
      columns = new Map(table.columnNames().map((header, index) => [header.toLowerCase(), index]));
      this.tableColumns.set(table, columns);
    }
    let index = columns.get(name);
    if (index === undefined) {
      index = columns.get(name.toLowerCase()) ?? -1;
      columns.set(name, index);
    }
    return index;
  };

  /** Tables by name as formulas spell it, found once per recalculation (the workbook's lookup lower-cases every table's name). */
  private readonly tablesByName = new Map<string, TableModel | undefined>();

  private tableNamed(name: string): TableModel | undefined {
    if (this.tablesByName.has(name)) return this.tablesByName.get(name);
    const table = this.workbook.getTable(name);
    this.tablesByName.set(name, table);
    return table;
  }

  private identity(object: object): number {
    let id = this.identities.get(object);
    if (id === undefined) {
      id = this.identities.size + 1;
      this.identities.set(object, id);
    }
    return id;
  }

  private binary(op: string, left: Value, right: Value): Value {
    if (op === ":") {
      if (!isRef(left) || !isRef(right) || left.sheet !== right.sheet) return VALUE;
      const a = left.rect;
      const b = right.rect;
      return { kind: "ref", sheet: left.sheet, rect: { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) } };
    }
    return this.map([left, right], ([a, b]) => applyOperator(op, a, b), op);
  }

  private reference(sheetName: string | undefined, address: string, at: CellPosition): Value {
    const sheet = sheetName === undefined ? at.sheet : this.workbook.getSheet(sheetName);
    const rect = parseRect(address);
    return sheet && rect ? { kind: "ref", sheet, rect } : REF;
  }

  private name(name: string, at: CellPosition): Value {
    const wanted = name.toLowerCase();
    const entry = at.sheet.names.find((n) => n.name.toLowerCase() === wanted) ?? this.workbook.getName(name);
    if (entry) {
      let node: FormulaNode;
      try {
        node = parseCached(entry.formula);
      } catch {
        this.cells.cannotCompute(UNREADABLE_FORMULA);
        return NAME;
      }
      return this.evaluate(node, at);
    }
    const table = this.workbook.getTable(name);
    return table ? { kind: "ref", sheet: table.sheet, rect: table.bodyRect } : NAME;
  }

  private structured(tableName: string, inner: string, at: CellPosition): Value {
    const table = tableName === ""
      ? this.workbook.tablesOn(at.sheet).find(({ rect }) => at.row >= rect.r0 && at.row <= rect.r1 && at.col >= rect.c0 && at.col <= rect.c1)
      : this.tableNamed(tableName);
    if (!table) return REF;
    const spec = parseStructuredSpec(inner);
    const rect = structuredRect(table, spec, at.sheet === table.sheet ? at.row : -1, this.columnOf);
    // [#This Row] outside the table's body is #VALUE!; a column that does not exist is #REF!.
    if (!rect) return spec.specials.includes("#this row") ? VALUE : REF;
    return { kind: "ref", sheet: table.sheet, rect } satisfies RefValue;
  }
}

const refKey = (ref: RefValue): string => `${ref.sheet.id}!${ref.rect.r0}:${ref.rect.c0}:${ref.rect.r1}:${ref.rect.c1}`;

export const isSingleCell = (value: Value): boolean =>
  isRef(value) ? value.rect.r0 === value.rect.r1 && value.rect.c0 === value.rect.c1 : isArray(value) ? value.rows.length === 1 && value.rows[0].length === 1 : true;

function broadcastAt(grid: Scalar[][], row: number, col: number): Scalar | undefined {
  const r = grid.length === 1 ? 0 : row;
  const line = grid[r];
  if (!line) return undefined;
  return line.length === 1 ? line[0] : line[col];
}

export function applyOperator(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case "&": {
      return (toText(a) as string) + (toText(b) as string);
    }
    case "=": return compareScalars(a, b) === 0;
    case "<>": return compareScalars(a, b) !== 0;
    case "<": return compareScalars(a, b) < 0;
    case ">": return compareScalars(a, b) > 0;
    case "<=": return compareScalars(a, b) <= 0;
    case ">=": return compareScalars(a, b) >= 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case "+": return x + y;
    case "-": return x - y;
    case "*": return x * y;
    case "/": return y === 0 ? DIV0 : x / y;
    case "^": return power(x, y);
  }
  return VALUE;
}
