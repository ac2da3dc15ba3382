/** COUNTIFS/SUMIFS criteria: "<>Closed", ">"&n, "", "<>", wildcards * ? ~, case-insensitive text. */
import { type Scalar, compareScalars, isError, parseNumber } from "./values";

export type Criterion = (cell: Scalar) => boolean;

const OPERATOR = /^(<=|>=|<>|=|<|>)?/;

export function parseCriterion(criterion: Scalar): Criterion {
  if (isError(criterion)) return (cell) => cell === criterion;
  if (typeof criterion === "number") return (cell) => numberOf(cell) === criterion;
  if (typeof criterion === "boolean") return (cell) => cell === criterion;
  // "If the criteria argument is a reference to an empty cell, COUNTIFS treats the empty cell as a 0 value."
  if (criterion === null) return (cell) => numberOf(cell) === 0;
  const text = criterion;
  const op = OPERATOR.exec(text)?.[0] ?? "";
  const operand = text.slice(op.length);
  if (operand === "") return emptyCriterion(op);
  const number = parseNumber(operand);
  if (number !== null) return numericCriterion(op, number);
  if (/^(true|false)$/i.test(operand)) {
    const flag = operand.toUpperCase() === "TRUE";
    return op === "<>" ? (cell) => cell !== flag : (cell) => cell === flag;
  }
  return textCriterion(op, operand);
}

function emptyCriterion(op: string): Criterion {
  if (op === "") return (cell) => cell === null || cell === "";
  if (op === "=") return (cell) => cell === null;
  if (op === "<>") return (cell) => cell !== null;
  return () => false;
}

/** Numbers and numeric text compare as numbers; "<>n" matches everything that is not n. */
function numericCriterion(op: string, wanted: number): Criterion {
  switch (op) {
    case "":
    case "=":
      return (cell) => numberOf(cell) === wanted;
    case "<>":
      return (cell) => numberOf(cell) !== wanted;
    default:
      return (cell) => typeof cell === "number" && holds(op, compareScalars(cell, wanted));
  }
}

function textCriterion(op: string, operand: string): Criterion {
  if (op === "" || op === "=" || op === "<>") {
    const pattern = wildcardPattern(operand);
    const matches = (cell: Scalar) => typeof cell === "string" && pattern.test(cell);
    return op === "<>" ? (cell) => !matches(cell) : matches;
  }
  return (cell) => typeof cell === "string" && holds(op, compareScalars(cell, operand));
}

function holds(op: string, comparison: number): boolean {
  switch (op) {
    case "<": return comparison < 0;
    case ">": return comparison > 0;
    case "<=": return comparison <= 0;
    default: return comparison >= 0;
  }
}

function numberOf(cell: Scalar): number | null {
  if (typeof cell === "number") return cell;
  return typeof cell === "string" ? parseNumber(cell) : null;
}

/** Excel wildcards as an anchored, case-insensitive RegExp: * any run, ? one character, ~ escapes. */
export function wildcardPattern(text: string, anchored = true): RegExp {
  let source = "";
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === "~" && at + 1 < text.length) source += escapeRegExp(text[++at]);
    else if (char === "*") source += "[\\s\\S]*";
    else if (char === "?") source += "[\\s\\S]";
    else source += escapeRegExp(char);
  }
  return new RegExp(anchored ? `^${source}$` : source, "i");
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The lookup key of a criterion that is plain equality (a number, a boolean, or text without
 * wildcards, with or without "="), so COUNTIFS/SUMIFS can find matches in an index instead of testing
 * every cell; undefined for anything else (comparisons, "<>", wildcards, empty). `cellKeys` gives the
 * keys each cell is filed under; a cell matches the criterion exactly when its keys include this one.
 */
export function criterionKey(criterion: Scalar): string | undefined {
  if (typeof criterion === "number") return `n:${criterion}`;
  if (typeof criterion === "boolean") return `b:${criterion}`;
  if (typeof criterion !== "string") return undefined;
  const op = OPERATOR.exec(criterion)?.[0] ?? "";
  if (op !== "" && op !== "=") return undefined;
  const operand = criterion.slice(op.length);
  if (operand === "") return undefined;
  const number = parseNumber(operand);
  if (number !== null) return `n:${number}`;
  if (/^(true|false)$/i.test(operand)) return `b:${operand.toUpperCase() === "TRUE"}`;
  let literal = "";
  for (let at = 0; at < operand.length; at++) {
    const char = operand[at];
    if (char === "~" && at + 1 < operand.length) literal += operand[++at];
    else if (char === "*" || char === "?") return undefined;
    else literal += char;
  }
  return `t:${literal.toLowerCase()}`;
}

export function cellKeys(cell: Scalar): string[] {
  if (typeof cell === "number") return [`n:${cell}`];
  if (typeof cell === "boolean") return [`b:${cell}`];
  if (typeof cell !== "string") return [];
  const number = parseNumber(cell);
  return number === null ? [`t:${cell.toLowerCase()}`] : [`t:${cell.toLowerCase()}`, `n:${number}`];
}
