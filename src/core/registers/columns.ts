/** Declaration → the blueprint's columns: number formats, drop-downs, rules and input messages by field type. */
import { widthFor } from "../blueprint/style";
import { ColumnSpec, Message, ValidationSpec } from "../blueprint/types";
import { DATE_FORMAT, YES_NO } from "../blueprint/vocabulary";
import { FieldSpec, FieldType } from "./types";

export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
export const PERCENT_FORMAT = "0%";

/** The Yes/No drop-down values. */
export const YES_NO_VALUES = YES_NO;

const NUMBER_FORMATS: Partial<Record<FieldType["kind"], string>> = { date: DATE_FORMAT, dateTime: DATE_TIME_FORMAT, percent: PERCENT_FORMAT };

export function numberFormatOf(field: FieldSpec): string | undefined {
  return field.numberFormat ?? NUMBER_FORMATS[field.type.kind];
}

const labelOf = (field: FieldSpec) => field.label ?? field.header;
const invalid = (field: FieldSpec): string => `Invalid ${labelOf(field).toLowerCase()}`;

/** The values a fixed-list field allows (Yes/No included); undefined for other types. */
export function fixedValues(type: FieldType): readonly string[] | undefined {
  return type.kind === "choice" ? type.values : type.kind === "yesNo" ? YES_NO : undefined;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `of ${min} or more`;
  if (max !== undefined) return `of ${max} or less`;
  return "";
}

/** Excel's limits when a bound is open (a rule needs both). */
const NUMBER_LIMIT = 9.99e307;

/** The rule and error message the field's type gives, before any override. */
function typeValidation(field: FieldSpec): { rule: ValidationSpec["rule"]; error: Message } | undefined {
  const { type } = field;
  const label = labelOf(field);
  const values = fixedValues(type);
  if (values) return { rule: { kind: "list", values }, error: { title: invalid(field), message: `${label} must be one of: ${values.join(", ")}.` } };
  switch (type.kind) {
    case "scaleChoice":
      return {
        rule: { kind: "listFrom", source: `={col:${type.table}[${type.column}]}` },
        error: { title: invalid(field), message: `${label} must be one of the ${type.listName} listed on the Scales sheet.` },
      };
    case "date":
      return { rule: { kind: "date" }, error: { title: "Invalid date", message: "Enter a date, for example 2026-11-23." } };
    case "dateTime":
      return { rule: { kind: "date" }, error: { title: "Invalid date and time", message: "Enter a date and time, for example 2026-11-23 14:30." } };
    case "whole":
      return {
        rule: { kind: "whole", min: type.min ?? -NUMBER_LIMIT, max: type.max ?? NUMBER_LIMIT },
        error: { title: invalid(field), message: `${label} must be a whole number ${rangeText(type.min, type.max)}.`.replace(" .", ".") },
      };
    case "decimal":
      return {
        rule: { kind: "decimal", min: type.min ?? -NUMBER_LIMIT, max: type.max ?? NUMBER_LIMIT },
        error: { title: invalid(field), message: `${label} must be a number ${rangeText(type.min, type.max)}.`.replace(" .", ".") },
      };
    case "percent":
      return { rule: { kind: "decimal", min: 0, max: 1 }, error: { title: invalid(field), message: `${label} must be a percentage from 0% to 100%.` } };
    default:
      return undefined;
  }
}

/**
 * The drop-down or rule of a typed column, with its input message and error. Calculated columns
 * have none; text and ID columns have none in the sheet (Check and the record form test them).
 */
export function validationOf(field: FieldSpec): ValidationSpec | undefined {
  if (field.formula) return undefined;
  if (field.validation) return field.validation;
  const base = typeValidation(field);
  if (!base) return undefined;
  return {
    rule: base.rule,
    prompt: field.input ? { title: labelOf(field).slice(0, 32), message: field.input.slice(0, 255) } : undefined,
    error: field.error ?? base.error,
  };
}

/** One field as the blueprint's column. */
export function columnOf(field: FieldSpec): ColumnSpec {
  return {
    header: field.header,
    width: widthFor(field.width),
    numberFormat: numberFormatOf(field),
    formula: field.formula,
    validation: validationOf(field),
    conditionalFormats: field.conditionalFormats,
    horizontalAlignment: field.align,
    wrapText: field.wrap,
    valuesByKey: field.valuesByKey,
  };
}
