/**
 * Reads what the plan needs in at most two syncs: the workbook's sheets, tables and names, then the
 * headers, sizes and first-row formulas of the tables we own and the contents of the scale tables.
 */
import { parseRange } from "../core/a1";
import { CellValue } from "../core/blueprint/types";
import { SheetSnapshot, TableSnapshot, ValidationSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { useCustomFrameworks } from "../core/catalogs";
import { MEMORY_SHEET, readMemory } from "../core/plan/workbookMemory";
import { FEATURE_SETS, supportsExcelApi } from "./requirements";
import { readTables } from "./readTables";
import { SyncCounter } from "./syncCounter";
import type { Range, RequestContext, Table, TableColumn } from "./officeApi";

export interface SnapshotRequest {
  /** Tables whose layout the plan needs. */
  tables: readonly string[];
  /** Tables whose body values are read in full (small ones: scales, settings). */
  fullTables: readonly string[];
  /** Sheets whose used range matters (where a missing table could be recreated). */
  sheets: readonly string[];
  /** A defined name whose range values are read, when it exists. */
  gridName?: string;
  /** Calculated columns (table name → headers) whose typed-over cells are located. */
  calculated?: Readonly<Record<string, readonly string[]>>;
  /** Columns (table name → headers) whose data validation is read, so a re-run rewrites only what differs. */
  validated?: Readonly<Record<string, readonly string[]>>;
  /** Defined names of per-row blocks (RowBlockSpec) read in full, header row included, when they exist. */
  blocks?: readonly string[];
  /** A block whose sheet's used range is read in full (values), when the block exists. */
  cellsOfBlockSheet?: string;
}

/** Queued read of the body cells of a table column that hold constants (typed values), not formulas. */
export interface ConstantsRead {
  /** After sync: 0-based body rows holding a constant. */
  rows(): number[];
}

/**
 * Locates typed values in a column body without reading it: Range.getSpecialCellsOrNullObject
 * ("Constants") returns only their addresses (ExcelApi 1.9, so the response stays small however long
 * the register). Without 1.9 (Excel 2019), the formulas are read and compared instead.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells
 */
export function queueConstantsRead(column: TableColumn): ConstantsRead {
  const body = column.getDataBodyRange().load("rowIndex");
  if (supportsExcelApi(FEATURE_SETS.specialCells)) {
    const special = body.getSpecialCellsOrNullObject("Constants");
    const areas = special.areas.load("items/rowIndex, items/rowCount");
    return {
      rows: () => {
        if (column.isNullObject || special.isNullObject) return [];
        const rows: number[] = [];
        for (const area of areas.items) for (let i = 0; i < area.rowCount; i++) rows.push(area.rowIndex - body.rowIndex + i);
        return rows;
      },
    };
  }
  body.load("formulas");
  return {
    rows: () =>
      column.isNullObject
        ? []
        : (body.formulas as CellValue[][]).flatMap(([cell], i) => (cell !== null && cell !== "" && !(typeof cell === "string" && cell.startsWith("=")) ? [i] : [])),
  };
}

const lower = (s: string) => s.toLowerCase();

/** Sheet-relative address: "'Risk Register'!A4:K9" → "A4:K9"; areas stay separated by commas ("Sheet1!A1:B2,Sheet1!D1:E2" → "A1:B2,D1:E2"). */
export function localAddress(address: string): string {
  return address.replace(/(?:'(?:[^']|'')+'|[^,!']+)!/g, "");
}

/** The sheet each range name (by lower-case name) refers to, read once per snapshot. */
function sheetsOfNames(names: ReadonlyArray<{ name: string; type: string; value: unknown }>): Record<string, string> {
  return Object.fromEntries(
    names.filter((n) => n.type === "Range").flatMap((n) => {
      const sheet = sheetOfReference(String(n.value));
      return sheet ? [[n.name.toLowerCase(), sheet]] : [];
    }),
  );
}

/** "'Risk Register'!$A$1:$B$2" → "Risk Register"; undefined for anything else (e.g. "#REF!"). */
function sheetOfReference(reference: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.exec(reference.trim());
  return m ? (m[1] ?? m[2]).replace(/''/g, "'") : undefined;
}

function columnsOf(headers: string[], rows: CellValue[][]): Record<string, CellValue[]> {
  return Object.fromEntries(headers.map((h, i) => [h, rows.map((row) => row[i] ?? null)]));
}

