/**
 * Import into a register through Office.js: two syncs read the workbook's layout and scales, one
 * reads the ID columns, and the rows are written in as few syncs as the 5 MB request limit allows
 * (new rows through `TableRowCollection.add`, updated cells as 2D runs per column). An update
 * first reads the columns it writes (in slices under the 5 MB response limit) and writes only the
 * cells whose value changes. Calculated columns are never written: Excel fills them in the rows it adds.
 */
import { CellValue } from "../core/blueprint/types";
import { holdsValue, scaleTablesOf, ImportChoices, PreparedImport, prepareImport, SourceCell, WorkbookFacts, listKeyOf } from "../core/import";
import { asLiteralText } from "../core/literalText";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { TableSnapshot } from "../core/plan/snapshot";
import { REGISTERS, registerByTable, RegisterDeclaration } from "../core/registers";
import { rowKeyColumns } from "../core/registers/rowKey";
import { SCALE_TABLES } from "../core/blueprint/scalesSheet";
import { defaultScales } from "../core/scales";
import { frameworkKeys } from "../core/frameworkKeys";
import { getFramework } from "../core/catalogs";
import { OperationBlockedError } from "./errors";
import { Batcher, rowSlices } from "./requestBudget";
import { readSnapshot } from "./snapshot";
import { readTables } from "./readTables";
import { createSyncCounter, SyncCounter } from "./syncCounter";
import type { RequestContext } from "./officeApi";

export interface ImportRequest {
  /** Register table ("Risks", "Assets", …). */
  register: string;
  /** File or sheet name, for messages. */
  sourceName: string;
  grid: SourceCell[][];
  choices: ImportChoices;
  /** Write the rows (otherwise only the preview). Rows with errors are never written. */
  apply: boolean;
  /** Write the valid rows even though other rows have errors (they are left out). */
  skipInvalid?: boolean;
}

export interface ImportResult {
  prepared: PreparedImport;
  written: { added: number; updated: number } | undefined;
  syncs: number;
}

export class ImportRefusedError extends Error {}

const lower = (s: string) => s.toLowerCase();

function requireRegister(table: string): RegisterDeclaration {
  const register = registerByTable(table);
  if (!register) throw new ImportRefusedError(`"${table}" is not a register. Registers: ${REGISTERS.map((r) => r.table).join(", ")}.`);
  return register;
}

/** Lists and labels of the Scales tables the register's drop-downs read. */
function scaleFacts(tables: readonly TableSnapshot[]): Pick<WorkbookFacts, "lists" | "labels"> {
  const lists = new Map<string, CellValue[]>();
  const labels = new Map<string, Map<string, CellValue>>();
  for (const table of tables) {
    if (!table.body) continue;
    table.headers.forEach((header, c) => {
      lists.set(listKeyOf(table.name, header), table.body!.map((row) => row[c]).filter((v) => v !== null && v !== ""));
    });
    const level = table.headers.findIndex((h) => lower(h) === "level");
    const label = table.headers.findIndex((h) => lower(h) === "label");
    if (level >= 0 && label >= 0) {
      labels.set(listKeyOf(table.name, table.headers[level]), new Map(table.body.filter((row) => row[label]).map((row) => [lower(String(row[label]).trim()), row[level]])));
    }
  }
  return { lists, labels };
}

/** A written cell: text stays text (never a formula, a number or a date Excel guesses), blanks are "". */
export function cellInput(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? asLiteralText(value) : value;
}

/** Consecutive body rows, so one column of many updated rows is a few 2D writes. */
function runs(cells: Array<{ index: number; value: CellValue }>): Array<{ start: number; values: CellValue[][] }> {
  const sorted = [...cells].sort((a, b) => a.index - b.index);
  const result: Array<{ start: number; values: CellValue[][] }> = [];
  for (const cell of sorted) {
    const last = result[result.length - 1];
    if (last && last.start + last.values.length === cell.index) last.values.push([cell.value]);
    else result.push({ start: cell.index, values: [[cell.value]] });
  }
  return result;
}

