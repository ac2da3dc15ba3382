/** IF, IFERROR, CHOOSE, AND, OR, NOT and the IS* tests. */
import { isSingleCell } from "../evaluator";
import { type Scalar, type Value, VALUE, isError, toBoolean, toNumber } from "../values";
import { type CallContext, type FormulaFunction, eager, elementwise, scalarArg } from "./types";

const IF: FormulaFunction = (args, call) => {
  const condition = toBoolean(scalarArg(call.evaluator.evaluate(args[0], call.at), call));
  if (isError(condition)) return condition;
  const branch = condition ? args[1] : args[2];
  if (!branch) return condition ? 0 : false;
  return branch.type === "missing" ? 0 : call.evaluator.evaluate(branch, call.at);
};

const IFERROR: FormulaFunction = (args, call) => {
  const value = call.evaluator.evaluate(args[0], call.at);
  const fallback = () => call.evaluator.evaluate(args[1], call.at);
  if (isSingleCell(value)) return isError(scalarArg(value, call)) ? fallback() : value;
  let replacement: Scalar | undefined;
  return call.evaluator.map([value], ([v]) => (isError(v) ? (replacement ??= scalarArg(fallback(), call)) : v));
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
  AND: combine((flags) => flags.every(Boolean)),
  OR: combine((flags) => flags.some(Boolean)),
  NOT: elementwise((value) => {
    const flag = toBoolean(value);
    return isError(flag) ? flag : !flag;
  }),
  ISNUMBER: elementwise((value) => typeof value === "number", true),
  ISTEXT: elementwise((value) => typeof value === "string", true),
  ISBLANK: elementwise((value) => value === null, true),
  ISERROR: elementwise((value) => isError(value), true),
  ISNA: elementwise((value) => isError(value) && value.code === "#N/A", true),
  /** N(value): numbers stay, TRUE is 1, anything else 0; an error stays an error. */
  N: elementwise((value) => (typeof value === "number" ? value : value === true ? 1 : 0)),
};
