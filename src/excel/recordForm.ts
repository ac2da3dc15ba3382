/**
 * The record form through Office.js. Opening reads the registers' layout and the Scales lists (the
 * snapshot's two syncs), then the ID columns and the selected row (one more). Saving writes one row
 * in one sync: `table.rows.add` with one row for a new record, or one 2D array on the row's range for
 * an edit, where `null` leaves a cell as it is (calculated columns and every cell the form did not
 * change). Other rows are never addressed.
 *
 * The same sync first reads the target row and the ID column as they are before the write (Office.js
 * runs a batch's commands in order), so a row that moved or changed since the form opened is found
 * and put back, and the save refused, instead of overwriting someone else's edit.
 */
import { CellValue } from "../core/blueprint/types";
import { listKeyOf, scaleTablesOf } from "../core/import";
import { TableSnapshot } from "../core/plan/snapshot";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { FormInputs, inputsForNew, inputsOfRow, keyClashMessage, RecordFacts, recordForm, RecordForm } from "../core/recordForm";
import { REGISTERS, registerByTable, RegisterDeclaration } from "../core/registers";
import { rowIdentity, rowKeyColumns } from "../core/registers/rowKey";
import { SCALE_TABLES } from "../core/blueprint/scalesSheet";
import { defaultScales } from "../core/scales";
import { FRAMEWORK_KEYS } from "../core/frameworkKeys";
import { getFramework } from "../core/catalogs";
import { OperationBlockedError } from "./errors";
import { cellInput } from "./importRegister";
import { readSnapshot } from "./snapshot";
import { createSyncCounter, SyncCounter } from "./syncCounter";
import type { Range, RequestContext, TableRow } from "./officeApi";

export interface RecordFormRequest {
  mode: "add" | "edit";
  /** Register table; for an edit, defaults to the table holding the selection; for an add, to that table or the first register present. */
  table?: string;
}

/** Where a save writes: a new row at the end, or one body row (an edit, or a new table's one empty row). */
export type RecordTarget = { kind: "append" } | { kind: "row"; bodyIndex: number; original: CellValue[]; emptyRow?: boolean };

export interface OpenedRecordForm {
  mode: "add" | "edit";
  form: RecordForm;
  sheet: string;
  /** The registers this workbook holds, for the register picker. */
  registers: Array<{ table: string; sheet: string; noun: string }>;
  target: RecordTarget;
  /** The form's starting text (the row's cells, or a new record with the next free ID). */
  inputs: FormInputs;
  facts: RecordFacts;
  /** 1-based row number on the sheet of the row being edited. */
  sheetRow?: number;
  syncs: number;
}

export interface SaveRecordRequest {
  table: string;
  /** The table's headers when the form opened. */
  headers: string[];
  keyColumn: string;
  /** The columns that together identify a row (the form's keyColumns); the key column alone when absent. */
  keyColumns?: readonly string[];
  target: RecordTarget;
  /** Values of the headers to write (by header); every other cell of the row is left as it is. */
  values: Record<string, CellValue>;
}

export interface SavedRecord {
  id: string;
  /** "'Risk Register'!A12:Z12" */
  address: string;
  added: boolean;
  syncs: number;
}

export class RecordConflictError extends OperationBlockedError {}

const lower = (s: string) => s.toLowerCase();

/** "Level" → "Label" of each Scales table that has both: the drop-downs show "3 Possible". */
function levelLabels(tables: readonly TableSnapshot[]): Map<string, Map<string, string>> {
  const labels = new Map<string, Map<string, string>>();
  for (const table of tables) {
    const level = table.headers.findIndex((h) => lower(h) === "level");
    const label = table.headers.findIndex((h) => lower(h) === "label");
    if (!table.body || level < 0 || label < 0) continue;
    labels.set(listKeyOf(table.name, table.headers[level]), new Map(table.body.filter((row) => row[label]).map((row) => [String(row[level]), String(row[label])])));
  }
  return labels;
}

