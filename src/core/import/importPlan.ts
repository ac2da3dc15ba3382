/**
 * The preview of an import, before anything is written: which source rows add a register row,
 * which update one (same ID), which are skipped, and every problem by source row and column.
 * Calculated columns are never written; blank source cells never clear a value on update.
 */
import { CellValue } from "../blueprint/types";
import { splitIds } from "../registers/checks";
import { rowIdentity, rowKeyColumns } from "../registers/rowKey";
import { FieldSpec, RegisterDeclaration } from "../registers/types";
import { cellText } from "./cellText";
import { readFieldValue, ValueContext } from "./fieldValue";
import { ColumnMatch } from "./headerMatch";
import { SourceTable } from "./sourceTable";

/**
 * What happens to a source row whose ID the register already has: `add` stops it (the row is a
 * problem), `skip` leaves the register row as it is, `update` writes the mapped columns.
 */
export type ImportMode = "add" | "update" | "skip";
export const IMPORT_MODES: readonly ImportMode[] = ["add", "update", "skip"];

export interface ImportProblem {
  /** 1-based row of the source file (the header row for problems of a whole column). */
  row: number;
  /** Source column header, when the problem is one cell's. */
  column?: string;
  /** Register column concerned. */
  field?: string;
  severity: "error" | "warning";
  message: string;
}

export interface RowToWrite {
  sourceRow: number;
  id: string;
  /** Values by register header; only the columns the import writes. */
  values: Record<string, CellValue>;
}

export interface RowToUpdate extends RowToWrite {
  /** 0-based index of the register's body row. */
  bodyIndex: number;
}

/** Source values read as something other than themselves ("H" as level 4): shown so none is silent. */
export interface ValueReading {
  field: string;
  from: string;
  to: string;
  how: string;
  count: number;
}

/** Source values a column cannot take: the user maps each to an allowed value, or fixes the file. */
export interface UnknownValues {
  field: string;
  column: string;
  allowed: readonly string[];
  values: Array<{ value: string; count: number; rows: number[] }>;
}

export interface ImportPreview {
  register: string;
  adds: RowToWrite[];
  updates: RowToUpdate[];
  skipped: Array<{ sourceRow: number; id: string; reason: string }>;
  /** Source rows with an error: never written. */
  rejected: Array<{ sourceRow: number; id: string }>;
  problems: ImportProblem[];
  readings: ValueReading[];
  unknownValues: UnknownValues[];
  /** Source columns that are not imported, and why. */
  ignoredColumns: Array<{ column: string; reason: string }>;
  /** Register columns written, in the register's order. */
  writtenColumns: string[];
}

export interface ImportRequest {
  register: RegisterDeclaration;
  /** The register's columns (from its declaration) plus any of the user's own columns, typed as text. */
  fields: readonly FieldSpec[];
  source: SourceTable;
  columns: readonly ColumnMatch[];
  mode: ImportMode;
  values: ValueContext;
  /** IDs of the register's body rows as the workbook holds them, in order. */
  existingIds: readonly string[];
  /**
   * Each body row's values of the register's key columns (rowKeyColumns: Vendor ID and Question ID
   * for Vendor Answers), in order; without it a row is known by its ID alone.
   */
  existingKeys?: ReadonlyArray<readonly string[]>;
  /** IDs each other register holds, by lower-case table name (lower-case IDs). */
  knownIds: ReadonlyMap<string, ReadonlySet<string>>;
}

/** "R-007" → next free "R-012" style IDs, continuing the register's own numbering. */
export function idGenerator(existing: Iterable<string>, table: string): () => string {
  const counts = new Map<string, { count: number; width: number; max: number }>();
  for (const id of existing) {
    const m = /^(.*?)(\d+)$/.exec(id.trim());
    if (!m) continue;
    const entry = counts.get(m[1]) ?? { count: 0, width: m[2].length, max: 0 };
    entry.count++;
    entry.max = Math.max(entry.max, Number(m[2]));
    counts.set(m[1], entry);
  }
  const [prefix, pattern] = [...counts].sort((a, b) => b[1].count - a[1].count)[0] ?? [`${table.charAt(0).toUpperCase()}-`, { width: 3, max: 0 }];
  let next = pattern.max;
  const taken = new Set([...existing].map((id) => id.trim().toLowerCase()));
  return () => {
    let id: string;
    do id = `${prefix}${String(++next).padStart(pattern.width, "0")}`;
    while (taken.has(id.toLowerCase()));
    taken.add(id.toLowerCase());
    return id;
  };
}

