/**
 * Engine benchmark: workbooks of 1,000, 10,000 and 50,000 risks (a fifth as many assets) built on
 * the headless host, written to .xlsx and recalculated by LibreOffice (every formula, forced on
 * load); then the same file with every formula replaced by its value, as the floor (load, layout
 * and save without calculation). Times are the soffice process's wall time and its CPU time
 * (user + system): with other work on the machine, CPU time is the steadier figure, so the targets
 * are judged on it and both are reported.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import JSZip from "jszip";
import { REQUEST_PAYLOAD_LIMIT_BYTES } from "../src/headless";
import { createProfile, SOFFICE } from "../scripts/recalc";
import { REPO_ROOT } from "./addinBuild";
import type { EngineWorkbookFigures } from "./engineWorkbook";
import { atMost, below, measured, type Measurement } from "./measurement";

export const ENGINE_SIZES = [1_000, 10_000, 50_000] as const;
const TARGETS = { ratioAt10k: 3, growth1kTo10k: 12 } as const;
const TIMEOUT_MS = 45 * 60_000;

interface Conversion {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  output: string;
}

/** soffice --convert-to xlsx under /usr/bin/time: wall time, CPU time and peak memory of LibreOffice. */
export function convert(file: string, outDir: string): Conversion {
  mkdirSync(outDir, { recursive: true });
  const profile = createProfile("lo-bench-");
  try {
    const started = performance.now();
    const result = spawnSync("/usr/bin/time", ["-f", "ENGINE-CPU %U %S %M", SOFFICE, profile.arg, "--headless", "--norestore", "--calc", "--convert-to", "xlsx", "--outdir", outDir, file], {
      encoding: "utf8",
      timeout: TIMEOUT_MS,
    });
    const wallMs = performance.now() - started;
    const usage = /ENGINE-CPU (\S+) (\S+) (\d+)/.exec(result.stderr ?? "");
    if (result.error || result.status !== 0 || !usage) throw new Error(`LibreOffice could not convert ${file}: ${result.error?.message ?? result.stderr}`);
    return { wallMs, cpuMs: (Number(usage[1]) + Number(usage[2])) * 1000, peakRss: Number(usage[3]) * 1024, output: join(outDir, basename(file)) };
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

/** The recalculated file with every formula removed and its value kept: what loading costs without calculation. */
export async function valuesOnly(recalculated: string, target: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(recalculated));
  for (const name of Object.keys(zip.files)) {
    const isSheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
    const isTable = /^xl\/tables\/table\d+\.xml$/.test(name);
    if (!isSheet && !isTable) continue;
    const xml = await zip.file(name)!.async("string");
    const stripped = isSheet
      ? xml.replace(/<f\b[^>]*\/>/g, "").replace(/<f\b[^>]*>[\s\S]*?<\/f>/g, "")
      : xml.replace(/<calculatedColumnFormula\b[^>]*>[\s\S]*?<\/calculatedColumnFormula>/g, "");
    zip.file(name, stripped);
  }
  await writeCopy(zip, target);
}

/** Writes an edited copy of a workbook without its calculation chain, which the edit made stale. */
export async function writeCopy(zip: JSZip, target: string): Promise<void> {
  for (const name of Object.keys(zip.files)) if (name.includes("calcChain")) zip.remove(name);
  writeFileSync(target, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function buildInChild(risks: number, file: string): EngineWorkbookFigures {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(__dirname, "engineWorkbook.ts"), String(risks), file], {
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) throw new Error(`building ${risks} risks failed: ${result.error?.message ?? result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "") as EngineWorkbookFigures;
}

export interface EngineRun {
  figures: EngineWorkbookFigures;
  recalc: Conversion;
  floor: Conversion;
}

export async function runEngineSize(risks: number, dir: string): Promise<EngineRun> {
  process.stderr.write(`bench: engine ${risks.toLocaleString("en")} risks: build\n`);
  const file = join(dir, `risks-${risks}.xlsx`);
  const figures = buildInChild(risks, file);
  process.stderr.write(`bench: engine ${risks.toLocaleString("en")} risks: LibreOffice recalculation\n`);
  const recalc = convert(file, join(dir, "recalculated"));
  const floorFile = join(dir, `risks-${risks}-values.xlsx`);
  await valuesOnly(recalc.output, floorFile);
  process.stderr.write(`bench: engine ${risks.toLocaleString("en")} risks: floor (values only)\n`);
  const floor = convert(floorFile, join(dir, "floor"));
  // Each size's figures as soon as they exist: a 50k run takes most of an hour on a loaded machine.
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stderr.write(
    `bench: engine ${risks.toLocaleString("en")} risks: recalculation ${seconds(recalc.cpuMs)} CPU (${seconds(recalc.wallMs)} wall), ` +
      `floor ${seconds(floor.cpuMs)} CPU, ${(recalc.cpuMs / floor.cpuMs).toFixed(2)}×; largest request ${figures.buildLargestRequest.toLocaleString("en")} bytes (build), ` +
      `${figures.upgradeLargestRequest.toLocaleString("en")} bytes in ${figures.upgradeSyncs} syncs (upgrade)\n`,
  );
  return { figures, recalc, floor };
}

const label = (risks: number) => `${risks >= 1000 ? `${risks / 1000}k` : risks} risks`;

function sizeMeasurements({ figures, recalc, floor }: EngineRun): Measurement[] {
  const name = label(figures.risks);
  const ratio = recalc.cpuMs / floor.cpuMs;
  const limit = below(REQUEST_PAYLOAD_LIMIT_BYTES, "5 MB");
  return [
    measured(`${name}/${figures.assets.toLocaleString("en")} assets: build (sample build + batched rows.add), headless`, figures.buildMs, "ms"),
    measured(`${name}: peak memory of the build (process RSS)`, figures.buildPeakRss, "bytes"),
    measured(`${name}: write .xlsx`, figures.writeMs, "ms"),
    measured(`${name}: peak memory through the write (process RSS)`, figures.writePeakRss, "bytes"),
    measured(`${name}: file size`, figures.fileBytes, "bytes"),
    measured(`${name}: largest request of the build`, figures.buildLargestRequest, "bytes", limit),
    measured(`${name}: upgrade (re-run Build): round trips`, figures.upgradeSyncs, "syncs"),
    measured(`${name}: upgrade: largest request`, figures.upgradeLargestRequest, "bytes", limit),
    measured(`${name}: upgrade: headless wall time`, figures.upgradeMs, "ms"),
    measured(`${name}: LibreOffice full recalculation, CPU time`, recalc.cpuMs, "ms"),
    measured(`${name}: LibreOffice full recalculation, wall time`, recalc.wallMs, "ms"),
    measured(`${name}: floor (same file, values only), CPU time`, floor.cpuMs, "ms"),
    measured(`${name}: floor, wall time`, floor.wallMs, "ms"),
    measured(`${name}: LibreOffice peak memory, recalculation`, recalc.peakRss, "bytes"),
    measured(`${name}: LibreOffice peak memory, floor`, floor.peakRss, "bytes"),
    measured(`${name}: recalculation / floor (CPU)`, ratio, "×", figures.risks === 10_000 ? atMost(TARGETS.ratioAt10k) : undefined),
    measured(`${name}: recalculation / floor (wall)`, recalc.wallMs / floor.wallMs, "×"),
  ];
}

/** Section 9: every size, then the growth factors between them. */
export async function measureEngine(sizes: readonly number[] = ENGINE_SIZES): Promise<Measurement[]> {
  const dir = join(tmpdir(), "ismp-bench-engine");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const runs: EngineRun[] = [];
  const results: Measurement[] = [];
  for (const risks of sizes) {
    const run = await runEngineSize(risks, dir);
    runs.push(run);
    results.push(...sizeMeasurements(run));
  }
  for (let i = 1; i < runs.length; i++) {
    const [from, to] = [runs[i - 1], runs[i]];
    const span = `${label(from.figures.risks)} → ${label(to.figures.risks)}`;
    const sizeGrowth = to.figures.risks / from.figures.risks;
    const isFirst = from.figures.risks === 1_000 && to.figures.risks === 10_000;
    results.push(
      measured(`Growth ${span} (${sizeGrowth}× the data): recalculation CPU time`, to.recalc.cpuMs / from.recalc.cpuMs, "×", isFirst ? atMost(TARGETS.growth1kTo10k) : undefined),
      measured(`Growth ${span}: recalculation wall time`, to.recalc.wallMs / from.recalc.wallMs, "×"),
      measured(`Growth ${span}: floor CPU time`, to.floor.cpuMs / from.floor.cpuMs, "×"),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  return results;
}
