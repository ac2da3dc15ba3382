/**
 * Dates as Excel serial numbers (day 0 = 1899-12-30; a time is the fraction of a day): TODAY NOW DATE
 * TIME YEAR MONTH DAY HOUR MINUTE SECOND WEEKDAY EDATE EOMONTH DAYS DATEDIF NETWORKDAYS WORKDAY.
 * A negative serial is #NUM!, as in Excel's function reference.
 */
import { dateToSerial } from "../numberFormat";
import { type Scalar, type Value, NUM, VALUE, isError, toNumber, toText } from "../values";
import { type CallContext, type FormulaFunction, eager, elementwise, numeric } from "./types";

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Serial 2958465 is 9999-12-31, the last date Excel knows. */
const LAST_SERIAL = 2958465;

interface CalendarDate {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
}

function calendarOf(serial: number): CalendarDate {
  const date = new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
}

/** Month and day may overflow (month 13 is January of the next year), as DATE allows. */
const serialOf = (year: number, month: number, day: number): number => Math.round((Date.UTC(year, month, day) - EPOCH_UTC) / MS_PER_DAY);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

const validSerial = (serial: number): boolean => serial >= 0 && serial <= LAST_SERIAL + 1;

/** A function of one date serial (YEAR, MONTH, ...). */
const ofDate = (fn: (date: CalendarDate, serial: number) => Scalar) => numeric((serial) => (validSerial(serial) ? fn(calendarOf(serial), serial) : NUM));

/** Day of the week, 0 = Sunday. */
const dayOfWeek = (serial: number): number => (((Math.floor(serial) + 6) % 7) + 7) % 7;

/** WEEKDAY return types: 1 (Sun=1), 2 (Mon=1), 3 (Mon=0), 11-17 (Mon..Sun = 1). */
function weekday(serial: number, type: number): Scalar {
  const dow = dayOfWeek(serial);
  if (type === 1 || type === 17) return dow + 1;
  if (type === 2 || type === 11) return ((dow + 6) % 7) + 1;
  if (type === 3) return (dow + 6) % 7;
  if (type >= 12 && type <= 16) return ((dow - (type - 10) + 7) % 7) + 1;
  return NUM;
}

const isWorkday = (serial: number): boolean => {
  const dow = dayOfWeek(serial);
  return dow !== 0 && dow !== 6;
};

/** Mondays to Fridays from `from` to `to` inclusive (from ≤ to), in constant time. */
function weekdaysBetween(from: number, to: number): number {
  const total = to - from + 1;
  let count = Math.floor(total / 7) * 5;
  for (let serial = from + Math.floor(total / 7) * 7; serial <= to; serial++) if (isWorkday(serial)) count++;
  return count;
}

/** Holiday serials (whole days) from a range, an array or one value; text is #VALUE!. */
function holidaysOf(value: Value | undefined, call: CallContext): Set<number> | Scalar {
  const days = new Set<number>();
  if (value === undefined) return days;
  for (const line of call.evaluator.grid(value)) {
    for (const item of line) {
      if (item === null) continue;
      const serial = toNumber(item);
      if (isError(serial)) return serial;
      days.add(Math.floor(serial));
    }
  }
  return days;
}

const NETWORKDAYS = eager((values, call) => {
  const start = toNumber(call.evaluator.scalar(values[0], call.at));
  const end = toNumber(call.evaluator.scalar(values[1], call.at));
  if (isError(start)) return start;
  if (isError(end)) return end;
  if (!validSerial(start) || !validSerial(end)) return NUM;
  const holidays = holidaysOf(values[2], call);
  if (!(holidays instanceof Set)) return holidays;
  const [from, to, sign] = start <= end ? [Math.floor(start), Math.floor(end), 1] : [Math.floor(end), Math.floor(start), -1];
  let count = weekdaysBetween(from, to);
  for (const day of holidays) if (day >= from && day <= to && isWorkday(day)) count--;
  return sign * count;
});

const WORKDAY = eager((values, call) => {
  const start = toNumber(call.evaluator.scalar(values[0], call.at));
  const days = toNumber(call.evaluator.scalar(values[1], call.at));
  if (isError(start)) return start;
  if (isError(days)) return days;
  if (!validSerial(start)) return NUM;
  const holidays = holidaysOf(values[2], call);
  if (!(holidays instanceof Set)) return holidays;
  const step = days < 0 ? -1 : 1;
  let serial = Math.floor(start);
  for (let left = Math.abs(Math.trunc(days)); left > 0; ) {
    serial += step;
    if (serial < 0 || serial > LAST_SERIAL) return NUM;
    if (isWorkday(serial) && !holidays.has(serial)) left--;
  }
  return serial;
});

