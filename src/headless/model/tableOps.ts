import { assertOneFormulaPerColumn } from "./calculatedColumns";
import { type Rect, absoluteRectAddress, columnLetters, intersectRects, quoteSheetName, rectAddress } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import { assertEditable, displayText, parseEntry, writeCells, writeEntry } from "./cells";
import { growEntriesEndingAt, shiftColumnsInRows, shiftRowsInColumns } from "./shift";
import type { SheetModel } from "./sheet";
import { TableModel, uniqueHeaders } from "./table";
import type { HeadlessWorkbook } from "./workbook";
import { mapStructuredRefs, renameReferences, type Renames } from "../../core/plan/structuredRefs";
import { parseStructuredSpec, structuredRect } from "../calc/structuredRefs";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export function validateTableName(workbook: HeadlessWorkbook, name: string, table?: TableModel): void {
  if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) throw new HeadlessOfficeError("InvalidArgument");
  if (workbook.isNameTaken(name, table)) throw new HeadlessOfficeError("ItemAlreadyExists");
}

export function createTable(workbook: HeadlessWorkbook, sheet: SheetModel, given: Rect, hasHeaders: boolean): TableModel {
  assertEditable(sheet, given, "structure");
  let rect = given;
  if (!hasHeaders) {
    // Excel inserts a header row above the data, shifting the data down inside the table's columns.
    shiftRowsInColumns(workbook, sheet, workbook.tablesOn(sheet), rect.r0, 1, rect.c0, rect.c1);
    rect = { ...rect, r1: rect.r1 + 1 };
  } else if (rect.r0 === rect.r1) {
    rect = { ...rect, r1: rect.r1 + 1 }; // a table always has at least one body row
  }
  if (workbook.tablesOn(sheet).some((t) => intersectRects(t.rect, rect))) throw new HeadlessOfficeError("InvalidArgument");
  const headers = uniqueHeaders(hasHeaders ? sheet.valuesOf(rectAddress({ ...rect, r1: rect.r0 }))[0] : new Array(rect.c1 - rect.c0 + 1).fill(""));
  headers.forEach((header, i) => sheet.setCellContent(rect.r0, rect.c0 + i, { value: header }));
  let n = workbook.tables.length + 1;
  while (workbook.isNameTaken(`Table${n}`)) n++;
  const table = new TableModel(`Table${n}`, workbook.newId("table"), sheet, rect, headers.map((_h, i) => i + 1));
  workbook.tables.push(table);
  return table;
}

function rowIsEmpty(sheet: SheetModel, row: number, c0: number, c1: number): boolean {
  for (const { cell } of sheet.cellsIn({ r0: row, r1: row, c0, c1 })) {
    if (cell.value !== undefined || cell.formula !== undefined) return false;
  }
  return true;
}

/** The formula shared by every body cell of a column (Excel's calculated column), if any. */
function calculatedFormula(table: TableModel, col: number, rows: number[]): string | undefined {
  if (rows.length === 0) return undefined;
  const first = table.sheet.cell(rows[0], col)?.formula;
  return first !== undefined && rows.every((row) => table.sheet.cell(row, col)?.formula === first) ? first : undefined;
}

/**
 * TableRowCollection.add: inserts rows (index null = append), grows the table, fills calculated columns
 * where the supplied value is empty, and carries formats, validation and conditional formats down.
 * A new table's single empty body row is filled first, as Excel does.
 */
export function addTableRows(workbook: HeadlessWorkbook, table: TableModel, index: number | null | undefined, values: unknown[][] | undefined): void {
  const { sheet } = table;
  const columns = table.columnCount;
  const rows = values ?? [new Array(columns).fill("")];
  if (rows.some((line) => !Array.isArray(line) || line.length !== columns)) throw new HeadlessOfficeError("InvalidArgument");
  const body = table.bodyRect;
  const bodyRows = table.bodyRowCount;
  if (index !== null && index !== undefined && (index < 0 || index > bodyRows)) throw new HeadlessOfficeError("InvalidArgument");
  assertEditable(sheet, table.rect, "structure");
  assertOneFormulaPerColumn(table, rows);

  const existingRows: number[] = [];
  for (let r = body.r0; r <= body.r1; r++) existingRows.push(r);
  const reuseEmptyRow = bodyRows === 1 && rowIsEmpty(sheet, body.r0, table.rect.c0, table.rect.c1) && (index ?? 0) <= 1;
  const formulaRows = reuseEmptyRow ? [] : existingRows;

  let firstNew = index === null || index === undefined ? body.r1 + 1 : body.r0 + index;
  let inserted = rows.length;
  if (reuseEmptyRow) {
    firstNew = body.r0;
    inserted = rows.length - 1;
  }
  const insertAt = reuseEmptyRow ? body.r0 + 1 : firstNew;
  if (inserted > 0) {
    const styleSource = insertAt - 1;
    const appending = insertAt > body.r1;
    shiftRowsInColumns(workbook, sheet, workbook.tablesOn(sheet).filter((t) => t !== table), insertAt, inserted, table.rect.c0, table.rect.c1);
    if (appending) growEntriesEndingAt(sheet, body.r1, inserted, table.rect.c0, table.rect.c1, body.r0);
    table.rect = { ...table.rect, r1: table.rect.r1 + inserted };
    for (let r = insertAt; r < insertAt + inserted; r++) {
      for (let c = table.rect.c0; c <= table.rect.c1; c++) {
        const style = sheet.cell(styleSource, c)?.style;
        if (style) sheet.ensureCell(r, c).style = { ...style };
      }
    }
  }
  // Read after the move: a calculated column's references to moved cells followed them.
  const movedRows = formulaRows.map((r) => (inserted > 0 && r >= insertAt ? r + inserted : r));
  const calculated = Array.from({ length: columns }, (_v, i) => calculatedFormula(table, table.rect.c0 + i, movedRows));
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i];
    for (let j = 0; j < columns; j++) {
      const raw = line[j];
      const formula = calculated[j];
      if (formula !== undefined && (raw === "" || raw === null || raw === undefined)) sheet.setCell(firstNew + i, table.rect.c0 + j, undefined, formula);
      else writeEntry(sheet, firstNew + i, table.rect.c0 + j, raw);
    }
  }
}

