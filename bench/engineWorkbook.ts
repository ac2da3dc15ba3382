/**
 * Child process of the engine benchmark: builds one large register workbook, writes it to .xlsx and
 * re-runs the build on it (upgrade), reporting times, peak memory and request sizes as one JSON line.
 * A fresh process per size, so its peak resident memory belongs to this workbook alone.
 *
 *   npx tsx bench/engineWorkbook.ts <risks> <out.xlsx>
 */
import { writeFileSync } from "node:fs";
import { ASSET, ASSETS_TABLE } from "../src/core/blueprint/assetInventory";
import { RISK, RISKS_TABLE } from "../src/core/blueprint/riskRegister";
import { assetId } from "../src/core/sample/assets";
import { buildWorkbook } from "../src/excel/build";
import { run, writeXlsx } from "../src/headless";
import { timed } from "./measurement";
import { appendRows, BENCH_TODAY, builtWorkbook, headersOf, registerRows, sampleOptions, type Row } from "./workbooks";

export interface EngineWorkbookFigures {
  risks: number;
  assets: number;
  buildMs: number;
  /** Peak resident memory of the process after the build, and after the write too (bytes). */
  buildPeakRss: number;
  writePeakRss: number;
  writeMs: number;
  fileBytes: number;
  buildSyncs: number;
  buildLargestRequest: number;
  upgradeMs: number;
  upgradeSyncs: number;
  upgradeLargestRequest: number;
}

const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/**
 * Spreads the generated risks over the whole inventory (the sample rows all point at the first
 * few assets): risk i lists one or two assets, so each asset is listed by about ten risks.
 */
export function spreadAssetLinks(headers: string[], rows: Row[], firstPosition: number, assets: number): Row[] {
  const column = headers.indexOf(RISK.assetIds);
  return rows.map((row, i) => {
    const n = firstPosition + i;
    const ids = n % 3 === 0 ? assetId(n % assets) : `${assetId(n % assets)}; ${assetId((n * 37 + 11) % assets)}`;
    return row.map((value, c) => (c === column ? ids : value));
  });
}

async function main(): Promise<void> {
  const risks = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(risks) || risks <= 0 || !out) throw new Error("usage: tsx bench/engineWorkbook.ts <risks> <out.xlsx>");
  const assets = Math.round(risks / 5);
  const options = sampleOptions("saas");

  const build = await timed(async () => {
    const workbook = await builtWorkbook(options);
    const rows = registerRows(workbook, { risks, assets }, options);
    const existing = workbook.getTable(RISKS_TABLE)?.bodyRowCount ?? 0;
    const riskRows = spreadAssetLinks(headersOf(workbook, RISKS_TABLE), rows.risks, existing, assets);
    workbook.stats.reset();
    await run(workbook, async (context) => {
      await appendRows(context, ASSETS_TABLE, rows.assets);
      await appendRows(context, RISKS_TABLE, riskRows);
    });
    return workbook;
  });
  const workbook = build.result;
  const buildSyncs = workbook.stats.syncs;
  const buildLargestRequest = workbook.stats.largestRequestBytes;
  const buildPeakRss = peakRss();
  if (workbook.getTable(ASSETS_TABLE)?.bodyRowCount !== assets || !headersOf(workbook, ASSETS_TABLE).includes(ASSET.openHighRisks)) {
    throw new Error(`the build has ${workbook.getTable(ASSETS_TABLE)?.bodyRowCount} assets, not ${assets}`);
  }

  const write = await timed(() => writeXlsx(workbook));
  writeFileSync(out, write.result);
  const writePeakRss = peakRss();

  workbook.stats.reset();
  const upgrade = await timed(() => run(workbook, (context) => buildWorkbook(context, options, BENCH_TODAY)));

  const figures: EngineWorkbookFigures = {
    risks,
    assets,
    buildMs: build.ms,
    buildPeakRss,
    writePeakRss,
    writeMs: write.ms,
    fileBytes: write.result.byteLength,
    buildSyncs,
    buildLargestRequest,
    upgradeMs: upgrade.ms,
    upgradeSyncs: workbook.stats.syncs,
    upgradeLargestRequest: workbook.stats.largestRequestBytes,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`engineWorkbook: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