/** DATEDIF(start, end, unit): whole years, months or days between two dates; start after end is #NUM!. */
function datedif(startSerial: number, endSerial: number, unit: string): Scalar {
  if (!validSerial(startSerial) || !validSerial(endSerial) || startSerial > endSerial) return NUM;
  const start = calendarOf(startSerial);
  const end = calendarOf(endSerial);
  const months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case "D": return Math.floor(endSerial) - Math.floor(startSerial);
    case "M": return months;
    case "Y": return Math.floor(months / 12);
    case "YM": return months % 12;
    case "MD": {
      if (end.day >= start.day) return end.day - start.day;
      const previous = end.month === 0 ? { year: end.year - 1, month: 11 } : { year: end.year, month: end.month - 1 };
      return daysInMonth(previous.year, previous.month) - start.day + end.day;
    }
    case "YD": {
      let shifted = serialOf(end.year, start.month, start.day);
      if (shifted > Math.floor(endSerial)) shifted = serialOf(end.year - 1, start.month, start.day);
      return Math.floor(endSerial) - shifted;
    }
    default: return NUM;
  }
}

const fractionOfDay = (serial: number): number => serial - Math.floor(serial);
/** Seconds since midnight, rounded as Excel shows them. */
const secondsOf = (serial: number): number => Math.round(fractionOfDay(serial) * 86400);

export const dateFunctions: Record<string, FormulaFunction> = {
  TODAY: (_args, call) => dateToSerial(call.evaluator.cells.today()),
  NOW: (_args, call) => {
    const now = call.evaluator.cells.today();
    return dateToSerial(now) + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds() + now.getMilliseconds() / 1000) / 86400;
  },
  DATE: numeric((year, month, day) => {
    const y = Math.trunc(year);
    const fullYear = y < 1900 ? y + 1900 : y;
    if (y < 0 || fullYear > 9999) return NUM;
    const serial = serialOf(fullYear, Math.trunc(month) - 1, Math.trunc(day));
    return serial < 0 ? NUM : serial;
  }),
  TIME: numeric((hours, minutes, seconds) => {
    const total = Math.trunc(hours) * 3600 + Math.trunc(minutes) * 60 + Math.trunc(seconds);
    return total < 0 ? NUM : (total % 86400) / 86400;
  }),
  YEAR: ofDate((date) => date.year),
  MONTH: ofDate((date) => date.month + 1),
  DAY: ofDate((date) => date.day),
  HOUR: numeric((serial) => (serial < 0 ? NUM : Math.floor(secondsOf(serial) / 3600) % 24)),
  MINUTE: numeric((serial) => (serial < 0 ? NUM : Math.floor(secondsOf(serial) / 60) % 60)),
  SECOND: numeric((serial) => (serial < 0 ? NUM : secondsOf(serial) % 60)),
  WEEKDAY: numeric((serial, type) => (validSerial(serial) ? weekday(serial, Math.trunc(type ?? 1)) : NUM)),
  EDATE: numeric((start, months) => {
    if (!validSerial(start)) return NUM;
    const date = calendarOf(start);
    const month = date.month + Math.trunc(months);
    const target = new Date(Date.UTC(date.year, month, 1));
    const serial = serialOf(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.day, daysInMonth(target.getUTCFullYear(), target.getUTCMonth())));
    return validSerial(serial) ? serial : NUM;
  }),
  EOMONTH: numeric((start, months) => {
    if (!validSerial(start)) return NUM;
    const date = calendarOf(start);
    const serial = serialOf(date.year, date.month + Math.trunc(months) + 1, 0);
    return validSerial(serial) ? serial : NUM;
  }),
  DAYS: numeric((end, start) => Math.floor(end) - Math.floor(start)),
  DATEDIF: elementwise((start, end, unit) => {
    const from = toNumber(start);
    const to = toNumber(end);
    const text = toText(unit ?? null);
    if (isError(from)) return from;
    if (isError(to)) return to;
    if (isError(text)) return text;
    return unit === undefined ? VALUE : datedif(from, to, text);
  }),
  NETWORKDAYS,
  WORKDAY,
};
