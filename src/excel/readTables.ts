/**
 * Reads whole table bodies in slices of rows, one sync per slice, so a large register never
 * produces a response over Excel on the web's 5 MB limit. Small tables take a single sync.
 */
import { CellValue } from "../core/blueprint/types";
import { TableData } from "../core/check/tableData";
import { TableSnapshot } from "../core/plan/snapshot";
import { SyncCounter } from "./syncCounter";

export const ROWS_PER_READ = 4000;

export async function readTables(context: Excel.RequestContext, tables: TableSnapshot[], sync: SyncCounter): Promise<Map<string, TableData>> {
  const rows = new Map<string, CellValue[][]>(tables.map((t) => [t.name, []]));
  const longest = Math.max(0, ...tables.map((t) => t.bodyRows));
  for (let offset = 0; offset < longest; offset += ROWS_PER_READ) {
    const slices = tables
      .filter((t) => t.bodyRows > offset)
      .map((t) => ({
        table: t,
        range: context.workbook.worksheets
          .getItem(t.sheet)
          .getRangeByIndexes(t.headerRow + 1 + offset, t.firstColumn, Math.min(ROWS_PER_READ, t.bodyRows - offset), t.headers.length)
          .load("values"),
      }));
    await sync(context);
    for (const { table, range } of slices) rows.get(table.name)!.push(...(range.values as CellValue[][]));
  }
  return new Map(tables.map((t) => [t.name.toLowerCase(), { ...t, rows: rows.get(t.name)! }]));
}