export function deleteTableRow(workbook: HeadlessWorkbook, table: TableModel, bodyIndex: number): void {
  assertEditable(table.sheet, table.rect, "structure");
  const row = table.bodyRect.r0 + bodyIndex;
  shiftRowsInColumns(workbook, table.sheet, workbook.tablesOn(table.sheet).filter((t) => t !== table), row, -1, table.rect.c0, table.rect.c1);
  table.rect = { ...table.rect, r1: table.rect.r1 - 1 };
}

const othersOn = (workbook: HeadlessWorkbook, table: TableModel) => workbook.tablesOn(table.sheet).filter((t) => t !== table);

/** TableColumnCollection.add: `values` include the header cell when their length is the table's row count. */
export function addTableColumn(workbook: HeadlessWorkbook, table: TableModel, index: number | null | undefined, values: unknown[][] | undefined, name: string | undefined): void {
  const { sheet } = table;
  if (index !== null && index !== undefined && (index < 0 || index > table.columnCount)) throw new HeadlessOfficeError("InvalidArgument");
  assertEditable(sheet, table.rect, "structure");
  const tableRows = table.rect.r1 - table.rect.r0 + 1;
  if (values && values.length !== tableRows && values.length !== table.bodyRowCount) throw new HeadlessOfficeError("InvalidArgument");
  const col = index === null || index === undefined ? table.rect.c1 + 1 : table.rect.c0 + index;
  // Cells in the table's rows shift right, a table beside it included when it lies within those
  // rows; one that reaches above or below is refused (office-scripts-docs #654, in ./shift).
  shiftColumnsInRows(workbook, sheet, othersOn(workbook, table), col, 1, table.rect.r0, table.rect.r1);
  const includesHeader = values?.length === tableRows;
  const header = name ?? (includesHeader ? displayText(values?.[0]?.[0] as string) : "");
  const existing = table.columnNames();
  const unique = uniqueHeaders([...existing, header === "" ? `Column${existing.length + 1}` : header]).at(-1) ?? header;
  table.rect = { ...table.rect, c1: table.rect.c1 + 1 };
  table.columnIds.splice(col - table.rect.c0, 0, Math.max(0, ...table.columnIds) + 1);
  sheet.setCellContent(table.rect.r0, col, { value: unique });
  const body = values ? (includesHeader ? values.slice(1) : values) : [];
  body.forEach((line, i) => sheet.setCellContent(table.rect.r0 + 1 + i, col, parseEntry(line[0])));
}

/**
 * TableColumn.delete deletes the column's cells in the table's rows and shifts the cells to their
 * right one column left, the table beside it included (Excel's "Delete Table Columns"). Structured
 * references to the deleted column become #REF!, as references to deleted cells do
 * (support.microsoft.com, "How to correct a #REF! error").
 */
export function deleteTableColumn(workbook: HeadlessWorkbook, table: TableModel, index: number): void {
  assertEditable(table.sheet, table.rect, "structure");
  const col = table.rect.c0 + index;
  const deleted = table.columnNames()[index].toLowerCase();
  shiftColumnsInRows(workbook, table.sheet, othersOn(workbook, table), col, -1, table.rect.r0, table.rect.r1);
  table.columnIds.splice(index, 1);
  table.rect = { ...table.rect, c1: table.rect.c1 - 1 };
  const tableKey = table.name.toLowerCase();
  forEachFormula(workbook, table, (formula, inside) =>
    mapStructuredRefs(formula, (name, body) => {
      if (name ? name.toLowerCase() !== tableKey : !inside) return undefined;
      const columns = parseStructuredSpec(body).columns;
      return columns?.some((column) => column.toLowerCase() === deleted) ? "#REF!" : undefined;
    }),
  );
}

