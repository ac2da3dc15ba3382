import { type Rect, intersectRects, subtractRect } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import { assertEditable } from "../model/cells";
import type { SheetModel } from "../model/sheet";
import type { DataValidationEntry, DataValidationRule } from "../model/types";
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

function validateRule(rule: DataValidationRule): void {
  const kinds = Object.keys(rule).filter((key) => (rule as Record<string, unknown>)[key] !== undefined);
  if (kinds.length !== 1 || !ruleKinds.includes(kinds[0] as (typeof ruleKinds)[number])) throw new HeadlessOfficeError("InvalidArgument");
  if (rule.list && typeof rule.list.source !== "string") throw new HeadlessOfficeError("InvalidArgument");
  if (rule.custom && typeof rule.custom.formula !== "string") throw new HeadlessOfficeError("InvalidArgument");
  const basic = (rule.wholeNumber ?? rule.decimal ?? rule.date ?? rule.textLength) as { operator?: unknown } | undefined;
  if (basic) checkEnum(VALIDATION_OPERATORS, basic.operator, "DataValidationRule operator");
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
export class DataValidation extends ClientObject<RangeRef> {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "DataValidation");
  }

  private static entryOf(ref: RangeRef): DataValidationEntry | undefined {
    return ref.sheet.validations.find((entry) => intersectRects(entry.rect, ref.rect));
  }

  protected readers() {
    const entry = DataValidation.entryOf;
    return {
      rule: (ref: RangeRef) => structuredClone(entry(ref)?.rule ?? {}),
      type: (ref: RangeRef) => {
        const rule = entry(ref)?.rule;
        return rule ? ruleTypes[Object.keys(rule)[0]] : "None";
      },
      errorAlert: (ref: RangeRef) => ({ ...(entry(ref)?.errorAlert ?? defaultEntry(ref.rect, {}).errorAlert) }),
      prompt: (ref: RangeRef) => ({ ...(entry(ref)?.prompt ?? defaultEntry(ref.rect, {}).prompt) }),
      ignoreBlanks: (ref: RangeRef) => entry(ref)?.ignoreBlanks ?? true,
    };
  }

  get rule(): DataValidationRule { return this.read("rule"); }
  set rule(rule: DataValidationRule) {
    this.setProperty("rule", rule, (ref) => {
      assertEditable(ref.sheet, ref.rect, "structure");
      validateRule(rule);
      const previous = DataValidation.entryOf(ref);
      const entry = defaultEntry(ref.rect, structuredClone(rule));
      if (previous) Object.assign(entry, { errorAlert: { ...previous.errorAlert }, prompt: { ...previous.prompt }, ignoreBlanks: previous.ignoreBlanks });
      ref.sheet.setValidation(entry);
    });
  }

  get type(): string { return this.read("type"); }

  get errorAlert(): DataValidationEntry["errorAlert"] { return this.read("errorAlert"); }
  set errorAlert(alert: Partial<DataValidationEntry["errorAlert"]>) {
    this.setProperty("errorAlert", alert, (ref) => {
      checkLength(alert.title, VALIDATION_TEXT_LIMITS.title, "error title");
      checkLength(alert.message, VALIDATION_TEXT_LIMITS.error, "error message");
      if (alert.style !== undefined) checkEnum(ALERT_STYLES, alert.style, "DataValidationErrorAlert.style");
      updateEntries(ref.sheet, ref.rect, (entry) => Object.assign(entry.errorAlert, alert));
    });
  }

  get prompt(): DataValidationEntry["prompt"] { return this.read("prompt"); }
  set prompt(prompt: Partial<DataValidationEntry["prompt"]>) {
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
