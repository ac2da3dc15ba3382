/** Text functions: FIND, SEARCH, UPPER, LOWER, SUBSTITUTE, TRIM, LEN, LEFT, RIGHT, MID, TEXT, VALUE, CONCATENATE, REPT, CHAR. */
import { wildcardPattern } from "../criteria";
import { formatNumber } from "../numberFormat";
import { type Scalar, VALUE, isError, parseNumber, toNumber, toText } from "../values";
import { type FormulaFunction, elementwise } from "./types";

/** Lifts a function of text (and optional counts) over ranges; errors in coercion are the result. */
const textual = (fn: (...args: string[]) => Scalar) =>
  elementwise((...args) => {
    const texts: string[] = [];
    for (const arg of args) {
      const text = toText(arg);
      if (isError(text)) return text;
      texts.push(text);
    }
    return fn(...texts);
  });

/** A count argument ("3", TRUE, blank) or #VALUE!; `fallback` when the argument was left out. */
function countArg(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback;
  if (text === "") return 0;
  const number = text === "TRUE" ? 1 : text === "FALSE" ? 0 : parseNumber(text);
  return number === null ? null : Math.trunc(number);
}

function find(caseSensitive: boolean) {
  return textual((needle, haystack, startText) => {
    const start = countArg(startText, 1);
    if (start === null || start < 1 || start > haystack.length + 1) return VALUE;
    if (caseSensitive) {
      const index = haystack.indexOf(needle, start - 1);
      return index < 0 ? VALUE : index + 1;
    }
    const match = wildcardPattern(needle, false).exec(haystack.slice(start - 1));
    return match ? match.index + start : VALUE;
  });
}

function substitute(text: string, old: string, replacement: string, instanceText?: string): Scalar {
  if (old === "") return text;
  if (instanceText === undefined) return text.split(old).join(replacement);
  const instance = countArg(instanceText, 1);
  if (instance === null || instance < 1) return VALUE;
  let index = -1;
  for (let n = 0; n < instance; n++) {
    index = text.indexOf(old, index + 1);
    if (index < 0) return text;
  }
  return text.slice(0, index) + replacement + text.slice(index + old.length);
}

export const textFunctions: Record<string, FormulaFunction> = {
  FIND: find(true),
  SEARCH: find(false),
  UPPER: textual((text) => text.toUpperCase()),
  LOWER: textual((text) => text.toLowerCase()),
  TRIM: textual((text) => text.replace(/ +/g, " ").trim()),
  LEN: textual((text) => text.length),
  SUBSTITUTE: textual(substitute),
  LEFT: textual((text, countText) => {
    const count = countArg(countText, 1);
    return count === null || count < 0 ? VALUE : text.slice(0, count);
  }),
  RIGHT: textual((text, countText) => {
    const count = countArg(countText, 1);
    return count === null || count < 0 ? VALUE : count === 0 ? "" : text.slice(-count);
  }),
  MID: textual((text, startText, countText) => {
    const start = countArg(startText, 1);
    const count = countArg(countText, 0);
    return start === null || count === null || start < 1 || count < 0 ? VALUE : text.slice(start - 1, start - 1 + count);
  }),
  CONCATENATE: textual((...parts) => parts.join("")),
  /** REPT(text, count): Excel refuses results over 32,767 characters (#VALUE!). */
  REPT: textual((text, countText) => {
    const count = countArg(countText, 0);
    return count === null || count < 0 || text.length * count > 32767 ? VALUE : text.repeat(count);
  }),
  /** CHAR(1..255): the character with that code (Latin-1 for 128..255). */
  CHAR: elementwise((value) => {
    const code = toNumber(value);
    if (isError(code)) return code;
    const n = Math.trunc(code);
    return n < 1 || n > 255 ? VALUE : String.fromCharCode(n);
  }),
  TEXT: elementwise((value, format) => {
    const formatText = toText(format);
    if (isError(formatText)) return formatText;
    if (typeof value === "string" && parseNumber(value) === null) return value;
    const number = toNumber(value);
    return isError(number) ? number : formatNumber(number, formatText);
  }),
  VALUE: elementwise((value) => {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return value === null ? 0 : VALUE;
    return parseNumber(value) ?? VALUE;
  }),
};
