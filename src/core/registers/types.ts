/**
 * A register declared once. Its sheet, table, drop-downs, input messages and formats (the blueprint
 * the plan consumes), Check's generic rules, and the fields a record form or an import mapping
 * shows all come from this one declaration.
 */
import type { FrameworkKey } from "../frameworkKeys";
import type { Scales } from "../scales";
import type { CellValue, ColumnSpec, ConditionalFormatSpec, Message, PrintSpec, ValidationSpec } from "../blueprint/types";
import type { CheckProblem } from "../check/problem";
import type { RowView, TableData } from "../check/tableData";

/** What a column holds. The type decides its number format, its drop-down or rule, and how Check and an import read it. */
export type FieldType =
  | { kind: "text" }
  /** A calendar date (Excel serial, whole days). */
  | { kind: "date" }
  /** A date with a time of day (Excel serial with a fraction). */
  | { kind: "dateTime" }
  | { kind: "whole"; min?: number; max?: number }
  | { kind: "decimal"; min?: number; max?: number }
  /** A ratio shown as a percentage (0.95 shows 95%). */
  | { kind: "percent" }
  | { kind: "yesNo" }
  /** One value from a fixed list. */
  | { kind: "choice"; values: readonly string[] }
  /**
   * One value from a column of an editable table on the Scales sheet (categories, severities,
   * regimes). `listName` reads in messages: "Category must be one of the categories listed…".
   */
  | { kind: "scaleChoice"; table: string; column: string; listName: string }
  /** IDs of rows of another register (by its table name): one ID, or several separated by "; ". */
  | { kind: "ids"; register: string; multiple: boolean };

export type FieldKind = FieldType["kind"];

export interface FieldSpec {
  header: string;
  type: FieldType;
  /** Check reports a blank cell (the key column is always required). */
  required?: boolean;
  /** Shown when the cell is selected (Excel's input message, where the column has a rule) and by the record form. */
  input?: string;
  /** Calculated column: one formula for every row (Office.js syntax, long structured references). */
  formula?: string;
  /** Approximate width in characters. */
  width: number;
  /** Overrides the type's number format ("0" for a calculated score). */
  numberFormat?: string;
  align?: "Left" | "Center" | "Right";
  wrap?: boolean;
  conditionalFormats?: readonly ConditionalFormatSpec[];
  /** Names the column in messages when its header reads badly there ("Impact flag"). */
  label?: string;
  /** Replaces the rule or messages the type gives (the risk levels' list with its level names). */
  validation?: ValidationSpec;
  /** Replaces the error message the type gives, keeping its rule. */
  error?: Message;
  /** Values by row key, written when the column is added to an existing table (see ColumnSpec). */
  valuesByKey?: ColumnSpec["valuesByKey"];
  /** Other headers an import may find this column under ("Risk Title", "Name"). */
  aliases?: readonly string[];
  /** The register's own rules check this column; the generic list/range rules skip it. */
  customCheck?: boolean;
  /**
   * The calculated column's value in TypeScript, from the row's typed inputs: what the formula
   * shows ("" for blank). KPIs and the engine suite use it; it must agree with `formula`.
   */
  compute?: (row: RowView, context: ComputeContext) => CellValue;
}

/** What a calculated column's TypeScript twin can read: today, now, and the workbook's tables (Scales tables included). */
export interface ComputeContext {
  today: number;
  now: number;
  /** Tables by lower-case name. */
  tables: ReadonlyMap<string, TableData>;
}

/** What a register's columns and seed rows may depend on. */
export interface RegisterContext {
  scales: Scales;
  frameworks: readonly FrameworkKey[];
  /** The workbook's Currency setting (ISO 4217) for money formats; the default currency when absent. */
  currency?: string;
}

export interface SeedContext extends RegisterContext {
  /** Sample data requested (registers with library rows seed them either way). */
  sample: boolean;
  today: Date;
}

/** The IDs of one register (lower case), with the words a message uses for it. */
export interface IdIndex {
  noun: string;
  sheet: string;
  ids: ReadonlySet<string>;
}

/** What a register's Check rules can see besides their own row. */
export interface CheckContext extends RegisterContext, ComputeContext {
  /** Values of each Scales-table column (lower-case "table[column]"), when the workbook has it. */
  lists: ReadonlyMap<string, readonly string[]>;
  /** The IDs of every register the workbook holds, by lower-case table name. */
  ids: ReadonlyMap<string, IdIndex>;
}

export type Report = (row: RowView, header: string, code: string, severity: CheckProblem["severity"], message: string) => void;

/** A rule of one register, run on each filled row after the generic rules. `label` is the row's ID or "Row n". */
export type RowRule = (row: RowView, label: string, report: Report, context: CheckContext) => void;

/** Reports a problem of the table as a whole (no row to point at): at the header cell of `header`. */
export type TableReport = (header: string, code: string, severity: CheckProblem["severity"], message: string) => void;

/** A rule over all of a register's filled rows at once (each RACI element's Accountable), run after the row rules. */
export type TableRule = (rows: readonly RowView[], report: Report, reportTable: TableReport, context: CheckContext) => void;

export interface RegisterSheet {
  /** Stable key of the sheet in the blueprint ("risks"). */
  key: string;
  name: string;
  tabColor: string;
  title: string;
  subtitle: string;
  /** Columns frozen at the left (the ID, and the name when it is short). */
  freezeColumns: number;
  print?: PrintSpec;
  /**
   * The columns a printed copy shows, in order: a new table leads with them and the print area covers
   * them, the working columns (levels, scores, helpers) to their right. An existing table keeps its
   * columns where they are (a re-run never reorders what the analyst has).
   */
  readerColumns?: readonly string[];
}

export interface RegisterDeclaration {
  /** Short stable key ("incidents"), used by profiles and options. */
  key: string;
  /** What one row is, in messages: "asset" → "asset A-099 is not in the Asset Inventory". */
  noun: string;
  sheet: RegisterSheet;
  table: string;
  /** Header of the column that identifies a row. */
  keyColumn: string;
  fields(context: RegisterContext): FieldSpec[];
  /** Rows written when the table is created (sample rows; library rows for the control matrix). */
  seedRows?(context: SeedContext): ReadonlyArray<Record<string, CellValue>>;
  /** Pairs of date columns whose first must not be after the second. */
  dateOrder?: ReadonlyArray<readonly [string, string]>;
  rules?: readonly RowRule[];
  tableRules?: readonly TableRule[];
  /**
   * Columns whose values together identify a row, when the key column alone may repeat (a RACI
   * activity under two elements); Check's duplicate rule uses them. Default: the key column.
   */
  uniqueTogether?: readonly string[];
  /** The plan appends seed rows whose keys the table lacks (see TableSpec.appendMissing). */
  keyedSeeds?: boolean;
}
