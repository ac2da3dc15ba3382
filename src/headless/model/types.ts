import type { Rect } from "../addresses";

export type CellValue = string | number | boolean;

export interface BorderStyle {
  style: string;
  color: string;
  weight: string;
}

export interface CellStyle {
  numberFormat?: string;
  fillColor?: string;
  fontBold?: boolean;
  fontItalic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  fontUnderline?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  locked?: boolean;
  borderTop?: BorderStyle;
  borderBottom?: BorderStyle;
  borderLeft?: BorderStyle;
  borderRight?: BorderStyle;
}

export interface Cell {
  /** Constant, or the cached result of `formula` (absent when never calculated). */
  value?: CellValue;
  /** Office.js syntax, with the leading "=". */
  formula?: string;
  style?: CellStyle;
}

/** A validation rule as stored: Office.js's Excel.DataValidationRule with bounds as text or numbers (no Range objects). */
export interface DataValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  wholeNumber?: BasicRule;
  decimal?: BasicRule;
  date?: DateRule;
  textLength?: BasicRule;
  custom?: { formula: string };
}

export type ValidationOperator = Excel.BasicDataValidation["operator"];

export interface BasicRule {
  formula1: string | number;
  formula2?: string | number;
  operator: ValidationOperator;
}

/** Date bounds are ISO dates ("2024-01-31") or formulas, as Office.js takes them (Excel.DateTimeDataValidation). */
export interface DateRule {
  formula1: string;
  formula2?: string;
  operator: ValidationOperator;
}

export interface DataValidationEntry {
  rect: Rect;
  rule: DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatStyle {
  fillColor?: string;
  fontColor?: string;
  fontBold?: boolean;
}

export interface ColorScaleCriterion {
  type: string;
  formula?: string;
  color: string;
}

export interface ConditionalFormatEntry {
  id: string;
  rect: Rect;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  style: ConditionalFormatStyle;
  /** Custom: the formula; CellValue: formula1/formula2/operator; ContainsText: operator/text. */
  rule: { formula?: string; formula1?: string; formula2?: string; operator?: string; text?: string };
  colorScale?: { minimum?: ColorScaleCriterion; midpoint?: ColorScaleCriterion; maximum?: ColorScaleCriterion };
}

export interface NameEntry {
  name: string;
  /** With the leading "=", e.g. "=Lists!$A$2:$A$6". */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface ChartSeriesModel {
  name: string;
  valuesAddress?: string;
  xValuesAddress?: string;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  sourceAddress: string;
  seriesBy: string;
  /** The title's own font size (points), when set (Office.js ChartTitle.format.font.size). */
  title: { text: string; visible: boolean; size?: number };
  legend: { position: string; visible: boolean };
  /** The size (points) of the chart's text: labels, legend and axis titles (Office.js Chart.format.font.size). */
  textSize?: number;
  axisTitles: { category: string; value: string };
  position: { startCell?: string; endCell?: string };
  top: number;
  left: number;
  width: number;
  height: number;
  series: ChartSeriesModel[];
  /** The value axis's number format and bounds, when set (Office.js ChartAxis numberFormat/minimum/maximum). */
  valueAxisNumberFormat?: string;
  categoryAxisNumberFormat?: string;
  valueAxisMinimum?: number;
  valueAxisMaximum?: number;
  /** Base of a logarithmic axis (Office.js ChartAxis scaleType "Logarithmic" + logBase); absent: linear. */
  categoryAxisLogBase?: number;
  valueAxisLogBase?: number;
}

/** Header and footer texts with Excel's codes (&P page, &N pages, &D date, &A sheet; && a literal &). */
export interface HeaderFooterModel {
  leftHeader?: string;
  centerHeader?: string;
  rightHeader?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  /** headersFooters.defaultForAllPages (ExcelApi 1.9). */
  headerFooter?: HeaderFooterModel;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
  printArea?: string;
  centerHorizontally: boolean;
  /** Page margins in points (ExcelApi 1.9 leftMargin … footerMargin); absent: the file's or Excel's defaults. */
  margins?: PageMarginsModel;
  /** Manual page breaks (horizontalPageBreaks, ExcelApi 1.9): 0-based rows that start a new page. */
  rowBreaks?: number[];
}

export interface PageMarginsModel {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface ProtectionModel {
  protected: boolean;
  options: Record<string, boolean>;
  password?: string;
  /**
   * The file's <sheetProtection> attributes as read (password hash, salt, spin count, options), so a
   * protected sheet is written back with its own password; the Office.js API never exposes them.
   */
  fileAttributes?: Record<string, string>;
}

/**
 * Workbook structure protection (Review > Protect Workbook): no sheet may be added, deleted, renamed,
 * moved, hidden or shown. Office.js: Workbook.protection, ExcelApi 1.7
 * (https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection).
 */
export interface WorkbookProtectionModel {
  protected: boolean;
  password?: string;
  /** The file's <workbookProtection> attributes as read (hashes, lockStructure, lockWindows), kept verbatim. */
  fileAttributes?: Record<string, string>;
}
