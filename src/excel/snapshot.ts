/**
 * Reads what the plan needs in at most two syncs: the workbook's sheets, tables and names, then the
 * headers, sizes and first-row formulas of the tables we own and the contents of the scale tables.
 */
import { parseRange } from "../core/a1";
import { CellValue } from "../core/blueprint/types";
import { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { FEATURE_SETS, supportsExcelApi } from "./requirements";
import { SyncCounter } from "./syncCounter";

export interface SnapshotRequest {
  /** Tables whose layout the plan needs. */
  tables: readonly string[];
  /** Tables whose body values are read in full (small ones: scales, settings). */
  fullTables: readonly string[];
  /** Sheets whose used range matters (where a missing table could be recreated). */
  sheets: readonly string[];
  /** A defined name whose range values are read, when it exists. */
  gridName?: string;
  /** Defined names of per-row blocks (RowBlockSpec) read in full, header row included, when they exist. */
  blocks?: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

/** Sheet-relative address: "'Risk Register'!A4:K9" → "A4:K9". */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** "'Risk Register'!$A$1:$B$2" → "Risk Register"; undefined for anything else (e.g. "#REF!"). */
function sheetOfReference(reference: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.exec(reference.trim());
  return m ? (m[1] ?? m[2]).replace(/''/g, "'") : undefined;
}

function columnsOf(headers: string[], rows: CellValue[][]): Record<string, CellValue[]> {
  return Object.fromEntries(headers.map((h, i) => [h, rows.map((row) => row[i] ?? null)]));
}

export async function readSnapshot(context: Excel.RequestContext, request: SnapshotRequest, sync: SyncCounter): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const canReadOnly = supportsExcelApi(FEATURE_SETS.readOnlyFlag);
  if (canReadOnly) workbook.load("readOnly");
  const worksheets = workbook.worksheets.load("items/name, items/protection/protected");
  const tables = workbook.tables.load("items/name, items/worksheet/name");
  const names = workbook.names.load("items/name, items/type, items/value");
  await sync(context);

  const wantedTables = new Set(request.tables.map(lower));
  const fullTables = new Set(request.fullTables.map(lower));
  const ours = tables.items.filter((t) => wantedTables.has(lower(t.name)));
  const wantedSheets = new Set(request.sheets.map(lower));
  const sheetsToMeasure = worksheets.items.filter((s) => wantedSheets.has(lower(s.name)));
  const hasGrid = !!request.gridName && names.items.some((n) => lower(n.name) === lower(request.gridName!));

  const tableReads = ours.map((table) => {
    const header = table.getHeaderRowRange().load("values, address");
    const body = table.getDataBodyRange().load(fullTables.has(lower(table.name)) ? "rowCount, values" : "rowCount");
    const firstRow = table.getDataBodyRange().getRow(0).load("formulas");
    return { table, header, body, firstRow };
  });
  const usedRanges = sheetsToMeasure.map((sheet) => ({
    sheet,
    used: sheet.getUsedRangeOrNullObject(true).load("address"),
    charts: sheet.charts.load("items/name"),
  }));
  const grid = hasGrid ? workbook.names.getItem(request.gridName!).getRange().load("values") : undefined;
  const wantedBlocks = new Set((request.blocks ?? []).map(lower));
  const blockReads = names.items
    .filter((n) => wantedBlocks.has(lower(n.name)) && n.type === "Range")
    .map((n) => ({ name: n.name, range: workbook.names.getItem(n.name).getRange().load("address, values") }));
  if (tableReads.length > 0 || usedRanges.length > 0 || grid || blockReads.length > 0) await sync(context);

  const tableSnapshots: TableSnapshot[] = tableReads.map(({ table, header, body, firstRow }) => {
    const start = parseRange(header.address).start;
    const headers = (header.values[0] ?? []).map((v) => String(v));
    const bodyRows = body.rowCount;
    const formulas = bodyRows > 0 ? ((firstRow.formulas[0] ?? []) as CellValue[]) : [];
    const isFull = fullTables.has(lower(table.name));
    return {
      name: table.name,
      sheet: table.worksheet.name,
      headerRow: start.row,
      firstColumn: start.column,
      headers,
      bodyRows,
      firstRowFormulas: formulas,
      body: isFull ? (body.values as CellValue[][]) : undefined,
      columns: isFull ? columnsOf(headers, body.values as CellValue[][]) : undefined,
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
    };
  });
  return {
    readOnly: canReadOnly ? workbook.readOnly : false,
    sheets,
    tables: tableSnapshots,
    names: names.items.map((n) => n.name),
    nameSheets: Object.fromEntries(
      names.items.filter((n) => n.type === "Range").flatMap((n) => {
        const sheet = sheetOfReference(String(n.value));
        return sheet ? [[n.name.toLowerCase(), sheet]] : [];
      }),
    ),
    scoreMatrix: grid ? (grid.values as CellValue[][]) : undefined,
    blocks: blockReads.map(({ name, range }) => blockSnapshot(name, range)),
  };
}

/** A named per-row block: its first row holds the headers, the rest the rows. */
function blockSnapshot(name: string, range: Excel.Range): TableSnapshot {
  const [headerRow = [], ...body] = range.values as CellValue[][];
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
    columns: columnsOf(headers, body),
  };
}
