/**
 * The part of the Excel JavaScript API the add-in uses, spelled with @types/office-js's own member
 * types. Each interface picks its members from the Office.js interface of the same name; members
 * that hold or return an Office object are re-declared with the narrowed object (a `Range` here
 * instead of `Excel.Range`), their parameters taken from Office.js.
 *
 * - Excel's `Excel.RequestContext` satisfies `RequestContext` (checked at the bottom of this file),
 *   so nothing here invents a member or a type the real API lacks.
 * - The add-in (src/excel, the task pane, the commands, the CLI) is typed against these interfaces,
 *   and the headless host's classes `implements` them (src/headless/api): a member the add-in starts
 *   to use must be added here, which fails tsc until the host implements it with Office.js's type.
 */

/**
 * Office.js applies one value to every cell of a range ("Update all cells in a range", Performance
 * optimization using the Excel JavaScript API, learn.microsoft.com/office/dev/add-ins/excel/performance),
 * and ignores null inside a 2D array ("null input in a two-dimensional array is ignored", Work with
 * ranges, excel-add-ins-ranges); @types/office-js types the properties as any[][] only.
 */
export type CellGrid = (string | number | boolean | null)[][];
export type CellsInput = CellGrid | string | number | boolean;

/** `load` with the forms the add-in uses: a property list ("name, values") or an array of names. */
interface Loadable {
  load(propertyNames?: string | string[]): this;
}

interface NullObject {
  readonly isNullObject: boolean;
}

export interface RequestContext extends Pick<Excel.RequestContext, "sync"> {
  readonly workbook: Workbook;
}

export interface Workbook extends Pick<Excel.Workbook, "readOnly">, Loadable {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  readonly protection: WorkbookProtection;
  getSelectedRange(): Range;
}

export interface WorkbookProtection extends Pick<Excel.WorkbookProtection, "protected">, Loadable {}

export interface WorksheetCollection extends Loadable {
  readonly items: Worksheet[];
  add(...args: Parameters<Excel.WorksheetCollection["add"]>): Worksheet;
  getItem(...args: Parameters<Excel.WorksheetCollection["getItem"]>): Worksheet;
  getItemOrNullObject(...args: Parameters<Excel.WorksheetCollection["getItemOrNullObject"]>): Worksheet;
  getActiveWorksheet(): Worksheet;
}

export interface Worksheet extends Pick<Excel.Worksheet, "name" | "tabColor" | "visibility" | "activate" | "delete">, Loadable, NullObject {
  readonly tables: TableCollection;
  readonly charts: ChartCollection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: PageBreakCollection;
  readonly protection: WorksheetProtection;
  getRange(...args: Parameters<Excel.Worksheet["getRange"]>): Range;
  getRangeByIndexes(...args: Parameters<Excel.Worksheet["getRangeByIndexes"]>): Range;
  getUsedRangeOrNullObject(...args: Parameters<Excel.Worksheet["getUsedRangeOrNullObject"]>): Range;
}

export interface WorksheetProtection extends Pick<Excel.WorksheetProtection, "protected">, Loadable {}

export interface WorksheetFreezePanes extends Pick<Excel.WorksheetFreezePanes, "freezeRows"> {
  freezeAt(frozenRange: Range | string): void;
}

export interface Range
  extends Pick<Excel.Range, "address" | "rowCount" | "rowIndex" | "columnCount" | "columnIndex" | "width" | "height" | "merge" | "select" | "clear">,
    Loadable,
    NullObject {
  get values(): Excel.Range["values"];
  set values(values: CellsInput);
  get formulas(): Excel.Range["formulas"];
  set formulas(formulas: CellsInput);
  get numberFormat(): Excel.Range["numberFormat"];
  set numberFormat(formats: CellsInput);
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  readonly dataValidation: DataValidation;
  readonly worksheet: Worksheet;
  getRow(...args: Parameters<Excel.Range["getRow"]>): Range;
  getColumn(...args: Parameters<Excel.Range["getColumn"]>): Range;
  getSpecialCellsOrNullObject(
    cellType: "ConditionalFormats" | "DataValidations" | "Blanks" | "Constants" | "Formulas" | "SameConditionalFormat" | "SameDataValidation" | "Visible",
    cellValueType?: Parameters<Excel.Range["getSpecialCellsOrNullObject"]>[1],
  ): RangeAreas;
}

export interface RangeAreas extends Pick<Excel.RangeAreas, "address">, NullObject, Loadable {
  readonly areas: RangeCollection;
}

export interface RangeCollection extends Loadable {
  readonly items: Range[];
}

export interface RangeFormat extends Pick<Excel.RangeFormat, "horizontalAlignment" | "verticalAlignment" | "wrapText" | "rowHeight" | "columnWidth"> {
  readonly font: RangeFont;
  readonly fill: RangeFill;
}

export type RangeFont = Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size">;
export type RangeFill = Pick<Excel.RangeFill, "color">;

export interface DataValidation extends Pick<Excel.DataValidation, "clear" | "rule" | "errorAlert" | "prompt" | "type" | "ignoreBlanks">, Loadable {}

export interface ConditionalFormatCollection extends Pick<Excel.ConditionalFormatCollection, "clearAll"> {
  add(type: "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue"): ConditionalFormat;
}

export interface ConditionalFormat {
  readonly custom: CustomConditionalFormat;
}

export interface CustomConditionalFormat {
  readonly rule: ConditionalFormatRule;
  readonly format: ConditionalRangeFormat;
}

export type ConditionalFormatRule = Pick<Excel.ConditionalFormatRule, "formula">;

export interface ConditionalRangeFormat {
  readonly fill: ConditionalRangeFill;
  readonly font: ConditionalRangeFont;
}