/** Lists and labels of the Scales tables, as import reads them (labels name levels: "possible" → 3). */
function scaleLists(tables: readonly TableSnapshot[]): RecordFacts["values"] {
  const lists = new Map<string, CellValue[]>();
  const labels = new Map<string, Map<string, CellValue>>();
  for (const table of tables) {
    if (!table.body) continue;
    table.headers.forEach((header, c) => lists.set(listKeyOf(table.name, header), table.body!.map((row) => row[c]).filter((v) => v !== null && v !== "")));
  }
  for (const [key, byLevel] of levelLabels(tables)) {
    const levels = lists.get(key) ?? [];
    labels.set(key, new Map([...byLevel].map(([level, label]) => [lower(label.trim()), levels.find((v) => String(v) === level) ?? level])));
  }
  return { lists, labels };
}

const contains = (table: TableSnapshot, sheet: string, row: number) =>
  lower(table.sheet) === lower(sheet) && row > table.headerRow && row <= table.headerRow + table.bodyRows;

export async function openRecordForm(context: RequestContext, request: RecordFormRequest, sync: SyncCounter = createSyncCounter()): Promise<OpenedRecordForm> {
  const selection = context.workbook.getSelectedRange().load("rowIndex,rowCount");
  const selectedSheet = selection.worksheet.load("name");
  const everyScaleTable = [...new Set([...Object.values(SCALE_TABLES), ...REGISTERS.flatMap((r) => scaleTablesOf(r.fields({ scales: defaultScales(), frameworks: [] })))])];
  const snapshot = await readSnapshot(context, { tables: [...REGISTERS.map((r) => r.table), ...everyScaleTable], fullTables: everyScaleTable, sheets: [] }, sync);
  const layout = (name: string) => snapshot.tables.find((t) => lower(t.name) === lower(name));
  const present = REGISTERS.flatMap((r) => {
    const table = layout(r.table);
    return table ? [{ register: r, table }] : [];
  });
  if (present.length === 0) throw new OperationBlockedError(["This workbook has no registers yet. Run Build in Set up first, then add records."]);
  const atSelection = present.find((p) => contains(p.table, selectedSheet.name, selection.rowIndex));

  let chosen: { register: RegisterDeclaration; table: TableSnapshot } | undefined;
  if (request.table) {
    const register = registerByTable(request.table);
    if (!register) throw new OperationBlockedError([`"${request.table}" is not a register. Registers: ${REGISTERS.map((r) => r.table).join(", ")}.`]);
    chosen = present.find((p) => p.register === register);
    if (!chosen) throw new OperationBlockedError([`The workbook has no ${register.table} table (sheet "${register.sheet.name}"). Run Build in Set up to add it.`]);
  } else {
    chosen = atSelection ?? (request.mode === "add" ? present[0] : undefined);
  }
  if (request.mode === "edit") {
    if (!chosen || atSelection?.register !== chosen.register) {
      const where = chosen ? `a row of the ${chosen.table.name} table on "${chosen.table.sheet}"` : `a row of a register (${present.map((p) => p.table.sheet).join(", ")})`;
      throw new OperationBlockedError([`Select a cell in ${where}, then choose Edit selected row.`]);
    }
    if (selection.rowCount > 1) throw new OperationBlockedError(["The selection spans several rows. Select one cell of the row to edit."]);
  }
  const { register, table } = chosen!;
  const scales = scalesFromSnapshot(snapshot) ?? defaultScales();
  const controlHeaders = new Set((layout("Controls")?.headers ?? []).map(lower));
  const frameworks = FRAMEWORK_KEYS.filter((key) => controlHeaders.has(lower(getFramework(key).shortName)));
  const declared = register.fields({ scales, frameworks });

  // One sync: the ID column of this register and of those its ID columns point at, and the row being edited.
  const sheet = context.workbook.worksheets.getItem(table.sheet);
  const referenced = new Set([register.table, ...declared.flatMap((f) => (f.type.kind === "ids" ? [f.type.register] : []))].map(lower));
  const keyReads = present.flatMap(({ register: r, table: t }) => {
    const keyAt = t.headers.findIndex((h) => lower(h) === lower(r.keyColumn));
    if (!referenced.has(lower(r.table)) || keyAt < 0 || t.bodyRows === 0) return [];
    return [{ table: r.table, range: context.workbook.worksheets.getItem(t.sheet).getRangeByIndexes(t.headerRow + 1, t.firstColumn + keyAt, t.bodyRows, 1).load("values") }];
  });
  // A long-form table (Vendor Answers) is identified by several columns: read the others too, for the duplicate check.
  const keyColumns = rowKeyColumns(register);
  const ownKeyReads =
    keyColumns.length > 1 && table.bodyRows > 0
      ? keyColumns.map((header) => {
          // The key column itself is already among keyReads.
          if (lower(header) === lower(register.keyColumn)) return keyReads.find((k) => lower(k.table) === lower(register.table))?.range;
          const at = table.headers.findIndex((h) => lower(h) === lower(header));
          return at < 0 ? undefined : sheet.getRangeByIndexes(table.headerRow + 1, table.firstColumn + at, table.bodyRows, 1).load("values");
        })
      : [];
  const editIndex = request.mode === "edit" ? selection.rowIndex - table.headerRow - 1 : table.bodyRows === 1 ? 0 : undefined;
  const rowRange = editIndex === undefined ? undefined : sheet.getRangeByIndexes(table.headerRow + 1 + editIndex, table.firstColumn, 1, table.headers.length).load("values,formulas");
  if (keyReads.length > 0 || rowRange || ownKeyReads.length > 0) await sync(context);

  const idsOf = new Map(keyReads.map(({ table: name, range }) => [lower(name), range.values.map((row) => String(row[0] ?? "").trim())]));
  const existingIds = idsOf.get(lower(register.table)) ?? [];
  const formulas = (rowRange?.formulas[0] ?? table.firstRowFormulas) as CellValue[];
  const declaredHeaders = new Set(declared.map((f) => lower(f.header)));
  const ownFormulas = table.headers.filter((h, i) => !declaredHeaders.has(lower(h)) && typeof formulas[i] === "string" && String(formulas[i]).startsWith("="));
  const scaleSnapshots = everyScaleTable.map(layout).filter((t): t is TableSnapshot => t !== undefined);
  const values = scaleLists(scaleSnapshots);
  const form = recordForm(register, declared, table.headers, { lists: values.lists, labels: levelLabels(scaleSnapshots) }, ownFormulas);
  const existingKeys =
    ownKeyReads.length > 0
      ? Array.from({ length: table.bodyRows }, (_, i) => rowIdentity(ownKeyReads.map((range) => String(range?.values[i]?.[0] ?? "").trim())))
      : undefined;
  const facts: RecordFacts = {
    values,
    existingIds,
    ...(existingKeys ? { existingKeys } : {}),
    knownIds: new Map([...idsOf].map(([name, ids]) => [name, new Set(ids.filter(Boolean).map(lower))])),
    editing: request.mode === "edit" ? editIndex : undefined,
  };
  const rowFormulas = rowRange ? (rowRange.formulas[0] as CellValue[]) : undefined;
  // A new table keeps one empty body row (as Excel's Insert ▸ Table does): a new record fills it.
  const onlyRowIsEmpty =
    request.mode === "add" && rowFormulas !== undefined && rowFormulas.every((v, i) => v === null || v === "" || form.fields.find((f) => lower(f.header) === lower(table.headers[i]))?.readOnly);
  const target: RecordTarget =
    request.mode === "edit" || onlyRowIsEmpty ? { kind: "row", bodyIndex: editIndex!, original: rowFormulas!, emptyRow: onlyRowIsEmpty } : { kind: "append" };
  return {
    mode: request.mode,
    form,
    sheet: table.sheet,
    registers: present.map(({ register: r, table: t }) => ({ table: r.table, sheet: t.sheet, noun: r.noun })),
    target,
    inputs: request.mode === "edit" ? inputsOfRow(form, rowRange!.values[0] as CellValue[]) : inputsForNew(form, existingIds),
    facts,
    sheetRow: request.mode === "edit" ? selection.rowIndex + 1 : undefined,
    syncs: sync.count,
  };
}

