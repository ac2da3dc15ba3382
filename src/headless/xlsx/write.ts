import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sectionsToFile } from "./headerFooter";
import { absoluteAreas, rectAddress } from "../addresses";
import { toFileFormula } from "../formulaSyntax";
import type { SheetModel } from "../model/sheet";
import type { Cell, CellStyle, ConditionalFormatEntry, NameEntry, PageMarginsModel } from "../model/types";
import { WorksheetParts } from "./patch/worksheetXml";
import { dataValidationsXml, validationXml } from "./validationsXml";
import type { HeadlessWorkbook } from "../model/workbook";
import {
  borderToFile,
  cfOperatorToFile,
  horizontalToFile,
  operatorToFile,
  pointsToCharacters,
  protectionOptionToFile,
  scaleTypeToFile,
  textOperatorToFile,
  toArgb,
  verticalToFile,
} from "./mapping";
import { writeProtection } from "./protection";

/** A step run on the finished package, e.g. one that adds chart parts exceljs cannot write. */
export type XlsxPostProcessor = (xlsx: Uint8Array, workbook: HeadlessWorkbook) => Promise<Uint8Array>;

export interface WriteXlsxOptions {
  postProcessors?: XlsxPostProcessor[];
}

/** exceljs keeps defined names as a cell matrix (no sheet scope, no formulas); this stand-in keeps them as written. */
interface DefinedNameRecord {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * A whole package from the model: exceljs writes cells, styles, tables, conditional formats and
 * layout; data validations are written here (exceljs expands validation ranges cell by cell).
 * `sheets` limits the
 * package to some sheets (patching an existing package needs only the ones a command changed).
 */
/**
 * How the generated package's parts are stored: DEFLATE for a file a user gets, STORE for a package
 * only read back in memory (the patcher takes the changed sheets' markup from it), where deflating
 * the large register's tens of megabytes of markup, three times over, was pure cost.
 */
export type ZipCompression = "DEFLATE" | "STORE";

export async function generatePackage(workbook: HeadlessWorkbook, sheets: SheetModel[] = workbook.sheets, compression: ZipCompression = "DEFLATE"): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const definedNames: DefinedNameRecord[] = workbook.names.map((entry) => nameRecord(entry));
  for (const [index, sheet] of sheets.entries()) {
    const worksheet = book.addWorksheet(sheet.name, sheetOptions(sheet));
    writeCells(worksheet, sheet, workbook.tablesOn(sheet));
    writeLayout(worksheet, sheet);
    for (const table of workbook.tablesOn(sheet)) writeTable(worksheet, table);
    writeConditionalFormats(worksheet, sheet.conditionalFormats);
    definedNames.push(...sheet.names.map((entry) => nameRecord(entry, index)), ...printAreaName(sheet, index));
    if (sheet.protection.protected) await worksheet.protect(sheet.protection.password ?? "", protectionToFile(sheet.protection.options));
  }
  (book as unknown as { _definedNames: { model: DefinedNameRecord[] } })._definedNames = { model: definedNames };
  if (workbook.fullCalcOnLoad) book.calcProperties = { ...book.calcProperties, fullCalcOnLoad: true };
  const written = new Uint8Array(await book.xlsx.writeBuffer({ zip: { compression } } as ExcelJS.XlsxWriteOptions));
  return writeProtection(await completeSheets(written, sheets, compression), workbook, compression);
}

/** Adds what exceljs cannot write well to each worksheet part: data validations, range by range. */
async function completeSheets(bytes: Uint8Array, sheets: SheetModel[], compression: ZipCompression): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [index, sheet] of sheets.entries()) {
    const part = `xl/worksheets/sheet${index + 1}.xml`;
    const file = zip.file(part);
    if (!file) throw new Error(`exceljs wrote no ${part} for "${sheet.name}"`);
    const parts = new WorksheetParts(await file.async("string"));
    parts.replace("dataValidations", [dataValidationsXml(sheet.validations.map((entry) => validationXml(entry)))]);
    zip.file(part, parts.toString());
  }
  return zip.generateAsync({ type: "uint8array", compression });
}

const nameRecord = (entry: NameEntry, localSheetId?: number): DefinedNameRecord => ({
  name: entry.name,
  ranges: [toFileFormula(entry.formula)],
  ...(localSheetId === undefined ? {} : { localSheetId }),
});

function sheetOptions(sheet: SheetModel): Partial<ExcelJS.AddWorksheetOptions> {
  const states = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
  const { rows, columns } = sheet.freeze;
  return {
    state: states[sheet.visibility],
    properties: { ...(sheet.tabColor ? { tabColor: toArgb(sheet.tabColor) } : {}) } as ExcelJS.WorksheetProperties,
    views: [
      rows || columns
        ? { state: "frozen", xSplit: columns, ySplit: rows, showGridLines: sheet.showGridlines }
        : { state: "normal", showGridLines: sheet.showGridlines },
    ],
  };
}

