/**
 * `npm run bench [-- --no-build] [-- --only engine|pane|suggest|file] [-- --engine-sizes 1000,10000] [-- --baseline main]`: every performance
 * figure the issues set a target for, measured on the headless Excel host, the custom functions, the
 * production bundle, headless Chromium and LibreOffice's recalculation of large registers. `--baseline REF` also builds that
 * commit's bundle and alternates the first-render loads between it and this tree. Prints a table and writes bench.json at the
 * repo root; exits 1 when a figure misses its target.
 */
import { join } from "node:path";
import { ensureAddinBuild, ensureBaselineBuild, REPO_ROOT } from "./addinBuild";
import { measureAllFrameworksBuild, measureEmptyBuild, measureUpgrade } from "./build";
import { measureBundles } from "./bundle";
import { measureCalcOnNew, measureCalcOnWrite } from "./calcOnWrite";
import { measureCheck } from "./check";
import { ENGINE_SIZES, measureEngine } from "./engine";
import { measureFileLayer } from "./fileLayer";
import { measureFirstRender } from "./firstRender";
import { measureImport, measureSuggestionQuality } from "./importSuggest";
import { measureCoverage, measureRiskScore } from "./functions";
import { measureQuant } from "./quant";
import { measureNaiveWrite } from "./naive";
import { measureOtherOperations } from "./operations";
import { measured, timed, type Measurement } from "./measurement";
import { failures, formatTable, machineNote, writeBenchJson, type BenchSection } from "./report";
import { largeRegisterWorkbook, sampleOptions } from "./workbooks";
import type { HeadlessWorkbook } from "../src/headless";

const LARGE_REGISTER = { risks: 10_000, assets: 2_000 };
/**
 * The naive write runs on a fifth of the large register: the headless host's per-row cost grows with
 * the table, so 12,000 one-row syncs would take minutes. The ratio is what the figure is for.
 */
const NAIVE_REGISTER = { risks: 2_000, assets: 400 };

async function section(title: string, measure: () => Promise<Measurement[]> | Measurement[]): Promise<BenchSection> {
  process.stderr.write(`bench: ${title}\n`);
  try {
    return { title, measurements: await measure() };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { title, measurements: [{ name: "did not complete", value: null, unit: "", pass: false, note: `error: ${message}` }] };
  }
}

/** `--only engine` runs the LibreOffice section alone; `--engine-sizes 1000,10000` picks its sizes. */
function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const skipBuild = process.argv.includes("--no-build");
  const only = argument("--only");
  const engineSizes = argument("--engine-sizes")?.split(",").map(Number) ?? ENGINE_SIZES;
  const notes: string[] = [];
  const sections: BenchSection[] = [];
  const started = performance.now();
  if (only === "engine") {
    sections.push(await section("9. LibreOffice recalculation at scale (risks, a fifth as many assets)", () => measureEngine(engineSizes)));
    return report(sections, notes, started);
  }
  if (only === "suggest") {
    sections.push(await section("Mapping suggestions (#15): leave-one-out on the control library, top 5", measureSuggestionQuality));
    return report(sections, notes, started);
  }
  if (only === "file") {
    // The re-run through the host and the file layer's figures (upgrade, re-run, 300k shared strings) alone.
    const large = await rerunSection(sections);
    sections.push(await section(FILE_LAYER_TITLE, () => measureFileLayer(large)));
    return report(sections, notes, started);
  }

  if (only === "pane") {
    await paneSections(sections, notes, skipBuild);
    return report(sections, notes, started);
  }

  sections.push(await section("1. Build on an empty workbook (saas profile, sample data)", measureEmptyBuild));
  sections.push(await section("2. Build with all 8 frameworks", measureAllFrameworksBuild));

  const large = await rerunSection(sections);
  sections.push(await section("4. Naive writes (one sync per row) against batched", () => measureNaiveWrite(NAIVE_REGISTER)));
  sections.push(await section("5. Check on the large register", () => measureCheck(requireLarge(large))));
  sections.push(await section("Other task pane operations on the large register", () => measureOtherOperations(requireLarge(large))));
  sections.push(
    await section("Calculation on write (#17, after the other large-register figures: it fills the formula values): cached values computed just before the save, against the write itself", async () => [
      ...(await measureCalcOnNew()),
      ...(await measureCalcOnWrite("upgrade on 10k risks/2k assets", requireLarge(large))),
    ]),
  );
  sections.push(await section(FILE_LAYER_TITLE, () => measureFileLayer(large)));
  sections.push(await section("6. Custom functions", () => [...measureCoverage(), ...measureRiskScore()]));
  sections.push(await section("Risk in money: loss simulation and ISMP.ALE (#14)", measureQuant));
  sections.push(await section("Import (#15): a 10,000-row CSV into the risk register", measureImport));
  sections.push(await section("Mapping suggestions (#15): leave-one-out on the control library, top 5", measureSuggestionQuality));

  await paneSections(sections, notes, skipBuild);
  sections.push(await section("9. LibreOffice recalculation at scale (risks, a fifth as many assets)", () => measureEngine(engineSizes)));
  report(sections, notes, started);
}

const FILE_LAYER_TITLE = "File layer: ismp upgrade on real files, peak memory per process";

/** Section 3: builds the large register (kept for the sections after it) and re-runs the build on it. */
async function rerunSection(sections: BenchSection[]): Promise<HeadlessWorkbook | undefined> {
  let large: HeadlessWorkbook | undefined;
  sections.push(
    await section("3. Re-run (upgrade) on 10,000 risks and 2,000 assets", async () => {
      const setup = await timed(() => largeRegisterWorkbook(LARGE_REGISTER, sampleOptions("saas")));
      large = setup.result;
      return [measured("Setup: sample build + batched rows.add (not measured against a target)", setup.ms, "ms"), ...(await measureUpgrade(large))];
    }),
  );
  return large;
}

/** Sections 7 and 8 (`--only pane` runs them alone): the production bundle's sizes and the pane's first render. */
async function paneSections(sections: BenchSection[], notes: string[], skipBuild: boolean): Promise<void> {
  const build = ensureAddinBuild(skipBuild);
  notes.push(`Add-in bundle in ${build.dir}: ${build.how}`, ...build.errors.map((e) => `webpack: ${e}`));
  const baselineRef = argument("--baseline");
  const baseline = baselineRef ? ensureBaselineBuild(baselineRef) : undefined;
  if (baseline) notes.push(`Baseline bundle in ${baseline.dir}: ${baseline.how}`, ...baseline.errors.map((e) => `webpack (baseline): ${e}`));
  sections.push(await section("7. Bundle sizes (gzip level 9)", () => measureBundles(build.dir)));
  sections.push(await section("8. Task pane first render", () => measureFirstRender(build.dir, baseline)));
}

function report(sections: BenchSection[], notes: string[], started: number): void {
  notes.push(`Whole bench: ${((performance.now() - started) / 1000).toFixed(1)} s`, machineNote());
  console.log(formatTable(sections));
  console.log(`\n${notes.join("\n")}`);
  const jsonPath = join(REPO_ROOT, "bench.json");
  writeBenchJson(jsonPath, sections, notes);
  const failed = failures(sections);
  console.log(`\n${failed.length === 0 ? "All targets met." : `${failed.length} figure(s) missed their target.`} Written ${jsonPath}`);
  if (failed.length > 0) process.exitCode = 1;
}

function requireLarge(large: HeadlessWorkbook | undefined): HeadlessWorkbook {
  if (!large) throw new Error("the large register could not be built (see section 3)");
  return large;
}

void main();
