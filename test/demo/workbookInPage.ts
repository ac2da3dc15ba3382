/**
 * Reads and edits the demo's workbook from the test, the way another add-in or a user's script
 * would: through the page's global `Excel` (Excel.run on the headless host), inside page.evaluate.
 * The page's Excel.run also refreshes the demo's grid, as a user's typing would.
 */
import type { Page } from "playwright-core";
import { cellAddress, quoteSheet } from "../../src/core/a1";

export interface TableSnapshot {
  sheet: string;
  headers: string[];
  /** Body rows, values as Excel returns them. */
  rows: unknown[][];
  /** Zero-based sheet row and column of the first body cell. */
  firstRow: number;
  firstColumn: number;
  /** hidden[i]: body row i is hidden (filtered out). */
  hidden: boolean[];
}

export interface WorkbookStructure {
  sheets: string[];
  /** "Table name on Sheet name", sorted. */
  tables: string[];
}

export const tableOnSheet = (table: string, sheet: string) => `${table} on ${sheet}`;

export async function readStructure(page: Page): Promise<WorkbookStructure> {
  const { sheets, tables } = await page.evaluate(() =>
    Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
      await context.sync();
      return { sheets: sheets.items.map((sheet) => sheet.name), tables: tables.items.map((table, i) => [table.name, tableSheets[i].name] as const) };
    }));
  return { sheets, tables: tables.map(([table, sheet]) => tableOnSheet(table, sheet)).sort() };
}

export async function readTable(page: Page, tableName: string): Promise<TableSnapshot> {
  return page.evaluate((name) =>
    Excel.run(async (context) => {
      const table = context.workbook.tables.getItem(name);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("values,rowIndex,columnIndex");
      const sheet = table.worksheet.load("name");
      await context.sync();
      const rowRanges = body.values.map((_row, i) => sheet.getRangeByIndexes(body.rowIndex + i, body.columnIndex, 1, 1).load("rowHidden"));
      await context.sync();
      return {
        sheet: sheet.name,
        headers: header.values[0].map(String),
        rows: body.values,
        firstRow: body.rowIndex,
        firstColumn: body.columnIndex,
        hidden: rowRanges.map((range) => range.rowHidden),
      };
    }), tableName);
}

/** Value of `header` in body row `row`. */
export function cellValue(table: TableSnapshot, row: number, header: string): unknown {
  return table.rows[row][columnOf(table, header)];
}

/** A1 address (no sheet) of `header` in body row `row`. */
export function cellAddressOf(table: TableSnapshot, row: number, header: string): string {
  return cellAddress({ row: table.firstRow + row, column: table.firstColumn + columnOf(table, header) });
}

/** "'Risk Register'!B7", as Excel writes a range's address. */
export const qualifiedAddress = (sheet: string, address: string) => `${quoteSheet(sheet)}!${address}`;

function columnOf(table: TableSnapshot, header: string): number {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in [${table.headers.join(", ")}]`);
  return index;
}

/** Types values into cells of one sheet: address → value. */
export async function typeCells(page: Page, sheet: string, cells: Record<string, string | number>): Promise<void> {
  await page.evaluate(
    ({ sheet, cells }) =>
      Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        for (const [address, value] of Object.entries(cells)) worksheet.getRange(address).values = [[value]];
        await context.sync();
      }),
    { sheet, cells },
  );
}

/** Adds an empty row at the end of a table (its calculated columns fill in). */
export async function addTableRow(page: Page, tableName: string): Promise<void> {
  await page.evaluate((name) =>
    Excel.run(async (context) => {
      context.workbook.tables.getItem(name).rows.add();
      await context.sync();
    }), tableName);
}

/** Adds a column at the right end of a table: header, then one value per body row. */
export async function addTableColumn(page: Page, tableName: string, header: string, values: string[]): Promise<void> {
  await page.evaluate(
    ({ name, header, values }) =>
      Excel.run(async (context) => {
        context.workbook.tables.getItem(name).columns.add(undefined, [[header], ...values.map((value) => [value])]);
        await context.sync();
      }),
    { name: tableName, header, values },
  );
}

/** The workbook's selection as a sheet-qualified address. */
export async function selectedAddress(page: Page): Promise<string> {
  return page.evaluate(() =>
    Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return range.address;
    }));
}
