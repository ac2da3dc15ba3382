import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main, type Out } from "../../src/cli/main";
import { readXlsx, run } from "../../src/headless";

export interface Recorded {
  code: number;
  stdout: string[];
  stderr: string[];
  /** Raw progress-bar writes. */
  progress: string;
}

/** Runs `ismp <args>` in-process and records what it printed. */
export async function ismp(args: string[], options: { isTTY?: boolean } = {}): Promise<Recorded> {
  const recorded = { stdout: [] as string[], stderr: [] as string[], progress: "" };
  const out: Out = {
    log: (text) => void recorded.stdout.push(text),
    error: (text) => void recorded.stderr.push(text),
    progress: { write: (text) => void (recorded.progress += text), isTTY: options.isTTY ?? false },
  };
  const code = await main(args, out);
  return { code, ...recorded };
}

export function tempDir(): { path: string; file: (name: string) => string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), "ismp-cli-"));
  return { path, file: (name) => join(path, name), cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

/** The value a saved file holds next to the Settings row `setting` on Scales, as exceljs reads it. */
export async function savedSetting(path: string, setting: string): Promise<ExcelJS.Cell> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const scales = workbook.getWorksheet("Scales");
  if (!scales) throw new Error(`${path} has no Scales sheet`);
  let found: ExcelJS.Cell | undefined;
  scales.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === setting) found = row.getCell(Number(cell.col) + 1);
    }),
  );
  if (!found) throw new Error(`${path} has no "${setting}" setting`);
  return found;
}

/** Header cells of a table in a saved workbook, read back through the headless host. */
export async function tableHeaders(path: string, table: string): Promise<string[]> {
  const workbook = await readXlsx(readFileSync(path));
  return run(workbook, async (context) => {
    const header = context.workbook.tables.getItem(table).getHeaderRowRange().load("values");
    await context.sync();
    return header.values[0].map(String);
  });
}
