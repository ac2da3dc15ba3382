/** Workbooks the measurements run on: fresh builds and a large register filled in the batched way. */
import { defaultOptions, type BuildOptions, type ProfileKey } from "../src/core/blueprint/options";
import { ASSET, ASSETS_TABLE } from "../src/core/blueprint/assetInventory";
import { RISK, RISKS_TABLE } from "../src/core/blueprint/riskRegister";
import { FRAMEWORK_KEYS } from "../src/core/frameworkKeys";
import { assetId } from "../src/core/sample/assets";
import { riskId } from "../src/core/sample/risks";
import { SAMPLE_REFERENCE_DATE, sampleAssets, sampleRisks, type SampleRow } from "../src/core/sample";
import { buildWorkbook } from "../src/excel/build";
import { createWorkbook, run, type HeadlessWorkbook } from "../src/headless";
import type { RequestContext } from "../src/excel/officeApi";

/** A table row as rows.add takes it: blanks are "", which Excel fills with a calculated column's formula. */
export type Row = Array<string | number>;

/** Fixed "today" so every run builds the same workbook. */
export const BENCH_TODAY = SAMPLE_REFERENCE_DATE;

export function sampleOptions(profile: ProfileKey): BuildOptions {
  return { ...defaultOptions(profile), sample: true, organisation: "Bench Ltd" };
}

export function allFrameworkOptions(): BuildOptions {
  return { ...sampleOptions("saas"), frameworks: [...FRAMEWORK_KEYS] };
}

export async function builtWorkbook(options: BuildOptions): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, (context) => buildWorkbook(context, options, BENCH_TODAY));
  return workbook;
}

export function headersOf(workbook: HeadlessWorkbook, table: string): string[] {
  const model = workbook.getTable(table);
  if (!model) throw new Error(`The build made no ${table} table`);
  return model.columnNames();
}

/**
 * `count` rows shaped like the sample rows (cycled), keyed from `firstPosition` on. Columns the
 * sample leaves out (calculated columns) get "", which Excel fills with the column's formula.
 */
export function generatedRows(headers: string[], samples: SampleRow[], count: number, firstPosition: number, key: { column: string; idOf: (position: number) => string }): Row[] {
  return Array.from({ length: count }, (_unused, i) => {
    const sample = samples[i % samples.length];
    return headers.map((header) => (header === key.column ? key.idOf(firstPosition + i) : (sample[header] ?? "")));
  });
}

/** Rows that bring the Risks and Assets tables of a sample build up to the wanted totals. */
export function registerRows(workbook: HeadlessWorkbook, totals: { risks: number; assets: number }, options: BuildOptions): { risks: Row[]; assets: Row[] } {
  const risksNow = workbook.getTable(RISKS_TABLE)?.bodyRowCount ?? 0;
  const assetsNow = workbook.getTable(ASSETS_TABLE)?.bodyRowCount ?? 0;
  return {
    risks: generatedRows(headersOf(workbook, RISKS_TABLE), sampleRisks(options.matrixSize, BENCH_TODAY), totals.risks - risksNow, risksNow, { column: RISK.id, idOf: riskId }),
    assets: generatedRows(headersOf(workbook, ASSETS_TABLE), sampleAssets(BENCH_TODAY), totals.assets - assetsNow, assetsNow, { column: ASSET.id, idOf: assetId }),
  };
}

/** Excel on the web rejects requests over 5 MB; stay well under it. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");

/** Consecutive slices of `rows` whose JSON stays under `limitBytes` each. */
export function chunksByPayload(rows: Row[], limitBytes = CHUNK_BYTES): Row[][] {
  const chunks: Row[][] = [];
  let current: Row[] = [];
  let bytes = 0;
  for (const row of rows) {
    const rowBytes = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + rowBytes > limitBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += rowBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The batched way: one table.rows.add with a 2D array per payload-sized chunk (one chunk for small
 * tables), a sync after each chunk. 10,000 sample-like risks are about 6 MB, over the 5 MB limit.
 */
export async function appendRows(context: RequestContext, table: string, rows: Row[]): Promise<void> {
  for (const chunk of chunksByPayload(rows)) {
    context.workbook.tables.getItem(table).rows.add(undefined, chunk);
    await context.sync();
  }
}

/** A sample build grown to `totals` rows with batched rows.add calls (not through the plan). */
export async function largeRegisterWorkbook(totals: { risks: number; assets: number }, options: BuildOptions): Promise<HeadlessWorkbook> {
  const workbook = await builtWorkbook(options);
  const rows = registerRows(workbook, totals, options);
  await run(workbook, async (context) => {
    await appendRows(context, ASSETS_TABLE, rows.assets);
    await appendRows(context, RISKS_TABLE, rows.risks);
  });
  return workbook;
}
