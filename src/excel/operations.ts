/**
 * What the task pane, the CLI and the demo can ask of a workbook. Each operation takes an
 * Excel.RequestContext (real Excel or the headless host) and does its work in a few batched syncs.
 */
import type { ExportedTable } from "../core/import";
import type { ImportRequest, ImportResult } from "./importRegister";
import type { AcceptedSuggestion, ControlSuggestions } from "./suggestions";
import type { ProgramOverview } from "./program";
import type { FrameworkFileRequest, FrameworkFileResult } from "./customFramework";
import type { OpenedRecordForm, RecordFormRequest, SavedRecord, SaveRecordRequest } from "./recordForm";
import type { BuildOptions } from "../core/blueprint/options";
import type { FrameworkKey } from "../core/frameworkKeys";
import type { HeatmapKind } from "../core/blueprint/heatmapSheet";
import type { HeatmapCounts } from "../core/heatmap";
import type { QuantifyOptions, QuantifySummary } from "./quantify";

export type { QuantifyOptions, QuantifySummary } from "./quantify";

export interface BuildReport {
  /** Sheets and tables created by this run, e.g. "Sheet Risk Register", "Table Risks". */
  created: string[];
  /** Things restored in parts the add-in owns: formulas, validation, formats, missing columns. */
  repaired: string[];
  /** A user sheet already had the name we wanted; ours was created under another name. */
  renamed: Array<{ wanted: string; actual: string }>;
  warnings: string[];
  /** What was followed or kept rather than repaired: renamed columns, typed-over cells, scope changes, a schema upgrade. */
  notes: string[];
  syncs: number;
}

export interface RememberedSettings {
  options: BuildOptions;
  client: string;
  schemaVersion: number;
}

export interface Problem {
  code: string;
  severity: "error" | "warning";
  sheet: string;
  /** A1 address on that sheet, e.g. "A7". */
  address: string;
  message: string;
  /** For a value typed over a calculated column: the formula cell the pane can restore (blueprint names, 0-based body row). */
  restore?: { table: string; column: string; row: number };
}

export interface CoverageSummary {
  key: FrameworkKey;
  name: string;
  coverage: number;
  requirements: number;
  covered: number;
  partial: number;
  gaps: number;
  notApplicable: number;
  topGaps: Array<{ id: string; label: string; credit: number; sheet: string; address: string }>;
}

export type { HeatmapKind } from "../core/blueprint/heatmapSheet";

/** Heatmap counts (counts[likelihood-1][impact-1], with each cell's rating and colour) and axis labels. */
export interface HeatmapData extends HeatmapCounts {
  /** Index 0 = level 1. */
  likelihoodLabels: string[];
  impactLabels: string[];
}

export interface ExcelOperations {
  buildWorkbook(context: Excel.RequestContext, options: BuildOptions): Promise<BuildReport>;
  checkWorkbook(context: Excel.RequestContext): Promise<Problem[]>;
  /** Restores a calculated column's formula over typed values: one cell (`row`) or the whole column. */
  restoreFormula(context: Excel.RequestContext, target: { table: string; column: string; row?: number }): Promise<{ cells: number }>;
  /** The settings the workbook remembers (Set up starts from them); undefined for a workbook without them. */
  readSettings(context: Excel.RequestContext): Promise<RememberedSettings | undefined>;
  selectRange(context: Excel.RequestContext, sheet: string, address: string): Promise<void>;
  readCoverage(context: Excel.RequestContext): Promise<CoverageSummary[]>;
  addFramework(context: Excel.RequestContext, key: FrameworkKey): Promise<BuildReport>;
  /** Adds (or updates) a framework from the user's catalog file; nothing is written while the file has a problem. */
  addFrameworkFromFile(context: Excel.RequestContext, request: FrameworkFileRequest): Promise<FrameworkFileResult>;
  readHeatmap(context: Excel.RequestContext): Promise<HeatmapData>;
  filterRisksByCell(context: Excel.RequestContext, kind: HeatmapKind, likelihood: number, impact: number): Promise<number>;
  clearRiskFilter(context: Excel.RequestContext): Promise<void>;
  takeSnapshot(context: Excel.RequestContext): Promise<{ date: string; rows: number }>;
  /** Simulates the RiskQuant portfolio and writes the Loss Exceedance sheet's figures. */
  quantify(context: Excel.RequestContext, options?: QuantifyOptions): Promise<QuantifySummary>;
  /** Previews (and, when asked, writes) an import into a register. */
  importRows(context: Excel.RequestContext, request: ImportRequest): Promise<ImportResult>;
  /** A register in a tool's layout (or its own), ready to save as CSV. */
  exportRegister(context: Excel.RequestContext, table: string, profile?: string): Promise<ExportedTable>;
  /** Requirement suggestions for the controls not yet mapped to a framework. */
  suggestMappings(context: Excel.RequestContext, framework: FrameworkKey): Promise<ControlSuggestions[]>;
  /** Writes one suggestion the user accepted. */
  acceptSuggestion(context: Excel.RequestContext, accepted: AcceptedSuggestion): Promise<string>;
  /** The record form of a register: a new record, or the selected row to edit. */
  openRecordForm(context: Excel.RequestContext, request: RecordFormRequest): Promise<OpenedRecordForm>;
  /** The eight program elements' health and the current Roadmap phase. */
  readProgram(context: Excel.RequestContext): Promise<ProgramOverview>;
  /** Writes one record: one row, one sync. */
  saveRecord(context: Excel.RequestContext, request: SaveRecordRequest): Promise<SavedRecord>;
}
