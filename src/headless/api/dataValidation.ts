import type * as OfficeApi from "../../excel/officeApi";
import { type Rect, intersectRects, rectColumns, rectRows, subtractRect } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import { dateToSerial } from "../calc/numberFormat";
import { assertEditable } from "../model/cells";
import type { SheetModel } from "../model/sheet";
import type { BasicRule, DataValidationEntry, DataValidationRule, DateRule } from "../model/types";
import { ClientObject, type Context, type Resolver } from "./clientObject";
import { ALERT_STYLES, checkEnum, VALIDATION_OPERATORS } from "./enums";

/**
 * Excel's limits on validation text: title 32 characters, input message 255, error message 225
 * ([MS-XLSB] 2.5.37 DValStrings: strErrorTitle and strPromptTitle <= 32, strError <= 225,
 * strPrompt <= 255). Excel refuses longer text, and the failing command aborts the rest of the sync.
 */
export const VALIDATION_TEXT_LIMITS = { title: 32, prompt: 255, error: 225 } as const;

function checkLength(text: unknown, limit: number, what: string): void {
  if (typeof text === "string" && text.length > limit) {
    throw new HeadlessOfficeError("InvalidArgument", `The data validation ${what} has ${text.length} characters; Excel allows ${limit}.`);
  }
}
import type { RangeRef } from "./range";

const ruleKinds = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"] as const;
const ruleTypes: Record<string, string> = {
  list: "List", wholeNumber: "WholeNumber", decimal: "Decimal", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom",
};

const defaultEntry = (rect: Rect, rule: DataValidationRule): DataValidationEntry => ({
  rect,
  rule,
  errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  prompt: { showPrompt: false, title: "", message: "" },
  ignoreBlanks: true,
});

const rangeBound = () => new HeadlessOfficeError("InvalidArgument", "The headless host takes validation bounds and list sources as text, numbers or dates, not Range objects.");

function numberBound(value: string | number | Excel.Range): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  throw rangeBound();
}

/** Date rules take an ISO 8601 string or a Date (Excel.DateTimeDataValidation); the host keeps the ISO date. */
function dateBound(value: string | Date | Excel.Range): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  throw rangeBound();
}

function basicRule(rule: Excel.BasicDataValidation): BasicRule {
  checkEnum(VALIDATION_OPERATORS, rule.operator, "DataValidationRule operator");
  return { operator: rule.operator, formula1: numberBound(rule.formula1), ...(rule.formula2 !== undefined ? { formula2: numberBound(rule.formula2) } : {}) };
}

function dateRule(rule: Excel.DateTimeDataValidation): DateRule {
  checkEnum(VALIDATION_OPERATORS, rule.operator, "DataValidationRule operator");
  return { operator: rule.operator, formula1: dateBound(rule.formula1), ...(rule.formula2 !== undefined ? { formula2: dateBound(rule.formula2) } : {}) };
}

/** The rule as the host stores it: exactly one kind, operators from the enum, bounds as text or numbers. */
function storedRule(rule: Excel.DataValidationRule): DataValidationRule {
  const kinds = Object.keys(rule).filter((key) => (rule as Record<string, unknown>)[key] !== undefined);
  if (kinds.length !== 1 || !ruleKinds.includes(kinds[0] as (typeof ruleKinds)[number])) throw new HeadlessOfficeError("InvalidArgument");
  const { list, custom, wholeNumber, decimal, date, textLength } = rule;
  if (list) {
    if (typeof list.source !== "string") throw rangeBound();
    return { list: { inCellDropDown: list.inCellDropDown ?? true, source: list.source } };
  }
  if (custom) {
    if (typeof custom.formula !== "string") throw new HeadlessOfficeError("InvalidArgument");
    return { custom: { formula: custom.formula } };
  }
  if (wholeNumber) return { wholeNumber: basicRule(wholeNumber) };
  if (decimal) return { decimal: basicRule(decimal) };
  if (textLength) return { textLength: basicRule(textLength) };
  if (date) return { date: dateRule(date) };
  throw new HeadlessOfficeError("InvalidArgument", "The headless host does not model time validation rules.");
}

/**
 * A bound as Excel returns it: "When retrieving the value, it will always be returned as a string
 * formula, for example: "=10", "=A1", "=SUM(A1:B5)"" (learn.microsoft.com, Excel.BasicDataValidation
 * and Excel.DateTimeDataValidation, formula1/formula2). A date written as ISO 8601 text comes back as
 * its serial number, the way Excel stores it.
 */
function boundFormula(bound: string | number, isDate: boolean): string {
  if (typeof bound === "number") return `=${bound}`;
  const text = bound.trim();
  if (text.startsWith("=")) return text;
  if (isDate && /^\d{4}-\d{2}-\d{2}/.test(text)) {
    const [year, month, day] = text.slice(0, 10).split("-").map(Number);
    return `=${dateToSerial(new Date(year, month - 1, day))}`;
  }
  return `=${text}`;
}

function ruleAsRead(rule: DataValidationRule): Excel.DataValidationRule {
  const [kind, criteria] = Object.entries(rule)[0] ?? [];
  if (!kind || !criteria || !("operator" in criteria)) return structuredClone(rule) as Excel.DataValidationRule;
  const isDate = kind === "date";
  const { formula1, formula2 } = criteria as BasicRule | DateRule;
  return {
    [kind]: { ...criteria, formula1: boundFormula(formula1, isDate), ...(formula2 !== undefined ? { formula2: boundFormula(formula2, isDate) } : {}) },
  } as Excel.DataValidationRule;
}

