/**
 * LibreOffice recalculation of every upgraded corpus workbook (the corpus test recalculates a
 * selection; this script does all of them, one soffice run per file so one hang cannot hide the
 * rest). For each file of test/fixtures/corpus: `ismp upgrade` a copy, convert it with LibreOffice
 * headless (which recalculates on load), and look for error cells on the sheets the upgrade added.
 *
 *   npx tsx scripts/corpusRecalc.ts [--json out.json] [file.xlsx ...]
 *
 * Exit code 1 when a file does not open in LibreOffice or an ISMP sheet holds an error cell.
 */
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { readXlsx } from "../src/headless";
import { recalculate } from "./recalc";

export const CORPUS_DIR = resolve(__dirname, "../test/fixtures/corpus");

/**
 * Error cells (`Sheet!A1: #REF! formula`) on the sheets of a recalculated file that were not in
 * `sheetsBefore`: the sheets the upgrade added. ISMP.* custom functions run only where the add-in
 * is loaded (elsewhere Excel shows #NAME? too), so their cells are not counted.
 */
export async function errorCellsOnAddedSheets(recalculatedPath: string, sheetsBefore: ReadonlySet<string>): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(recalculatedPath);
  const added = workbook.worksheets.filter((sheet) => !sheetsBefore.has(sheet.name));
  if (added.length === 0) return ["no ISMP sheets found"];
  const found: string[] = [];
  for (const sheet of added) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : "";
        const value = (formula ? cell.result : cell.value) as unknown;
        if (value && typeof value === "object" && "error" in value && !/\bISMP\./i.test(formula ?? "")) {
          found.push(`${sheet.name}!${cell.address}: ${(value as { error: string }).error} ${formula}`);
        }
      }),
    );
  }
  return found;
}

export interface CorpusRecalcResult {
  file: string;
  outcome: "upgraded" | "refused";
  /** LibreOffice opened and converted the upgraded copy. */
  opened?: boolean;
  errors?: string[];
  upgradeMs?: number;
  recalcMs?: number;
  message?: string;
}

async function one(path: string, work: string): Promise<CorpusRecalcResult> {
  const file = basename(path);
  const copy = join(work, file);
  copyFileSync(path, copy);
  chmodSync(copy, 0o644);
  const sheetsBefore = new Set((await readXlsx(readFileSync(copy)).catch(() => null))?.sheets.map((s) => s.name) ?? []);
  const stderr: string[] = [];
  const started = performance.now();
  const code = await main(["upgrade", copy], { log: () => {}, error: (text) => stderr.push(text) });
  const upgradeMs = Math.round(performance.now() - started);
  if (code !== 0) return { file, outcome: "refused", upgradeMs, message: stderr.join(" ").slice(0, 200) };
  const recalcStarted = performance.now();
  try {
    const [recalculated] = await recalculate([copy], { outDir: join(work, "recalculated"), timeoutMs: 240_000 });
    const recalcMs = Math.round(performance.now() - recalcStarted);
    return { file, outcome: "upgraded", opened: true, errors: await errorCellsOnAddedSheets(recalculated, sheetsBefore), upgradeMs, recalcMs };
  } catch (error) {
    return { file, outcome: "upgraded", opened: false, upgradeMs, recalcMs: Math.round(performance.now() - recalcStarted), message: (error as Error).message.split("\n")[0] };
  }
}

async function cli(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: "string" } }, allowPositionals: true });
  const files = positionals.length > 0 ? positionals.map((p) => resolve(p)) : readdirSync(CORPUS_DIR).filter((n) => n.endsWith(".xlsx")).sort().map((n) => join(CORPUS_DIR, n));
  const work = mkdtempSync(join(tmpdir(), "ismp-corpus-recalc-"));
  const started = performance.now();
  const results: CorpusRecalcResult[] = [];
  try {
    for (const path of files) {
      const result = await one(path, work);
      results.push(result);
      const verdict = result.outcome === "refused" ? "refused" : !result.opened ? "DID NOT OPEN" : result.errors!.length === 0 ? "ok" : `${result.errors!.length} ERROR CELL(S)`;
      process.stdout.write(`${file(result)} ${verdict}${result.recalcMs !== undefined ? ` (upgrade ${result.upgradeMs} ms, LibreOffice ${result.recalcMs} ms)` : ""}\n`);
      for (const error of (result.errors ?? []).slice(0, 5)) process.stdout.write(`    ${error}\n`);
      if (result.message && result.outcome === "upgraded") process.stdout.write(`    ${result.message}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const upgraded = results.filter((r) => r.outcome === "upgraded");
  const opened = upgraded.filter((r) => r.opened);
  const clean = opened.filter((r) => r.errors!.length === 0);
  const summary = {
    files: results.length,
    upgraded: upgraded.length,
    refused: results.length - upgraded.length,
    openedInLibreOffice: opened.length,
    withoutErrorCells: clean.length,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  process.stdout.write(`\n${JSON.stringify(summary)}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ summary, results }, null, 2)}\n`);
  if (clean.length !== upgraded.length) process.exitCode = 1;
}

const file = (result: CorpusRecalcResult) => result.file.padEnd(44);

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`corpusRecalc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
