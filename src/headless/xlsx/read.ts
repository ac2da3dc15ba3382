import ExcelJS from "exceljs";
import { sectionsFromFile } from "./headerFooter";
import { type Rect, absoluteRectAddress, parseRect } from "../addresses";
import { fromFileFormula } from "../formulaSyntax";
import type { SheetModel } from "../model/sheet";
import { TableModel } from "../model/table";
import type { CellStyle, CellValue, ConditionalFormatEntry, DataValidationEntry, DataValidationRule } from "../model/types";
import { HeadlessWorkbook } from "../model/workbook";
import { coalesceCells } from "./coalesce";
import {
  borderFromFile,
  cfOperatorFromFile,
  charactersToPoints,
  fromArgb,
  horizontalFromFile,
  operatorFromFile,
  protectionOptionFromFile,
  protectionOptionKeys,
  scaleTypeFromFile,
  textOperatorFromFile,
  verticalFromFile,
} from "./mapping";

interface DefinedNameRecord {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/** Loose views of exceljs run-time fields its typings omit. */
interface SheetInternals {
  model: { merges?: string[] };
  sheetProtection?: Record<string, unknown>;
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  tables: Record<string, { table: TableFileModel }>;
}

interface TableFileModel {
  name: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  style?: { theme?: string; showRowStripes?: boolean; showColumnStripes?: boolean };
  columns: Array<{ name: string; filterButton?: boolean }>;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<HeadlessWorkbook> {
  const book = new ExcelJS.Workbook();
  const names: { model: DefinedNameRecord[] } = { model: [] };
  (book as unknown as { _definedNames: typeof names })._definedNames = names;
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const workbook = new HeadlessWorkbook();
  for (const worksheet of book.worksheets) {
    const sheet = workbook.addSheet(worksheet.name);
    readCells(worksheet, sheet);
    readSheetSettings(worksheet, sheet);
    const internals = worksheet as unknown as SheetInternals;
    readTables(workbook, sheet, internals);
    sheet.validations = readValidations(internals.dataValidations.model);
    sheet.conditionalFormats = readConditionalFormats(workbook, internals.conditionalFormattings ?? []);
  }
  for (const record of names.model ?? []) {
    if (record.name.startsWith("_xlnm.")) continue;
    const entry = { name: record.name, formula: fromFileFormula(record.ranges.join(",")), comment: "", visible: true };
    const scope = record.localSheetId === undefined ? undefined : workbook.sheets[record.localSheetId];
    (scope ? scope.names : workbook.names).push(entry);
  }
  workbook.activeSheet = workbook.sheets.find((s) => s.visibility === "Visible") ?? workbook.sheets[0] ?? null;
  return workbook;
}

function plainValue(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86400000;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return plainValue(value.result as ExcelJS.CellValue);
  return undefined;
}

function readCells(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.height !== undefined && (row as unknown as { customHeight?: boolean }).customHeight !== false) sheet.rowHeights.set(r, row.height);
    if (row.hidden) sheet.hiddenRows.add(r);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1;
      const style = readStyle(cell);
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      // cell.value leaves out a cached result of 0; cell.result keeps it.
      const value = formula ? plainValue(cell.result as ExcelJS.CellValue) : plainValue(cell.value);
      if (formula) sheet.setCellContent(r, c, { formula: fromFileFormula(formula) });
      else if (value !== undefined) sheet.setCellContent(r, c, { value });
      if (formula && value !== undefined) sheet.ensureCell(r, c).value = value;
      if (style) sheet.ensureCell(r, c).style = style;
    });
  });
  for (const column of worksheet.columns ?? []) {
    if (column.width !== undefined && column.number !== undefined) sheet.columnWidths.set(column.number - 1, charactersToPoints(column.width));
  }
  for (const merge of (worksheet as unknown as SheetInternals).model.merges ?? []) {
    const rect = parseRect(merge);
    if (rect) sheet.merges.push(rect);
  }
}

