/** Structured references (Table[[#This Row],[Col]], Table[[A]:[B]], Table[#Headers], ...) to cell rectangles. */
import type { Rect } from "../addresses";
import type { TableModel } from "../model/table";
import { matchingBracket } from "./tokenizer";

type Special = "#all" | "#data" | "#headers" | "#totals" | "#this row";

export interface StructuredSpec {
  specials: Special[];
  /** First and last column name, when the reference names columns. */
  columns?: [string, string];
}

const parsedSpecs = new Map<string, StructuredSpec>();

/** Parses the text between a table reference's outer brackets (once per distinct text). */
export function parseStructuredSpec(inner: string): StructuredSpec {
  let spec = parsedSpecs.get(inner);
  if (!spec) {
    spec = parseSpec(inner);
    parsedSpecs.set(inner, spec);
  }
  return spec;
}

function parseSpec(inner: string): StructuredSpec {
  const spec: StructuredSpec = { specials: [] };
  const trimmed = inner.trim();
  if (trimmed.startsWith("@")) {
    // Excel's this-row shorthand: [@Col], [@[Col Name]], [@[A]:[B]], [@] (the whole row).
    const rest = trimmed.slice(1).trim();
    spec.specials.push("#this row");
    const columns = rest.startsWith("[") ? bracketedItems(rest).flat() : rest === "" ? [] : [unescape(rest)];
    if (columns.length > 0) spec.columns = [columns[0], columns[columns.length - 1]];
    return spec;
  }
  const items = inner.trimStart().startsWith("[") ? bracketedItems(inner) : [[unescape(inner)]];
  for (const item of items) {
    const special = item[0].trim().toLowerCase();
    if (item.length === 1 && special.startsWith("#")) spec.specials.push(special as Special);
    else if (item.length === 1 && special.startsWith("@")) {
      spec.specials.push("#this row");
      spec.columns = [item[0].slice(1), item[0].slice(1)];
    } else spec.columns = [item[0], item[item.length - 1]];
  }
  return spec;
}

/** "[A]:[B],[C]" → [["A","B"],["C"]]. */
function bracketedItems(inner: string): string[][] {
  const items: string[][] = [];
  let at = 0;
  while (at < inner.length) {
    const char = inner[at];
    if (char === "[") {
      const close = matchingBracket(inner, at);
      const name = unescape(inner.slice(at + 1, close));
      const previous = items[items.length - 1];
      if (inner.slice(0, at).trimEnd().endsWith(":") && previous) previous.push(name);
      else items.push([name]);
      at = close + 1;
    } else at++;
  }
  return items;
}

const unescape = (name: string): string => name.replace(/'(.)/g, "$1");

/** Zero-based column of a header name in a table, -1 when absent. */
export type ColumnLookup = (table: TableModel, name: string) => number;

/** The rectangle a spec names in `table`; null when it names nothing (#REF!), "this row" outside the body included. */
export function structuredRect(table: TableModel, spec: StructuredSpec, formulaRow: number, columnOf: ColumnLookup): Rect | null {
  const columns = columnSpan(table, spec, columnOf);
  if (!columns) return null;
  const rows = rowSpan(table, spec, formulaRow);
  if (!rows) return null;
  return { r0: rows[0], r1: rows[1], c0: columns[0], c1: columns[1] };
}

function columnSpan(table: TableModel, spec: StructuredSpec, columnOf: ColumnLookup): [number, number] | null {
  if (!spec.columns) return [table.rect.c0, table.rect.c1];
  const first = columnOf(table, spec.columns[0]);
  const last = columnOf(table, spec.columns[1]);
  if (first < 0 || last < 0) return null;
  return [table.rect.c0 + Math.min(first, last), table.rect.c0 + Math.max(first, last)];
}

/** Not a closure made per call: rowSpan runs for every structured reference evaluated (and tsx names each closure it creates). */
function has(spec: StructuredSpec, special: Special): boolean {
  return spec.specials.includes(special);
}

function rowSpan(table: TableModel, spec: StructuredSpec, formulaRow: number): [number, number] | null {
  const body = table.bodyRect;
  if (has(spec, "#this row")) return formulaRow >= body.r0 && formulaRow <= body.r1 ? [formulaRow, formulaRow] : null;
  if (has(spec, "#all")) return [table.rect.r0, table.rect.r1];
  const headers = has(spec, "#headers");
  const totals = has(spec, "#totals");
  const data = has(spec, "#data") || (!headers && !totals);
  if (totals && !table.showTotals) return headers || data ? [headers ? table.rect.r0 : body.r0, body.r1] : null;
  const first = headers ? table.rect.r0 : data ? body.r0 : table.rect.r1;
  const last = totals ? table.rect.r1 : data ? body.r1 : table.rect.r0;
  return first <= last ? [first, last] : null;
}
