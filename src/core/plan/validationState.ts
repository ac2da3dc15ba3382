/**
 * Whether a column body already holds the validation the blueprint wants, so a re-run writes none
 * that is right and still repairs one the analyst broke (cleared on some cells, another rule typed,
 * a changed message). Office.js reads a rule back in its own form (Excel.BasicDataValidation):
 * bounds as formula strings ("=0", "=9.99E+307"), dates as serial numbers, and the type
 * "MixedCriteria" or "Inconsistent" when only some cells are validated or cells differ
 * (Excel.DataValidationType); those always count as broken.
 */
import { ValidationSnapshot } from "./snapshot";
import { ResolvedValidation } from "./steps";
import { canonicalFormula } from "./formulaText";
import { toExcelDate } from "../excelDate";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Excel numbers the days before 1900-03-01 one lower than a count from 1899-12-30 (its 1900 leap-year
 * bug), so a date bound in those two months compares as one value whichever count it came back in.
 */
const FIRST_EXACT_SERIAL = 61;

/** A bound as a comparable text: numbers (and ISO dates, as serials) by value, formulas canonically. */
function boundKey(bound: unknown, isDate: boolean): string {
  const text = typeof bound === "number" ? String(bound) : String(bound ?? "").trim().replace(/^=/, "");
  const date = ISO_DATE.exec(text);
  const number = date ? toExcelDate(new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : text !== "" ? Number(text) : NaN;
  if (!Number.isFinite(number)) return canonicalFormula(text);
  return isDate && number < FIRST_EXACT_SERIAL ? "before 1900-03-01" : String(number);
}

/** A list source: a formula canonically, a literal list item by item (trimmed). */
function sourceKey(source: unknown): string {
  const text = String(source ?? "").trim();
  return text.startsWith("=") ? `=${canonicalFormula(text)}` : text.split(",").map((item) => item.trim()).join(",");
}

function ruleKey(rule: Record<string, Record<string, unknown> | undefined>): string {
  const [kind, criteria] = Object.entries(rule).find(([, v]) => v !== undefined) ?? [];
  if (!kind || !criteria) return "";
  if (kind === "list") return `list|${sourceKey(criteria.source)}|${criteria.inCellDropDown !== false}`;
  if (kind === "custom") return `custom|${canonicalFormula(String(criteria.formula ?? ""))}`;
  const bounds = [criteria.formula1, criteria.formula2].filter((b) => b !== undefined && b !== "").map((b) => boundKey(b, kind === "date"));
  return [kind, String(criteria.operator ?? "").toLowerCase(), ...bounds].join("|");
}

/** True when `existing` is exactly what writing `wanted` would leave (applyPlan clears, then sets rule, alert and prompt). */
export function validationIsCurrent(wanted: ResolvedValidation, existing: ValidationSnapshot | undefined): boolean {
  if (!existing || existing.type === "Inconsistent" || existing.type === "MixedCriteria" || existing.type === "None") return false;
  if (ruleKey(wanted.rule as ValidationSnapshot["rule"]) !== ruleKey(existing.rule)) return false;
  // A cleared validation keeps Excel's defaults for what the plan does not set: blanks allowed, no prompt.
  if (existing.ignoreBlanks !== true) return false;
  const alert = existing.errorAlert;
  const want = wanted.errorAlert;
  if (alert.showAlert !== want.showAlert || alert.style !== want.style || alert.title !== want.title || alert.message !== want.message) return false;
  const prompt = wanted.prompt ?? { showPrompt: false, title: "", message: "" };
  if (existing.prompt.showPrompt !== prompt.showPrompt) return false;
  return !prompt.showPrompt || (existing.prompt.title === prompt.title && existing.prompt.message === prompt.message);
}
