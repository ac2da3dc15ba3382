/**
 * Number formats for TEXT() and for showing cell values (en-US: "." decimals, "," thousands): up to
 * four sections (positive;negative;zero;text), quoted and escaped literals, digit placeholders 0 # ?,
 * thousands separators and scaling commas, percent, [$€-409] currency tags, [Red]-style colours,
 * and date/time codes (y m d h s AM/PM). Formats beyond that (fractions, exponents, conditions,
 * elapsed time, fill characters) give undefined from `formatNumberStrictly`, and TEXT() leaves such
 * a cell without a value rather than guess.
 */
import type { CellValue } from "../model/types";
import { EXCEL_EPOCH_UTC, MS_PER_DAY, toExcelDate, toNearestSecond } from "../../core/excelDate";
import { numberToText } from "./values";

/** The Excel serial number of a calendar date (its local year, month and day). */
export const dateToSerial = toExcelDate;

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_UTC + Math.round(serial * MS_PER_DAY));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Quoted text, escaped characters and [...] tags removed: what is left are the format's codes. */
const codesOf = (section: string): string => section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");

/** A format with date or time codes outside quotes and no digit placeholders. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const codes = codesOf(splitSections(format)[0]);
  return /[ymdhs]|AM\/PM|A\/P/i.test(codes) && !/[0#?]/.test(codes.replace(/s+\.0+/gi, ""));
}

/** What a cell shows under `format`; a format this module does not know shows the General form. */
export function formatNumber(value: number, format: string | undefined): string {
  return formatNumberStrictly(value, format) ?? numberToText(value);
}

/** What a cell shows for its value under its number format. */
export function formatValue(value: CellValue | undefined, format: string | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return formatNumber(value, format);
}

