/**
 * Keeping every request under Excel on the web's 5 MB limit: commands are queued with their payload
 * counted, and a sync is made before the queue would pass the budget.
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
 */
import { CellValue } from "../core/blueprint/types";
import { SyncCounter } from "./syncCounter";

export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

export class Batcher {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sync: SyncCounter,
  ) {}

  /** Accounts for a command's payload, syncing first when it would push the request over budget. */
  async reserve(payload: unknown): Promise<void> {
    const size = payload === undefined ? 64 : JSON.stringify(payload).length + 64;
    if (this.bytes > 0 && this.bytes + size > REQUEST_BUDGET_BYTES) await this.flush();
    this.bytes += size;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    await this.sync(this.context);
  }
}

/** Splits rows into slices whose JSON stays under the budget. */
export function* rowSlices(rows: CellValue[][]): Generator<[number, CellValue[][]]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const size = JSON.stringify(rows[i]).length;
    if (i > start && bytes + size > REQUEST_BUDGET_BYTES / 2) {
      yield [start, rows.slice(start, i)];
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < rows.length) yield [start, rows.slice(start)];
}
