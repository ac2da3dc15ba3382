/**
 * The file an import reads: CSV in any common encoding and delimiter, or a worksheet of an .xlsx
 * (named, or the first), as a grid of cells. Worksheet dates arrive as Excel serials.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import { parseCsvGrid, SourceCell } from "../core/import";
import { decodeCsv } from "./batch/csvText";
import { CliError, EXIT } from "./exitCodes";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export interface SourceFile {
  name: string;
  grid: SourceCell[][];
  /** How the file was read, for the report. */
  format: string;
}

function cellOf(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_UTC) / 86_400_000;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return cellOf((value.result ?? null) as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

async function readWorksheet(path: string, sheetName: string | undefined): Promise<SourceFile> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  } catch (error) {
    throw new CliError(`${path} could not be read as an .xlsx workbook (${(error as Error).message}).`, EXIT.usage);
  }
  const sheets = book.worksheets;
  const sheet = sheetName ? sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase()) : sheets[0];
  if (!sheet) {
    const names = sheets.map((s) => `"${s.name}"`).join(", ") || "none";
    throw new CliError(`${path} has no sheet "${sheetName}". Its sheets: ${names}.`, EXIT.usage);
  }
  const grid: SourceCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: SourceCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    grid[number - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { name: `${basename(path)} ▸ ${sheet.name}`, grid: Array.from(grid, (row) => row ?? []), format: `worksheet "${sheet.name}"` };
}

export async function readSourceFile(path: string, sheet?: string): Promise<SourceFile> {
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`, EXIT.usage);
  const extension = extname(path).toLowerCase();
  if (extension === ".xlsx" || extension === ".xlsm") return readWorksheet(path, sheet);
  if (sheet) throw new CliError(`--sheet applies to .xlsx files; ${path} is read as CSV.`, EXIT.usage);
  const decoded = decodeCsv(readFileSync(path), path);
  return { name: basename(path), grid: parseCsvGrid(decoded.text), format: `CSV, ${decoded.encoding}${decoded.bom ? " with BOM" : ""}` };
}
