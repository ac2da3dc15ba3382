/** The plan: concrete, address-resolved changes that one batched apply turns into Office.js calls. */
import { CellFormat, CellValue, ChartSpec, PrintSpec } from "../blueprint/types";

/** Data validation as Office.js takes it, formulas already resolved to A1 addresses. */
export type ResolvedValidation = {
  rule:
    | { list: { inCellDropDown: true; source: string } }
    | { wholeNumber: { formula1: string; formula2: string; operator: "Between" } }
    | { decimal: { formula1: string; formula2: string; operator: "Between" } }
    | { date: { formula1: string; operator: "GreaterThan" } };
  prompt?: { showPrompt: true; title: string; message: string };
  errorAlert: { showAlert: true; style: "Stop"; title: string; message: string };
};

export interface ResolvedConditionalFormat {
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export type PlanStep =
  | { kind: "addSheet"; sheet: string; tabColor: string }
  /** `values` and `numberFormats` may hold null: that cell is left as it is (Office.js null input). */
  | { kind: "write"; sheet: string; address: string; values: CellValue[][]; format?: CellFormat; merge?: boolean; rowHeight?: number; numberFormats?: CellValue[][] }
  /** An older version's table turned into a plain range, every cell kept (Table.convertToRange, ExcelApi 1.2). */
  | { kind: "convertTable"; table: string }
  | { kind: "createTable"; sheet: string; address: string; name: string; style: string; rows: CellValue[][] }
  | { kind: "appendColumns"; table: string; headers: string[] }
  /** A column renamed (TableColumn.name, ExcelApi 1.4): its values stay, and Excel renames it in every structured reference. */
  | { kind: "renameColumn"; table: string; from: string; to: string }
  | { kind: "appendRows"; table: string; rows: CellValue[][] }
  | {
      kind: "column";
      sheet: string;
      /** e.g. "K5:K40"; absent when the table has no body rows. */
      body?: string;
      /** Whole-column address used to set the width, e.g. "K:K"; only when the column is new. */
      widthColumn?: string;
      width?: number;
      formula?: string;
      /**
       * Where the formula goes when some cells hold the analyst's typed values: contiguous runs of
       * the body, e.g. ["K5:K9", "K11:K40"]. Absent: the whole body.
       */
      formulaRuns?: string[];
      /** One value per body row, written as a column (add-in-owned or newly added columns only). */
      values?: CellValue[];
      numberFormat?: string;
      horizontalAlignment?: "Left" | "Center" | "Right";
      wrapText?: boolean;
      validation?: ResolvedValidation;
      conditionalFormats?: ResolvedConditionalFormat[];
    }
  | {
      /** A per-row block (RowBlockSpec): header and rows in one 2D write, formats per cell. */
      kind: "rowBlock";
      sheet: string;
      /** Header row and rows, e.g. "P4:Q20". */
      address: string;
      values: CellValue[][];
      headerFormat: CellFormat;
      /** The rows below the header, e.g. "P5:Q20", and their number formats ("General" where none). */
      body: string;
      numberFormats?: string[][];
      columns: Array<{ widthColumn: string; width: number; body: string; horizontalAlignment?: "Left" | "Center" | "Right" }>;
    }
  /** `repoint`: the name exists but refers to #REF! (its sheet was deleted), so its formula is set rather than the name added. */
  | { kind: "name"; name: string; formula: string; comment: string; repoint?: boolean }
  /** A name the add-in made that refers to #REF! (its sheet was deleted) and that nothing rebuilds (NamedItem.delete, ExcelApi 1.4). */
  | { kind: "deleteName"; name: string }
  | { kind: "freeze"; sheet: string; rows: number; columns: number }
  /**
   * Row heights that fit wrapped text (runs of rows of one height, e.g. "A5:A9" at 30 pt), and the
   * cells whose text wraps in addition to their column's format (table headers wider than their column).
   */
  | { kind: "rowHeights"; sheet: string; runs: Array<{ address: string; height: number }>; wrap?: string[] }
  | { kind: "print"; sheet: string; print: PrintSpec }
  /** An existing sheet's print area grown to cover what an upgrade added below it. */
  | { kind: "printArea"; sheet: string; address: string }
  /** A chart as the blueprint describes it, with its ranges resolved to sheet-qualified A1 addresses. */
  | ({ kind: "chart"; sheet: string } & ChartSpec)
  | { kind: "activate"; sheet: string }
  /** The very hidden sheet the workbook remembers its settings on; `rows` cover A1:B{n}. */
  | { kind: "memory"; sheet: string; create: boolean; rows: CellValue[][] };

export interface PlanReport {
  created: string[];
  repaired: string[];
  renamed: Array<{ wanted: string; actual: string }>;
  warnings: string[];
  /**
   * What the add-in followed or kept rather than repaired: renamed tables and columns, values typed
   * over calculated columns, a scope change, a schema upgrade.
   */
  notes: string[];
}

export interface Plan {
  /** Reasons the plan must not be applied at all (read-only workbook, protected sheets). */
  blockers: string[];
  steps: PlanStep[];
  report: PlanReport;
  /** Final sheet name for each blueprint sheet key. */
  sheetNames: Record<string, string>;
}
