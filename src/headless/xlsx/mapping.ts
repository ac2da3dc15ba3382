/** Value mappings between the Office.js vocabulary of the model and exceljs / SpreadsheetML. */
import type { BorderStyle } from "../model/types";

export const toArgb = (color: string): { argb: string } => ({ argb: `FF${color.replace("#", "").toUpperCase()}` });
export const fromArgb = (color?: { argb?: string }): string | undefined =>
  color?.argb && /^[0-9A-F]{8}$/i.test(color.argb) ? `#${color.argb.slice(2).toUpperCase()}` : undefined;

function invert(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));
}

export const horizontalToFile: Record<string, string> = {
  Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed",
};
export const horizontalFromFile = invert(horizontalToFile);
export const verticalToFile: Record<string, string> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
export const verticalFromFile = invert(verticalToFile);

/** Office.js validation and cellValue operators; both use the same SpreadsheetML names. */
export const operatorToFile: Record<string, string> = {
  Between: "between", NotBetween: "notBetween", EqualTo: "equal", NotEqualTo: "notEqual", GreaterThan: "greaterThan", LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual", LessThanOrEqualTo: "lessThanOrEqual",
};
export const operatorFromFile: Record<string, Excel.BasicDataValidation["operator"]> = {
  between: "Between", notBetween: "NotBetween", equal: "EqualTo", notEqual: "NotEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo", lessThanOrEqual: "LessThanOrEqualTo",
};
/** Conditional format cellValue operators are spelled without "To" in Office.js. */
export const cfOperatorToFile: Record<string, string> = { ...operatorToFile, GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual" };
export const cfOperatorFromFile: Record<string, string> = { ...operatorFromFile, greaterThanOrEqual: "GreaterThanOrEqual", lessThanOrEqual: "LessThanOrEqual" };

export const textOperatorToFile: Record<string, string> = { Contains: "containsText", NotContains: "notContainsText", BeginsWith: "beginsWith", EndsWith: "endsWith" };
export const textOperatorFromFile = invert(textOperatorToFile);

export const scaleTypeToFile: Record<string, string> = {
  LowestValue: "min", HighestValue: "max", Number: "num", Percent: "percent", Percentile: "percentile", Formula: "formula",
};
export const scaleTypeFromFile = invert(scaleTypeToFile);

const borderStyles: Array<[string, string, string]> = [
  ["Continuous", "Hairline", "hair"], ["Continuous", "Thin", "thin"], ["Continuous", "Medium", "medium"], ["Continuous", "Thick", "thick"],
  ["Dash", "Medium", "mediumDashed"], ["Dash", "Thin", "dashed"], ["Dot", "Thin", "dotted"], ["Double", "Thick", "double"],
  ["DashDot", "Medium", "mediumDashDot"], ["DashDot", "Thin", "dashDot"], ["DashDotDot", "Medium", "mediumDashDotDot"],
  ["DashDotDot", "Thin", "dashDotDot"], ["SlantDashDot", "Medium", "slantDashDot"],
];

export function borderToFile(border: BorderStyle): string | undefined {
  if (border.style === "None") return undefined;
  return (borderStyles.find(([style, weight]) => style === border.style && weight === border.weight) ?? borderStyles.find(([style]) => style === border.style))?.[2] ?? "thin";
}

export function borderFromFile(fileStyle: string, color: string): BorderStyle {
  const [style, weight] = borderStyles.find(([, , file]) => file === fileStyle) ?? ["Continuous", "Thin"];
  return { style, weight, color };
}

/** Column width: Office.js uses points, the file uses characters of the default font (7 px + 5 px padding). */
export const pointsToCharacters = (points: number): number => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
export const charactersToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 4) / 4;

/** Office.js WorksheetProtectionOptions "allowFormatCells" <-> exceljs "formatCells". */
export const protectionOptionToFile = (option: string): string => option.replace(/^allow(\w)/, (_m, c: string) => c.toLowerCase());
export const protectionOptionFromFile = (option: string): string => `allow${option[0].toUpperCase()}${option.slice(1)}`;
export const protectionOptionKeys = [
  "allowFormatCells", "allowFormatColumns", "allowFormatRows", "allowInsertColumns", "allowInsertRows", "allowInsertHyperlinks",
  "allowDeleteColumns", "allowDeleteRows", "allowSort", "allowAutoFilter", "allowPivotTables",
];