/**
 * A model cell as exceljs writes it. A formula's cached result gets Excel's cell type: t="str" for
 * text, t="b" for booleans, t="e" for errors (the model holds an error as its code, "#N/A", as
 * Office.js `values` does), a plain <v> for numbers and dates.
 */
function fileValue(cell: Cell, hostTable?: string): ExcelJS.CellValue | undefined {
  if (cell.formula === undefined) return cell.value;
  const formula = toFileFormula(cell.formula, hostTable);
  if (cell.value === undefined) return { formula } as ExcelJS.CellFormulaValue;
  const result = typeof cell.value === "string" && isErrorCode(cell.value) ? { error: cell.value as ExcelJS.CellErrorValue["error"] } : cell.value;
  return { formula, result } as ExcelJS.CellFormulaValue;
}

const ERROR_CODES = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);
const isErrorCode = (text: string): boolean => ERROR_CODES.has(text);

function writeCells(worksheet: ExcelJS.Worksheet, sheet: SheetModel, tables: HeadlessWorkbook["tables"]): void {
  const tableAt = (row: number, col: number) => tables.find(({ rect }) => row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1)?.name;
  for (const [row, cells] of sheet.rows) {
    const fileRow = worksheet.getRow(row + 1);
    for (const [col, cell] of cells) {
      const target = fileRow.getCell(col + 1);
      const value = fileValue(cell, cell.formula === undefined ? undefined : tableAt(row, col));
      if (value !== undefined) target.value = value;
      if (cell.style) applyStyle(target, cell.style);
    }
  }
  for (const [row, height] of sheet.rowHeights) worksheet.getRow(row + 1).height = height;
  for (const row of sheet.hiddenRows) worksheet.getRow(row + 1).hidden = true;
  for (const [col, width] of sheet.columnWidths) worksheet.getColumn(col + 1).width = pointsToCharacters(width);
  for (const merge of sheet.merges) worksheet.mergeCells(merge.r0 + 1, merge.c0 + 1, merge.r1 + 1, merge.c1 + 1);
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat && style.numberFormat !== "General") cell.numFmt = style.numberFormat;
  if (style.fillColor) cell.fill = { type: "pattern", pattern: "solid", fgColor: toArgb(style.fillColor) };
  const font: Partial<ExcelJS.Font> = {};
  if (style.fontBold !== undefined) font.bold = style.fontBold;
  if (style.fontItalic !== undefined) font.italic = style.fontItalic;
  if (style.fontColor) font.color = toArgb(style.fontColor);
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontName) font.name = style.fontName;
  if (style.fontUnderline && style.fontUnderline !== "None") font.underline = style.fontUnderline === "Double" ? "double" : "single";
  if (Object.keys(font).length > 0) cell.font = font;
  const border: Partial<ExcelJS.Borders> = {};
  for (const [side, key] of [["top", "borderTop"], ["bottom", "borderBottom"], ["left", "borderLeft"], ["right", "borderRight"]] as const) {
    const edge = style[key];
    const fileStyle = edge && borderToFile(edge);
    if (edge && fileStyle) border[side] = { style: fileStyle as ExcelJS.BorderStyle, color: toArgb(edge.color) };
  }
  if (Object.keys(border).length > 0) cell.border = border;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontalAlignment && horizontalToFile[style.horizontalAlignment]) alignment.horizontal = horizontalToFile[style.horizontalAlignment] as ExcelJS.Alignment["horizontal"];
  if (style.verticalAlignment && verticalToFile[style.verticalAlignment]) alignment.vertical = verticalToFile[style.verticalAlignment] as ExcelJS.Alignment["vertical"];
  if (style.wrapText) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (style.locked === false) cell.protection = { locked: false };
}

const marginsInInches = (margins: PageMarginsModel) =>
  Object.fromEntries(Object.entries(margins).map(([side, points]) => [side, Number(((points as number) / 72).toPrecision(12))])) as unknown as ExcelJS.Margins;

function writeLayout(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  const layout = sheet.pageLayout;
  const { horizontalFitToPages, verticalFitToPages, scale } = layout.zoom;
  const fitting = horizontalFitToPages !== undefined || verticalFitToPages !== undefined;
  Object.assign(worksheet.pageSetup, {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    horizontalCentered: layout.centerHorizontally,
    ...(fitting ? { fitToPage: true, fitToWidth: horizontalFitToPages ?? 0, fitToHeight: verticalFitToPages ?? 0 } : { scale: scale ?? 100 }),
    ...(layout.printTitleRows ? { printTitlesRow: layout.printTitleRows.replace(/\$/g, "") } : {}),
    ...(layout.margins ? { margins: marginsInInches(layout.margins) } : {}),
  });
  // exceljs writes a row's break after it: a page that starts at 0-based row r breaks after 1-based row r.
  // The break spans every column: max 16383, the last column index (exceljs's own default, 16838, is past it).
  for (const row of layout.rowBreaks ?? []) worksheet.getRow(row).addPageBreak(undefined, 16384);
  if (layout.headerFooter) {
    const oddHeader = sectionsToFile(layout.headerFooter, "Header");
    const oddFooter = sectionsToFile(layout.headerFooter, "Footer");
    worksheet.headerFooter = { ...worksheet.headerFooter, ...(oddHeader ? { oddHeader } : {}), ...(oddFooter ? { oddFooter } : {}) };
  }
}