/** Only what differs from Excel's default cell style, so a round trip gives back the same model. */
function readStyle(cell: ExcelJS.Cell): CellStyle | undefined {
  const style: CellStyle = {};
  if (cell.numFmt && cell.numFmt !== "General") style.numberFormat = cell.numFmt;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") style.fillColor = fromArgb(fill.fgColor);
  const font = cell.font ?? {};
  if (font.bold) style.fontBold = true;
  if (font.italic) style.fontItalic = true;
  const fontColor = fromArgb(font.color);
  if (fontColor) style.fontColor = fontColor;
  if (font.size !== undefined && font.size !== 11) style.fontSize = font.size;
  if (font.name && font.name !== "Calibri") style.fontName = font.name;
  if (font.underline) style.fontUnderline = font.underline === "double" ? "Double" : "Single";
  const border = cell.border ?? {};
  for (const [side, key] of [["top", "borderTop"], ["bottom", "borderBottom"], ["left", "borderLeft"], ["right", "borderRight"]] as const) {
    const edge = border[side];
    if (edge?.style) style[key] = borderFromFile(edge.style, fromArgb(edge.color as { argb?: string }) ?? "#000000");
  }
  const alignment = cell.alignment ?? {};
  if (alignment.horizontal && horizontalFromFile[alignment.horizontal]) style.horizontalAlignment = horizontalFromFile[alignment.horizontal];
  if (alignment.vertical && verticalFromFile[alignment.vertical]) style.verticalAlignment = verticalFromFile[alignment.vertical];
  if (alignment.wrapText) style.wrapText = true;
  if (cell.protection?.locked === false) style.locked = false;
  for (const key of Object.keys(style) as Array<keyof CellStyle>) if (style[key] === undefined) delete style[key];
  return Object.keys(style).length > 0 ? style : undefined;
}

function readSheetSettings(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  const states = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  sheet.visibility = states[worksheet.state as keyof typeof states] ?? "Visible";
  sheet.tabColor = fromArgb(worksheet.properties.tabColor) ?? "";
  const view = worksheet.views?.[0] as (ExcelJS.WorksheetView & { xSplit?: number; ySplit?: number }) | undefined;
  if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  if (view && view.showGridLines === false) sheet.showGridlines = false;
  const protection = (worksheet as unknown as SheetInternals).sheetProtection;
  if (protection?.sheet) {
    const options: Record<string, boolean> = {};
    for (const key of protectionOptionKeys) {
      const fileKey = key.replace(/^allow(\w)/, (_m, c: string) => c.toLowerCase());
      if (protection[fileKey] !== undefined) options[protectionOptionFromFile(fileKey)] = Boolean(protection[fileKey]);
    }
    sheet.protection = { protected: true, options };
  }
  const setup = worksheet.pageSetup;
  sheet.pageLayout = {
    orientation: setup.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: setup.fitToPage ? { horizontalFitToPages: setup.fitToWidth ?? 1, verticalFitToPages: setup.fitToHeight ?? 1 } : { scale: setup.scale ?? 100 },
    centerHorizontally: Boolean(setup.horizontalCentered),
    ...(setup.printTitlesRow ? { printTitleRows: absolute(setup.printTitlesRow) } : {}),
    ...(setup.printArea ? { printArea: absolute(setup.printArea) } : {}),
  };
  const headerFooter = { ...sectionsFromFile(worksheet.headerFooter?.oddHeader, "Header"), ...sectionsFromFile(worksheet.headerFooter?.oddFooter, "Footer") };
  if (Object.keys(headerFooter).length > 0) sheet.pageLayout.headerFooter = headerFooter;
}

const absolute = (address: string): string => {
  const rect = parseRect(address);
  return rect ? absoluteRectAddress(rect) : address;
};

function readTables(workbook: HeadlessWorkbook, sheet: SheetModel, internals: SheetInternals): void {
  for (const { table: file } of Object.values(internals.tables ?? {})) {
    const rect = parseRect(file.tableRef ?? file.ref ?? "");
    if (!rect) continue;
    const table = new TableModel(file.name, workbook.newId("table"), sheet, rect, file.columns.map((_c, i) => i + 1));
    table.style = file.style?.theme ?? table.style;
    table.showBandedRows = file.style?.showRowStripes ?? true;
    table.showBandedColumns = file.style?.showColumnStripes ?? false;
    table.showTotals = Boolean(file.totalsRow);
    table.showFilterButton = file.columns[0]?.filterButton ?? true;
    workbook.tables.push(table);
  }
}

function fileFormula(formula: unknown): string | number {
  if (typeof formula === "number") return formula;
  if (formula instanceof Date) return (formula.getTime() - EXCEL_EPOCH) / 86400000;
  const text = String(formula);
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : fromFileFormula(text);
}

function ruleFromFile(validation: ExcelJS.DataValidation): DataValidationRule | null {
  const [first, second] = validation.formulae ?? [];
  const basic = () => ({
    formula1: fileFormula(first),
    ...(second !== undefined ? { formula2: fileFormula(second) } : {}),
    operator: operatorFromFile[validation.operator ?? "between"] ?? "Between",
  });
  switch (validation.type) {
    case "list": {
      const text = String(first ?? "");
      return { list: { inCellDropDown: true, source: text.startsWith('"') ? text.slice(1, -1) : fromFileFormula(text) } };
    }
    case "custom": return { custom: { formula: fromFileFormula(String(first ?? "")) } };
    case "whole": return { wholeNumber: basic() };
    case "decimal": return { decimal: basic() };
    case "date": return { date: basic() };
    case "textLength": return { textLength: basic() };
    default: return null;
  }
}

