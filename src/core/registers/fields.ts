/** Short builders for field declarations: `date("Detected")`, `choice("Status", STATUSES, 12)`. */
import { FieldSpec, FieldType } from "./types";

type More = Partial<Omit<FieldSpec, "header" | "type">>;

const make = (header: string, type: FieldType, width: number, more: More = {}): FieldSpec => ({ header, type, width, ...more });

export const text = (header: string, width: number, more?: More) => make(header, { kind: "text" }, width, more);
export const date = (header: string, more?: More) => make(header, { kind: "date" }, 11, more);
export const dateTime = (header: string, more?: More) => make(header, { kind: "dateTime" }, 15, more);
export const whole = (header: string, range: { min?: number; max?: number }, more?: More) => make(header, { kind: "whole", ...range }, 9, { align: "Center", ...more });
export const decimal = (header: string, range: { min?: number; max?: number }, more?: More) => make(header, { kind: "decimal", ...range }, 9, { align: "Center", ...more });
export const percent = (header: string, more?: More) => make(header, { kind: "percent" }, 9, { align: "Center", ...more });
export const yesNo = (header: string, more?: More) => make(header, { kind: "yesNo" }, 9, { align: "Center", ...more });
export const choice = (header: string, values: readonly string[], width: number, more?: More) => make(header, { kind: "choice", values }, width, more);
export const scaleChoice = (header: string, list: { table: string; column: string; listName: string }, width: number, more?: More) =>
  make(header, { kind: "scaleChoice", ...list }, width, more);
/** IDs of another register, by its table name: one ID, or several separated by "; ". */
export const ids = (header: string, register: string, multiple: boolean, more?: More) => make(header, { kind: "ids", register, multiple }, multiple ? 14 : 9, more);
