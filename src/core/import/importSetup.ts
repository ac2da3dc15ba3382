/**
 * From a source file to a preview: the header row found, columns matched (a profile's or a saved
 * mapping's choices first, then the register's headers and aliases), the date order read from
 * the dates themselves, and the value words of the profile and the mapping combined.
 */
import { CellValue } from "../blueprint/types";
import { FieldSpec, RegisterDeclaration } from "../registers/types";
import { DateOrder, dateOrderHint } from "./cellText";
import { ValueContext } from "./fieldValue";
import { bestHeaderScore, ColumnMatch, matchColumns, MatchHow, targetsOf } from "./headerMatch";
import { ImportMode, ImportPreview, ImportProblem, planImport } from "./importPlan";
import { SavedMapping } from "./mappingFile";
import { Profile } from "./profiles";
import { normaliseValue } from "./valueVocabulary";
import { SourceCell, SourceTable, toSourceTable } from "./sourceTable";

export interface ImportChoices {
  profile?: Profile;
  mapping?: SavedMapping;
  /** The user's changes to the column match, by source header (null: leave the column out). */
  columns?: Record<string, string | null>;
  /** The user's value mappings, by register column then source value. */
  values?: Record<string, Record<string, CellValue>>;
  dateOrder?: DateOrder;
  mode: ImportMode;
}

/** What the workbook holds that an import needs to know. */
export interface WorkbookFacts {
  /** Headers of the register's table, when the workbook has it (the user's own columns count as text). */
  headers?: readonly string[];
  existingIds: readonly string[];
  /** Each body row's values of the register's key columns, when they are more than its ID (rowKeyColumns). */
  existingKeys?: ReadonlyArray<readonly string[]>;
  knownIds: ReadonlyMap<string, ReadonlySet<string>>;
  lists: ValueContext["lists"];
  labels: ValueContext["labels"];
}

export interface PreparedImport {
  source: SourceTable;
  fields: FieldSpec[];
  matches: ColumnMatch[];
  dateOrder: DateOrder;
  preview: ImportPreview;
}

/** The register's fields plus the user's own columns of its table (as text). */
export function importFields(declared: readonly FieldSpec[], tableHeaders: readonly string[] = []): FieldSpec[] {
  const known = new Set(declared.map((f) => f.header.toLowerCase()));
  const own = tableHeaders.filter((h) => h && !known.has(h.toLowerCase())).map((header): FieldSpec => ({ header, type: { kind: "text" }, width: 12 }));
  return [...declared, ...own];
}

function combineValueMaps(...maps: Array<Record<string, Record<string, CellValue>> | undefined>): ValueContext["valueMap"] {
  const combined = new Map<string, Map<string, CellValue>>();
  for (const map of maps) {
    for (const [column, values] of Object.entries(map ?? {})) {
      const target = combined.get(column.toLowerCase()) ?? new Map<string, CellValue>();
      for (const [from, to] of Object.entries(values)) target.set(normaliseValue(from), to);
      combined.set(column.toLowerCase(), target);
    }
  }
  return combined;
}

/** Day-first or month-first, as the source's slashed dates show; undefined when they never say. */
export function detectDateOrder(rows: readonly SourceCell[][], columns: readonly number[]): DateOrder | undefined {
  let dmy = 0;
  let mdy = 0;
  for (const row of rows) {
    for (const c of columns) {
      const hint = dateOrderHint(row[c]);
      if (hint === "dmy") dmy++;
      if (hint === "mdy") mdy++;
    }
  }
  if (dmy === 0 && mdy === 0) return undefined;
  return dmy >= mdy ? "dmy" : "mdy";
}

export function prepareImport(
  register: RegisterDeclaration,
  declared: readonly FieldSpec[],
  name: string,
  grid: SourceCell[][],
  choices: ImportChoices,
  facts: WorkbookFacts,
): PreparedImport {
  const fields = importFields(declared, facts.headers);
  const targets = targetsOf(fields, register.keyColumn);
  const fixed = new Map<string, { target: string | null; how: MatchHow }>();
  for (const column of choices.profile?.columns ?? []) fixed.set(column.source, { target: column.target, how: "profile" });
  for (const [source, target] of Object.entries(choices.mapping?.columns ?? {})) fixed.set(source, { target, how: "mapping file" });
  for (const [source, target] of Object.entries(choices.columns ?? {})) fixed.set(source, { target, how: "user" });
  const fixedHeaders = [...fixed.keys()].map((h) => h.toLowerCase());
  const source = toSourceTable(name, grid, (header) => (fixedHeaders.includes(header.trim().toLowerCase()) ? 1 : bestHeaderScore(header, targets)));
  const matches = matchColumns(source.headers, targets, fixed);

  const dateColumns = matches
    .filter((m) => m.target && ["date", "dateTime"].includes(fields.find((f) => f.header === m.target)?.type.kind ?? ""))
    .map((m) => m.index);
  const detected = detectDateOrder(source.rows, dateColumns);
  const dateOrder = choices.dateOrder ?? choices.mapping?.dateOrder ?? choices.profile?.dateOrder ?? detected ?? "mdy";
  const values: ValueContext = {
    dateOrder,
    lists: facts.lists,
    labels: facts.labels,
    valueMap: combineValueMaps(choices.profile?.values, choices.mapping?.values, choices.values),
  };
  const preview = planImport({ register, fields, source, columns: matches, mode: choices.mode, values, existingIds: facts.existingIds, existingKeys: facts.existingKeys, knownIds: facts.knownIds });
  const ambiguous = !choices.dateOrder && !choices.mapping?.dateOrder && !choices.profile?.dateOrder && detected === undefined;
  if (ambiguous && dateColumns.some((c) => source.rows.some((row) => dateOrderHint(row[c]) === "ambiguous"))) {
    const notice: ImportProblem = {
      row: source.headerRowNumber,
      severity: "warning",
      message: 'Dates such as 03/04/2026 were read month first (US). If the file writes the day first, choose the day-first date order ("dmy").',
    };
    preview.problems.unshift(notice);
  }
  return { source, fields, matches, dateOrder, preview };
}

/** Scales tables a register's drop-downs read (its choice-from-a-table columns). */
export function scaleTablesOf(fields: readonly FieldSpec[]): string[] {
  return [...new Set(fields.flatMap((f) => (f.type.kind === "scaleChoice" ? [f.type.table] : [])))];
}
