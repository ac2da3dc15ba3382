/**
 * The workbook blueprint: what sheets, tables, columns, formulas, formats and rules the ISMP
 * workbook has. Pure data; the plan compares it with what a workbook holds.
 *
 * Formulas use Office.js syntax ("=..."), with structured references in the long form
 * (`Risks[[#This Row],[Inherent Likelihood]]`). Places where Excel forbids structured references
 * (conditional formats, data validation, defined names used by validation) use tokens that the plan
 * resolves to A1 addresses once it knows where each table sits:
 *   {row:Column Name}        this row's cell of a column in the same table, e.g. $K5
 *   {col:Table[Column]}      the absolute body range of a table column, e.g. Scales!$A$5:$A$9
 *   {cell:Table[Column]#n}   the n-th body cell (1-based) of a table column
 */

export type CellValue = string | number | boolean | null;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  numberFormat?: string;
  horizontalAlignment?: "Left" | "Center" | "Right";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  wrapText?: boolean;
}

export interface Message {
  title: string;
  message: string;
}

export type ValidationRule =
  | { kind: "list"; values: readonly string[] }
  | { kind: "listFrom"; source: string }
  | { kind: "whole"; min: number | string; max: number | string }
  | { kind: "decimal"; min: number | string; max: number | string }
  | { kind: "date" };

export interface ValidationSpec {
  rule: ValidationRule;
  prompt?: Message;
  error: Message;
}

