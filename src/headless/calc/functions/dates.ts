/** TODAY, NOW and DATE as Excel serial numbers. */
import { dateToSerial } from "../numberFormat";
import { NUM, isError, toNumber } from "../values";
import { type FormulaFunction, elementwise } from "./types";

export const dateFunctions: Record<string, FormulaFunction> = {
  TODAY: (_args, call) => dateToSerial(call.evaluator.cells.today()),
  /** The calculation clock's date and local time of day, as a serial with a fraction. */
  NOW: (_args, call) => {
    const now = call.evaluator.cells.today();
    return dateToSerial(now) + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds()) / 86_400;
  },
  DATE: elementwise((year, month, day) => {
    const parts = [year, month, day].map(toNumber);
    const error = parts.find(isError);
    if (error) return error;
    const [y, m, d] = (parts as number[]).map(Math.trunc);
    const serial = dateToSerial(new Date(y < 1900 ? y + 1900 : y, m - 1, d));
    return serial < 0 ? NUM : serial;
  }),
};
