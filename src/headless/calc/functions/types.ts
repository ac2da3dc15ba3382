import type { CellPosition, Evaluator } from "../evaluator";
import type { FormulaNode } from "../parser";
import { type CalcError, type Scalar, type Value, isError, toNumber } from "../values";

export interface CallContext {
  evaluator: Evaluator;
  at: CellPosition;
}

/** Gets its argument trees unevaluated, so IF, IFERROR and CHOOSE evaluate only the branch they need. */
export type FormulaFunction = (args: FormulaNode[], call: CallContext) => Value;

/** A function of evaluated arguments. */
export function eager(fn: (values: Value[], call: CallContext) => Value): FormulaFunction {
  return (args, call) => fn(args.map((arg) => call.evaluator.evaluate(arg, call.at)), call);
}

/**
 * A function of scalars lifted over ranges and arrays (FIND over a column gives a column of results).
 * An error argument is the result unless `acceptsErrors` (ISNUMBER, ISBLANK, ...).
 */
export function elementwise(fn: (...args: Scalar[]) => Scalar, acceptsErrors = false): FormulaFunction {
  return eager((values, call) =>
    call.evaluator.map(values, (scalars) => {
      if (!acceptsErrors) for (const scalar of scalars) if (isError(scalar)) return scalar;
      return fn(...scalars);
    }, fn),
  );
}

/** Scalar argument with implicit intersection at the formula's cell. */
export const scalarArg = (value: Value, call: CallContext): Scalar => call.evaluator.scalar(value, call.at);

/** A function of numbers lifted over ranges: each argument coerced as arithmetic does (an omitted one is undefined). */
export const numeric = (fn: (...numbers: number[]) => Scalar): FormulaFunction =>
  elementwise((...args) => {
    const numbers: number[] = [];
    for (const arg of args) {
      const number = arg === undefined ? undefined : toNumber(arg);
      if (isError(number)) return number as CalcError;
      numbers.push(number as number);
    }
    return fn(...numbers);
  });
