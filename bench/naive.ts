/**
 * The same register write done the way many add-ins do it: one row, one context.sync, repeat.
 * Deliberately naive; it exists only to be compared with the batched write in workbooks.ts.
 */
import { ASSETS_TABLE } from "../src/core/blueprint/assetInventory";
import { RISKS_TABLE } from "../src/core/blueprint/riskRegister";
import { run, type HeadlessWorkbook } from "../src/headless";
import { measured, timed, type Measurement } from "./measurement";
import { appendRows, builtWorkbook, registerRows, sampleOptions, type Row } from "./workbooks";
import type { RequestContext } from "../src/excel/officeApi";

export async function naiveAppendRows(context: RequestContext, table: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    context.workbook.tables.getItem(table).rows.add(undefined, [row]);
    await context.sync();
  }
}

type Writer = (context: RequestContext, table: string, rows: Row[]) => Promise<void>;

interface WriteCost {
  syncs: number;
  ms: number;
}

/** Grows a fresh sample build to `totals` with `write`; counts only the write. */
async function writeCost(write: Writer, totals: { risks: number; assets: number }): Promise<WriteCost> {
  const options = sampleOptions("saas");
  const workbook: HeadlessWorkbook = await builtWorkbook(options);
  const rows = registerRows(workbook, totals, options);
  workbook.stats.reset();
  const { ms } = await timed(() =>
    run(workbook, async (context) => {
      await write(context, ASSETS_TABLE, rows.assets);
      await write(context, RISKS_TABLE, rows.risks);
    }),
  );
  return { syncs: workbook.stats.syncs, ms };
}

/** Figure 4: batched against one-sync-per-row for the same rows. */
export async function measureNaiveWrite(totals: { risks: number; assets: number }): Promise<Measurement[]> {
  const batched = await writeCost(appendRows, totals);
  const naive = await writeCost(naiveAppendRows, totals);
  const label = `${totals.risks.toLocaleString("en")} risks + ${totals.assets.toLocaleString("en")} assets`;
  return [
    measured(`Write ${label}, batched: round trips`, batched.syncs, "syncs"),
    measured(`Write ${label}, batched: headless wall time`, batched.ms, "ms"),
    measured(`Write ${label}, naive (sync per row): round trips`, naive.syncs, "syncs"),
    measured(`Write ${label}, naive (sync per row): headless wall time`, naive.ms, "ms"),
    measured("Naive / batched: round trips", naive.syncs / batched.syncs, "×"),
    measured("Naive / batched: headless wall time", naive.ms / batched.ms, "×"),
  ];
}