/** Applies `change` to the validation of exactly `rect`, splitting entries that reach outside it. */
function updateEntries(sheet: SheetModel, rect: Rect, change: (entry: DataValidationEntry) => void): void {
  sheet.validations = sheet.validations.flatMap((entry) => {
    const overlap = intersectRects(entry.rect, rect);
    if (!overlap) return [entry];
    const inside = structuredClone({ ...entry, rect: overlap });
    change(inside);
    return [...subtractRect(entry.rect, rect).map((part) => ({ ...entry, rect: part })), inside];
  });
}

/** Range.dataValidation: rule, errorAlert, prompt, ignoreBlanks, clear(). */
export class DataValidation extends ClientObject<RangeRef> implements OfficeApi.DataValidation {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "DataValidation");
  }

  private static entryOf(ref: RangeRef): DataValidationEntry | undefined {
    return ref.sheet.validations.find((entry) => intersectRects(entry.rect, ref.rect));
  }

  /**
   * Excel.DataValidationType for the whole range: "MixedCriteria" when validation covers some of its
   * cells but not all, "Inconsistent" when its cells have different rules, "None" when none has any
   * (learn.microsoft.com/javascript/api/excel/excel.datavalidationtype). Cells whose rule, alert,
   * prompt and blank handling all match count as one rule.
   */
  private static typeOf(ref: RangeRef): Excel.DataValidationType {
    const parts = ref.sheet.validations.flatMap((entry) => {
      const overlap = intersectRects(entry.rect, ref.rect);
      return overlap ? [{ entry, overlap }] : [];
    });
    if (parts.length === 0) return "None" as Excel.DataValidationType;
    const area = (r: Rect) => rectRows(r) * rectColumns(r);
    if (parts.reduce((n, p) => n + area(p.overlap), 0) < area(ref.rect)) return "MixedCriteria" as Excel.DataValidationType;
    const print = ({ entry }: (typeof parts)[number]) => JSON.stringify([entry.rule, entry.errorAlert, entry.prompt, entry.ignoreBlanks]);
    if (parts.some((p) => print(p) !== print(parts[0]))) return "Inconsistent" as Excel.DataValidationType;
    return (ruleTypes[Object.keys(parts[0].entry.rule)[0]] ?? "None") as Excel.DataValidationType;
  }

  protected readers() {
    const entry = DataValidation.entryOf;
    return {
      rule: (ref: RangeRef) => ruleAsRead(entry(ref)?.rule ?? {}),
      type: (ref: RangeRef) => DataValidation.typeOf(ref),
      errorAlert: (ref: RangeRef) => ({ ...(entry(ref)?.errorAlert ?? defaultEntry(ref.rect, {}).errorAlert) }),
      prompt: (ref: RangeRef) => ({ ...(entry(ref)?.prompt ?? defaultEntry(ref.rect, {}).prompt) }),
      ignoreBlanks: (ref: RangeRef) => entry(ref)?.ignoreBlanks ?? true,
    };
  }

  get rule(): Excel.DataValidationRule { return this.read("rule"); }
  set rule(rule: Excel.DataValidationRule) {
    this.setProperty("rule", rule, (ref) => {
      assertEditable(ref.sheet, ref.rect, "structure");
      const previous = DataValidation.entryOf(ref);
      const entry = defaultEntry(ref.rect, storedRule(rule));
      if (previous) Object.assign(entry, { errorAlert: { ...previous.errorAlert }, prompt: { ...previous.prompt }, ignoreBlanks: previous.ignoreBlanks });
      ref.sheet.setValidation(entry);
    });
  }

  get type(): Excel.DataValidationType { return this.read("type"); }

  get errorAlert(): Excel.DataValidationErrorAlert { return this.read("errorAlert"); }
  set errorAlert(alert: Partial<Excel.DataValidationErrorAlert>) {
    this.setProperty("errorAlert", alert, (ref) => {
      checkLength(alert.title, VALIDATION_TEXT_LIMITS.title, "error title");
      checkLength(alert.message, VALIDATION_TEXT_LIMITS.error, "error message");
      if (alert.style !== undefined) checkEnum(ALERT_STYLES, alert.style, "DataValidationErrorAlert.style");
      updateEntries(ref.sheet, ref.rect, (entry) => Object.assign(entry.errorAlert, alert));
    });
  }

  get prompt(): Excel.DataValidationPrompt { return this.read("prompt"); }
  set prompt(prompt: Partial<Excel.DataValidationPrompt>) {
    this.setProperty("prompt", prompt, (ref) => {
      checkLength(prompt.title, VALIDATION_TEXT_LIMITS.title, "input title");
      checkLength(prompt.message, VALIDATION_TEXT_LIMITS.prompt, "input message");
      updateEntries(ref.sheet, ref.rect, (entry) => Object.assign(entry.prompt, prompt));
    });
  }

  get ignoreBlanks(): boolean { return this.read("ignoreBlanks"); }
  set ignoreBlanks(ignore: boolean) {
    this.setProperty("ignoreBlanks", ignore, (ref) => updateEntries(ref.sheet, ref.rect, (entry) => (entry.ignoreBlanks = ignore)));
  }

  clear(): void {
    this.invoke("clear", null, (ref) => {
      assertEditable(ref.sheet, ref.rect, "structure");
      ref.sheet.clearValidation(ref.rect);
    });
  }
}
