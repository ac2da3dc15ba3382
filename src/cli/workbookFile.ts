/** Opening and saving .xlsx files for the CLI: the headless host stands in for Excel. */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type CachedValuesReport, createWorkbook, HeadlessWorkbook, readXlsx, run, writeXlsxWithValues } from "../headless";
import { CliError, EXIT } from "./exitCodes";

export async function openWorkbook(path: string): Promise<HeadlessWorkbook> {
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`, EXIT.usage);
  try {
    return await readXlsx(readFileSync(path));
  } catch (error) {
    throw new CliError(`${path} could not be read as an .xlsx workbook (${(error as Error).message})`, EXIT.usage);
  }
}

export function newWorkbook(): HeadlessWorkbook {
  return createWorkbook();
}

/**
 * Refuses, before anything is read or built, to change a file marked read-only: the same promise
 * Excel's read-only mode gives (nothing changed, exit code 3). The mode bits are checked as well as
 * access() because root may write to any file.
 */
export function assertWritable(path: string): void {
  const readOnlyMode = (statSync(path).mode & 0o222) === 0;
  let writable = true;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    writable = false;
  }
  if (readOnlyMode || !writable) {
    throw new CliError(`${path} is read-only. Make it writable or work on a copy; nothing was changed.`, EXIT.blocked);
  }
}

/** Writes the workbook with every formula's cached value; says which cells were left without one. */
export async function saveWorkbook(workbook: HeadlessWorkbook, path: string): Promise<CachedValuesReport> {
  mkdirSync(dirname(path), { recursive: true });
  const { bytes, cachedValues } = await writeXlsxWithValues(workbook);
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new CliError(`${path} cannot be written (${code}); nothing was saved.`, EXIT.blocked);
    }
    throw new CliError(`${path} cannot be written: ${(error as Error).message}`, EXIT.usage);
  }
  return cachedValues;
}

export function runOn<T>(workbook: HeadlessWorkbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return run(workbook, batch);
}
