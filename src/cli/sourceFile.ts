/**
 * The file an import reads: CSV in any common encoding and delimiter, or a worksheet of an .xlsx
 * (named, or the first), as a grid of cells.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { parseCsvGrid, SourceCell } from "../core/import";
import { readSourceGrid, SourceWorkbookError } from "../headless/xlsx/sourceGrid";
import { decodeCsv } from "./batch/csvText";
import { CliError, EXIT } from "./exitCodes";

export interface SourceFile {
  name: string;
  grid: SourceCell[][];
  /** How the file was read, for the report. */
  format: string;
}

export async function readSourceFile(path: string, sheet?: string): Promise<SourceFile> {
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`, EXIT.usage);
  const extension = extname(path).toLowerCase();
  if (extension === ".xlsx" || extension === ".xlsm") {
    try {
      const read = await readSourceGrid(readFileSync(path), path, sheet);
      return { name: `${basename(path)} ▸ ${read.sheet}`, grid: read.grid, format: `worksheet "${read.sheet}"` };
    } catch (error) {
      if (error instanceof SourceWorkbookError) throw new CliError(error.message, EXIT.usage);
      throw error;
    }
  }
  if (sheet) throw new CliError(`--sheet applies to .xlsx files; ${path} is read as CSV.`, EXIT.usage);
  const decoded = decodeCsv(readFileSync(path), path);
  return { name: basename(path), grid: parseCsvGrid(decoded.text), format: `CSV, ${decoded.encoding}${decoded.bom ? " with BOM" : ""}` };
}
