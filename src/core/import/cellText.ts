/** Reading typed values out of source text: numbers, dates and date-times, as Excel stores them. */
import { EXCEL_EPOCH_UTC, formatDate, formatDateTime, MS_PER_DAY } from "../excelDate";
import { SourceCell } from "./sourceTable";

/** 9999-12-31, the last date Excel can show. */
const MAX_SERIAL = 2_958_465;

export const cellText = (cell: SourceCell): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * A number written the ways people write them: "1,234.5", "$1,000", "€ 12", "1 234,5" (European
 * decimal comma), "12%" (0.12 when `percent`). Undefined when it is not a number.
 */
export function parseNumber(cell: SourceCell, percent = false): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "boolean") return undefined;
  let text = cellText(cell).replace(/^[$€£¥]\s*|\s*(USD|EUR|GBP|[$€£¥])$/gi, "").replace(/[\s\u00a0']/g, "");
  const isPercent = text.endsWith("%");
  if (isPercent) text = text.slice(0, -1);
  if (!/^[-+]?[\d.,]+(e[-+]?\d+)?$/i.test(text) || !/\d/.test(text)) return undefined;
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma > lastDot) {
    // "1.234,5" or "12,5": the comma is the decimal mark unless it groups thousands ("1,234").
    const grouping = /^[-+]?\d{1,3}(,\d{3})+$/.test(text);
    text = grouping ? text.replace(/,/g, "") : text.replace(/\./g, "").replace(",", ".");
  } else {
    text = text.replace(/,/g, "");
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return isPercent || (percent && value > 1) ? value / 100 : value;
}

/** Day-first (Europe) or month-first (US) reading of "03/04/2026". */
export type DateOrder = "dmy" | "mdy";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function serialOf(year: number, month: number, day: number): number | undefined {
  if (year < 100) year += year < 70 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const utc = Date.UTC(year, month - 1, day);
  const date = new Date(utc);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  const serial = Math.round((utc - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return serial >= 1 && serial <= MAX_SERIAL ? serial : undefined;
}

function timeFraction(text: string | undefined): number | undefined {
  if (!text) return 0;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*(am|pm)?(?:\s*(z|[+-]\d{2}:?\d{2}))?$/i.exec(text.trim());
  if (!m) return undefined;
  let hours = Number(m[1]);
  const ampm = m[4]?.toLowerCase();
  if (ampm === "pm" && hours < 12) hours += 12;
  if (ampm === "am" && hours === 12) hours = 0;
  const seconds = Number(m[3] ?? 0);
  if (hours > 23 || Number(m[2]) > 59 || seconds >= 60) return undefined;
  return (hours * 3600 + Number(m[2]) * 60 + seconds) / 86_400;
}

/** What a slashed date's first two parts say about the file's date order. */
export function dateOrderHint(cell: SourceCell): DateOrder | "ambiguous" | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/.exec(cellText(cell));
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second <= 12) return "dmy";
  if (second > 12 && first <= 12) return "mdy";
  return first === second ? undefined : "ambiguous";
}

/**
 * A date (and time) as an Excel serial: ISO ("2026-11-23", "2026-11-23T14:30:00Z"), slashed or dotted
 * in `order` ("11/23/2026", "23.11.2026"), with a month name ("23 Nov 2026", "Nov 23, 2026",
 * Jira's "23/Nov/26 2:30 PM"), or an Excel serial number. The time is kept only when `withTime`.
 */
export function parseDate(cell: SourceCell, order: DateOrder, withTime: boolean): number | undefined {
  if (typeof cell === "number") {
    if (cell < 1 || cell > MAX_SERIAL) return undefined;
    return withTime ? cell : Math.floor(cell);
  }
  const text = cellText(cell);
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return parseDate(Number(text), order, withTime);
  let day: number | undefined;
  let rest: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(.*))?$/.exec(text))) {
    day = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    rest = m[4];
  } else if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(.*))?$/.exec(text))) {
    day = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    rest = m[4];
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[,\s]+(.*))?$/.exec(text))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    day = order === "dmy" ? serialOf(Number(m[3]), b, a) : serialOf(Number(m[3]), a, b);
    rest = m[4];
  } else if ((m = /^(\d{1,2})[\s/-]([a-z]{3})[a-z]*\.?[\s/-](\d{2,4})(?:[,\s]+(.*))?$/i.exec(text))) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    day = month > 0 ? serialOf(Number(m[3]), month, Number(m[1])) : undefined;
    rest = m[4];
  } else if ((m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:[,\s]+(.*))?$/i.exec(text))) {
    const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    day = month > 0 ? serialOf(Number(m[3]), month, Number(m[2])) : undefined;
    rest = m[4];
  }
  if (day === undefined) return undefined;
  const time = timeFraction(rest);
  if (time === undefined) return undefined;
  return withTime ? day + time : day;
}

/** "2026-11-23" (or "2026-11-23 14:30", "2026-11-23 14:30:45") of an Excel serial: how exports write dates, in text parseDate reads back. */
export const formatSerial = (serial: number, withTime: boolean): string => (withTime ? formatDateTime(serial) : formatDate(serial));
