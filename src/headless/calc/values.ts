/** The values a formula works with: scalars, arrays and references, plus Excel's coercion rules. */
import type { Rect } from "../addresses";
import type { SheetModel } from "../model/sheet";

export type ErrorCode = "#N/A" | "#VALUE!" | "#REF!" | "#DIV/0!" | "#NUM!" | "#NAME?" | "#NULL!";
export const ERROR_CODES: readonly ErrorCode[] = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"];

export class CalcError {
  private static readonly byCode = new Map<ErrorCode, CalcError>();

  private constructor(readonly code: ErrorCode) {}

  static of(code: ErrorCode): CalcError {
    let error = CalcError.byCode.get(code);
    if (!error) {
      error = new CalcError(code);
      CalcError.byCode.set(code, error);
    }
    return error;
  }
}

export const NA = CalcError.of("#N/A");
export const VALUE = CalcError.of("#VALUE!");
export const REF = CalcError.of("#REF!");
export const DIV0 = CalcError.of("#DIV/0!");
export const NUM = CalcError.of("#NUM!");
export const NAME = CalcError.of("#NAME?");

/** `null` is a blank cell (not the empty string a formula can return). */
export type Scalar = number | string | boolean | CalcError | null;

export interface ArrayValue {
  kind: "array";
  rows: Scalar[][];
}

export interface RefValue {
  kind: "ref";
  sheet: SheetModel;
  rect: Rect;
}

export type Value = Scalar | ArrayValue | RefValue;

export const isError = (value: unknown): value is CalcError => value instanceof CalcError;
export const isArray = (value: Value): value is ArrayValue => typeof value === "object" && value !== null && (value as ArrayValue).kind === "array";
export const isRef = (value: Value): value is RefValue => typeof value === "object" && value !== null && (value as RefValue).kind === "ref";

export const arrayOf = (rows: Scalar[][]): ArrayValue => ({ kind: "array", rows });

/** A number as Excel's General format writes it into text (15 significant digits). */
export function numberToText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** Text as a number the way arithmetic reads it ("3", " 2.5 ", "1e3"); null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const percent = trimmed.endsWith("%");
  const body = percent ? trimmed.slice(0, -1) : trimmed;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return null;
  return percent ? Number(body) / 100 : Number(body);
}

/** Coercion for arithmetic: blank is 0, booleans are 1/0, numeric text is its number. */
export function toNumber(value: Scalar): number | CalcError {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isError(value)) return value;
  return parseNumber(value) ?? VALUE;
}

export function toText(value: Scalar): string | CalcError {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberToText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

export function toBoolean(value: Scalar): boolean | CalcError {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (isError(value)) return value;
  const upper = value.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return VALUE;
}

/** Excel orders numbers < text < booleans; text compares case-insensitively; blank acts as 0, "" or FALSE. */
export function compareScalars(left: Scalar, right: Scalar): number {
  const a = left === null ? blankLike(right) : left;
  const b = right === null ? blankLike(left) : right;
  if (typeRank(a) !== typeRank(b)) return typeRank(a) - typeRank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

const typeRank = (value: Scalar): number => (typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2);

function blankLike(other: Scalar): Scalar {
  if (typeof other === "string") return "";
  if (typeof other === "boolean") return false;
  return 0;
}