export async function readSnapshot(context: RequestContext, request: SnapshotRequest, sync: SyncCounter): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const canReadOnly = supportsExcelApi(FEATURE_SETS.readOnlyFlag);
  const canLayoutPages = supportsExcelApi(FEATURE_SETS.pageLayout);
  if (canReadOnly) workbook.load("readOnly");
  const worksheets = workbook.worksheets.load("items/name, items/protection/protected");
  const tables = workbook.tables.load("items/name, items/worksheet/name");
  const names = workbook.names.load("items/name, items/type, items/value, items/formula");
  const canReadProtection = supportsExcelApi(FEATURE_SETS.workbookProtection);
  const protection = canReadProtection ? workbook.protection.load("protected") : undefined;
  const memory = workbook.worksheets.getItemOrNullObject(MEMORY_SHEET).getUsedRangeOrNullObject(true).load("values");
  await sync(context);
  const memoryRows = memory.isNullObject ? undefined : (memory.values as CellValue[][]);
  useWorkbookCatalogs(memoryRows);

  const wantedTables = new Set(request.tables.map(lower));
  const fullTables = new Set(request.fullTables.map(lower));
  // Every table's layout: one of the user's may be one of ours renamed (see identity.ts).
  const ours = tables.items;
  const calculated = new Map(Object.entries(request.calculated ?? {}).map(([name, headers]) => [lower(name), headers]));
  const validated = new Map(Object.entries(request.validated ?? {}).map(([name, headers]) => [lower(name), headers]));
  const wantedSheets = new Set(request.sheets.map(lower));
  const sheetsToMeasure = worksheets.items.filter((s) => wantedSheets.has(lower(s.name)));
  const hasGrid = !!request.gridName && names.items.some((n) => lower(n.name) === lower(request.gridName!));

  const queueDetails = (withBodies: boolean) => ({
    tableReads: ours.map((table) => {
      const full = wantedTables.has(lower(table.name)) && fullTables.has(lower(table.name));
      const header = table.getHeaderRowRange().load("values, address");
      const body = table.getDataBodyRange().load(withBodies && full ? "rowCount, values" : "rowCount");
      const firstRow = table.getDataBodyRange().getRow(0).load("formulas");
      const constants = (calculated.get(lower(table.name)) ?? []).map((h) => ({ header: h, read: queueConstantsRead(table.columns.getItemOrNullObject(h)) }));
      const checks = (validated.get(lower(table.name)) ?? []).map((h) => {
        const column = table.columns.getItemOrNullObject(h);
        return { header: h, column, validation: column.getDataBodyRange().dataValidation.load("type, rule, errorAlert, prompt, ignoreBlanks") };
      });
      return { table, header, body, firstRow, constants, checks, full };
    }),
    usedRanges: sheetsToMeasure.map((sheet) => ({
      sheet,
      used: sheet.getUsedRangeOrNullObject(true).load("address"),
      charts: sheet.charts.load("items/name"),
      printArea: canLayoutPages ? sheet.pageLayout.getPrintAreaOrNullObject().load("address") : undefined,
    })),
    grid: hasGrid ? workbook.names.getItem(request.gridName!).getRange().load("values") : undefined,
    blockReads: names.items
      .filter((n) => wantedBlocks.has(lower(n.name)) && n.type === "Range")
      .map((n) => ({ name: n.name, range: workbook.names.getItem(n.name).getRange().load("address, values, formulas") })),
    cells: cellsSheet ? worksheets.items.find((s) => lower(s.name) === lower(cellsSheet))?.getUsedRangeOrNullObject(true).load("address, values") : undefined,
  });
  const nameSheets = sheetsOfNames(names.items);
  const cellsSheet = request.cellsOfBlockSheet ? nameSheets[lower(request.cellsOfBlockSheet)] : undefined;
  const wantedBlocks = new Set((request.blocks ?? []).map(lower));
  let details = queueDetails(true);
  let bodies: Map<string, CellValue[][]> | undefined;
  if (details.tableReads.length > 0 || details.usedRanges.length > 0 || details.grid || details.blockReads.length > 0) {
    try {
      await sync(context);
    } catch (error) {
      // Over Excel on the web's 5 MB response limit: read the layout alone, then the bodies in slices.
      if ((error as { code?: unknown })?.code !== "ResponsePayloadSizeLimitExceeded") throw error;
      details = queueDetails(false);
      await sync(context);
      bodies = await readFullBodies(context, details.tableReads.filter((read) => read.full), sync);
    }
  }
  const { tableReads, usedRanges, grid, blockReads, cells } = details;

  const tableSnapshots: TableSnapshot[] = tableReads.map(({ table, header, body, firstRow, constants, checks, full }) => {
    const start = parseRange(header.address).start;
    const headers = (header.values[0] ?? []).map((v) => String(v));
    const bodyRows = body.rowCount;
    const formulas = bodyRows > 0 ? ((firstRow.formulas[0] ?? []) as CellValue[]) : [];
    const isFull = full;
    const typed = constants.map(({ header: h, read }) => [h, read.rows()] as const).filter(([, rows]) => rows.length > 0);
    const validations = checks.filter(({ column }) => !column.isNullObject).map(({ header: h, validation: v }): [string, ValidationSnapshot] => [
      h,
      { type: String(v.type), rule: v.rule as ValidationSnapshot["rule"], errorAlert: { ...v.errorAlert } as ValidationSnapshot["errorAlert"], prompt: { ...v.prompt } as ValidationSnapshot["prompt"], ignoreBlanks: v.ignoreBlanks },
    ]);
    return {
      name: table.name,
      sheet: table.worksheet.name,
      headerRow: start.row,
      firstColumn: start.column,
      headers,
      bodyRows,
      firstRowFormulas: formulas,
      body: isFull ? (bodies?.get(lower(table.name)) ?? (body.values as CellValue[][])) : undefined,
      columns: isFull ? columnsOf(headers, bodies?.get(lower(table.name)) ?? (body.values as CellValue[][])) : undefined,
      constants: typed.length > 0 ? Object.fromEntries(typed) : undefined,
      validations: validations.length > 0 ? Object.fromEntries(validations) : undefined,
    };
  });
  const measured = new Map(usedRanges.map((m) => [m.sheet.name, m]));
  const sheets: SheetSnapshot[] = worksheets.items.map((s) => {
    const m = measured.get(s.name);
    return {
      name: s.name,
      protected: s.protection.protected,
      usedRange: m && !m.used.isNullObject ? localAddress(m.used.address) : undefined,
      charts: m?.charts.items.map((c) => c.name),
      printArea: canLayoutPages && m?.printArea && !m.printArea.isNullObject ? localAddress(m.printArea.address).replace(/\$/g, "") : undefined,
    };
  });
  return {
    readOnly: canReadOnly ? workbook.readOnly : false,
    sheets,
    tables: tableSnapshots,
    names: names.items.map((n) => n.name),
    brokenNames: names.items.filter((n) => n.type === "Error").map((n) => n.name),
    brokenNameFormulas: Object.fromEntries(names.items.filter((n) => n.type === "Error").map((n) => [n.name.toLowerCase(), String(n.formula)])),
    nameSheets,
    scoreMatrix: grid ? (grid.values as CellValue[][]) : undefined,
    structureProtected: protection ? protection.protected : false,
    memoryRows,
    blocks: blockReads.map(({ name, range }) => blockSnapshot(name, range)),
    sheetCells: cells && !cells.isNullObject && cellsSheet ? { sheet: cellsSheet, ...parseRange(localAddress(cells.address)).start, values: cells.values as CellValue[][] } : undefined,
  };
}