export type ConditionalRangeFill = Pick<Excel.ConditionalRangeFill, "color">;
export type ConditionalRangeFont = Pick<Excel.ConditionalRangeFont, "color" | "bold">;

export interface NamedItemCollection extends Loadable {
  readonly items: NamedItem[];
  add(name: string, reference: Range | string, comment?: string): NamedItem;
  getItem(...args: Parameters<Excel.NamedItemCollection["getItem"]>): NamedItem;
  getItemOrNullObject(...args: Parameters<Excel.NamedItemCollection["getItemOrNullObject"]>): NamedItem;
}

export interface NamedItem extends Pick<Excel.NamedItem, "name" | "type" | "value" | "formula" | "delete">, Loadable, NullObject {
  getRange(): Range;
  getRangeOrNullObject(): Range;
}

export interface TableCollection extends Loadable {
  readonly items: Table[];
  add(address: Range | string, hasHeaders: boolean): Table;
  getItem(...args: Parameters<Excel.TableCollection["getItem"]>): Table;
}

export interface Table extends Pick<Excel.Table, "name" | "style" | "clearFilters">, Loadable {
  readonly columns: TableColumnCollection;
  readonly rows: TableRowCollection;
  readonly worksheet: Worksheet;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  convertToRange(): Range;
}

export interface TableColumnCollection {
  add(...args: Parameters<Excel.TableColumnCollection["add"]>): TableColumn;
  getItem(...args: Parameters<Excel.TableColumnCollection["getItem"]>): TableColumn;
  getItemOrNullObject(...args: Parameters<Excel.TableColumnCollection["getItemOrNullObject"]>): TableColumn;
}

export interface TableColumn extends Pick<Excel.TableColumn, "name">, NullObject {
  readonly filter: Filter;
  getDataBodyRange(): Range;
}

export type Filter = Pick<Excel.Filter, "applyValuesFilter">;

export interface TableRowCollection {
  /** Null cells: see CellGrid. */
  add(index?: number | null, values?: CellGrid | boolean | string | number, alwaysInsert?: boolean): TableRow;
}

export interface TableRow extends Pick<Excel.TableRow, "delete"> {
  getRange(): Range;
}

/**
 * "null" is the documented fit-to-pages value for "as many pages as needed" (Excel.PageLayoutZoomOptions,
 * learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions); @types/office-js says number.
 */
export interface PageLayoutZoomOptions extends Pick<Excel.PageLayoutZoomOptions, "scale"> {
  horizontalFitToPages?: number | null;
  verticalFitToPages?: number | null;
}

export interface PageLayout extends Pick<Excel.PageLayout, "orientation" | "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin">, Loadable {
  zoom: PageLayoutZoomOptions;
  readonly headersFooters: HeaderFooterGroup;
  setPrintTitleRows(printTitleRows: Range | string): void;
  setPrintArea(printArea: Range | RangeAreas | string): void;
  getPrintAreaOrNullObject(): RangeAreas;
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) breaks the page before the range's top-left cell. */
export interface PageBreakCollection {
  add(pageBreakRange: Range | string): void;
}

export interface HeaderFooterGroup {
  readonly defaultForAllPages: HeaderFooter;
}

export type HeaderFooter = Pick<Excel.HeaderFooter, "leftFooter" | "centerFooter" | "rightFooter">;

export interface ChartCollection extends Loadable {
  readonly items: Chart[];
  getItemOrNullObject(...args: Parameters<Excel.ChartCollection["getItemOrNullObject"]>): Chart;
  add(type: Parameters<Excel.ChartCollection["add"]>[0], sourceData: Range, seriesBy?: Parameters<Excel.ChartCollection["add"]>[2]): Chart;
}

export interface Chart extends Pick<Excel.Chart, "name">, Loadable, NullObject {
  readonly title: ChartTitle;
  readonly legend: ChartLegend;
  readonly series: ChartSeriesCollection;
  readonly axes: ChartAxes;
  readonly format: ChartTextFormat;
  setPosition(startCell: Range | string, endCell?: Range | string): void;
}

export interface ChartTitle extends Pick<Excel.ChartTitle, "text"> {
  readonly format: ChartTextFormat;
}
/** ChartAreaFormat and ChartTitleFormat as the add-in uses them: the font of their text (ExcelApi 1.1). */
export interface ChartTextFormat {
  readonly font: ChartFont;
}
export type ChartFont = Pick<Excel.ChartFont, "size">;
export type ChartLegend = Pick<Excel.ChartLegend, "position" | "visible">;

export interface ChartSeriesCollection {
  add(...args: Parameters<Excel.ChartSeriesCollection["add"]>): ChartSeries;
  getItemAt(...args: Parameters<Excel.ChartSeriesCollection["getItemAt"]>): ChartSeries;
}

export interface ChartSeries extends Pick<Excel.ChartSeries, "name"> {
  setValues(sourceData: Range): void;
  setXAxisValues(sourceData: Range): void;
}

export interface ChartAxes {
  readonly valueAxis: ChartAxis;
  readonly categoryAxis: ChartAxis;
}

export interface ChartAxis extends Pick<Excel.ChartAxis, "numberFormat" | "minimum" | "maximum" | "scaleType" | "logBase"> {
  readonly title: ChartAxisTitle;
}

export type ChartAxisTitle = Pick<Excel.ChartAxisTitle, "text">;

/** Compile-time proof that Excel's own objects are these interfaces: a member above that Office.js lacks, or types otherwise, fails here. */
type Satisfies<Actual extends Expected, Expected> = [Actual, Expected];
export type ExcelSatisfiesTheSubset = Satisfies<Excel.RequestContext, RequestContext>;
