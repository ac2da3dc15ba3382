/** IF, IFS, IFERROR, IFNA, SWITCH, CHOOSE, AND, OR, XOR, NOT, TRUE, FALSE, NA, N and the IS* tests. */
import { isSingleCell } from "../evaluator";
import { type Scalar, type Value, NA, VALUE, compareScalars, isError, toBoolean, toNumber } from "../values";
import { type CallContext, type FormulaFunction, eager, elementwise, scalarArg } from "./types";

const IF: FormulaFunction = (args, call) => {
  const condition = toBoolean(scalarArg(call.evaluator.evaluate(args[0], call.at), call));
  if (isError(condition)) return condition;
  const branch = condition ? args[1] : args[2];
  if (!branch) return condition ? 0 : false;
  return branch.type === "missing" ? 0 : call.evaluator.evaluate(branch, call.at);
};

/** IFERROR / IFNA: the value, with the errors `replaces` picks swapped for the fallback (evaluated only when needed). */
const replacingErrors = (replaces: (value: Scalar) => boolean): FormulaFunction => (args, call) => {
  const value = call.evaluator.evaluate(args[0], call.at);
  // No named closure here: this runs once per formula cell, and the CLI's loader (tsx, keepNames)
  // wraps every named function it creates in a defineProperty call.
  if (isSingleCell(value)) return replaces(scalarArg(value, call)) ? call.evaluator.evaluate(args[1], call.at) : value;
  let replacement: Scalar | undefined;
  return call.evaluator.map([value], ([v]) => (replaces(v) ? (replacement ??= scalarArg(call.evaluator.evaluate(args[1], call.at), call)) : v));
};

const IFERROR = replacingErrors(isError);
/** IFNA(value, value_if_na): only #N/A is replaced. */
const IFNA = replacingErrors((value) => isError(value) && value.code === "#N/A");

/** IFS(test1, value1, ...): the value of the first true test; none true is #N/A. */
const IFS: FormulaFunction = (args, call) => {
  if (args.length < 2 || args.length % 2 !== 0) return VALUE;
  for (let i = 0; i < args.length; i += 2) {
    const test = toBoolean(scalarArg(call.evaluator.evaluate(args[i], call.at), call));
    if (isError(test)) return test;
    if (test) return call.evaluator.evaluate(args[i + 1], call.at);
  }
  return NA;
};

/** SWITCH(expression, value1, result1, ..., [default]): exact match; no match and no default is #N/A. */
const SWITCH: FormulaFunction = (args, call) => {
  if (args.length < 3) return VALUE;
  const subject = scalarArg(call.evaluator.evaluate(args[0], call.at), call);
  if (isError(subject)) return subject;
  let i = 1;
  for (; i + 1 < args.length; i += 2) {
    const candidate = scalarArg(call.evaluator.evaluate(args[i], call.at), call);
    if (isError(candidate)) return candidate;
    if (typeof candidate === typeof subject && compareScalars(candidate, subject) === 0) return call.evaluator.evaluate(args[i + 1], call.at);
  }
  return i < args.length ? call.evaluator.evaluate(args[i], call.at) : NA;
};

const CHOOSE: FormulaFunction = (args, call) => {
  const index = toNumber(scalarArg(call.evaluator.evaluate(args[0], call.at), call));
  if (isError(index)) return index;
  const chosen = args[Math.trunc(index)];
  return index >= 1 && chosen ? call.evaluator.evaluate(chosen, call.at) : VALUE;
};

/** AND/OR read booleans and numbers from ranges (text and blanks there are skipped). */
function logicalValues(values: Value[], call: CallContext): boolean[] | Scalar {
  const flags: boolean[] = [];
  for (const value of values) {
    const fromRange = typeof value === "object" && value !== null && !isError(value);
    for (const line of call.evaluator.grid(value)) {
      for (const item of line) {
        if (isError(item)) return item;
        if (fromRange && (typeof item === "string" || item === null)) continue;
        const flag = toBoolean(item);
        if (isError(flag)) return flag;
        flags.push(flag);
      }
    }
  }
  return flags.length === 0 ? VALUE : flags;
}

const combine = (reduce: (flags: boolean[]) => boolean): FormulaFunction =>
  eager((values, call) => {
    const flags = logicalValues(values, call);
    return Array.isArray(flags) ? reduce(flags) : flags;
  });

export const logicalFunctions: Record<string, FormulaFunction> = {
  IF,
  IFERROR,
  CHOOSE,
  IFNA,
  IFS,
  SWITCH,
  AND: combine((flags) => flags.every(Boolean)),
  OR: combine((flags) => flags.some(Boolean)),
  XOR: combine((flags) => flags.filter(Boolean).length % 2 === 1),
  TRUE: () => true,
  FALSE: () => false,
  NA: () => NA,
  N: elementwise((value) => (typeof value === "number" ? value : typeof value === "boolean" ? Number(value) : 0)),
  ISLOGICAL: elementwise((value) => typeof value === "boolean", true),
  ISNONTEXT: elementwise((value) => typeof value !== "string", true),
  ISERR: elementwise((value) => isError(value) && value.code !== "#N/A", true),
  ISEVEN: elementwise((value) => parity(value, 0)),
  ISODD: elementwise((value) => parity(value, 1)),
  NOT: elementwise((value) => {
    const flag = toBoolean(value);
    return isError(flag) ? flag : !flag;
  }),
  ISNUMBER: elementwise((value) => typeof value === "number", true),
  ISTEXT: elementwise((value) => typeof value === "string", true),
  ISBLANK: elementwise((value) => value === null, true),
  ISERROR: elementwise((value) => isError(value), true),
  ISNA: elementwise((value) => isError(value) && value.code === "#N/A", true),
};

/** ISEVEN/ISODD: the number's integer part; text that is not a number is #VALUE!. */
function parity(value: Scalar, remainder: 0 | 1): Scalar {
  if (typeof value === "boolean") return VALUE;
  const number = toNumber(value);
  return isError(number) ? number : Math.abs(Math.trunc(number)) % 2 === remainder;
}
