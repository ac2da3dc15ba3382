/** TODAY and DATE as Excel serial numbers. */
import { dateToSerial } from "../numberFormat";
import { NUM, isError, toNumber } from "../values";
import { type FormulaFunction, elementwise } from "./types";

export const dateFunctions: Record<string, FormulaFunction> = {
  TODAY: (_args, call) => dateToSerial(call.evaluator.cells.today()),
  DATE: elementwise((year, month, day) => {
    const parts = [year, month, day].map(toNumber);
    const error = parts.find(isError);
    if (error) return error;
    const [y, m, d] = (parts as number[]).map(Math.trunc);
    const serial = dateToSerial(new Date(y < 1900 ? y + 1900 : y, m - 1, d));
    return serial < 0 ? NUM : serial;
  }),
};
