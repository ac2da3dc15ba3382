/** Reading typed cells the way the scaffolded formulas read them, for the calculated columns' TypeScript twins. */
import type { CellValue } from "../blueprint/types";
import { filledRows, RowView, TableData } from "../check/tableData";

/** A number typed in the cell; undefined when blank or text (the formulas' ="" guards and IFERROR). */
export function numberIn(row: RowView, header: string): number | undefined {
  const v = row.get(header);
  return typeof v === "number" ? v : undefined;
}

/** Lower-case, trimmed text of a cell: the way COUNTIFS and MATCH compare. */
export const folded = (row: RowView, header: string) => row.text(header).toLowerCase();

/**
 * INDEX(table[value], MATCH(key, table[keyColumn], 0)) inside IFERROR(…, ""): the first row whose
 * key matches (ignoring case), its value as the formula sees it (a blank cell is 0); undefined when
 * no row matches or the value is text.
 */
export function lookupNumber(tables: ReadonlyMap<string, TableData>, table: string, keyColumn: string, key: string, valueColumn: string): number | undefined {
  const data = tables.get(table.toLowerCase());
  if (!data || key === "") return undefined;
  const hit = filledRows(data).find((r) => r.text(keyColumn).toLowerCase() === key.toLowerCase());
  if (!hit) return undefined;
  const v: CellValue = hit.get(valueColumn);
  if (v === null || v === "") return 0;
  return typeof v === "number" ? v : undefined;
}

/** "" for a missing number, as the calculated columns show it. */
export const orBlank = (n: number | undefined): number | "" => (n === undefined ? "" : n);