/**
 * The print area as the _xlnm.Print_Area name with absolute references; exceljs's own pageSetup
 * printArea comes out as "$A1:$M67", which LibreOffice ignores.
 */
function printAreaName(sheet: SheetModel, localSheetId: number): DefinedNameRecord[] {
  const area = sheet.pageLayout.printArea;
  if (!area) return [];
  return [{ name: "_xlnm.Print_Area", localSheetId, ranges: absoluteAreas(area).map((part) => `'${sheet.name.replace(/'/g, "''")}'!${part}`) }];
}

function writeTable(worksheet: ExcelJS.Worksheet, table: HeadlessWorkbook["tables"][number]): void {
  const body = table.bodyRect;
  const rows: ExcelJS.CellValue[][] = [];
  // From the model: reading the cells back through exceljs's `value` would drop cached results of 0, "" and FALSE.
  for (let row = body.r0; row <= body.r1; row++) {
    const line: ExcelJS.CellValue[] = [];
    for (let col = table.rect.c0; col <= table.rect.c1; col++) {
      const cell = table.sheet.cell(row, col);
      line.push((cell && fileValue(cell, table.name)) ?? null);
    }
    rows.push(line);
  }
  const style = /^TableStyle(Light|Medium|Dark)\d+$/.test(table.style) ? table.style : "TableStyleMedium2";
  worksheet.addTable({
    name: table.name,
    displayName: table.name,
    ref: rectAddress({ ...table.rect, r1: table.rect.r0, c1: table.rect.c0 }),
    headerRow: true,
    totalsRow: table.showTotals,
    style: { theme: style as ExcelJS.TableStyleProperties["theme"], showRowStripes: table.showBandedRows, showColumnStripes: table.showBandedColumns },
    columns: table.columnNames().map((name) => ({ name, filterButton: table.showFilterButton })),
    rows,
  });
}

function cfStyle(entry: ConditionalFormatEntry): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (entry.style.fillColor) style.fill = { type: "pattern", pattern: "solid", bgColor: toArgb(entry.style.fillColor) };
  if (entry.style.fontColor || entry.style.fontBold !== undefined) {
    style.font = { ...(entry.style.fontColor ? { color: toArgb(entry.style.fontColor) } : {}), ...(entry.style.fontBold !== undefined ? { bold: entry.style.fontBold } : {}) };
  }
  return style;
}

function cfRule(entry: ConditionalFormatEntry, priority: number): ExcelJS.ConditionalFormattingRule | null {
  const base = { priority, ...(entry.stopIfTrue ? { stopIfTrue: true } : {}) };
  switch (entry.type) {
    case "Custom":
      return { ...base, type: "expression", formulae: [toFileFormula(entry.rule.formula ?? "")], style: cfStyle(entry) };
    case "CellValue":
      return {
        ...base,
        type: "cellIs",
        operator: (cfOperatorToFile[entry.rule.operator ?? "EqualTo"] ?? "equal") as ExcelJS.CellIsRuleType["operator"],
        formulae: [entry.rule.formula1, entry.rule.formula2].filter((f): f is string => f !== undefined).map((formula) => toFileFormula(formula)),
        style: cfStyle(entry),
      } as ExcelJS.ConditionalFormattingRule;
    case "ContainsText":
      return {
        ...base,
        type: "containsText",
        operator: textOperatorToFile[entry.rule.operator ?? "Contains"] ?? "containsText",
        text: entry.rule.text ?? "",
        style: cfStyle(entry),
      } as ExcelJS.ConditionalFormattingRule;
    case "ColorScale": {
      const points = [entry.colorScale?.minimum, entry.colorScale?.midpoint, entry.colorScale?.maximum].filter((p) => p !== undefined);
      return {
        ...base,
        type: "colorScale",
        cfvo: points.map((p) => ({ type: scaleTypeToFile[p.type] ?? "num", ...(p.formula !== undefined && p.formula !== null ? { value: Number.isNaN(Number(p.formula)) ? p.formula : Number(p.formula) } : {}) })),
        color: points.map((p) => toArgb(p.color)),
      } as ExcelJS.ConditionalFormattingRule;
    }
    default:
      return null;
  }
}

function writeConditionalFormats(worksheet: ExcelJS.Worksheet, entries: ConditionalFormatEntry[]): void {
  entries.forEach((entry, index) => {
    const rule = cfRule(entry, index + 1);
    if (rule) worksheet.addConditionalFormatting({ ref: rectAddress(entry.rect), rules: [rule] });
  });
}

function protectionToFile(options: Record<string, boolean>): Partial<ExcelJS.WorksheetProtection> {
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [protectionOptionToFile(key), value]));
}