export interface ConditionalFormatSpec {
  /** Custom formula, relative to the first body cell of the column. */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ColumnSpec {
  header: string;
  /** Column width in points. */
  width: number;
  numberFormat?: string;
  /** Calculated column: one formula for every row. */
  formula?: string;
  validation?: ValidationSpec;
  conditionalFormats?: readonly ConditionalFormatSpec[];
  horizontalAlignment?: "Left" | "Center" | "Right";
  wrapText?: boolean;
  /**
   * Values by row key (the table's first key column). "appended": written only when the column is
   * added to an existing table (a new framework's mappings). "always": the add-in owns the values
   * and refreshes them on every build (e.g. the controls behind a Statement of Applicability row).
   */
  valuesByKey?: { when: "appended" | "always"; values: Readonly<Record<string, CellValue>> };
}

export interface TableSpec {
  name: string;
  /** Top-left cell of the header row when the table is created, e.g. "A4". */
  anchor: string;
  style: string;
  columns: readonly ColumnSpec[];
  /** Rows written when the table is created. Keys are headers. */
  seedRows: ReadonlyArray<Record<string, CellValue>>;
  /** Columns that identify a row (the first one keys `valuesByKey`). */
  keyColumns?: readonly string[];
  /**
   * Append seed rows whose keys an existing table lacks (a framework added later brings its
   * requirements). Otherwise seeds are written only when the table is created.
   */
  appendMissing?: boolean;
}

/** Static content written when the sheet is created: titles, explanations, grids. */
export interface BlockSpec {
  address: string;
  /** Constants or formulas; formulas may use {cell:…}/{col:…} tokens. */
  values: CellValue[][];
  format?: CellFormat;
  merge?: boolean;
  /** Height in points of the block's rows (taller rows for large figures and wrapped labels). */
  rowHeight?: number;
  /** The rating band (position in RatingBands) its number format names: rewritten on an existing sheet when the band is renamed. */
  band?: number;
}

/**
 * A small block of rows that is deliberately not an Excel table: a header row, then rows whose cells
 * may each hold a different formula (the KPI list, chart data, settings). Excel's AutoCorrect option
 * "Fill formulas in tables to create calculated columns" is on by default and also acts on formulas
 * written through Office.js (office-js #5909 on Mac and the web, #2093 on Windows "by design", #6745):
 * a table column ends up holding one formula, so per-row formulas cannot live in a table.
 * A workbook-scoped defined name covers the header row and the rows: the plan and every reader find
 * the block through it, and tiles and charts refer to its cells with {cell:Name[Column]#n} and
 * {col:Name[Column]} tokens, as they would to a table's.
 */
export interface RowBlockSpec {
  /** The defined name over the header row and the rows; shares the namespace of tables and names. */
  name: string;
  /** Top-left cell of the header row, e.g. "P4" (moved right past anything in the way, like a table). */
  anchor: string;
  columns: ReadonlyArray<{ header: string; width: number; horizontalAlignment?: "Left" | "Center" | "Right" }>;
  /**
   * Cells by header. Formulas may use {row:Column} (this row's cell of another column of the block,
   * e.g. $P26) and the {cell:…}/{col:…} tokens.
   */
  rows: ReadonlyArray<Record<string, CellValue>>;
  /** Number formats of a row's cells, by header (a percentage KPI's "0%"), one entry per row. */
  rowFormats?: ReadonlyArray<Readonly<Record<string, string>>>;
  /** The table older versions kept these rows in: a workbook that has it is ours, and readers fall back to it. */
  legacyTable?: string;
}

export interface NameSpec {
  name: string;
  /** "=Scales!$R$5" or a token formula such as "={cell:SettingsList[Value]#2}". */
  formula: string;
  comment: string;
}

/** Header/footer sections in Excel's codes: &A sheet, &P page, &N pages, &D print date, && a literal &. */
export interface PrintFooter {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSpec {
  orientation: "Landscape" | "Portrait";
  fitToWidth: boolean;
  /**
   * Print scale in percent when the sheet is not fitted to pages. Registers print at a fixed scale
   * (70%: 11 pt body text reads at 7.7 pt) across as many pages as they need.
   */
  scale?: number;
  /** Footer on every page (ExcelApi 1.9 headersFooters); buildBlueprint names organisation, sheet, page and date. */
  footer?: PrintFooter;
  /** Fit the whole print area on one page (dashboards). */
  onePage?: boolean;
  /** Rows repeated on every printed page, e.g. "$4:$4". */
  titleRows?: string;
  /**
   * What prints, e.g. "A1:M40"; several ranges separated by commas ("A1:G60,J1:M50") print one after
   * the other, each starting a new page (Excel and LibreOffice alike).
   */
  printArea?: string;
  /** Manual page breaks: 0-based rows that start a new page (sections kept whole at a fixed scale). */
  rowBreaks?: readonly number[];
  /** Excel's Narrow margins (0.25 in left and right) instead of Normal (0.7 in): wider pages for a fixed scale. */
  narrowMargins?: boolean;
}

/** XYScatterLinesNoMarkers: numbers on both axes, so the horizontal one can be logarithmic (a loss axis). */
export type ChartType = "ColumnClustered" | "BarClustered" | "Line" | "Pie" | "XYScatterLinesNoMarkers";

/**
 * A chart over live ranges (formulas over the tables), so it follows the data. Ranges may use
 * {col:Table[Column]} tokens.
 */
export interface ChartSpec {
  name: string;
  type: ChartType;
  title: string;
  /** Category labels (one column) and one values range per series. */
  categories: string;
  series: ReadonlyArray<{ name: string; values: string }>;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  /** Points of the chart's labels, legend and axis titles, and of its title (paper.ts chartTextSizes). */
  textSize: number;
  titleSize: number;
  valueAxisTitle?: string;
  categoryAxisTitle?: string;
  /** Number format of the value axis, e.g. "0%". */
  valueFormat?: string;
  /** Number format of the category axis, e.g. "yyyy-mm-dd" for dates. */
  categoryFormat?: string;
  /** Fixed value-axis bounds (a percentage axis from 0 to 1 does not exaggerate small differences). */
  valueMin?: number;
  valueMax?: number;
  /** A logarithmic horizontal axis with this base (XY scatter charts: losses spanning decades). */
  categoryLogBase?: number;
}

export interface SheetSpec {
  /** Stable identifier independent of the sheet's display name. */
  key: string;
  name: string;
  tabColor: string;
  /** The table (or the defined name, e.g. of a row block) that proves a sheet is ours. */
  ownerTable?: string;
  ownerName?: string;
  blocks: readonly BlockSpec[];
  tables: readonly TableSpec[];
  /** Per-row blocks (not tables); written when the sheet or the block is missing, never over user edits. */
  rowBlocks?: readonly RowBlockSpec[];
  names: readonly NameSpec[];
  freeze?: { rows: number; columns: number };
  print?: PrintSpec;
  charts?: readonly ChartSpec[];
  columnWidths?: ReadonlyArray<{ column: string; width: number }>;
  /**
   * Heights (points) of a new sheet's rows, as runs of rows ("A1:A4"). A sheet whose charts sit below
   * rows of text sizes every row above them: LibreOffice places a chart from the row heights it has
   * when it opens the file, then re-fits rows without a set height, which moves the cells under the charts.
   */
  rowHeights?: ReadonlyArray<{ address: string; height: number }>;
  /**
   * What an upgrade adds to the existing sheet (blocks written, row blocks and charts created, and
   * the print area grown to cover them); absent for a new sheet, which gets everything above.
   */
  additions?: {
    blocks: BlockSpec[];
    rowBlocks: RowBlockSpec[];
    charts: ChartSpec[];
    printArea: string;
  };
}

/** A label the workbook shows that is now another (a rating band the analyst renamed on Scales): Build relabels it wherever it shows it. */
export interface Relabel {
  from: string;
  to: string;
  /** The rating band it names (position in RatingBands), whose name the workbook shows elsewhere too (Heatmap cells). */
  band?: number;
}

export interface WorkbookBlueprint {
  sheets: readonly SheetSpec[];
  /**
   * Labels to change where the workbook shows them (a renamed rating band's indicator): rows of the
   * blocks listing indicators, the Dashboard's tiles, the KPI History column and KpiTargets rows.
   */
  relabels?: readonly Relabel[];
}

/** `Risks[[#This Row],[Inherent Likelihood]]`: this row's value of a column in a table. */
export function thisRow(table: string, column: string): string {
  return `${table}[[#This Row],[${escapeColumn(column)}]]`;
}

/** Text as a string in a formula: `Say "hi"` → `"Say ""hi"""`. */
export const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** `Risks[[Inherent Likelihood]]`: a whole column of a table (inner brackets allow spaces and symbols). */
export function tableColumn(table: string, column: string): string {
  return `${table}[[${escapeColumn(column)}]]`;
}

/** Structured references escape [ ] # and ' with a leading apostrophe. */
function escapeColumn(column: string): string {
  return column.replace(/(['#[\]])/g, "'$1");
}
