/**
 * Structured references as Excel displays them. Range.formulas returns the display form, whatever
 * spelling was written (support.microsoft.com, "Using structured references with Excel tables",
 * f5ed2452-2337-4f71-bed3-c8ae6d2b276e):
 * - `T[[#This Row],[Col]]` shows as `[@Col]`, or `[@[Col]]` when the header has a special character
 *   (a space included), and keeps its table name, `T[@Col]`, outside table T;
 * - `T[[Col]]` shows as `T[Col]` when the header's only special character is a space;
 * - inside table T itself, a reference to T drops the table name (`[Col]`, the Totals row example).
 * The stored text (and so the file and the calculator) keeps the spelling written; only reads change.
 */
import { matchingBracket } from "./calc/tokenizer";

/** Characters that force a column specifier into its own brackets (space aside, see displayColumn). */
const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

/** A formula with its structured references in display form; `hostTable` is the table of the formula's cell. */
export function displayFormula(formula: string, hostTable?: string): string {
  const key = `${hostTable ?? ""}\u0000${formula}`;
  let shown = cache.get(key);
  if (shown === undefined) {
    shown = rewrite(formula, hostTable);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, shown);
  }
  return shown;
}

const cache = new Map<string, string>();

function rewrite(formula: string, hostTable: string | undefined): string {
  if (!formula.startsWith("=") || !formula.includes("[")) return formula;
  let out = "";
  for (let at = 0; at < formula.length; ) {
    const char = formula[at];
    if (char === '"' || char === "'") {
      const end = quotedEnd(formula, at, char);
      out += formula.slice(at, end);
      at = end;
      continue;
    }
    if (char === "[") {
      const name = /[A-Za-z_\\][\w.\\]*$/.exec(out)?.[0] ?? "";
      const close = matchingBracket(formula, at);
      out = out.slice(0, out.length - name.length) + displayReference(name, formula.slice(at + 1, close), hostTable);
      at = close + 1;
      continue;
    }
    out += char;
    at++;
  }
  return out;
}

function quotedEnd(text: string, start: number, quote: string): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] !== quote) continue;
    if (text[at + 1] === quote) at++;
    else return at + 1;
  }
  return text.length;
}

function displayReference(table: string, inner: string, hostTable: string | undefined): string {
  const own = table === "" || (hostTable !== undefined && table.toLowerCase() === hostTable.toLowerCase());
  const prefix = own && hostTable !== undefined ? "" : table;
  const thisRow = /^\s*\[\s*#this\s+row\s*\]\s*,\s*\[((?:[^'\]]|'.)*)\]\s*$/i.exec(inner);
  if (thisRow) return `${prefix}[@${atColumn(thisRow[1])}]`;
  const at = /^\s*@\s*(?:\[((?:[^'\]]|'.)*)\]|((?:[^'\]]|'.)*))\s*$/.exec(inner);
  if (at) return `${prefix}[@${atColumn(at[1] ?? at[2])}]`;
  const single = /^\s*\[((?:[^'\]]|'.)*)\]\s*$/.exec(inner);
  if (single && !single[1].trim().startsWith("#")) return `${prefix}[${columnOnly(single[1])}]`;
  return `${prefix}[${inner}]`;
}

/** `Col` or `[Col Name]` after "@": brackets for any special character, a space included. */
function atColumn(escaped: string): string {
  const name = escaped.replace(/'(.)/g, "$1");
  return SPECIAL.test(name) || /\s/.test(name) ? `[${escaped}]` : escaped;
}

/** `Col Name` alone in brackets when its only special character is a space; `[Col$]` otherwise. */
function columnOnly(escaped: string): string {
  const name = escaped.replace(/'(.)/g, "$1");
  return SPECIAL.test(name) || /[\t\n\r]/.test(name) ? `[${escaped}]` : escaped;
}
