/** Excel serial dates (whole days since 1899-12-30), as the workbook stores them. */
export const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (serials count from 1899-12-30 so that 1900-03-01 onwards is right). */
export const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Excel serial date (whole days since 1899-12-30) of the calendar day `date` falls on, in local time. */
export function toExcelDate(date: Date): number {
  const calendarDayUtc = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((calendarDayUtc - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** Excel serial date `offsetDays` after (negative: before) the day of `today`. */
export function excelDateOffset(today: Date, offsetDays: number): number {
  return toExcelDate(today) + offsetDays;
}

/** "yyyy-mm" of an Excel serial date, for evidence references. */
export function excelDateMonth(serial: number): string {
  const date = new Date(EXCEL_EPOCH_UTC + serial * MS_PER_DAY);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Excel serial date-time of `date` in local time: the calendar day plus the time of day as a fraction. */
export function toExcelDateTime(date: Date): number {
  const seconds = date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
  return toExcelDate(date) + seconds / 86_400;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** A whole day (Excel serial) and the time on it, to the second. */
export interface DayAndClock {
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The day and the time an Excel serial date-time shows: the time rounded to the nearest second, as
 * Excel rounds a shown time (the rounding SheetJS's ssf formatter models on Excel: SheetJS/ssf#32), so
 * only the day's last half second carries into the next day and no time is ever "24:00".
 */
export function toNearestSecond(serial: number): DayAndClock {
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - day * 86_400;
  return { day, hour: Math.floor(secondOfDay / 3600), minute: Math.floor(secondOfDay / 60) % 60, second: secondOfDay % 60 };
}

/** "yyyy-mm-dd hh:mm" of an Excel serial date-time, with ":ss" when the time, to the nearest second, has seconds. */
export function formatDateTime(serial: number): string {
  const { day, hour, minute, second } = toNearestSecond(serial);
  return `${formatDate(day)} ${pad(hour)}:${pad(minute)}${second === 0 ? "" : `:${pad(second)}`}`;
}

/** "yyyy-mm-dd" of the day an Excel serial falls on (its time of day dropped). */
export function formatDate(serial: number): string {
  return ymd(new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY));
}

/**
 * EDATE: the same day of the month `months` later (the month's last day when it is shorter), as an
 * Excel serial. The start's time of day and the months' fraction are dropped, as EDATE does.
 */
export function addMonths(serial: number, months: number): number {
  const start = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + Math.trunc(months);
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay));
  return Math.round((target - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}