const label = (row: number, column?: string) => (column ? `Row ${row}, column "${column}"` : `Row ${row}`);

export function planImport(request: ImportRequest): ImportPreview {
  const { register, fields, source, columns, mode, values } = request;
  const fieldByHeader = new Map(fields.map((f) => [f.header.toLowerCase(), f]));
  const keyField = fieldByHeader.get(register.keyColumn.toLowerCase())!;
  // A long-form register (one row per vendor and question) finds its rows by several columns together, and has no IDs to number.
  const keyColumns = rowKeyColumns(register);
  const composite = keyColumns.length > 1;
  const keyFields = keyColumns.map((header) => fieldByHeader.get(header.toLowerCase())!);
  const preview: ImportPreview = {
    register: register.table,
    adds: [],
    updates: [],
    skipped: [],
    rejected: [],
    problems: [],
    readings: [],
    unknownValues: [],
    ignoredColumns: [],
    writtenColumns: [],
  };
  const mapped: Array<{ match: ColumnMatch; field: FieldSpec }> = [];
  for (const match of columns) {
    if (!match.source) continue;
    const field = match.target ? fieldByHeader.get(match.target.toLowerCase()) : undefined;
    if (!field) preview.ignoredColumns.push({ column: match.source, reason: match.target ? `${match.target} is not a column of ${register.table}` : "not matched to a column" });
    else if (field.formula) preview.ignoredColumns.push({ column: match.source, reason: `${field.header} is calculated in the workbook` });
    else mapped.push({ match, field });
  }
  const keyMatch = mapped.find((m) => m.field === keyField);
  const writtenHeaders = new Set([keyField.header, ...mapped.map((m) => m.field.header)]);
  preview.writtenColumns = fields.filter((f) => writtenHeaders.has(f.header)).map((f) => f.header);
  const missingRequired = fields.filter((f) => f.required && !f.formula && f !== keyField && !mapped.some((m) => m.field === f));
  for (const f of missingRequired) {
    preview.problems.push({ row: source.headerRowNumber, field: f.header, severity: "error", message: `${f.header} is required, and no column of ${source.name} fills it: new rows cannot be added.` });
  }

  const existing = new Map<string, number>();
  (request.existingKeys ?? request.existingIds.map((id) => [id])).forEach((values, index) => {
    const key = rowIdentity(values);
    if (key && !existing.has(key)) existing.set(key, index);
  });
  const existingIds = new Set(request.existingIds.map((id) => id.trim().toLowerCase()).filter(Boolean));
  const sourceIds = keyMatch ? source.rows.map((row) => cellText(row[keyMatch.match.index])).filter(Boolean) : [];
  const nextId = idGenerator([...request.existingIds, ...sourceIds], register.table);
  const seen = new Map<string, number>();
  const readings = new Map<string, ValueReading>();
  const unknown = new Map<string, UnknownValues>();
  const references: Array<{ sourceRow: number; column: string; field: FieldSpec; value: string; rowIndex: number }> = [];

  source.rows.forEach((row, r) => {
    const sourceRow = source.rowNumbers[r];
    const rowValues: Record<string, CellValue> = {};
    const unreadable = new Set<string>();
    let errors = 0;
    for (const { match, field } of mapped) {
      const reading = readFieldValue(row[match.index], field, values);
      if (!reading.ok) {
        errors++;
        unreadable.add(field.header);
        const text = cellText(row[match.index]);
        const allowed = !reading.allowed ? "" : reading.allowed.length > 0 ? ` (allowed: ${reading.allowed.join(", ")})` : " (the list is empty: fill it in first)";
        preview.problems.push({ row: sourceRow, column: match.source, field: field.header, severity: "error", message: `${label(sourceRow, match.source)}: "${text}" ${reading.message}${allowed}.` });
        if (reading.allowed && reading.allowed.length > 0) {
          const key = field.header.toLowerCase();
          const entry = unknown.get(key) ?? { field: field.header, column: match.source, allowed: reading.allowed, values: [] };
          const value = entry.values.find((v) => v.value.toLowerCase() === text.toLowerCase()) ?? entry.values[entry.values.push({ value: text, count: 0, rows: [] }) - 1];
          value.count++;
          value.rows.push(sourceRow);
          unknown.set(key, entry);
        }
        continue;
      }
      if (reading.value === null) continue;
      rowValues[field.header] = reading.value;
      if (reading.reading) {
        const key = `${field.header}\u0000${cellText(row[match.index]).toLowerCase()}`;
        const entry = readings.get(key) ?? { field: field.header, from: cellText(row[match.index]), to: String(reading.value), how: reading.reading, count: 0 };
        entry.count++;
        readings.set(key, entry);
      }
      if (field.type.kind === "ids") references.push({ sourceRow, column: match.source, field, value: String(reading.value), rowIndex: r });
    }

    if (!composite && String(rowValues[keyField.header] ?? "").trim() === "") rowValues[keyField.header] = nextId();
    const parts = keyColumns.map((header) => String(rowValues[header] ?? "").trim());
    if (!composite) rowValues[keyField.header] = parts[0];
    const id = parts.join(" / ");
    const described = composite ? keyColumns.map((header, i) => `${header} ${parts[i]}`).join(" with ") : `ID ${id}`;
    keyFields.forEach((field, i) => {
      if (!composite || parts[i] !== "" || unreadable.has(field.header)) return;
      const column = mapped.find((m) => m.field === field)?.match.source;
      preview.problems.push({
        row: sourceRow,
        column,
        field: field.header,
        severity: "error",
        message: `${label(sourceRow, column)}: ${field.header} is blank; a row of ${register.table} is found by ${keyColumns.join(" and ")} together.`,
      });
      errors++;
    });
    const key = rowIdentity(parts);
    const firstSeen = key ? seen.get(key) : undefined;
    if (firstSeen !== undefined) {
      preview.problems.push({ row: sourceRow, column: keyMatch?.match.source, field: keyField.header, severity: "error", message: `${label(sourceRow, keyMatch?.match.source)}: ${described} appears again (first on row ${firstSeen}).` });
      errors++;
    } else if (key) {
      seen.set(key, sourceRow);
    }
    const bodyIndex = key ? existing.get(key) : undefined;
    if (bodyIndex !== undefined && mode === "add" && errors === 0) {
      preview.problems.push({
        row: sourceRow,
        column: keyMatch?.match.source,
        field: keyField.header,
        severity: "error",
        message: `${label(sourceRow, keyMatch?.match.source)}: ${composite ? described : id} is already in ${register.table}; import with mode "update" to change it, or "skip" to leave it.`,
      });
      errors++;
    }
    if (bodyIndex === undefined) {
      for (const f of fields) {
        if (!f.required || f.formula || keyFields.includes(f) || rowValues[f.header] !== undefined) continue;
        if (missingRequired.includes(f)) {
          errors++;
          continue;
        }
        const column = mapped.find((m) => m.field === f)?.match.source;
        preview.problems.push({ row: sourceRow, column, field: f.header, severity: "error", message: `${label(sourceRow, column)}: ${f.header} is required and blank.` });
        errors++;
      }
    }
    if (errors > 0) {
      preview.rejected.push({ sourceRow, id });
    } else if (bodyIndex === undefined) {
      preview.adds.push({ sourceRow, id, values: rowValues });
    } else if (mode === "skip") {
      preview.skipped.push({ sourceRow, id, reason: `${id} is already in ${register.table}` });
    } else {
      preview.updates.push({ sourceRow, id, bodyIndex, values: rowValues });
    }
  });

  // Referenced IDs may point at rows this same import adds.
  const addedIds = new Set(preview.adds.map((row) => String(row.values[keyField.header] ?? "").toLowerCase()));
  const rejectedRows = new Set(preview.rejected.map((row) => row.sourceRow));
  for (const ref of references) {
    if (rejectedRows.has(ref.sourceRow) || ref.field.type.kind !== "ids") continue;
    const table = ref.field.type.register.toLowerCase();
    const known = request.knownIds.get(table);
    const isSelf = table === register.table.toLowerCase();
    for (const id of splitIds(ref.value)) {
      const lower = id.toLowerCase();
      if (known?.has(lower) || (isSelf && (addedIds.has(lower) || existingIds.has(lower)))) continue;
      preview.problems.push({
        row: ref.sourceRow,
        column: ref.column,
        field: ref.field.header,
        severity: "warning",
        message: `${label(ref.sourceRow, ref.column)}: ${id} is not in ${ref.field.type.register}${known ? "" : " (the workbook has no such register)"}; the row is imported and Check will list it.`,
      });
    }
  }
  preview.problems.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  preview.readings = [...readings.values()];
  preview.unknownValues = [...unknown.values()];
  return preview;
}
