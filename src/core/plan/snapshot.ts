/** What the plan needs to know about a workbook: read in one sync by src/excel/snapshot.ts. */
import { CellValue } from "../blueprint/types";

export interface SheetSnapshot {
  name: string;
  protected: boolean;
  /** Used range as "A1:K40" (no sheet prefix), or undefined when the sheet is empty. */
  usedRange?: string;
  /** Names of the charts on the sheet (read for the sheets the plan may add charts to). */
  charts?: string[];
  /** Print area as "A1:M80" (measured sheets, ExcelApi 1.9), when the sheet has one. */
  printArea?: string;
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** 0-based row and column of the header row's first cell. */
  headerRow: number;
  firstColumn: number;
  headers: string[];
  /** Number of body rows (0 when the table has none). */
  bodyRows: number;
  /** Formulas (or values) of the first body row, by column position; empty when no body rows. */
  firstRowFormulas: CellValue[];
  /** Body values, only for the tables the plan asked to read in full (the Scales tables). */
  body?: CellValue[][];
  /** Body formulas (constants as they are), for per-row blocks. */
  formulas?: CellValue[][];
  /** Body values of selected columns by header (key columns, mappings), when asked for. */
  columns?: Record<string, CellValue[]>;
  /**
   * Body rows (0-based) of calculated columns that hold a typed value instead of the formula (the
   * analyst's overrides), by header; only for the columns the plan asked about.
   */
  constants?: Record<string, number[]>;
  /** Data validation of column bodies, by header; only for the columns the plan asked about. */
  validations?: Record<string, ValidationSnapshot>;
}

/**
 * A column body's data validation as Office.js reads it back (Excel.DataValidation): `type` is
 * "Inconsistent" or "MixedCriteria" when its cells differ, and bounds come back as formula strings ("=10").
 */
export interface ValidationSnapshot {
  type: string;
  rule: Record<string, Record<string, unknown> | undefined>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface WorkbookSnapshot {
  readOnly: boolean;
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  /** Workbook-scoped defined names. */
  /** Workbook names that evaluate to an error (#REF!: the sheet they pointed at was deleted). */
  brokenNames?: string[];
  /** What each broken name refers to now, by lower-case name (e.g. "=#REF!$P$40:$Q$52"). */
  brokenNameFormulas?: Record<string, string>;
  names: string[];
  /** Sheet each range name points at, by lower-case name (names that refer to ranges only). */
  nameSheets?: Record<string, string>;
  /** Values of the named score grid, when it exists. */
  scoreMatrix?: CellValue[][];
  /** Workbook structure protection is on (ExcelApi 1.7; false when the host cannot say). */
  structureProtected?: boolean;
  /** Cells of the very hidden ISMP Settings sheet (see workbookMemory.ts), when it exists. */
  memoryRows?: CellValue[][];
  /**
   * The per-row blocks (RowBlockSpec) the read asked for, found through their defined names: the
   * header row gives `headers`, the rows below `body` and `columns`.
   */
  blocks?: TableSnapshot[];
  /** The cells of the sheet the read was asked to show in full (the Dashboard, for its tile labels). */
  sheetCells?: { sheet: string; row: number; column: number; values: CellValue[][] };
}

/**
 * A per-row block as the workbook holds it: the named range, or else the table older versions kept
 * the same rows in (read in full), so workbooks built before either form keep working.
 */
export function findRowBlock(snapshot: WorkbookSnapshot, name: string, legacyTable?: string): TableSnapshot | undefined {
  const lower = (s: string) => s.toLowerCase();
  return (
    snapshot.blocks?.find((b) => lower(b.name) === lower(name)) ??
    (legacyTable ? snapshot.tables.find((t) => lower(t.name) === lower(legacyTable) && t.body) : undefined)
  );
}

export const EMPTY_SNAPSHOT: WorkbookSnapshot = { readOnly: false, sheets: [], tables: [], names: [] };
