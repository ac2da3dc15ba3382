/** #15: importing a large CSV, and the quality of the mapping suggestions (leave-one-out on the library). */
import { parseCsvGrid } from "../src/core/import";
import { CONTROL_LIBRARY } from "../src/core/controls";
import { assessableRequirements } from "../src/core/catalogs";
import { FRAMEWORK_KEYS, FrameworkKey } from "../src/core/frameworkKeys";
import { mappedIds, measureSuggestions, suggestionFloor } from "../src/core/suggest/suggestMappings";
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

/** The best precision of a full list of five any ranking could reach: a control with two true mappings can hit at most two of five. */
function bestPrecisionOfFive(framework: FrameworkKey): number {
  const leaves = new Set(assessableRequirements(framework).map((r) => r.id));
  const sizes = CONTROL_LIBRARY.map((c) => mappedIds(c, framework).filter((id) => leaves.has(id)).length).filter((n) => n > 0);
  return sizes.reduce((sum, n) => sum + Math.min(n, 5) / 5, 0) / sizes.length;
}

function meanMappings(framework: FrameworkKey): number {
  const leaves = new Set(assessableRequirements(framework).map((r) => r.id));
  const sizes = CONTROL_LIBRARY.map((c) => mappedIds(c, framework).filter((id) => leaves.has(id)).length).filter((n) => n > 0);
  return sizes.reduce((sum, n) => sum + n, 0) / sizes.length;
}

const TARGETED: readonly FrameworkKey[] = ["ISO27001", "NISTCSF", "SOC2"];

/**
 * precision@5 and recall@5 are over the suggestions the user is shown: up to five, those scoring at
 * least the framework's floor times the best. The full list of five (no floor) is reported beside
 * them, with the best precision any ranking could reach on it.
 */
export function measureSuggestionQuality(): Measurement[] {
  return FRAMEWORK_KEYS.flatMap((key) => {
    const quality = measureSuggestions(key);
    const withOthers = measureSuggestions(key, 5, suggestionFloor(key), true);
    const targeted = TARGETED.includes(key);
    return [
      { ...measured(`${key}: precision@5 of those shown (${quality.controls} controls)`, round(quality.precisionAt5), "", targeted ? atLeast(0.4) : undefined), note: `floor ${suggestionFloor(key)} × best; ${round(quality.shown)} shown on average` },
      measured(`${key}: recall@5 of those shown`, round(quality.recallAt5), "", targeted ? atLeast(0.5) : undefined),
      { ...measured(`${key}:   full list of five: precision`, round(quality.precisionOfFive), ""), note: `a control has ${round(meanMappings(key))} mappings on average; the best any ranking can reach is ${round(bestPrecisionOfFive(key))}` },
      measured(`${key}:   full list of five: recall`, round(quality.recallOfFive), ""),
      measured(`${key}:   first suggestion right (precision@1)`, round(quality.precisionAt1), ""),
      { ...measured(`${key}:   given its other frameworks' mappings: precision@5`, round(withOthers.precisionAt5), ""), note: "the control's mappings in the other frameworks known, as in a matrix mapped to one framework already" },
      measured(`${key}:   given its other frameworks' mappings: recall@5`, round(withOthers.recallAt5), ""),
    ];
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
