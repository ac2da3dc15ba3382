/**
 * A validation read back from Excel compares equal to the one Build would write, in whatever form
 * Excel returns it (Excel.BasicDataValidation: bounds "will always be returned as a string formula,
 * for example: "=10""), and a range whose cells differ (Excel.DataValidationType MixedCriteria,
 * Inconsistent) never does.
 */
import { validationIsCurrent } from "../../../src/core/plan/validationState";
import type { ValidationSnapshot } from "../../../src/core/plan/snapshot";
import type { ResolvedValidation } from "../../../src/core/plan/steps";

const alert = { showAlert: true, style: "Stop", title: "Invalid count", message: "Count must be a whole number of 0 or more." } as const;
const prompt = { showPrompt: true, title: "Count", message: "How many." } as const;
const wanted = (rule: ResolvedValidation["rule"]): ResolvedValidation => ({ rule, errorAlert: alert, prompt });
const read = (type: string, rule: ValidationSnapshot["rule"], changes: Partial<ValidationSnapshot> = {}): ValidationSnapshot => ({
  type,
  rule,
  errorAlert: { ...alert },
  prompt: { ...prompt },
  ignoreBlanks: true,
  ...changes,
});

describe("validationIsCurrent", () => {
  const whole = wanted({ wholeNumber: { formula1: "0", formula2: "9.99e+307", operator: "Between" } });

  it("takes Excel's formula-string bounds (=0, =9.99E+307) for the numbers written", () => {
    expect(validationIsCurrent(whole, read("WholeNumber", { wholeNumber: { formula1: "=0", formula2: "=9.99E+307", operator: "Between" } }))).toBe(true);
  });

  it("takes a date bound back as Excel's serial, either count of the days before March 1900", () => {
    const date = wanted({ date: { formula1: "1900-01-01", operator: "GreaterThan" } });
    expect(validationIsCurrent(date, read("Date", { date: { formula1: "=1", operator: "GreaterThan" } }))).toBe(true);
    expect(validationIsCurrent(date, read("Date", { date: { formula1: "=2", operator: "GreaterThan" } }))).toBe(true);
    expect(validationIsCurrent(date, read("Date", { date: { formula1: "=45322", operator: "GreaterThan" } }))).toBe(false);
  });

  it("compares list sources item by item and range sources as formulas", () => {
    expect(validationIsCurrent(wanted({ list: { inCellDropDown: true, source: "Low,High" } }), read("List", { list: { inCellDropDown: true, source: "Low, High" } }))).toBe(true);
    expect(validationIsCurrent(wanted({ list: { inCellDropDown: true, source: "Low,High" } }), read("List", { list: { inCellDropDown: true, source: "High,Low" } }))).toBe(false);
    expect(validationIsCurrent(wanted({ list: { inCellDropDown: true, source: "=Scales!$B$5:$B$9" } }), read("List", { list: { inCellDropDown: true, source: "=scales!$B$5:$B$9" } }))).toBe(true);
  });

  it("finds what the analyst broke: cells cleared or changed, another bound, message or prompt, blanks refused", () => {
    const rule = { wholeNumber: { formula1: "=0", formula2: "=9.99E+307", operator: "Between" } };
    expect(validationIsCurrent(whole, read("MixedCriteria", rule))).toBe(false);
    expect(validationIsCurrent(whole, read("Inconsistent", rule))).toBe(false);
    expect(validationIsCurrent(whole, read("None", {}))).toBe(false);
    expect(validationIsCurrent(whole, read("WholeNumber", { wholeNumber: { ...rule.wholeNumber, formula2: "=5" } }))).toBe(false);
    expect(validationIsCurrent(whole, read("WholeNumber", rule, { errorAlert: { ...alert, message: "Mine" } }))).toBe(false);
    expect(validationIsCurrent(whole, read("WholeNumber", rule, { prompt: { showPrompt: false, title: "", message: "" } }))).toBe(false);
    expect(validationIsCurrent(whole, read("WholeNumber", rule, { ignoreBlanks: false }))).toBe(false);
    expect(validationIsCurrent(whole, undefined)).toBe(false);
  });
});