/**
 * Renaming a column renames it in every structured reference of the workbook, as Excel does
 * ("Excel automatically updates structured references when you rename a column or table":
 * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
 */
export function renameTableColumn(table: TableModel, index: number, name: string, workbook?: HeadlessWorkbook): void {
  const names = table.columnNames();
  if (!name || names.some((n, i) => i !== index && n.toLowerCase() === name.toLowerCase())) throw new HeadlessOfficeError("InvalidArgument");
  const old = names[index];
  table.sheet.setCellContent(table.rect.r0, table.rect.c0 + index, { value: name });
  if (workbook && old !== name) {
    renameEverywhere(workbook, table, { tables: new Map(), columns: new Map([[table.name.toLowerCase(), new Map([[old.toLowerCase(), name]])]]) });
  }
}

/** A renamed table is renamed in every structured reference too. */
export function renameTable(workbook: HeadlessWorkbook, table: TableModel, name: string): void {
  const old = table.name;
  table.name = name;
  if (old !== name) renameEverywhere(workbook, table, { tables: new Map([[old.toLowerCase(), name]]), columns: new Map() }, old);
}

function renameEverywhere(workbook: HeadlessWorkbook, table: TableModel, renames: Renames, tableName = table.name): void {
  forEachFormula(workbook, table, (formula, inside) => renameReferences(formula, renames, inside ? tableName : undefined));
}

/**
 * Rewrites every formula that may hold a structured reference: cells on every sheet (`inside` when
 * the cell is in `table`, where a table-less `[@Col]` means that table) and defined names.
 */
function forEachFormula(
  workbook: HeadlessWorkbook,
  table: TableModel,
  rewrite: (formula: string, inside: boolean, at: { sheet?: SheetModel; row: number }) => string,
): void {
  for (const sheet of workbook.sheets) {
    sheet.forEachCell((cell, row, col) => {
      if (cell.formula === undefined || !cell.formula.includes("[")) return;
      const inside = sheet === table.sheet && row >= table.rect.r0 && row <= table.rect.r1 && col >= table.rect.c0 && col <= table.rect.c1;
      const next = rewrite(cell.formula, inside, { sheet, row });
      if (next !== cell.formula) cell.formula = next;
    });
    for (const entry of sheet.names) entry.formula = rewrite(entry.formula, false, { row: -1 });
  }
  for (const entry of workbook.names) entry.formula = rewrite(entry.formula, false, { row: -1 });
}

/**
 * Table.convertToRange: "structured references (references that use table names) that were used in
 * formulas turn into regular cell references" (support.microsoft.com, "Convert an Excel table to a
 * range of data"). A column or special item becomes an absolute reference (`$C$2:$C$10`), a this-row
 * reference one with the row left relative in each cell (`$C5`), qualified with the sheet when the
 * formula is on another one; what names nothing (a this-row reference outside the body) is #REF!.
 * Defined names are rewritten the same way.
 */
export function rewriteReferencesToRange(workbook: HeadlessWorkbook, table: TableModel): void {
  const tableKey = table.name.toLowerCase();
  const columnOf = (t: TableModel, name: string) => t.columnIndexOf(name);
  forEachFormula(workbook, table, (formula, inside, { sheet: onSheet, row }) =>
    mapStructuredRefs(formula, (name, body) => {
      if (name ? name.toLowerCase() !== tableKey : !inside) return undefined;
      const spec = parseStructuredSpec(body);
      const rect = structuredRect(table, spec, row, columnOf);
      if (!rect) return "#REF!";
      const local = spec.specials.includes("#this row")
        ? [rect.c0, rect.c1].filter((c, i, all) => i === 0 || c !== all[0]).map((c) => `$${columnLetters(c)}${row + 1}`).join(":")
        : absoluteRectAddress(rect);
      return onSheet === table.sheet ? local : `${quoteSheetName(table.sheet.name)}!${local}`;
    }),
  );
}

/** Hides body rows whose text is not in every filtered column's list (Excel's values filter). */
export function reapplyFilters(table: TableModel): void {
  const body = table.bodyRect;
  for (let row = body.r0; row <= body.r1; row++) {
    let visible = true;
    for (const [index, allowed] of table.filters) {
      if (!allowed.includes(displayText(table.sheet.cell(row, table.rect.c0 + index)?.value))) visible = false;
    }
    if (visible) table.sheet.hiddenRows.delete(row);
    else table.sheet.hiddenRows.add(row);
  }
}

export function writeTableRow(table: TableModel, row: number, values: unknown): void {
  const rect = { ...table.rect, r0: row, r1: row };
  assertEditable(table.sheet, rect, "content");
  writeCells(table.sheet, rect, values);
}