/** The cells of one row to write: the values by position, `null` (leave as it is) everywhere else. */
function rowToWrite(headers: readonly string[], values: Record<string, CellValue>, blankAs: null | ""): CellValue[] {
  const byHeader = new Map(Object.entries(values).map(([h, v]) => [lower(h), v]));
  return headers.map((h) => (byHeader.has(lower(h)) ? cellInput(byHeader.get(lower(h))) : blankAs));
}

const sameCell = (a: CellValue | undefined, b: CellValue | undefined) => (a ?? "") === (b ?? "") || String(a ?? "") === String(b ?? "");

export async function saveRecord(context: RequestContext, request: SaveRecordRequest, sync: SyncCounter = createSyncCounter()): Promise<SavedRecord> {
  const { target, headers } = request;
  const table = context.workbook.tables.getItem(request.table);
  // Read before the write in the same batch: these return what the table held before this save.
  const header = table.getHeaderRowRange().load("values");
  const keyAt = headers.findIndex((h) => lower(h) === lower(request.keyColumn));
  const keyColumns = request.keyColumns ?? [request.keyColumn];
  const keyPositions = keyColumns.map((k) => headers.findIndex((h) => lower(h) === lower(k)));
  const keys = keyPositions.map((at) => table.getDataBodyRange().getColumn(at).load("values"));
  const partOf = (header: string, at: number) => String(request.values[header] ?? (target.kind === "row" ? target.original[at] : "") ?? "").trim();
  const parts = keyColumns.map((header, i) => partOf(header, keyPositions[i]));
  const id = partOf(request.keyColumn, keyAt);
  const writes = new Set(Object.keys(request.values).map(lower));
  let before: Range | undefined;
  let added: TableRow | undefined;
  let written: Range;
  if (target.kind === "row") {
    written = table.getDataBodyRange().getRow(target.bodyIndex);
    before = written.load("formulas");
    written.formulas = [rowToWrite(headers, request.values, null)] as (string | number | boolean)[][];
  } else {
    // Blank, not null, in a new row: Excel fills the calculated columns.
    added = table.rows.add(undefined, [rowToWrite(headers, request.values, "")] as (string | number | boolean)[][]);
    written = added.getRange();
  }
  written.load("address");
  await sync(context);

  const problems: string[] = [];
  const headersNow = (header.values[0] as CellValue[]).map((h) => lower(String(h ?? "")));
  if (headersNow.length !== headers.length || headersNow.some((h, i) => h !== lower(headers[i]))) problems.push(`The columns of ${request.table} changed since the form opened.`);
  if (target.kind === "row") {
    const now = before!.formulas[0] as CellValue[];
    const changed = headers.filter((h, i) => writes.has(lower(h)) && !sameCell(target.original[i], now[i]));
    if (!sameCell(target.original[keyAt], now[keyAt])) problems.push("The row moved since the form opened (rows were sorted, added or deleted).");
    else if (changed.length > 0) problems.push(`${changed.join(", ")} ${changed.length === 1 ? "was" : "were"} changed in the sheet since the form opened.`);
  }
  const identity = rowIdentity(parts);
  const identities = (keys[0].values as CellValue[][]).map((_, row) => rowIdentity(keys.map((k) => String((k.values as CellValue[][])[row]?.[0] ?? ""))));
  const clash = identities.findIndex((k, i) => k === identity && !(target.kind === "row" && i === target.bodyIndex));
  if (identity && clash >= 0) problems.push(keyClashMessage(keyColumns, parts, request.table, clash));

  if (problems.length > 0) {
    // Put the table back as it was: the written cells get their earlier content, an added row goes.
    if (before && target.kind === "row") {
      const earlier = before.formulas[0] as CellValue[];
      table.getDataBodyRange().getRow(target.bodyIndex).formulas = [headers.map((h, i) => (writes.has(lower(h)) ? earlier[i] : null))] as (string | number | boolean)[][];
    }
    added?.delete();
    await sync(context);
    throw new RecordConflictError([...problems, "Nothing was changed. Open the form again to see the row as it is now."]);
  }
  return { id, address: written.address, added: target.kind === "append" || target.emptyRow === true, syncs: sync.count };
}
