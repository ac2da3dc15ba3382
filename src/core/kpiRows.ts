/** Reading register rows for the KPIs' TypeScript twins: the rows of a table, matches the way COUNTIFS compares, shares and sums. */
import { filledRows, RowView, TableData } from "./check/tableData";
import type { ComputeContext } from "./registers/types";
import { numberIn } from "./registers/values";

export function rowsOf(context: ComputeContext, table: string): RowView[] {
  const data: TableData | undefined = context.tables.get(table.toLowerCase());
  return data ? filledRows(data) : [];
}
/** COUNTIFS(column, value): the same text, ignoring case. */
export const is = (row: RowView, header: string, value: string) => row.text(header).toLowerCase() === value.toLowerCase();
export const average = (values: number[]) => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined);
/** part ÷ whole; undefined (the formula's IFERROR "") when whole is 0. */
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);
/** SUMIFS: numbers only, blanks and text count 0. */
export const sum = (rows: RowView[], header: string) => rows.reduce((total, row) => total + (numberIn(row, header) ?? 0), 0);
export const defined = (values: Array<number | undefined>) => values.filter((v): v is number => v !== undefined);
