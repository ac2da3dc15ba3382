/** Opening and saving .xlsx files for the CLI: the headless host stands in for Excel. */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createWorkbook, HeadlessWorkbook, readXlsx, run, writeXlsx } from "../headless";

export async function openWorkbook(path: string): Promise<HeadlessWorkbook> {
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`, 2);
  return readXlsx(readFileSync(path));
}

export function newWorkbook(): HeadlessWorkbook {
  return createWorkbook();
}

export async function saveWorkbook(workbook: HeadlessWorkbook, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await writeXlsx(workbook));
}

export function runOn<T>(workbook: HeadlessWorkbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return run(workbook, batch);
}

/** A failure the CLI reports in one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
