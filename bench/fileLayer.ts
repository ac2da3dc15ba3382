/**
 * Figure 9: the file layer. `ismp upgrade` on the largest corpus workbook, on a 10,000-risk workbook
 * and on a package of 300,000 shared strings, each in its own process (bin/ismp.js, as a user runs
 * it) so its peak memory (max resident set size) is its own.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { writeXlsx, type HeadlessWorkbook } from "../src/headless";
import { minimalPackage } from "../test/support/minimalPackage";
import { atMost, measured, type Measurement } from "./measurement";

const exec = promisify(execFile);
export const LARGEST_CORPUS_FILE = resolve(__dirname, "../test/fixtures/corpus/issue_174.xlsx");

interface ProcessFigures {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

const BIN = resolve(__dirname, "../bin/ismp.js");
const PROCESS_FIGURES = resolve(__dirname, "processFigures.js");

/** `ismp <args>` as a user runs it (bin/ismp.js), its whole process measured by a preloaded hook. */
export async function cliFigures(args: string[]): Promise<ProcessFigures> {
  const dir = mkdtempSync(join(tmpdir(), "ismp-bench-figures-"));
  const out = join(dir, "figures.json");
  try {
    await exec(process.execPath, ["-r", PROCESS_FIGURES, BIN, ...args], { env: { ...process.env, ISMP_BENCH_FIGURES: out }, maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(readFileSync(out, "utf8")) as ProcessFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI bundles src/ on its first start after a change (bin/cliBundle.js): that start is not what is measured. */
const warmCli = () => exec(process.execPath, [BIN, "--help"]);

/** A package whose one sheet has `count` cells, each its own shared string (about 2.4 MB for 300,000). */
export function sharedStringsPackage(count: number): Promise<Uint8Array> {
  const strings: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    strings.push(`<si><t>Item ${i}</t></si>`);
    rows.push(`<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`);
  }
  return minimalPackage({ worksheet: `<sheetData>${rows.join("")}</sheetData>`, sharedStrings: strings.join(""), sheetName: "Strings", deflate: true });
}

export async function measureFileLayer(large: HeadlessWorkbook | undefined): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "ismp-bench-file-"));
  try {
    const out: Measurement[] = [];
    const corpus = join(dir, "largest-corpus.xlsx");
    copyFileSync(LARGEST_CORPUS_FILE, corpus);
    await warmCli();
    const corpusFigures = await cliFigures(["upgrade", corpus]);
    out.push(
      measured(`ismp upgrade, largest corpus file (${Math.round(statSync(LARGEST_CORPUS_FILE).size / 1024)} KB): wall time`, corpusFigures.ms, "ms"),
      measured("ismp upgrade, largest corpus file: CPU time", corpusFigures.cpuMs, "ms"),
      measured("ismp upgrade, largest corpus file: peak memory (whole process)", corpusFigures.maxRssMb, "MB"),
    );
    if (large) {
      const registerFile = join(dir, "large-register.xlsx");
      writeFileSync(registerFile, await writeXlsx(large));
      const figures = await cliFigures(["upgrade", registerFile]);
      out.push(
        measured(`ismp upgrade, 10,000 risks (${(statSync(registerFile).size / 1024 / 1024).toFixed(1)} MB file): wall time`, figures.ms, "ms"),
        measured("ismp upgrade, 10,000 risks: CPU time", figures.cpuMs, "ms"),
        measured("ismp upgrade, 10,000 risks: peak memory (whole process)", figures.maxRssMb, "MB"),
      );
      // The re-run: the same command on the workbook it just upgraded (nothing left to add).
      const again = await cliFigures(["upgrade", registerFile]);
      out.push(
        measured("ismp upgrade again (re-run), 10,000 risks: wall time", again.ms, "ms"),
        measured("ismp upgrade again (re-run), 10,000 risks: CPU time", again.cpuMs, "ms"),
        measured("ismp upgrade again (re-run), 10,000 risks: peak memory (whole process)", again.maxRssMb, "MB"),
      );
    }
    const stringsFile = join(dir, "shared-strings.xlsx");
    writeFileSync(stringsFile, await sharedStringsPackage(300_000));
    const strings = await cliFigures(["upgrade", stringsFile]);
    out.push(
      measured(`ismp upgrade, 300,000 shared strings (${(statSync(stringsFile).size / 1024 / 1024).toFixed(1)} MB file): wall time`, strings.ms, "ms"),
      measured("ismp upgrade, 300,000 shared strings: CPU time", strings.cpuMs, "ms"),
      measured("ismp upgrade, 300,000 shared strings: peak memory (whole process)", strings.maxRssMb, "MB", atMost(300, "300 MB")),
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
