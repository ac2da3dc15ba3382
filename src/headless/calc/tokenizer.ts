/** Splits an Excel formula (Office.js A1 syntax, English) into tokens. */
import { closingBracketIndex } from "../../core/formulaBrackets";
import { ERROR_CODES, type ErrorCode } from "./values";

export type Token =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: ErrorCode }
  /** A1 cell, area or whole-column reference, optionally sheet-qualified. */
  | { kind: "ref"; sheet?: string; address: string }
  | { kind: "name"; name: string }
  | { kind: "function"; name: string }
  /** Table[...]: `inner` is the text between the outer brackets. */
  | { kind: "structured"; table: string; inner: string }
  | { kind: "operator"; op: string }
  | { kind: "("; }
  | { kind: ")"; }
  | { kind: ","; };

export class FormulaSyntaxError extends Error {}

const AREA = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_.(\[!])/;
const COLUMNS = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_.(\[!])/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/;
const OPERATORS = ["<=", ">=", "<>", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":"];

export function tokenize(formula: string): Token[] {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const char = text[at];
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === '"') {
      const { value, end } = readQuoted(text, at, '"');
      tokens.push({ kind: "string", value });
      at = end;
      continue;
    }
    if (char === "'") {
      const { value: sheet, end } = readQuoted(text, at, "'");
      if (text[end] !== "!") throw new FormulaSyntaxError(`Expected ! after '${sheet}'`);
      at = readSheetReference(text, end + 1, sheet, tokens);
      continue;
    }
    if (char === "#") {
      const code = ERROR_CODES.find((c) => rest.toUpperCase().startsWith(c));
      if (!code) throw new FormulaSyntaxError(`Unknown error literal at ${rest}`);
      tokens.push({ kind: "error", code });
      at += code.length;
      continue;
    }
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: char });
      at++;
      continue;
    }
    const reference = AREA.exec(rest) ?? COLUMNS.exec(rest);
    if (reference) {
      tokens.push({ kind: "ref", address: reference[0] });
      at += reference[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      at = readWord(text, at, word[0], tokens);
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) throw new FormulaSyntaxError(`Unexpected character ${char}`);
    tokens.push({ kind: "operator", op });
    at += op.length;
  }
  return tokens;
}

function readWord(text: string, start: number, word: string, tokens: Token[]): number {
  const end = start + word.length;
  const next = text[end];
  if (next === "(") tokens.push({ kind: "function", name: word.toUpperCase() });
  else if (next === "!") return readSheetReference(text, end + 1, word, tokens);
  else if (next === "[") {
    const close = matchingBracket(text, end);
    tokens.push({ kind: "structured", table: word, inner: text.slice(end + 1, close) });
    return close + 1;
  } else if (/^(TRUE|FALSE)$/i.test(word)) tokens.push({ kind: "boolean", value: word.toUpperCase() === "TRUE" });
  else tokens.push({ kind: "name", name: word });
  return end;
}

function readSheetReference(text: string, start: number, sheet: string, tokens: Token[]): number {
  const rest = text.slice(start);
  const reference = AREA.exec(rest) ?? COLUMNS.exec(rest);
  if (!reference) throw new FormulaSyntaxError(`Expected a reference after ${sheet}!`);
  tokens.push({ kind: "ref", sheet, address: reference[0] });
  return start + reference[0].length;
}

/** Reads a quoted run where the quote is escaped by doubling it ("" in strings, '' in sheet names). */
function readQuoted(text: string, start: number, quote: string): { value: string; end: number } {
  let value = "";
  let at = start + 1;
  while (at < text.length) {
    if (text[at] === quote) {
      if (text[at + 1] !== quote) return { value, end: at + 1 };
      at++;
    }
    value += text[at];
    at++;
  }
  throw new FormulaSyntaxError(`Unterminated ${quote}`);
}

/** Index of the "]" closing the "[" at `open`; unbalanced brackets are a syntax error. */
export function matchingBracket(text: string, open: number): number {
  const close = closingBracketIndex(text, open);
  if (close < 0) throw new FormulaSyntaxError("Unbalanced [ in a structured reference");
  return close;
}
