/**
 * Reads whole table bodies in slices, as few syncs as the response limit allows. Excel on the web
 * refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded; resource-limits-and-performance-
 * optimization#excel-add-ins), so each sync reads at most CELLS_PER_READ cells; when the cells are
 * longer than expected and Excel refuses anyway, the reads are halved and tried again (a read
 * changes nothing, so repeating it is safe).
 */
import { CellValue } from "../core/blueprint/types";
import { TableData } from "../core/check/tableData";
import { TableSnapshot } from "../core/plan/snapshot";
import { SyncCounter } from "./syncCounter";

/** About 4 MB of JSON at 70 bytes a cell: registers hold short text, dates and numbers. */
export const CELLS_PER_READ = 60_000;
export const ROWS_PER_READ = 4000;

interface Slice {
  table: TableSnapshot;
  offset: number;
  rows: number;
}

const cellsOf = (slice: Slice) => slice.rows * Math.max(1, slice.table.headers.length);

function slicesOf(table: TableSnapshot, budget: number): Slice[] {
  const perSlice = Math.max(1, Math.min(ROWS_PER_READ, Math.floor(budget / Math.max(1, table.headers.length))));
  const slices: Slice[] = [];
  for (let offset = 0; offset < table.bodyRows; offset += perSlice) slices.push({ table, offset, rows: Math.min(perSlice, table.bodyRows - offset) });
  return slices;
}

/** Slices from the front of the queue up to `budget` cells (always at least one). */
function nextBatch(queue: Slice[], budget: number): Slice[] {
  const batch = [queue.shift()!];
  let cells = cellsOf(batch[0]);
  while (queue.length > 0 && cells + cellsOf(queue[0]) <= budget) {
    cells += cellsOf(queue[0]);
    batch.push(queue.shift()!);
  }
  return batch;
}

function isResponseTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

export async function readTables(context: Excel.RequestContext, tables: TableSnapshot[], sync: SyncCounter): Promise<Map<string, TableData>> {
  const rows = new Map<string, CellValue[][]>(tables.map((t) => [t.name, new Array<CellValue[]>(t.bodyRows)]));
  let budget = CELLS_PER_READ;
  const queue = tables.flatMap((t) => slicesOf(t, budget));
  while (queue.length > 0) {
    const batch = nextBatch(queue, budget);
    const reads = batch.map((slice) => ({
      slice,
      range: context.workbook.worksheets
        .getItem(slice.table.sheet)
        .getRangeByIndexes(slice.table.headerRow + 1 + slice.offset, slice.table.firstColumn, slice.rows, slice.table.headers.length)
        .load("values"),
    }));
    try {
      await sync(context);
    } catch (error) {
      const single = batch.length === 1 && batch[0].rows === 1;
      if (!isResponseTooLarge(error) || single) throw error;
      budget = Math.max(1, Math.floor(Math.min(budget, batch.reduce((n, s) => n + cellsOf(s), 0)) / 2));
      queue.unshift(...batch.flatMap((slice) => split(slice, budget)));
      continue;
    }
    for (const { slice, range } of reads) {
      const target = rows.get(slice.table.name)!;
      (range.values as CellValue[][]).forEach((row, i) => (target[slice.offset + i] = row));
    }
  }
  return new Map(tables.map((t) => [t.name.toLowerCase(), { ...t, rows: rows.get(t.name)! }]));
}

/** A slice cut into pieces of at most `budget` cells (whole rows, at least one). */
function split(slice: Slice, budget: number): Slice[] {
  const perPiece = Math.max(1, Math.floor(budget / Math.max(1, slice.table.headers.length)));
  const pieces: Slice[] = [];
  for (let done = 0; done < slice.rows; done += perPiece) pieces.push({ table: slice.table, offset: slice.offset + done, rows: Math.min(perPiece, slice.rows - done) });
  return pieces;
}
