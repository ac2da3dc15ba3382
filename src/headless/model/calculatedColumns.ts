/**
 * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" is on by default
 * and also acts on formulas written through Office.js: writing a different formula into each row of a
 * table column leaves the whole column holding one of them (office-js #5909 on Mac and the web,
 * #2093 on Windows, closed "by design"; #6745 for rows.add into a cleared table). Which formula wins
 * depends on the platform, so the host refuses such a write outright: no code can come to rely on it.
 * Writing one formula into an otherwise empty table column fills the whole column, as Excel does
 * (support.microsoft.com "Use calculated columns in an Excel table", 873fbac6).
 */
import type { Rect } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import type { SheetModel } from "./sheet";
import type { TableModel } from "./table";

/** A1 reference outside strings and brackets: optional $, 1-3 letters, optional $, row; not part of a name or call. */
const A1 = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;

/** Applies `edit` to the parts of a formula outside string literals and [ ] groups. */
function outsideLiterals(formula: string, edit: (part: string) => string): string {
  let out = "";
  let plain = "";
  for (let at = 0; at < formula.length; ) {
    const char = formula[at];
    if (char === '"' || char === "'" || char === "[") {
      out += edit(plain);
      plain = "";
      const end = char === "[" ? bracketEnd(formula, at) : quoteEnd(formula, at, char);
      out += formula.slice(at, end);
      at = end;
      continue;
    }
    plain += char;
    at++;
  }
  return out + edit(plain);
}

function quoteEnd(text: string, start: number, quote: string): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] !== quote) continue;
    if (text[at + 1] === quote) at++;
    else return at + 1;
  }
  return text.length;
}

function bracketEnd(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === "'") at++;
    else if (text[at] === "[") depth++;
    else if (text[at] === "]" && --depth === 0) return at + 1;
  }
  return text.length;
}

/** The formula with relative rows written as offsets from `row` (1-based), so filled-down copies compare equal. */
export function relativeFormula(formula: string, row: number): string {
  return outsideLiterals(formula, (part) =>
    part.replace(A1, (_m, d1: string, col: string, d2: string, r: string) => `${d1}${col.toUpperCase()}${d2 ? `$${r}` : `R[${Number(r) - row}]`}`),
  );
}

/** The formula filled down by `rows` rows: relative row numbers move, absolute ones stay. */
export function fillDown(formula: string, rows: number): string {
  return shiftFormula(formula, rows, 0);
}

/** The formula as it reads `rows` rows down and `cols` columns right: relative parts move, $-anchored ones stay. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return outsideLiterals(formula, (part) =>
    part.replace(A1, (_m, d1: string, col: string, d2: string, r: string) => {
      const column = d1 ? col : letters(number(col) + cols);
      const row = d2 ? r : String(Number(r) + rows);
      return `${d1}${column}${d2}${row}`;
    }),
  );
}

const number = (col: string): number => col.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function letters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const isFormula = (raw: unknown): raw is string => typeof raw === "string" && raw.length > 1 && raw.startsWith("=");

function bodyColumnsIn(tables: readonly TableModel[], sheet: SheetModel, rect: Rect): Array<{ table: TableModel; col: number; r0: number; r1: number }> {
  const columns: Array<{ table: TableModel; col: number; r0: number; r1: number }> = [];
  for (const table of tables) {
    if (table.sheet !== sheet || table.bodyRowCount === 0) continue;
    const body = table.bodyRect;
    const r0 = Math.max(body.r0, rect.r0);
    const r1 = Math.min(body.r1, rect.r1);
    if (r0 > r1) continue;
    for (let col = Math.max(body.c0, rect.c0); col <= Math.min(body.c1, rect.c1); col++) columns.push({ table, col, r0, r1 });
  }
  return columns;
}

/**
 * Before a write of `at(row, col)` over `rect`: refuses formulas that differ by row within one table
 * column, and returns what to fill afterwards (a column Excel would turn into a calculated column).
 */
export function planTableFormulas(
  tables: readonly TableModel[],
  sheet: SheetModel,
  rect: Rect,
  at: (row: number, col: number) => unknown,
): Array<{ table: TableModel; col: number; formula: string; row: number }> {
  const fills: Array<{ table: TableModel; col: number; formula: string; row: number }> = [];
  for (const { table, col, r0, r1 } of bodyColumnsIn(tables, sheet, rect)) {
    let first: { formula: string; row: number; form: string } | undefined;
    let allFormulas = true;
    // The same text as the row above reads the same cells only when it has no relative row (a
    // structured reference, an absolute address): then its form is the one already checked.
    let previous: { raw: string; rowFree: boolean } | undefined;
    for (let row = r0; row <= r1; row++) {
      const raw = at(row - rect.r0, col - rect.c0);
      if (!isFormula(raw)) {
        allFormulas = false;
        continue;
      }
      if (previous?.raw === raw && previous.rowFree) continue;
      const form = relativeFormula(raw, row + 1);
      previous = { raw, rowFree: form === relativeFormula(raw, row + 2) };
      if (!first) first = { formula: raw, row, form };
      else if (form !== first.form) {
        const header = String(sheet.cell(table.headerRow, col)?.value ?? "");
        throw new HeadlessOfficeError(
          "InvalidOperation",
          `The rows of ${table.name}[${header}] would get different formulas. Excel's AutoCorrect ("Fill formulas in tables to create ` +
            "calculated columns\", on by default, office-js #5909/#2093/#6745) turns a table column into one calculated column, so Excel " +
            "would keep only one of them. Write one formula per table column, or keep per-row formulas in a range that is not a table.",
        );
      }
    }
    if (!first || !allFormulas) continue;
    const body = table.bodyRect;
    let othersEmpty = true;
    for (let row = body.r0; row <= body.r1 && othersEmpty; row++) {
      if (row >= r0 && row <= r1) continue;
      const cell = sheet.cell(row, col);
      if (cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ""))) othersEmpty = false;
    }
    if (othersEmpty && (r0 > body.r0 || r1 < body.r1)) fills.push({ table, col, formula: first.formula, row: first.row });
  }
  return fills;
}

/** rows.add with different formulas in one column: the #6745 case, refused like any other such write. */
export function assertOneFormulaPerColumn(table: TableModel, rows: readonly unknown[][]): void {
  const columns = table.columnNames();
  columns.forEach((header, j) => {
    const forms = new Set(rows.flatMap((line, i) => (isFormula(line[j]) ? [relativeFormula(line[j] as string, i)] : [])));
    if (forms.size > 1) {
      throw new HeadlessOfficeError(
        "InvalidOperation",
        `The new rows of ${table.name}[${header}] hold different formulas; Excel's calculated-column AutoCorrect (office-js #6745) ` +
          "would give every row the last one. Write one formula per table column.",
      );
    }
  });
}

/** Fills each planned column's other body rows with its formula, filled down like Excel. */
export function fillCalculatedColumns(sheet: SheetModel, fills: ReturnType<typeof planTableFormulas>): void {
  for (const { table, col, formula, row } of fills) {
    const body = table.bodyRect;
    for (let r = body.r0; r <= body.r1; r++) {
      const cell = sheet.cell(r, col);
      if (cell?.formula !== undefined) continue;
      sheet.setCell(r, col, undefined, fillDown(formula, r - row));
    }
  }
}