export async function importIntoRegister(context: RequestContext, request: ImportRequest, sync: SyncCounter = createSyncCounter()): Promise<ImportResult> {
  const register = requireRegister(request.register);
  const scaleTables = [...new Set([...Object.values(SCALE_TABLES), ...scaleTablesOf(register.fields({ scales: defaultScales(), frameworks: [] }))])];
  const snapshot = await readSnapshot(
    context,
    { tables: [...REGISTERS.map((r) => r.table), ...scaleTables], fullTables: scaleTables, sheets: [] },
    sync,
  );
  const layout = (name: string) => snapshot.tables.find((t) => lower(t.name) === lower(name));
  const target = layout(register.table);
  if (!target) throw new ImportRefusedError(`The workbook has no ${register.table} table (sheet "${register.sheet.name}"). Build the workbook first, then import.`);
  if (snapshot.readOnly) throw new OperationBlockedError(["The workbook is read-only, so nothing can be imported. Save a copy and import into it."]);
  if (request.apply && snapshot.sheets.find((s) => lower(s.name) === lower(target.sheet))?.protected) {
    throw new OperationBlockedError([`The sheet "${target.sheet}" is protected. Unprotect it (Review ▸ Unprotect Sheet) and import again; nothing was changed.`]);
  }
  const scales = scalesFromSnapshot(snapshot) ?? defaultScales();
  const controls = layout(REGISTERS.find((r) => r.table === "Controls")?.table ?? "Controls");
  const controlHeaders = new Set((controls?.headers ?? []).map(lower));
  const frameworks = frameworkKeys().filter((key) => controlHeaders.has(lower(getFramework(key).shortName)));
  const fields = register.fields({ scales, frameworks });

  // One sync: the ID column of this register and of every register its ID columns point at, and
  // this register's other key columns when rows are known by several (Vendor ID and Question ID).
  const referenced = new Set([register.table, ...fields.flatMap((f) => (f.type.kind === "ids" ? [f.type.register] : []))].map(lower));
  const columnRead = (table: TableSnapshot, header: string) => {
    const at = table.headers.findIndex((h) => lower(h) === lower(header));
    return at < 0 ? undefined : context.workbook.worksheets.getItem(table.sheet).getRangeByIndexes(table.headerRow + 1, table.firstColumn + at, table.bodyRows, 1).load("values");
  };
  const keyReads = REGISTERS.flatMap((r) => {
    const table = layout(r.table);
    if (!table || !referenced.has(lower(r.table)) || table.bodyRows === 0) return [];
    const range = columnRead(table, r.keyColumn);
    return range ? [{ table: r.table, range }] : [];
  });
  const keyColumns = rowKeyColumns(register);
  const otherKeyReads = keyColumns.length > 1 && target.bodyRows > 0 ? keyColumns.map((header) => columnRead(target, header)) : [];
  // A new table keeps one empty body row (Excel's "Insert ▸ Table" does the same): the import fills it
  // rather than leaving a blank row above the imported ones.
  const onlyRow =
    target.bodyRows === 1
      ? context.workbook.worksheets.getItem(target.sheet).getRangeByIndexes(target.headerRow + 1, target.firstColumn, 1, target.headers.length).load("formulas")
      : undefined;
  if (keyReads.length > 0 || otherKeyReads.length > 0 || onlyRow) await sync(context);
  const idsOf = new Map(keyReads.map(({ table, range }) => [lower(table), range.values.map((row) => String(row[0] ?? "").trim())]));
  const text = (value: unknown) => String(value ?? "").trim();
  const facts: WorkbookFacts = {
    headers: target.headers,
    existingIds: idsOf.get(lower(register.table)) ?? [],
    // A key column the table lacks reads as blank: no row then matches on it.
    existingKeys: otherKeyReads.length > 0 ? Array.from({ length: target.bodyRows }, (_, i) => otherKeyReads.map((range) => text(range?.values[i]?.[0]))) : undefined,
    knownIds: new Map([...idsOf].map(([table, ids]) => [table, new Set(ids.filter(Boolean).map(lower))])),
    ...scaleFacts(scaleTables.map(layout).filter((t): t is TableSnapshot => t !== undefined)),
  };
  const prepared = prepareImport(register, fields, request.sourceName, request.grid, request.choices, facts);
  const { preview } = prepared;
  const blocked = preview.rejected.length > 0 && !request.skipInvalid;
  if (!request.apply || blocked || preview.adds.length + preview.updates.length === 0) {
    return { prepared, written: request.apply && !blocked ? { added: 0, updated: 0 } : undefined, syncs: sync.count };
  }

  const batch = new Batcher(context, sync);
  const table = context.workbook.tables.getItem(target.name);
  const position = new Map(target.headers.map((h, i) => [lower(h), i]));
  if (preview.adds.length > 0) {
    const calculated = new Set(fields.filter((f) => f.formula).map((f) => lower(f.header)));
    const rows = preview.adds.map((row) => {
      const line: CellValue[] = target.headers.map(() => "");
      for (const [header, value] of Object.entries(row.values)) {
        const at = position.get(lower(header));
        if (at !== undefined) line[at] = cellInput(value);
      }
      return line;
    });
    const emptyRow = onlyRow?.formulas[0]?.every((v, i) => calculated.has(lower(target.headers[i])) || v === "" || v === null);
    if (emptyRow) {
      // null leaves a cell as it is: the calculated columns keep their formulas.
      const first = rows.shift()!.map((v, i) => (calculated.has(lower(target.headers[i])) ? null : v));
      await batch.reserve(first);
      onlyRow!.formulas = [first] as (string | number | boolean)[][];
    }
    for (const [, slice] of rowSlices(rows)) {
      await batch.reserve(slice);
      table.rows.add(undefined, slice as (string | number | boolean)[][]);
    }
  }
  if (preview.updates.length > 0) {
    const sheet = context.workbook.worksheets.getItem(target.sheet);
    // The register's fields and the user's own columns: every column an import writes has one.
    const fieldOf = new Map(prepared.fields.map((f) => [lower(f.header), f]));
    const updated = preview.writtenColumns.flatMap((header) => {
      const at = position.get(lower(header));
      return at === undefined || keyColumns.some((key) => lower(key) === lower(header)) ? [] : [{ header, at, field: fieldOf.get(lower(header))! }];
    });
    // A cell that already holds the value is left as it is, so a round trip keeps 7.2 a number
    // rather than rewriting it as the text "7.2" a CSV file carries, and a date-time Excel saved
    // keeps its own digits. Only the written columns are read.
    const columnOf = ({ header, at }: { header: string; at: number }): TableSnapshot => ({ ...target, name: `${target.name}[${header}]`, firstColumn: target.firstColumn + at, headers: [header] });
    const current = await readTables(context, updated.map(columnOf), sync);
    for (const column of updated) {
      const { header, at, field } = column;
      const shown = current.get(lower(columnOf(column).name))!.rows;
      const cells = preview.updates.flatMap((row) =>
        header in row.values && !holdsValue(shown[row.bodyIndex]?.[0], row.values[header], field) ? [{ index: row.bodyIndex, value: cellInput(row.values[header]) }] : [],
      );
      for (const run of runs(cells)) {
        await batch.reserve(run.values);
        sheet.getRangeByIndexes(target.headerRow + 1 + run.start, target.firstColumn + at, run.values.length, 1).formulas = run.values as (string | number | boolean)[][];
      }
    }
  }
  await batch.flush();
  return { prepared, written: { added: preview.adds.length, updated: preview.updates.length }, syncs: sync.count };
}
