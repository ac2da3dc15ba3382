/**
 * Arithmetic: ROUND ROUNDUP ROUNDDOWN INT TRUNC MOD ABS SIGN SQRT POWER EXP LN LOG LOG10 PI
 * CEILING FLOOR CEILING.MATH FLOOR.MATH MROUND. Errors follow Excel's function reference
 * (support.microsoft.com, "<NAME> function"): a negative SQRT or a non-positive LN is #NUM!, MOD by 0 is #DIV/0!.
 */
import { type Scalar, DIV0, NUM } from "../values";
import { type FormulaFunction, numeric } from "./types";

/** Binary noise such as 1.005 * 100 = 100.49999999999999 read as the 15 digits Excel keeps. */
const clean = (value: number): number => Number(value.toPrecision(15));

/** Rounds |value| scaled by 10^digits with `step`, keeping the sign: Excel's ROUND family. */
function roundWith(value: number, digits: number, step: (magnitude: number) => number): number {
  const factor = Math.pow(10, Math.trunc(digits));
  const scaled = clean(Math.abs(value) * factor);
  return clean((Math.sign(value) * step(scaled)) / factor);
}

/** Half away from zero, as Excel rounds. */
export const round = (value: number, digits: number): number => roundWith(value, digits, Math.round);

const finite = (value: number): Scalar => (Number.isFinite(value) ? value : NUM);

/** CEILING/FLOOR(number, significance): a positive number with a negative significance is #NUM!. */
function toMultiple(value: number, significance: number, direction: "up" | "down"): Scalar {
  if (significance === 0) return 0;
  if (value > 0 && significance < 0) return NUM;
  const quotient = clean(value / significance);
  const steps = direction === "up" ? Math.ceil(quotient) : Math.floor(quotient);
  // Both negative: Excel rounds away from zero for CEILING and toward zero for FLOOR, which is the
  // same ceil/floor of the (positive) quotient.
  return clean(steps * significance);
}

/** CEILING.MATH/FLOOR.MATH(number, [significance], [mode]): the significance's sign is ignored; mode flips negatives. */
function toMultipleMath(value: number, significance: number | undefined, mode: number | undefined, direction: "up" | "down"): Scalar {
  const step = Math.abs(significance ?? 1);
  if (step === 0) return 0;
  const quotient = clean(value / step);
  const awayFromZero = value < 0 && mode !== undefined && mode !== 0;
  const up = direction === "up" ? !awayFromZero : awayFromZero;
  return clean((up ? Math.ceil(quotient) : Math.floor(quotient)) * step);
}

export const mathFunctions: Record<string, FormulaFunction> = {
  ROUND: numeric((value, digits) => round(value, digits ?? 0)),
  ROUNDUP: numeric((value, digits) => roundWith(value, digits ?? 0, Math.ceil)),
  ROUNDDOWN: numeric((value, digits) => roundWith(value, digits ?? 0, Math.floor)),
  TRUNC: numeric((value, digits) => roundWith(value, digits ?? 0, Math.floor)),
  INT: numeric((value) => Math.floor(value)),
  MOD: numeric((value, divisor) => (divisor === 0 ? DIV0 : clean(value - divisor * Math.floor(value / divisor)))),
  ABS: numeric((value) => Math.abs(value)),
  SIGN: numeric((value) => Math.sign(value)),
  SQRT: numeric((value) => (value < 0 ? NUM : Math.sqrt(value))),
  POWER: numeric((base, exponent) => power(base, exponent)),
  EXP: numeric((value) => finite(Math.exp(value))),
  LN: numeric((value) => (value <= 0 ? NUM : Math.log(value))),
  LOG10: numeric((value) => (value <= 0 ? NUM : Math.log10(value))),
  LOG: numeric((value, base) => {
    const b = base ?? 10;
    if (value <= 0 || b <= 0) return NUM;
    return b === 1 ? DIV0 : b === 10 ? Math.log10(value) : Math.log(value) / Math.log(b);
  }),
  PI: () => Math.PI,
  CEILING: numeric((value, significance) => toMultiple(value, significance ?? (value < 0 ? -1 : 1), "up")),
  FLOOR: numeric((value, significance) => toMultiple(value, significance ?? (value < 0 ? -1 : 1), "down")),
  "CEILING.MATH": numeric((value, significance, mode) => toMultipleMath(value, significance, mode, "up")),
  "FLOOR.MATH": numeric((value, significance, mode) => toMultipleMath(value, significance, mode, "down")),
  MROUND: numeric((value, multiple) => {
    if (multiple === 0) return 0;
    if (Math.sign(value) * Math.sign(multiple) < 0) return NUM;
    return clean(round(value / multiple, 0) * multiple);
  }),
};

/** x^y as Excel computes it: 0^0 and 0^negative are #NUM! and #DIV/0!; a negative base needs a whole exponent. */
export function power(base: number, exponent: number): Scalar {
  if (base === 0 && exponent === 0) return NUM;
  if (base === 0 && exponent < 0) return DIV0;
  return finite(Math.pow(base, exponent));
}
