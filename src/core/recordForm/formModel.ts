/**
 * The record form of any register, from its declaration: one field per column of the table, in the
 * table's order, with the control its type calls for (drop-down, date, number, text), its required
 * mark, its input message and the message its validation gives. Calculated columns are shown
 * read-only; the user's own columns (not declared) are plain text.
 */
import type { CellValue } from "../blueprint/types";
import { importFields } from "../import/importSetup";
import { listKeyOf } from "../import/fieldValue";
import { fixedValues, validationOf } from "../registers/columns";
import type { FieldSpec, RegisterDeclaration } from "../registers/types";
import { rowKeyColumns } from "../registers/rowKey";

export type FormControl = "text" | "longText" | "number" | "percent" | "date" | "dateTime" | "choice" | "ids";

export interface FormOption {
  /** The value written to the cell, as the form holds it (text). */
  key: string;
  /** What the drop-down shows ("3 Possible" for a level with a label). */
  text: string;
}

export interface FormField {
  header: string;
  /** The name messages use (the declaration's label, else the header). */
  label: string;
  control: FormControl;
  required: boolean;
  /** Calculated column (or the user's own formula): shown, never written. */
  readOnly: boolean;
  /** The declared input message. */
  help?: string;
  /** What the field accepts, in words: the declared validation message, or one written from its type. */
  allowed: string;
  /** Drop-down values (choices, Yes/No, Scales lists). */
  options?: FormOption[];
  spec: FieldSpec;
}

export interface RecordForm {
  register: RegisterDeclaration;
  table: string;
  /** The table's headers, in order (the row written has one cell per header). */
  headers: string[];
  keyColumn: string;
  /** The columns that together identify a row (Vendor ID and Question ID for Vendor Answers; the key column alone elsewhere). */
  keyColumns: readonly string[];
  fields: FormField[];
}

/** What the workbook says about the lists a form offers: the Scales tables' columns and the labels of their levels. */
export interface FormLists {
  /** Values of each Scales-table column, by listKeyOf(table, column). */
  lists: ReadonlyMap<string, readonly CellValue[]>;
  /** Label of each value, by listKeyOf(table, column), then String(value): a likelihood level's label. */
  labels?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const LONG_TEXT_WIDTH = 30;

function controlOf(field: FieldSpec): FormControl {
  switch (field.type.kind) {
    case "text":
      return field.wrap || field.width >= LONG_TEXT_WIDTH ? "longText" : "text";
    case "date":
      return "date";
    case "dateTime":
      return "dateTime";
    case "whole":
    case "decimal":
      return "number";
    case "percent":
      return "percent";
    case "ids":
      return "ids";
    default:
      return "choice";
  }
}

function rangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of ${min} or more`;
  if (max !== undefined) return ` of ${max} or less`;
  return "";
}

/** The message names the field first, so it reads on its own ("Inherent Likelihood: Likelihood must be…"). */
const named = (label: string, text: string) => (text.toLowerCase().startsWith(label.toLowerCase()) ? text : `${label}: ${text}`);

/** "Status must be one of: Open, Closed." — the declared message where the column has one, else the type's words. */
function allowedText(field: FieldSpec, label: string, options: FormOption[] | undefined): string {
  const declared = validationOf(field)?.error?.message;
  const { type } = field;
  switch (type.kind) {
    case "scaleChoice": {
      if (field.validation && declared) return named(label, declared);
      const list = options?.length ? `: ${options.map((o) => o.text).join(", ")}` : "";
      return `${label} must be one of the ${type.listName} listed on the Scales sheet${list}.`;
    }
    case "date":
      return `${label}: enter a date, for example 2026-11-23.`;
    case "dateTime":
      return `${label}: enter a date and time, for example 2026-11-23 14:30.`;
    case "ids":
      return type.multiple ? `${label}: IDs from ${type.register}, separated by "; ".` : `${label}: one ID from ${type.register}.`;
    case "whole":
      return named(label, declared ?? `${label} must be a whole number${rangeWords(type.min, type.max)}.`);
    case "decimal":
      return named(label, declared ?? `${label} must be a number${rangeWords(type.min, type.max)}.`);
    default:
      return named(label, declared ?? `${label}: any text${field.required ? " (required)" : ""}.`);
  }
}

function optionsOf(field: FieldSpec, lists: FormLists): FormOption[] | undefined {
  const fixed = fixedValues(field.type);
  if (fixed) return fixed.map((v) => ({ key: v, text: v }));
  if (field.type.kind !== "scaleChoice") return undefined;
  const key = listKeyOf(field.type.table, field.type.column);
  const labels = lists.labels?.get(key);
  return (lists.lists.get(key) ?? [])
    .filter((v) => v !== null && v !== "")
    .map((v) => {
      const label = labels?.get(String(v));
      return { key: String(v), text: label && label !== String(v) ? `${v} ${label}` : String(v) };
    });
}

export function formField(field: FieldSpec, lists: FormLists, keyColumn: string): FormField {
  const label = field.label ?? field.header;
  const control = controlOf(field);
  const options = control === "choice" ? optionsOf(field, lists) : undefined;
  return {
    header: field.header,
    label,
    control,
    required: !field.formula && (field.required === true || field.header.toLowerCase() === keyColumn.toLowerCase()),
    readOnly: field.formula !== undefined,
    help: field.input,
    allowed: allowedText(field, label, options),
    options,
    spec: field,
  };
}

/**
 * The form for `register` as its table stands: `headers` are the table's own (renamed or added columns
 * included), `declared` the register's fields for the workbook's scales and frameworks.
 * `formulaHeaders` are the user's own columns that hold formulas (read-only too).
 */
export function recordForm(
  register: RegisterDeclaration,
  declared: readonly FieldSpec[],
  headers: readonly string[],
  lists: FormLists,
  formulaHeaders: readonly string[] = [],
): RecordForm {
  const byHeader = new Map(importFields(declared, headers).map((f) => [f.header.toLowerCase(), f]));
  const ownFormulas = new Set(formulaHeaders.map((h) => h.toLowerCase()));
  const fields = headers.flatMap((header) => {
    const spec = byHeader.get(header.toLowerCase());
    if (!spec) return [];
    const field = formField({ ...spec, header }, lists, register.keyColumn);
    return [ownFormulas.has(header.toLowerCase()) ? { ...field, readOnly: true, required: false } : field];
  });
  return { register, table: register.table, headers: [...headers], keyColumn: register.keyColumn, keyColumns: rowKeyColumns(register), fields };
}