/**
 * Every operation reads the memory sheet first, so the frameworks the user added from a file (their
 * catalogs are stored there) are known to everything that follows: blueprint, Check, coverage,
 * suggestions. Another workbook's custom frameworks are forgotten.
 */
export function useWorkbookCatalogs(memoryRows: CellValue[][] | undefined): void {
  const read = readMemory(memoryRows);
  useCustomFrameworks(read.kind === "memory" ? (read.memory.customFrameworks ?? []) : []);
}

/** A named per-row block: its first row holds the headers, the rest the rows. */
function blockSnapshot(name: string, range: Range): TableSnapshot {
  const [headerRow = [], ...body] = range.values as CellValue[][];
  const [, ...formulas] = range.formulas as CellValue[][];
  const headers = headerRow.map((v) => String(v ?? ""));
  const start = parseRange(range.address).start;
  return {
    name,
    sheet: parseRange(range.address).sheet ?? "",
    headerRow: start.row,
    firstColumn: start.column,
    headers,
    bodyRows: body.length,
    firstRowFormulas: [],
    body,
    formulas,
    columns: columnsOf(headers, body),
  };
}

/** Full-table bodies read in slices (readTables) once their layout is known. */
async function readFullBodies(
  context: RequestContext,
  reads: Array<{ table: Table; header: Range; body: Range }>,
  sync: SyncCounter,
): Promise<Map<string, CellValue[][]>> {
  const layouts: TableSnapshot[] = reads.map(({ table, header, body }) => {
      const start = parseRange(header.address).start;
      const headers = (header.values[0] ?? []).map((v) => String(v));
      return { name: table.name, sheet: table.worksheet.name, headerRow: start.row, firstColumn: start.column, headers, bodyRows: body.rowCount, firstRowFormulas: [] };
    });
  const data = await readTables(context, layouts, sync);
  return new Map([...data].map(([name, table]) => [name, table.rows]));
}
