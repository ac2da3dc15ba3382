/** One source cell read as the value of one register column, by the column's declared type. */
import { CellValue } from "../blueprint/types";
import { fixedValues } from "../registers/columns";
import { FieldSpec } from "../registers/types";
import { cellText, DateOrder, parseDate, parseNumber } from "./cellText";
import { SourceCell } from "./sourceTable";
import { choiceFor, levelForWord, normaliseValue, yesNoFor } from "./valueVocabulary";

/** "likelihoodscale[level]": how lists and labels of Scales-table columns are keyed. */
export const listKeyOf = (table: string, column: string) => `${table}[${column}]`.toLowerCase();

export interface ValueContext {
  dateOrder: DateOrder;
  /** Allowed values of Scales-table columns, by listKeyOf. */
  lists: ReadonlyMap<string, readonly CellValue[]>;
  /** Words naming those values, by listKeyOf: a likelihood level's label names its level. */
  labels: ReadonlyMap<string, ReadonlyMap<string, CellValue>>;
  /** The user's own mapping of source values, by column header, then normalised source value. */
  valueMap: ReadonlyMap<string, ReadonlyMap<string, CellValue>>;
}

export type FieldReading =
  | { ok: true; value: CellValue; reading?: string }
  | { ok: false; message: string; allowed?: readonly string[] };

const MULTI_VALUE_SEPARATORS = /\s*[;,|\n]\s*/;

const describeRange = (min?: number, max?: number) =>
  min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of ${min} or more` : max !== undefined ? ` of ${max} or less` : "";

function withinRange(value: number, field: FieldSpec, what: string): FieldReading {
  const { type } = field;
  const min = type.kind === "whole" || type.kind === "decimal" ? type.min : undefined;
  const max = type.kind === "whole" || type.kind === "decimal" ? type.max : undefined;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) return { ok: false, message: `must be ${what}${describeRange(min, max)}` };
  return { ok: true, value };
}

function scaleValue(text: string, field: FieldSpec & { type: { kind: "scaleChoice" } }, context: ValueContext): FieldReading {
  const key = listKeyOf(field.type.table, field.type.column);
  const allowed = context.lists.get(key) ?? [];
  const names = allowed.map(String);
  const wanted = normaliseValue(text);
  const direct = allowed.find((v) => normaliseValue(String(v)) === wanted);
  if (direct !== undefined) return { ok: true, value: direct };
  const labelled = context.labels.get(key)?.get(wanted);
  if (labelled !== undefined) return { ok: true, value: labelled, reading: `the ${field.type.listName} named "${text}"` };
  if (allowed.length > 0 && allowed.every((v) => typeof v === "number")) {
    const level = levelForWord(text, allowed.length);
    if (level !== undefined) return { ok: true, value: allowed[level - 1], reading: `"${text}" read as level ${allowed[level - 1]} of ${allowed.length}` };
  }
  const choice = choiceFor(text, names);
  if (choice) return { ok: true, value: allowed[names.indexOf(choice.value)], reading: choice.exact ? undefined : `"${text}" read as ${choice.value}` };
  return { ok: false, message: `is not one of the ${field.type.listName} on the Scales sheet`, allowed: names };
}

/** The value `cell` gives `field`, or why it cannot. Blank cells read as null. */
export function readFieldValue(cell: SourceCell, field: FieldSpec, context: ValueContext): FieldReading {
  const text = cellText(cell);
  if (text === "") return { ok: true, value: null };
  const mapped = context.valueMap.get(field.header.toLowerCase())?.get(normaliseValue(text));
  if (mapped !== undefined) return { ok: true, value: mapped, reading: `"${text}" mapped to ${String(mapped)} by the mapping` };
  const { type } = field;
  switch (type.kind) {
    case "text":
      return { ok: true, value: typeof cell === "string" ? cell.trim() : text };
    case "whole": {
      const n = parseNumber(cell);
      if (n === undefined || !Number.isInteger(n)) return { ok: false, message: "must be a whole number" + describeRange(type.min, type.max) };
      return withinRange(n, field, "a whole number");
    }
    case "decimal": {
      const n = parseNumber(cell);
      if (n === undefined) return { ok: false, message: "must be a number" + describeRange(type.min, type.max) };
      return withinRange(n, field, "a number");
    }
    case "percent": {
      const n = parseNumber(cell, true);
      if (n === undefined || n < 0 || n > 1) return { ok: false, message: "must be a percentage from 0% to 100%" };
      return { ok: true, value: n };
    }
    case "date":
    case "dateTime": {
      const serial = parseDate(cell, context.dateOrder, type.kind === "dateTime");
      if (serial === undefined) {
        return { ok: false, message: type.kind === "date" ? "is not a date (use 2026-11-23, 11/23/2026 or 23.11.2026)" : "is not a date and time (use 2026-11-23 14:30)" };
      }
      return { ok: true, value: serial };
    }
    case "yesNo": {
      const value = yesNoFor(text);
      if (!value) return { ok: false, message: "is neither Yes nor No", allowed: ["Yes", "No"] };
      return { ok: true, value, reading: value.toLowerCase() === normaliseValue(text) ? undefined : `"${text}" read as ${value}` };
    }
    case "choice": {
      const allowed = fixedValues(type) ?? [];
      const choice = choiceFor(text, allowed);
      if (!choice) return { ok: false, message: "is not one of the allowed values", allowed };
      return { ok: true, value: choice.value, reading: choice.exact ? undefined : `"${text}" read as ${choice.value}` };
    }
    case "scaleChoice":
      return scaleValue(text, field as FieldSpec & { type: typeof type }, context);
    case "ids": {
      const ids = text.split(MULTI_VALUE_SEPARATORS).filter(Boolean);
      if (!type.multiple && ids.length > 1) return { ok: false, message: "holds several IDs where one is allowed" };
      return { ok: true, value: ids.join("; ") };
    }
  }
}

/** A date-time to the second, the precision a source file and Excel's own display carry. */
const toTheSecond = (serial: number) => Math.round(serial * 86_400);

/**
 * Whether a register cell already holds the value an import would write to `field`: the same value,
 * a number or true/false whose text it is, or the same day (a date) or second (a date-time). A serial
 * Excel saved can differ in its last digits from the one read out of the same text, so comparing
 * them exactly would rewrite cells nobody changed.
 */
export function holdsValue(cell: CellValue | undefined, value: CellValue, field: FieldSpec): boolean {
  if (cell === undefined || cell === null || cell === "") return value === null || value === "";
  if (cell === value) return true;
  if (typeof value === "string") return typeof cell !== "string" && String(cell) === value;
  if (typeof cell !== "number" || typeof value !== "number") return false;
  if (field.type.kind === "dateTime") return toTheSecond(cell) === toTheSecond(value);
  return field.type.kind === "date" && Math.floor(cell) === Math.floor(value);
}
