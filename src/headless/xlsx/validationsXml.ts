/**
 * <dataValidations> read and written directly (ECMA-376 §18.3.1.32/33), range by range: a
 * validation over A1:XFD1048576 or A:A stays one rectangle and is never expanded cell by cell
 * (exceljs expands every range to its cells, which took minutes on a whole-sheet validation).
 */
import { parseRect, rectAddress } from "../addresses";
import { fromFileFormula, toFileFormula } from "../formulaSyntax";
import type { DataValidationEntry, DataValidationRule } from "../model/types";
import { escapeXml, unescapeXml } from "./charts/xml";
import { operatorFromFile, operatorToFile } from "./mapping";
import { attributesOf, childSpans, innerOf, startTagOf, type Span } from "./patch/xmlSpans";

/** errorStyle is stop (the default), warning or information (ECMA-376 Part 1, 18.18.18 ST_DataValidationErrorStyle). */
function alertStyleFromFile(style: string | undefined): Excel.DataValidationErrorAlert["style"] {
  return style === "warning" ? "Warning" : style === "information" ? "Information" : "Stop";
}
/** A constant bound, exponent included ("9.99E+307", the open upper bound): read as the number, not as a formula. */
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function fileFormula(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  return NUMBER.test(text) ? Number(text) : fromFileFormula(text);
}

/** One <dataValidation> as model entries (one per rectangle of its sqref), or [] when the model cannot hold its rule. */
export function validationEntriesOf(source: string, span: Span): DataValidationEntry[] {
  const attributes = attributesOf(startTagOf(source, span));
  const get = (name: string) => {
    const raw = attributes.get(name);
    return raw === undefined ? undefined : unescapeXml(raw);
  };
  const formulas: Record<string, string> = {};
  for (const child of childSpans(source, span)) formulas[child.local] = unescapeXml(innerOf(source, child));
  const rule = ruleOf(get("type") ?? "none", get("operator") ?? "between", formulas.formula1, formulas.formula2);
  if (!rule) return [];
  const flag = (name: string) => get(name) === "1" || get(name) === "true";
  const common = {
    rule,
    ignoreBlanks: flag("allowBlank"),
    errorAlert: { showAlert: flag("showErrorMessage"), style: alertStyleFromFile(get("errorStyle")), title: get("errorTitle") ?? "", message: get("error") ?? "" },
    prompt: { showPrompt: flag("showInputMessage"), title: get("promptTitle") ?? "", message: get("prompt") ?? "" },
  };
  return (get("sqref") ?? "")
    .split(/\s+/)
    .map((address) => parseRect(address))
    .filter((rect) => rect !== null)
    .map((rect) => ({ rect, ...common }));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EPOCH = Date.UTC(1899, 11, 30);

/** A date rule's bound: the file holds a serial number; Office.js (and the model) an ISO date such as "1900-01-01". */
function dateBound(value: string | number | undefined): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return new Date(EPOCH + value * 86400000).toISOString().slice(0, 10);
  return value === undefined ? undefined : String(value);
}

function dateSerial(value: string | number | undefined): string | number | undefined {
  const m = typeof value === "string" ? ISO_DATE.exec(value) : null;
  return m ? Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH) / 86400000) : value;
}

function ruleOf(type: string, operator: string, first: string | undefined, second: string | undefined): DataValidationRule | null {
  const basic = () => ({
    formula1: fileFormula(first) ?? "",
    ...(second !== undefined ? { formula2: fileFormula(second) ?? "" } : {}),
    operator: operatorFromFile[operator] ?? "Between",
  });
  const dates = () => ({
    formula1: dateBound(fileFormula(first)) ?? "",
    ...(second !== undefined ? { formula2: dateBound(fileFormula(second)) ?? "" } : {}),
    operator: operatorFromFile[operator] ?? "Between",
  });
  switch (type) {
    case "list": {
      const text = first ?? "";
      return { list: { inCellDropDown: true, source: text.startsWith('"') ? text.slice(1, -1) : fromFileFormula(text) } };
    }
    case "custom": return { custom: { formula: fromFileFormula(first ?? "") } };
    case "whole": return { wholeNumber: basic() };
    case "decimal": return { decimal: basic() };
    case "date": return { date: dates() };
    case "textLength": return { textLength: basic() };
    default: return null;
  }
}

const formulaText = (value: string | number | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === "number") return String(value);
  return value.startsWith("=") ? toFileFormula(value) : value;
};

/** One <dataValidation> element for a model entry. */
export function validationXml(entry: DataValidationEntry, prefix = ""): string {
  const { rule } = entry;
  let type: string;
  let operator: string | undefined;
  let formula1: string | undefined;
  let formula2: string | undefined;
  if (rule.list) {
    type = "list";
    formula1 = rule.list.source.startsWith("=") ? toFileFormula(rule.list.source) : `"${rule.list.source}"`;
  } else if (rule.custom) {
    type = "custom";
    formula1 = toFileFormula(rule.custom.formula);
  } else {
    const [kind, basic] = rule.wholeNumber ? ["whole", rule.wholeNumber] as const
      : rule.decimal ? ["decimal", rule.decimal] as const
      : rule.date ? ["date", rule.date] as const
      : ["textLength", rule.textLength] as const;
    type = kind;
    operator = operatorToFile[basic?.operator ?? "Between"] ?? "between";
    const fileValue = (v: string | number | undefined) => formulaText(kind === "date" ? dateSerial(v) : v);
    formula1 = fileValue(basic?.formula1);
    formula2 = fileValue(basic?.formula2);
  }
  const attributes: Array<[string, string | undefined]> = [
    ["type", type],
    ["errorStyle", entry.errorAlert.style.toLowerCase() === "stop" ? undefined : entry.errorAlert.style.toLowerCase()],
    ["operator", operator === "between" ? undefined : operator],
    ["allowBlank", entry.ignoreBlanks ? "1" : undefined],
    ["showInputMessage", entry.prompt.showPrompt ? "1" : undefined],
    ["showErrorMessage", entry.errorAlert.showAlert ? "1" : undefined],
    ["errorTitle", entry.errorAlert.title || undefined],
    ["error", entry.errorAlert.message || undefined],
    ["promptTitle", entry.prompt.title || undefined],
    ["prompt", entry.prompt.message || undefined],
    ["sqref", rectAddress(entry.rect)],
  ];
  const attributeText = attributes.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeXml(v as string)}"`).join("");
  const formulas = [formula1 === undefined ? "" : `<${prefix}formula1>${escapeXml(formula1)}</${prefix}formula1>`, formula2 === undefined ? "" : `<${prefix}formula2>${escapeXml(formula2)}</${prefix}formula2>`].join("");
  return `<${prefix}dataValidation${attributeText}>${formulas}</${prefix}dataValidation>`;
}

export function dataValidationsXml(elements: string[], prefix = ""): string {
  return elements.length === 0 ? "" : `<${prefix}dataValidations count="${elements.length}">${elements.join("")}</${prefix}dataValidations>`;
}
