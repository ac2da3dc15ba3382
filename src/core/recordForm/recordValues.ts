/**
 * The record form's values: a row's cells shown as text the user edits, and the edited text read
 * back into cell values by each field's type (the same reading as import), with a message per field
 * that names it and says what is allowed.
 */
import type { CellValue } from "../blueprint/types";
import { formatSerial, parseDate } from "../import/cellText";
import { readFieldValue, ValueContext } from "../import/fieldValue";
import { idGenerator } from "../import/importPlan";
import { splitIds } from "../registers/checks";
import type { FormField, RecordForm } from "./formModel";
import { rowIdentity } from "../registers/rowKey";

/** The form's text for each header. */
export type FormInputs = Record<string, string>;

/** What a cell holds shown as form text: dates as 2026-11-23, percentages as 95%. */
export function inputText(field: FormField, value: CellValue | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") {
    if (field.control === "date") return formatSerial(value, false);
    if (field.control === "dateTime") return formatSerial(value, true);
    if (field.control === "percent") return `${Math.round(value * 10000) / 100}%`;
    return String(value);
  }
  return String(value);
}

/** The form's text for a row of the table (cells by position of `form.headers`). */
export function inputsOfRow(form: RecordForm, row: readonly CellValue[]): FormInputs {
  const at = new Map(form.headers.map((h, i) => [h.toLowerCase(), i]));
  return Object.fromEntries(form.fields.map((f) => [f.header, inputText(f, row[at.get(f.header.toLowerCase()) ?? -1])]));
}

/**
 * A new record: the next free ID in the register's own numbering, everything else blank. A row of a
 * long-form table (Vendor Answers) is identified by IDs of other registers, so none is made up.
 */
export function inputsForNew(form: RecordForm, existingIds: readonly string[]): FormInputs {
  const inputs: FormInputs = Object.fromEntries(form.fields.map((f) => [f.header, ""]));
  if (form.keyColumns.length === 1) inputs[form.keyColumn] = idGenerator(existingIds.filter(Boolean), form.table)();
  return inputs;
}

export interface RecordFacts {
  /** The Scales lists and their labels, as import reads them. */
  values: Pick<ValueContext, "lists" | "labels">;
  /** IDs of the register's rows (as typed), in body order. */
  existingIds: readonly string[];
  /** Each row's identity over the form's keyColumns (rowIdentity), in body order; defaults to existingIds. */
  existingKeys?: readonly string[];
  /** Lower-case IDs of the registers ID columns point at, by lower-case table name. */
  knownIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** Editing: the body row being edited (its own ID is not a duplicate). */
  editing?: number;
}

export interface FieldMessage {
  header: string;
  severity: "error" | "warning";
  message: string;
}

export interface ValidatedRecord {
  /** Cell values by header, for every field that is not read-only (null = blank). */
  values: Record<string, CellValue>;
  messages: FieldMessage[];
  ok: boolean;
}

const NO_VALUE_MAP: ValueContext["valueMap"] = new Map();

/** Reads one field's text; undefined value when it is not allowed (the message says why). */
export function readInput(field: FormField, text: string, facts: RecordFacts): { value?: CellValue; message?: string } {
  const trimmed = text.trim();
  if (trimmed === "") {
    if (!field.required) return { value: null };
    const plainText = field.control === "text" || field.control === "longText";
    return { message: plainText ? `${field.label} is required.` : `${field.label} is required. ${field.allowed}` };
  }
  if (field.control === "date" || field.control === "dateTime") {
    // The form writes ISO dates; typed US or European forms are read only when unambiguous.
    const withTime = field.control === "dateTime";
    const [us, european] = [parseDate(trimmed, "mdy", withTime), parseDate(trimmed, "dmy", withTime)];
    if (us === undefined && european === undefined) return { message: `${field.label} "${trimmed}" is not a date${withTime ? " and time" : ""}. ${field.allowed}` };
    if (us !== undefined && european !== undefined && us !== european) {
      return { message: `${field.label} "${trimmed}" could be ${formatSerial(us, withTime)} or ${formatSerial(european, withTime)}. ${field.allowed}` };
    }
    return { value: us ?? european };
  }
  const reading = readFieldValue(trimmed, field.spec, { dateOrder: "mdy", valueMap: NO_VALUE_MAP, ...facts.values });
  if (!reading.ok) return { message: `${field.label} "${trimmed}" ${reading.message}. ${field.allowed}` };
  return { value: reading.value };
}

/**
 * The form's text read into cell values, with every problem by field: errors block the write
 * (required blank, value not allowed, an ID already used); warnings do not (an ID of another
 * register that it does not hold, which Check lists too).
 */
export function validateRecord(form: RecordForm, inputs: FormInputs, facts: RecordFacts): ValidatedRecord {
  const values: Record<string, CellValue> = {};
  const messages: FieldMessage[] = [];
  for (const field of form.fields) {
    if (field.readOnly) continue;
    const { value, message } = readInput(field, inputs[field.header] ?? "", facts);
    if (message) {
      messages.push({ header: field.header, severity: "error", message });
      continue;
    }
    values[field.header] = value ?? null;
    if (field.spec.type.kind === "ids" && typeof value === "string") {
      const target = field.spec.type.register;
      const known = facts.knownIds.get(target.toLowerCase());
      const unknown = known ? splitIds(value).filter((id) => !known.has(id.toLowerCase())) : [];
      if (unknown.length > 0) {
        messages.push({ header: field.header, severity: "warning", message: `${field.label}: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in ${target}; the row is saved and Check will list it.` });
      }
    }
  }
  const parts = form.keyColumns.map((header) => String(values[header] ?? "").trim());
  const key = rowIdentity(parts);
  if (key) {
    const existing = facts.existingKeys ?? facts.existingIds.map((id) => rowIdentity([id]));
    const clash = existing.findIndex((other, i) => i !== facts.editing && other === key);
    if (clash >= 0) messages.push({ header: form.keyColumns[form.keyColumns.length - 1], severity: "error", message: keyClashMessage(form.keyColumns, parts, form.table, clash) });
  }
  return { values, messages, ok: !messages.some((m) => m.severity === "error") };
}

/**
 * The headers whose value the edit changes: only those are written, so a cell the form did not
 * change keeps exactly what it held (its formula, its typed value, its format).
 */
export function changedHeaders(form: RecordForm, original: FormInputs, edited: FormInputs): string[] {
  return form.fields.filter((f) => !f.readOnly && (original[f.header] ?? "").trim() !== (edited[f.header] ?? "").trim()).map((f) => f.header);
}

/** "Vendor ID V-001 with Question ID Q-01 is already used in VendorAnswers (row 3). …" */
export function keyClashMessage(keyColumns: readonly string[], parts: readonly string[], table: string, clash: number): string {
  if (keyColumns.length === 1) return `${keyColumns[0]} ${parts[0]} is already used in ${table} (row ${clash + 1}). Choose an ID no other row has.`;
  const described = keyColumns.map((header, i) => `${header} ${parts[i]}`).join(" with ");
  return `${described} is already used in ${table} (row ${clash + 1}). Each combination of ${keyColumns.join(" and ")} appears once: edit that row instead.`;
}
