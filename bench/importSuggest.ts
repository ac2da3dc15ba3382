/** #15: importing a large CSV, and the quality of the mapping suggestions (leave-one-out on the library). */
import { parseCsvGrid } from "../src/core/import";
import { CONTROL_LIBRARY } from "../src/core/controls";
import { assessableRequirements } from "../src/core/catalogs";
import { FRAMEWORK_KEYS, FrameworkKey } from "../src/core/frameworkKeys";
import { mappedIds, measureSuggestions } from "../src/core/suggest/suggestMappings";
import { importIntoRegister } from "../src/excel/importRegister";
import { createSyncCounter } from "../src/excel/syncCounter";
import { run } from "../src/headless";
import { atLeast, atMost, below, measured, timed, type Measurement } from "./measurement";
import { builtWorkbook, sampleOptions } from "./workbooks";

const ROWS = 10_000;

function riskCsv(rows: number): string {
  const lines = ["Risk ID,Risk Title,Likelihood,Impact,Owner,Treatment,Date Identified,Assets,Description"];
  for (let i = 1; i <= rows; i++) {
    lines.push(`IMP-${i},Imported risk ${i},${["L", "M", "H"][i % 3]},${(i % 5) + 1},Owner ${i % 23},${["Reduce", "Accept", "Transfer"][i % 3]},${(i % 28) + 1}/11/2026,,"Risk ${i}, imported from another register, with a description of typical length"`);
  }
  return lines.join("\n");
}

export async function measureImport(): Promise<Measurement[]> {
  const workbook = await builtWorkbook(sampleOptions("saas"));
  const grid = parseCsvGrid(riskCsv(ROWS));
  workbook.stats.reset();
  const sync = createSyncCounter();
  const { result, ms, cpuMs } = await timed(() =>
    run(workbook, (context) => importIntoRegister(context, { register: "Risks", sourceName: "risks.csv", grid, choices: { mode: "add" }, apply: true }, sync)),
  );
  if (result.written?.added !== ROWS) throw new Error(`imported ${result.written?.added ?? 0} of ${ROWS} rows`);
  return [
    measured(`Import ${ROWS.toLocaleString("en")} CSV rows (preview + write): syncs`, sync.count, "", atMost(5)),
    measured("  … largest request", workbook.stats.largestRequestBytes, "bytes", below(5 * 1024 * 1024, "5 MB")),
    measured("  … wall time, headless", Math.round(ms), "ms", atMost(10_000)),
    measured("  … CPU time", Math.round(cpuMs), "ms"),
  ];
}

/** The best precision@5 any ranking could reach: a control with two true mappings can hit at most two of five. */
function bestPrecisionAt5(framework: FrameworkKey): number {
  const leaves = new Set(assessableRequirements(framework).map((r) => r.id));
  const sizes = CONTROL_LIBRARY.map((c) => mappedIds(c, framework).filter((id) => leaves.has(id)).length).filter((n) => n > 0);
  return sizes.reduce((sum, n) => sum + Math.min(n, 5) / 5, 0) / sizes.length;
}

const TARGETED: readonly FrameworkKey[] = ["ISO27001", "NISTCSF", "SOC2"];

export function measureSuggestionQuality(): Measurement[] {
  return FRAMEWORK_KEYS.flatMap((key) => {
    const quality = measureSuggestions(key);
    const targeted = TARGETED.includes(key);
    const bound = bestPrecisionAt5(key);
    return [
      { ...measured(`${key}: precision@5 (${quality.controls} controls)`, round(quality.precisionAt5), "", targeted ? atLeast(0.4) : undefined), note: `the best any ranking can reach here is ${round(bound)}` },
      measured(`${key}: recall@5`, round(quality.recallAt5), "", targeted ? atLeast(0.5) : undefined),
    ];
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
