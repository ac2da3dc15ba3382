/**
 * Formulas are checked when written, as Excel checks them when they are entered:
 * - a syntax error (unbalanced parentheses, quotes or brackets, an operator with nothing after it,
 *   "=" alone) is refused: Excel does not store text it cannot parse as a formula;
 * - a structured reference to a table or column that does not exist is refused: Excel rejects a
 *   formula with an invalid structured reference ("Using structured references with Excel tables",
 *   support.microsoft.com f5ed2452; the plan creates every table before any formula that names it);
 * - an unknown defined name or function is accepted and evaluates to #NAME?, as in Excel.
 * Both refusals are InvalidArgument, the code Office.js gives a value it cannot take.
 */
import { matchingBracket } from "../calc/tokenizer";
import { parseStructuredSpec } from "../calc/structuredRefs";
import { HeadlessOfficeError } from "../errors";
import type { TableModel } from "./table";

/** Results by host table name, then by formula text (no key string built per cell: a table column repeats one long formula on every row). */
const checked = new Map<string, Map<string, string | null>>();
let checkedCount = 0;

/** Throws InvalidArgument when Excel would refuse `formula` in a cell of `hostTable` (or outside tables). */
export function checkFormula(formula: string, tables: readonly TableModel[], hostTable?: TableModel): void {
  const host = hostTable?.name ?? "";
  let inHost = checked.get(host);
  let problem = inHost?.get(formula);
  if (problem === undefined) {
    problem = findProblem(formula, tables, hostTable);
    if (checkedCount > 20_000) {
      checked.clear();
      checkedCount = 0;
      inHost = undefined;
    }
    if (!inHost) {
      inHost = new Map();
      checked.set(host, inHost);
    }
    inHost.set(formula, problem);
    checkedCount++;
  }
  if (problem) throw new HeadlessOfficeError("InvalidArgument", `Excel would refuse the formula ${formula}: ${problem}.`);
}

function findProblem(formula: string, tables: readonly TableModel[], hostTable?: TableModel): string | null {
  const text = formula.slice(1);
  if (text.trim() === "") return "there is nothing after =";
  let depth = 0;
  let last = "";
  for (let at = 0; at < text.length; ) {
    const char = text[at];
    if (char === '"' || char === "'") {
      const end = closing(text, at, char);
      if (end < 0) return `a ${char === '"' ? "text" : "sheet name"} quote is not closed`;
      at = end + 1;
      last = char;
      continue;
    }
    if (char === "[") {
      let close: number;
      try {
        close = matchingBracket(text, at);
      } catch {
        return "a [ is not closed";
      }
      const name = /[A-Za-z_\\][\w.\\]*$/.exec(text.slice(0, at))?.[0] ?? "";
      const problem = referenceProblem(name, text.slice(at + 1, close), tables, hostTable);
      if (problem) return problem;
      at = close + 1;
      last = "]";
      continue;
    }
    if (char === "{") {
      const close = text.indexOf("}", at);
      if (close < 0) return "a { is not closed";
      at = close + 1;
      last = "}";
      continue;
    }
    if (char === "(") depth++;
    if (char === ")" && --depth < 0) return "a ) has no matching (";
    if (!/\s/.test(char)) last = char;
    at++;
  }
  if (depth > 0) return "a ( is not closed";
  if (/[+\-*/^&=<>,(:]/.test(last)) return `it ends with "${last}"`;
  return null;
}

/** Index of the quote closing the one at `start` (doubled quotes escape), -1 when none. */
function closing(text: string, start: number, quote: string): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] !== quote) continue;
    if (text[at + 1] === quote) at++;
    else return at;
  }
  return -1;
}

function referenceProblem(name: string, inner: string, tables: readonly TableModel[], hostTable?: TableModel): string | null {
  const table = name === "" ? hostTable : tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!table) return name === "" ? "a structured reference without a table name is outside any table" : `there is no table ${name}`;
  const spec = parseStructuredSpec(inner);
  for (const column of spec.columns ?? []) {
    if (column.trim() === "") continue;
    if (table.columnIndexOf(column.trim()) < 0) return `table ${table.name} has no column "${column}"`;
  }
  return null;
}