/** `value` under `format` as Excel's TEXT() writes it, or undefined when the format is beyond this module. */
export function formatNumberStrictly(value: number, format: string | undefined): string | undefined {
  if (!format || /^general$/i.test(format.trim())) return numberToText(value);
  const sections = splitSections(format);
  if (sections.some((section) => /\[[<>=]/.test(section))) return undefined;
  // A negative number takes the second section without its sign, or the first with a "-".
  const section = value < 0 && sections.length >= 2 ? sections[1] : value === 0 && sections.length >= 3 ? sections[2] : sections[0];
  const sign = value < 0 && sections.length < 2 ? "-" : "";
  if (isDateFormat(section)) return formatDateTime(value, section);
  const text = formatDigits(Math.abs(value), section);
  return text === undefined ? undefined : sign + text;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let at = 0; at < format.length; at++) {
    const char = format[at];
    if (char === '"') {
      const end = format.indexOf('"', at + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(at, stop + 1);
      at = stop;
    } else if (char === "\\" || char === "_" || char === "*") {
      current += format.slice(at, at + 2);
      at++;
    } else if (char === "[") {
      const end = format.indexOf("]", at);
      const stop = end < 0 ? format.length : end;
      current += format.slice(at, stop + 1);
      at = stop;
    } else if (char === ";") {
      sections.push(current);
      current = "";
    } else current += char;
  }
  sections.push(current);
  return sections;
}

type Token = { kind: "literal"; text: string } | { kind: "code"; text: string };

/** Literals ("text", \c, _c as a space, [$€-409] as €, other characters) and codes; undefined for fill (*) or unknown tags. */
function tokenizeSection(section: string, codeChars: RegExp): Token[] | undefined {
  const tokens: Token[] = [];
  for (let at = 0; at < section.length; at++) {
    const char = section[at];
    if (char === '"') {
      const end = section.indexOf('"', at + 1);
      tokens.push({ kind: "literal", text: section.slice(at + 1, end < 0 ? section.length : end) });
      at = end < 0 ? section.length : end;
    } else if (char === "\\") {
      tokens.push({ kind: "literal", text: section[at + 1] ?? "" });
      at++;
    } else if (char === "_") {
      tokens.push({ kind: "literal", text: " " });
      at++;
    } else if (char === "*") return undefined;
    else if (char === "[") {
      const end = section.indexOf("]", at);
      const tag = section.slice(at + 1, end < 0 ? section.length : end);
      at = end < 0 ? section.length : end;
      const currency = /^\$([^-]*)(-[0-9A-Fa-f]+)?$/.exec(tag);
      if (currency) tokens.push({ kind: "literal", text: currency[1] });
      else if (!/^(Black|Blue|Cyan|Green|Magenta|Red|White|Yellow|Color\d+)$/i.test(tag)) return undefined;
    } else if (codeChars.test(char)) tokens.push({ kind: "code", text: char });
    else tokens.push({ kind: "literal", text: char });
  }
  return tokens;
}

/** Digit placeholders around one decimal point, with literals before and after the number only. */
function formatDigits(value: number, section: string): string | undefined {
  const tokens = tokenizeSection(section, /[0#?.,%eE@/]/);
  if (!tokens) return undefined;
  const codes = tokens.filter((t) => t.kind === "code").map((t) => t.text).join("");
  if (/[eE@/]/.test(codes)) return undefined;
  const firstCode = tokens.findIndex((t) => t.kind === "code" && /[0#?.]/.test(t.text));
  let lastCode = -1;
  tokens.forEach((t, i) => {
    if (t.kind === "code" && /[0#?.,]/.test(t.text)) lastCode = i;
  });
  const percents = (codes.match(/%/g) ?? []).length;
  if (firstCode < 0) return tokens.map((t) => (t.kind === "code" && t.text === "%" ? "%" : t.text)).join("");
  // A literal between digit placeholders (phone-number formats) is beyond this module.
  if (tokens.slice(firstCode, lastCode + 1).some((t) => t.kind === "literal")) return undefined;
  const fullPattern = tokens.slice(firstCode, lastCode + 1).map((t) => t.text).join("");
  // Commas right after the last digit placeholder divide by 1,000 each ("#,##0.0,," shows millions).
  const scalingCommas = /,+$/.exec(fullPattern)?.[0].length ?? 0;
  const pattern = fullPattern.slice(0, fullPattern.length - scalingCommas);
  if (pattern.split(".").length > 2) return undefined;
  const [integerPlaces, fractionPattern = ""] = pattern.split(".");
  const grouped = integerPlaces.includes(",");
  const decimals = fractionPattern.replace(/,/g, "").length;
  const scaled = (value * Math.pow(100, percents)) / Math.pow(1000, scalingCommas);
  const [whole, fraction = ""] = roundHalfAway(scaled, decimals).split(".");
  const minimumDigits = (integerPlaces.match(/0/g) ?? []).length;
  const spacedDigits = (integerPlaces.match(/\?/g) ?? []).length;
  let integerText = whole === "0" && minimumDigits === 0 ? "" : whole;
  integerText = integerText.padStart(minimumDigits, "0");
  if (grouped) integerText = integerText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  integerText = integerText.padStart(minimumDigits + spacedDigits, " ");
  let fractionText = fraction;
  const fractionPlaces = fractionPattern.replace(/,/g, "");
  for (let i = fractionPlaces.length - 1; i >= 0 && fractionText[i] === "0"; i--) {
    if (fractionPlaces[i] === "#") fractionText = fractionText.slice(0, i);
    else if (fractionPlaces[i] === "?") fractionText = `${fractionText.slice(0, i)} ${fractionText.slice(i + 1)}`;
    else break;
  }
  const number = pattern.includes(".") ? `${integerText}.${fractionText}` : integerText;
  const render = (list: Token[]) => list.map((t) => (t.kind === "code" ? (t.text === "%" ? "%" : "") : t.text)).join("");
  return render(tokens.slice(0, firstCode)) + number + render(tokens.slice(lastCode + 1));
}

/** Half away from zero at `decimals` places, as Excel rounds for display (1.005 → "1.01"). */
function roundHalfAway(value: number, decimals: number): string {
  const factor = Math.pow(10, decimals);
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.round(scaled) / factor).toFixed(decimals);
}

/** y m d h s AM/PM codes; "m" after h or before s is minutes. */
function formatDateTime(serial: number, section: string): string | undefined {
  if (serial < 0) return undefined;
  const tokens = tokenizeSection(section.replace(/AM\/PM/gi, "\u0001").replace(/A\/P/gi, "\u0002"), /[ymdhs\u0001\u0002.0]/i);
  if (!tokens) return undefined;
  const runs: Token[] = [];
  for (const token of tokens) {
    const previous = runs[runs.length - 1];
    if (token.kind === "code" && previous?.kind === "code" && previous.text[0].toLowerCase() === token.text.toLowerCase()) previous.text += token.text;
    else runs.push({ ...token });
  }
  if (runs.some((t) => t.kind === "code" && /^[.0]/.test(t.text))) return undefined;
  const twelveHour = runs.some((t) => t.kind === "code" && (t.text === "\u0001" || t.text === "\u0002"));
  const codeAt = (i: number, letter: string) => runs[i]?.kind === "code" && runs[i].text[0].toLowerCase() === letter;
  const nearestCode = (from: number, step: 1 | -1): number => {
    for (let i = from + step; i >= 0 && i < runs.length; i += step) if (runs[i].kind === "code") return i;
    return -1;
  };
  const isMinutes = (i: number) => runs[i].text.length <= 2 && (codeAt(nearestCode(i, -1), "h") || codeAt(nearestCode(i, 1), "s"));
  // Only a format that shows a time (h, minutes or s) rounds it to the nearest second, carrying into
  // the day; a date alone is the day the value falls on, except that a value within a ten-thousandth
  // of a second of the next second (arithmetic noise: a date computed as 45999.99999999999) is taken as
  // that second, as SheetJS's ssf parse_date_code does (SheetJS/ssf#32).
  const showsTime = runs.some((_run, i) => codeAt(i, "h") || codeAt(i, "s") || (codeAt(i, "m") && isMinutes(i)));
  const wholeSeconds = showsTime ? serial : Math.floor(serial * 86400 + 1e-4) / 86400;
  const { day, hour, minute, second } = toNearestSecond(wholeSeconds);
  const date = serialToDate(day);
  const pad = (n: number) => String(n).padStart(2, "0");
  let text = "";
  runs.forEach((run, i) => {
    if (run.kind === "literal") {
      text += run.text;
      return;
    }
    const code = run.text.toLowerCase();
    const n = code.length;
    if (code === "\u0001") text += hour < 12 ? "AM" : "PM";
    else if (code === "\u0002") text += hour < 12 ? "A" : "P";
    else if (code[0] === "y") text += n <= 2 ? pad(date.getUTCFullYear() % 100) : String(date.getUTCFullYear());
    else if (code[0] === "d") text += n === 1 ? String(date.getUTCDate()) : n === 2 ? pad(date.getUTCDate()) : n === 3 ? DAYS[date.getUTCDay()].slice(0, 3) : DAYS[date.getUTCDay()];
    else if (code[0] === "h") {
      const shown = twelveHour ? ((hour + 11) % 12) + 1 : hour;
      text += n === 1 ? String(shown) : pad(shown);
    } else if (code[0] === "s") text += n === 1 ? String(second) : pad(second);
    else {
      if (isMinutes(i)) text += n === 1 ? String(minute) : pad(minute);
      else {
        const month = date.getUTCMonth();
        text += n === 1 ? String(month + 1) : n === 2 ? pad(month + 1) : n === 3 ? MONTHS[month].slice(0, 3) : n === 5 ? MONTHS[month][0] : MONTHS[month];
      }
    }
  });
  return text;
}
