/** Opening and saving .xlsx files for the CLI: the headless host stands in for Excel. */
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, accessSync, constants } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { type CachedValuesReport, createWorkbook, HeadlessWorkbook, readXlsx, run, writeXlsxWithValues } from "../headless";
import { PackageRefusedError } from "../headless/xlsx/packageLimits";
import { CliError, EXIT } from "./exitCodes";

/** How a command may save: `--backup`, `--force`, and the folder a batch writes into. */
export interface SaveOptions {
  /** Keep the previous version beside the new one as "<name>.bak.xlsx". */
  backup?: boolean;
  /** Save even though Excel or LibreOffice seems to have the file open. */
  force?: boolean;
  /** The file must sit directly in this folder (batch --out): nothing is written elsewhere. */
  folder?: string;
}

export async function openWorkbook(path: string): Promise<HeadlessWorkbook> {
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`, EXIT.usage);
  const bytes = readFileSync(path);
  try {
    return await readXlsx(bytes);
  } catch (error) {
    const reason = error instanceof PackageRefusedError ? error.message : `${(error as Error).message}`;
    throw new CliError(`${path} could not be read as an .xlsx workbook (${reason}); nothing was changed.`, EXIT.usage);
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

/** The lock files Excel (`~$name.xlsx`) and LibreOffice (`.~lock.name.xlsx#`) leave beside a file they have open. */
export function lockFilesOf(path: string): string[] {
  const folder = dirname(path);
  const name = basename(path);
  return [join(folder, `~$${name}`), join(folder, `.~lock.${name}#`)];
}

/**
 * Everything that must hold before a command reads a file it will save over: not a symlink (the
 * write would land wherever it points), inside the folder it was asked for, not open in Excel or
 * LibreOffice, writable. Run before the work so a refusal changes nothing.
 */
export function assertSafeToSave(path: string, options: SaveOptions = {}): void {
  const link = lstatOrNull(path);
  if (link?.isSymbolicLink()) {
    throw new CliError(`${path} is a symbolic link; ismp does not write through links. Name the file itself; nothing was changed.`, EXIT.blocked);
  }
  if (options.folder !== undefined) assertInFolder(path, options.folder);
  if (!link) return;
  if (!link.isFile()) throw new CliError(`${path} is not a regular file; nothing was changed.`, EXIT.usage);
  const lock = lockFilesOf(path).find((candidate) => existsSync(candidate));
  if (lock && !options.force) {
    throw new CliError(
      `${path} is open in Excel or LibreOffice (lock file ${basename(lock)}). Close it there first, or add --force if that lock file is stale; nothing was changed.`,
      EXIT.blocked,
    );
  }
  assertWritable(path);
}

function assertInFolder(path: string, folder: string): void {
  const target = resolve(path);
  const parent = dirname(target);
  if (parent !== resolve(folder)) throw new CliError(`${path} is outside ${folder}; nothing was written.`, EXIT.usage);
  if (existsSync(parent) && realpathSync(parent) !== realpathSync(resolve(folder))) {
    throw new CliError(`${path} would be written outside ${folder} (through a link); nothing was written.`, EXIT.blocked);
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** "client.xlsx" → "client.bak.xlsx", beside it. */
export function backupPathOf(path: string): string {
  const extension = extname(path);
  return join(dirname(path), `${basename(path, extension)}.bak${extension}`);
}

/**
 * Saves atomically: the bytes go to a temporary file in the same folder, are flushed to disk, and
 * the temporary file is renamed over the original (one rename is atomic on the same file system).
 * Whatever fails — disk full, a file-size limit, a crash — the original stays as it was; at worst a
 * temporary ".name.ismp-….tmp" is left beside it. Returns which formula cells were left without a cached value.
 */
export async function saveWorkbook(workbook: HeadlessWorkbook, path: string, options: SaveOptions = {}): Promise<CachedValuesReport> {
  assertSafeToSave(path, options);
  // Every formula carries its calculated value, for readers that do not calculate (#17).
  const { bytes, cachedValues } = await writeXlsxWithValues(workbook);
  writeFileAtomically(path, bytes, options);
  return cachedValues;
}

export function writeFileAtomically(path: string, bytes: Uint8Array, options: SaveOptions = {}): void {
  const folder = dirname(resolve(path));
  mkdirSync(folder, { recursive: true });
  const existing = lstatOrNull(path);
  const temporary = join(folder, `.${basename(path)}.ismp-${process.pid}-${Date.now().toString(36)}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, "wx", existing ? existing.mode & 0o777 : 0o666);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    if (options.backup && existing) keepBackup(path);
    renameSync(temporary, path);
    syncFolder(folder);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    if (existsSync(temporary)) unlinkSync(temporary);
    if (error instanceof CliError) throw error;
    throw saveFailure(path, error as NodeJS.ErrnoException, Boolean(existing));
  }
}

/** The previous version as "<name>.bak.xlsx": a hard link (instant, no copy), replacing an older backup atomically. */
function keepBackup(path: string): void {
  const backup = backupPathOf(path);
  if (lstatOrNull(backup)?.isSymbolicLink()) throw new CliError(`${backup} is a symbolic link; ismp does not write through links; nothing was saved.`, EXIT.blocked);
  const staging = `${backup}.ismp-${process.pid}.tmp`;
  linkSync(path, staging);
  renameSync(staging, backup);
}

function syncFolder(folder: string): void {
  try {
    const descriptor = openSync(folder, "r");
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename itself has happened.
  }
}

function saveFailure(path: string, error: NodeJS.ErrnoException, existed: boolean): CliError {
  const kept = existed ? `${path} was not changed` : "nothing was saved";
  const code = error.code ?? "";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new CliError(`${path} cannot be written (${code}); ${kept}.`, EXIT.blocked);
  if (code === "ENOSPC" || code === "EFBIG" || code === "EDQUOT") return new CliError(`${path} could not be saved: the disk is full or the file is too large (${code}); ${kept}.`, EXIT.usage);
  return new CliError(`${path} could not be saved (${error.message}); ${kept}.`, EXIT.usage);
}

export function runOn<T>(workbook: HeadlessWorkbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return run(workbook, batch);
}
