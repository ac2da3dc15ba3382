/**
 * Text functions: FIND SEARCH UPPER LOWER PROPER SUBSTITUTE TRIM CLEAN LEN LEFT RIGHT MID REPT EXACT
 * T CHAR CODE TEXT VALUE CONCATENATE CONCAT TEXTJOIN.
 */
import { wildcardPattern } from "../criteria";
import { formatNumberStrictly } from "../numberFormat";
import { type Scalar, VALUE, isError, parseNumber, toBoolean, toNumber, toText } from "../values";
import { type CallContext, type FormulaFunction, eager, elementwise } from "./types";
import type { Value } from "../values";

/** Every item of every argument as text, ranges flattened (CONCAT, TEXTJOIN); the first error stops. */
function textsOf(values: Value[], call: CallContext): string[] | Scalar {
  const texts: string[] = [];
  for (const value of values) {
    for (const line of call.evaluator.grid(value)) {
      for (const item of line) {
        const text = toText(item);
        if (isError(text)) return text;
        texts.push(text);
      }
    }
  }
  return texts;
}

/** Excel caps a cell's text at 32,767 characters; longer results are #VALUE!. */
const MAX_TEXT = 32767;
const capped = (text: string): Scalar => (text.length > MAX_TEXT ? VALUE : text);

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
  CONCATENATE: textual((...parts) => capped(parts.join(""))),
  CONCAT: eager((values, call) => {
    const texts = textsOf(values, call);
    return Array.isArray(texts) ? capped(texts.join("")) : texts;
  }),
  TEXTJOIN: eager((values, call) => {
    const [delimiterValue, ignoreValue, ...rest] = values;
    const delimiter = toText(call.evaluator.scalar(delimiterValue ?? null, call.at));
    const ignoreEmpty = toBoolean(call.evaluator.scalar(ignoreValue ?? null, call.at));
    if (isError(delimiter)) return delimiter;
    if (isError(ignoreEmpty)) return ignoreEmpty;
    const texts = textsOf(rest, call);
    if (!Array.isArray(texts)) return texts;
    return capped((ignoreEmpty ? texts.filter((text) => text !== "") : texts).join(delimiter));
  }),
  PROPER: textual((text) => text.toLowerCase().replace(/(^|[^\p{L}])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase())),
  REPT: textual((text, countText) => {
    const count = countArg(countText, 0);
    return count === null || count < 0 ? VALUE : capped(text.repeat(count));
  }),
  EXACT: textual((a, b) => a === b),
  CLEAN: textual((text) => text.replace(/[\x00-\x1f]/g, "")),
  CHAR: elementwise((value) => {
    const code = toNumber(value);
    if (isError(code)) return code;
    return code < 1 || code > 255 ? VALUE : String.fromCharCode(Math.trunc(code));
  }),
  CODE: textual((text) => (text === "" ? VALUE : text.charCodeAt(0))),
  T: elementwise((value) => (typeof value === "string" ? value : ""), false),
  TEXT: eager((values, call) =>
    call.evaluator.map(values, ([value, format]) => {
      if (isError(value)) return value;
      const formatText = toText(format ?? null);
      if (isError(formatText)) return formatText;
      if (typeof value === "string" && parseNumber(value) === null) return value;
      const number = toNumber(value);
      if (isError(number)) return number;
      const text = formatNumberStrictly(number, formatText);
      if (text !== undefined) return text;
      call.evaluator.cells.cannotCompute(`TEXT format "${formatText}" is not supported headlessly`);
      return VALUE;
    }),
  ),
  VALUE: elementwise((value) => {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return value === null ? 0 : VALUE;
    return parseNumber(value) ?? VALUE;
  }),
};
