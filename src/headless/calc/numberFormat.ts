/** Number formats for TEXT() and for showing cell values: dates, percents, fixed decimals, General. */
import type { CellValue } from "../model/types";
import { numberToText } from "./values";

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (serials count from 1899-12-30 so that 1900-03-01 onwards is right). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The Excel serial number of a calendar date (its local year, month and day). */
export function dateToSerial(date: Date): number {
  return Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - EPOCH_UTC) / MS_PER_DAY);
}

export function serialToDate(serial: number): Date {
  return new Date(EPOCH_UTC + Math.round(serial * MS_PER_DAY));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A format with y/m/d codes outside quotes and no digit placeholders. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const codes = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymd]/i.test(codes) && !/[0#]/.test(codes);
}

export function formatNumber(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format)) return numberToText(value);
  if (isDateFormat(format)) return formatDate(serialToDate(value), format);
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const text = value.toFixed(fixed[2]?.length ?? 0);
    return fixed[1] ? groupThousands(text) : text;
  }
  return numberToText(value);
}

/** What a cell shows for its value under its number format. */
export function formatValue(value: CellValue | undefined, format: string | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return formatNumber(value, format);
}

function formatDate(date: Date, format: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return format.replace(/"([^"]*)"|\\(.)|y+|m+|d+/gi, (code, quoted?: string, escaped?: string) => {
    if (quoted !== undefined) return quoted;
    if (escaped !== undefined) return escaped;
    const lower = code.toLowerCase();
    if (lower.startsWith("y")) return lower.length <= 2 ? pad(year % 100) : String(year);
    if (lower.startsWith("m")) {
      if (lower.length >= 4) return MONTHS[month];
      if (lower.length === 3) return MONTHS[month].slice(0, 3);
      return lower.length === 2 ? pad(month + 1) : String(month + 1);
    }
    return lower.length >= 2 ? pad(day) : String(day);
  });
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