/** exceljs expands each validation to its cells (sharing one object); group them back into rectangles. */
function readValidations(model: Record<string, ExcelJS.DataValidation | undefined>): DataValidationEntry[] {
  const cellsByValidation = new Map<ExcelJS.DataValidation, Array<{ row: number; col: number }>>();
  for (const [address, validation] of Object.entries(model)) {
    const rect = parseRect(address);
    if (!validation || !rect) continue;
    const cells = cellsByValidation.get(validation) ?? [];
    for (let row = rect.r0; row <= rect.r1; row++) for (let col = rect.c0; col <= rect.c1; col++) cells.push({ row, col });
    cellsByValidation.set(validation, cells);
  }
  const entries: DataValidationEntry[] = [];
  for (const [validation, cells] of cellsByValidation) {
    const rule = ruleFromFile(validation);
    if (!rule) continue;
    for (const rect of coalesceCells(cells)) {
      entries.push({
        rect,
        rule,
        ignoreBlanks: validation.allowBlank ?? false,
        errorAlert: {
          showAlert: validation.showErrorMessage ?? false,
          style: capitalize(validation.errorStyle ?? "stop"),
          title: validation.errorTitle ?? "",
          message: validation.error ?? "",
        },
        prompt: { showPrompt: validation.showInputMessage ?? false, title: validation.promptTitle ?? "", message: validation.prompt ?? "" },
      });
    }
  }
  return entries;
}

const capitalize = (text: string): string => `${text[0].toUpperCase()}${text.slice(1)}`;

interface FileRule {
  type: string;
  priority?: number;
  stopIfTrue?: boolean;
  formulae?: Array<string | number>;
  operator?: string;
  text?: string;
  style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } };
  cfvo?: Array<{ type: string; value?: string | number }>;
  color?: Array<{ argb?: string }>;
}

function readConditionalFormats(workbook: HeadlessWorkbook, formattings: ExcelJS.ConditionalFormattingOptions[]): ConditionalFormatEntry[] {
  const entries: ConditionalFormatEntry[] = [];
  for (const formatting of formattings) {
    const rect = parseRect(formatting.ref.split(" ")[0]);
    if (!rect) continue;
    for (const rule of formatting.rules as unknown as FileRule[]) {
      const entry = cfFromFile(workbook, rect, rule);
      if (entry) entries.push(entry);
    }
  }
  return entries.sort((a, b) => a.priority - b.priority).map((entry, index) => ({ ...entry, priority: index }));
}

function cfFromFile(workbook: HeadlessWorkbook, rect: Rect, rule: FileRule): ConditionalFormatEntry | null {
  const style = {
    ...(fromArgb(rule.style?.fill?.bgColor) ? { fillColor: fromArgb(rule.style?.fill?.bgColor) } : {}),
    ...(fromArgb(rule.style?.font?.color) ? { fontColor: fromArgb(rule.style?.font?.color) } : {}),
    ...(rule.style?.font?.bold !== undefined ? { fontBold: rule.style.font.bold } : {}),
  };
  const base = { id: workbook.newId("cf"), rect, priority: rule.priority ?? 0, stopIfTrue: Boolean(rule.stopIfTrue), style };
  // A constant stays as typed ("5"); anything else is a formula ("=$B$1").
  const formulas = (rule.formulae ?? []).map((f) => (/^-?\d+(\.\d+)?$/.test(String(f)) ? String(f) : fromFileFormula(String(f))));
  switch (rule.type) {
    case "expression":
      return { ...base, type: "Custom", rule: { formula: formulas[0] ?? "" } };
    case "cellIs":
      return {
        ...base,
        type: "CellValue",
        rule: { formula1: formulas[0], ...(formulas[1] !== undefined ? { formula2: formulas[1] } : {}), operator: cfOperatorFromFile[rule.operator ?? "equal"] },
      };
    case "containsText":
      return { ...base, type: "ContainsText", rule: { operator: textOperatorFromFile[rule.operator ?? "containsText"] ?? "Contains", text: rule.text ?? "" } };
    case "colorScale": {
      const points = (rule.cfvo ?? []).map((point, i) => ({
        type: scaleTypeFromFile[point.type] ?? "Number",
        ...(point.value !== undefined ? { formula: String(point.value) } : {}),
        color: fromArgb(rule.color?.[i]) ?? "#FFFFFF",
      }));
      const [minimum, ...rest] = points;
      const maximum = rest.pop();
      return { ...base, type: "ColorScale", rule: {}, colorScale: { minimum, ...(rest[0] ? { midpoint: rest[0] } : {}), maximum } };
    }
    default:
      return null;
  }
}
