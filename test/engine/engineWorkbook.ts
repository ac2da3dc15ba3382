/**
 * A workbook as LibreOffice recalculated it, read back with exceljs: tables as rows of cells keyed
 * by header, defined names, and every formula cell with the value the engine stored.
 * Dates come back as Excel serial numbers so they compare with arithmetic on other dates.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";

export type Scalar = string | number | boolean;

export interface EngineCell {
  sheet: string;
  address: string;
  /** The engine's value; "" for a blank cell or an empty-text result. */
  value: Scalar;
  formula?: string;
  /** "#NAME?", "#VALUE!", ... when the cell holds an error. */
  error?: string;
}

export type TableRow = Readonly<Record<string, EngineCell>>;

interface TableFileModel {
  name: string;
  tableRef?: string;
  ref?: string;
  columns: Array<{ name: string }>;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialOf(date: Date): number {
  return Math.round((date.getTime() - EXCEL_EPOCH_MS) / DAY_MS);
}

/** Today as LibreOffice's TODAY() sees it: the local calendar date. */
export function todaySerial(now: Date = new Date()): number {
  return serialOf(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

function scalarOf(raw: unknown): { value: Scalar; error?: string } {
  if (raw === null || raw === undefined) return { value: "" };
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return { value: raw };
  // Date-times keep their time of day (Incidents' Detected, Notification Due); whole dates stay whole.
  if (raw instanceof Date) return { value: (raw.getTime() - EXCEL_EPOCH_MS) / DAY_MS };
  if (typeof raw === "object" && "error" in raw) return { value: "", error: String((raw as { error: unknown }).error) };
  if (typeof raw === "object" && "richText" in raw) return { value: (raw as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("") };
  throw new Error(`Unexpected cell value ${JSON.stringify(raw)}`);
}

function readCell(sheet: string, cell: ExcelJS.Cell): EngineCell {
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.result, not cell.value.result: exceljs's value getter drops a result of 0.
    return { sheet, address: cell.address, formula: cell.formula, ...scalarOf(cell.result) };
  }
  return { sheet, address: cell.address, ...scalarOf(cell.value) };
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!match) throw new Error(`Not a range: ${ref}`);
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [, c1, r1, c2 = c1, r2 = r1] = match;
  return { top: Number(r1), left: column(c1), bottom: Number(r2), right: column(c2) };
}

export class EngineWorkbook {
  private constructor(
    readonly path: string,
    private readonly book: ExcelJS.Workbook,
  ) {}

  static async open(path: string): Promise<EngineWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await withQuotedEscapes(readFileSync(path))) as unknown as ArrayBuffer);
    return new EngineWorkbook(path, book);
  }

  private sheetTables(worksheet: ExcelJS.Worksheet): TableFileModel[] {
    const tables = (worksheet as unknown as { tables?: Record<string, { table: TableFileModel }> }).tables ?? {};
    return Object.values(tables).map((t) => t.table);
  }

  hasTable(name: string): boolean {
    return this.book.worksheets.some((ws) => this.sheetTables(ws).some((t) => t.name === name));
  }

  /** Body rows of a table, each keyed by header. */
  table(name: string): TableRow[] {
    for (const worksheet of this.book.worksheets) {
      const table = this.sheetTables(worksheet).find((t) => t.name === name);
      if (!table) continue;
      const range = decodeRange(table.tableRef ?? table.ref ?? "");
      const headers = table.columns.map((c) => c.name);
      const rows: TableRow[] = [];
      for (let r = range.top + 1; r <= range.bottom; r++) {
        const row: Record<string, EngineCell> = {};
        headers.forEach((header, i) => (row[header] = readCell(worksheet.name, worksheet.getCell(r, range.left + i))));
        rows.push(row);
      }
      return rows;
    }
    throw new Error(`${this.path} has no table ${name}`);
  }

  /** The cells a workbook-level defined name refers to, row by row. */
  name(definedName: string): EngineCell[][] {
    const record = this.book.definedNames.model.find((n) => n.name === definedName);
    if (!record || record.ranges.length !== 1) throw new Error(`${this.path} has no single-range name ${definedName}`);
    const [sheetPart, ref] = record.ranges[0].split("!");
    const worksheet = this.book.getWorksheet(sheetPart.replace(/^'|'$/g, "").replace(/''/g, "'"));
    if (!worksheet) throw new Error(`${definedName} points at a missing sheet: ${record.ranges[0]}`);
    const range = decodeRange(ref);
    const rows: EngineCell[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: EngineCell[] = [];
      for (let c = range.left; c <= range.right; c++) row.push(readCell(worksheet.name, worksheet.getCell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  /** Rows of a per-row block (a named range whose first row holds the headers), each keyed by header. */
  block(definedName: string): TableRow[] {
    const [headers, ...rows] = this.name(definedName);
    return rows.map((cells) => Object.fromEntries(headers.map((header, i) => [String(header.value), cells[i]])));
  }

  hasName(definedName: string): boolean {
    return this.book.definedNames.model.some((n) => n.name === definedName);
  }

  /** One cell by sheet name and A1 address. */
  cell(sheet: string, address: string): EngineCell {
    const worksheet = this.book.getWorksheet(sheet);
    if (!worksheet) throw new Error(`${this.path} has no sheet ${sheet}`);
    return readCell(sheet, worksheet.getCell(address));
  }

  /** The value of a defined name that refers to one cell. */
  nameValue(definedName: string): Scalar {
    return this.name(definedName)[0][0].value;
  }

  /** Every formula cell on every sheet. */
  formulaCells(): EngineCell[] {
    const cells: EngineCell[] = [];
    for (const worksheet of this.book.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) cells.push(readCell(worksheet.name, cell));
        }),
      );
    }
    return cells;
  }
}

/**
 * The package with every backslash-escaped character of its number formats written as quoted text
 * (LibreOffice saves the tiles' `"M"` as `\M`). exceljs takes any y/m/d/h/s letter outside quotes
 * and brackets for a date code, escaped or not, and would turn 117,355,351 into an invalid date.
 */
async function withQuotedEscapes(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const styles = zip.file("xl/styles.xml");
  if (!styles) return file;
  const xml = await styles.async("string");
  const quoted = xml.replace(/formatCode="([^"]*)"/g, (_m, code: string) => `formatCode="${code.replace(/\\(.)/g, "&quot;$1&quot;")}"`);
  if (quoted === xml) return file;
  zip.file("xl/styles.xml", quoted);
  return zip.generateAsync({ type: "nodebuffer" });
}
