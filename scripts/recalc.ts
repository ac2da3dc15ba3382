/**
 * Recalculates .xlsx files in LibreOffice: Calc recalculates formulas on load and the converted
 * copy stores every formula's value. One soffice process converts all the files given (start-up
 * is most of the cost), with a private profile so parallel runs do not share a lock.
 *
 *   npx tsx scripts/recalc.ts --outdir out a.xlsx b.xlsx
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { pathToFileURL } from "node:url";

const run = promisify(execFile);

export const SOFFICE = "soffice";

export interface RecalcOptions {
  /** Directory the recalculated copies are written to (same file names as the inputs). */
  outDir: string;
  /** Upper bound for the whole soffice run. */
  timeoutMs?: number;
}

/** Recalculates `files` in one soffice run; returns the paths of the recalculated copies, in input order. */
export async function recalculate(files: readonly string[], options: RecalcOptions): Promise<string[]> {
  if (files.length === 0) return [];
  const names = files.map((file) => basename(file));
  if (new Set(names).size !== names.length) throw new Error(`recalc: input file names must be distinct (outputs share ${options.outDir})`);
  mkdirSync(options.outDir, { recursive: true });
  const profile = createProfile();
  try {
    await run(
      SOFFICE,
      [
        profile.arg,
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        "xlsx",
        "--outdir",
        options.outDir,
        ...files.map((file) => resolve(file)),
      ],
      { timeout: options.timeoutMs ?? 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
  const outputs = names.map((name) => join(options.outDir, name));
  const missing = outputs.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`recalc: LibreOffice wrote no output for ${missing.join(", ")}`);
  return outputs;
}

/**
 * Calc's "Recalculation on File Load" (Tools ▸ Options ▸ Calc ▸ Formula) set to "Always recalculate"
 * for Excel 2007+ and ODF files. Its default, "Never recalculate", keeps the cached values a file
 * carries (only formulas without one, and volatile ones such as TODAY(), are computed), so without
 * this the suite would read back the values the headless calculator cached instead of Calc's own.
 */
function alwaysRecalculateOnLoad(profile: string): void {
  const always = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${always("OOXMLRecalcMode")}\n${always("ODFRecalcMode")}\n</oor:items>\n`,
  );
}

/** A private profile (parallel runs share no lock) that always recalculates on load; remove `dir` after use. */
export function createProfile(prefix = "lo-profile-"): { dir: string; arg: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  alwaysRecalculateOnLoad(dir);
  return { dir, arg: `-env:UserInstallation=${pathToFileURL(dir).href}` };
}

async function cli(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { outdir: { type: "string" } }, allowPositionals: true });
  if (!values.outdir || positionals.length === 0) {
    process.stderr.write("usage: tsx scripts/recalc.ts --outdir <dir> <file.xlsx>...\n");
    process.exitCode = 2;
    return;
  }
  for (const path of await recalculate(positionals, { outDir: values.outdir })) process.stdout.write(`${path}\n`);
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`recalc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
