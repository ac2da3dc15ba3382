/**
 * What an analyst does to a built workbook between two recalculations, done the way the add-in
 * would do it in Excel: Office.js calls on the headless host, then saved as .xlsx.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { SCALE_TABLES, SCORE_MATRIX_NAME, SETTINGS_BLOCK } from "../../src/core/blueprint/scalesSheet";
import { MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { main } from "../../src/cli/main";
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { serialOf, type TableRow } from "./engineWorkbook";
import type { HeadlessContext as RequestContext } from "../../src/headless";
import type { Range } from "../../src/headless/api/range";

type CellInput = string | number;

/** A long-past review date: open risks reviewed then are overdue whatever their band. */
export const LONG_AGO = serialOf(new Date(Date.UTC(2020, 0, 15)));

export const BAND_EDITS = { renamed: { from: "Medium", to: "Moderate" }, high: { minScore: 8, reviewEveryDays: 60 } } as const;
export const NEW_APPETITE = 12;
/** The ISO 27001 requirement the analyst declares not applicable, and why. */
export const EXCLUDED_REQUIREMENT = { framework: "ISO 27001", id: "A.8.25", justification: "No in-house software development" } as const;

/** Row index in the Risks table -> column -> new value ("" clears the cell). */
export const RISK_EDITS: ReadonlyArray<{ row: number; values: Readonly<Record<string, CellInput>>; why: string }> = [
  { row: 0, values: { [RISK.inherentLikelihood]: 5, [RISK.inherentImpact]: 5 }, why: "worst case inherent" },
  { row: 1, values: { [RISK.residualLikelihood]: 1, [RISK.residualImpact]: 1 }, why: "treated down to the lowest score" },
  { row: 2, values: { [RISK.residualLikelihood]: "", [RISK.residualImpact]: "" }, why: "residual not assessed: review follows the inherent rating" },
  { row: 3, values: { [RISK.status]: "Closed", [RISK.lastReviewed]: LONG_AGO }, why: "closed risks are never overdue" },
  { row: 4, values: { [RISK.status]: "Open", [RISK.lastReviewed]: LONG_AGO }, why: "open and not reviewed for years" },
  { row: 5, values: { [RISK.residualLikelihood]: 2, [RISK.residualImpact]: 4 }, why: "score 8: Moderate before the band edit, High after" },
];

/** Row index in the Controls table -> new status / effectiveness. */
export const CONTROL_EDITS: ReadonlyArray<{ row: number; values: Readonly<Record<string, CellInput>> }> = [
  { row: 0, values: { [CONTROL.status]: "Not started" } },
  { row: 1, values: { [CONTROL.effectiveness]: "Ineffective" } },
  { row: 2, values: { [CONTROL.status]: "Partially implemented", [CONTROL.effectiveness]: "Partially effective" } },
  { row: 3, values: { [CONTROL.status]: "Implemented", [CONTROL.effectiveness]: "Effective" } },
  { row: 4, values: { [CONTROL.status]: "Not applicable" } },
];

/** Likelihood 2, impact 3 scores 10 in the edited lookup grid (6 before). */
export const GRID_EDIT = { likelihood: 2, impact: 3, score: 10 } as const;

interface LoadedTable {
  headers: Range;
  body: Range;
}

function loadTable(context: RequestContext, name: string): LoadedTable {
  const table = context.workbook.tables.getItem(name);
  return { headers: table.getHeaderRowRange().load("values"), body: table.getDataBodyRange().load("values") };
}

/** A per-row block (a named range, headers in its first row) loaded like a table. */
function loadRowBlock(context: RequestContext, name: string): LoadedTable {
  const range = context.workbook.names.getItem(name).getRange();
  return { headers: range.getRow(0).load("values"), body: range.getOffsetRange(1, 0).getResizedRange(-1, 0).load("values") };
}

function setCells({ headers, body }: LoadedTable, row: number, values: Readonly<Record<string, CellInput>>): void {
  const names = headers.values[0].map(String);
  for (const [header, value] of Object.entries(values)) {
    const column = names.indexOf(header);
    if (column < 0) throw new Error(`No column "${header}"`);
    body.getCell(row, column).values = [[value]];
  }
}

function rowWhere({ headers, body }: LoadedTable, match: Readonly<Record<string, CellInput>>): number {
  const names = headers.values[0].map(String);
  const row = body.values.findIndex((values) => Object.entries(match).every(([header, value]) => String(values[names.indexOf(header)]) === String(value)));
  if (row < 0) throw new Error(`No row with ${JSON.stringify(match)}`);
  return row;
}

export interface EditOptions {
  /** Also change one cell of the lookup grid (for workbooks scored with the matrix method). */
  editGrid: boolean;
}

/** Applies every edit above to the .xlsx at `source` and writes the result to `target`. */
export async function editAsAnalyst(source: string, target: string, options: EditOptions): Promise<void> {
  const workbook = await readXlsx(readFileSync(source));
  await run(workbook, async (context) => {
    const risks = loadTable(context, RISKS_TABLE);
    const controls = loadTable(context, CONTROLS_TABLE);
    const bands = loadTable(context, SCALE_TABLES.bands);
    const settings = loadRowBlock(context, SETTINGS_BLOCK);
    const requirements = loadTable(context, REQUIREMENTS_TABLE);
    await context.sync();

    for (const edit of RISK_EDITS) setCells(risks, edit.row, edit.values);
    for (const edit of CONTROL_EDITS) setCells(controls, edit.row, edit.values);
    setCells(bands, rowWhere(bands, { Rating: "High" }), { "Min Score": BAND_EDITS.high.minScore, "Review Every (days)": BAND_EDITS.high.reviewEveryDays });
    setCells(bands, rowWhere(bands, { Rating: BAND_EDITS.renamed.from }), { Rating: BAND_EDITS.renamed.to });
    setCells(settings, rowWhere(settings, { Setting: "Risk Appetite" }), { Value: NEW_APPETITE });
    const excluded = rowWhere(requirements, { [REQUIREMENT.framework]: EXCLUDED_REQUIREMENT.framework, [REQUIREMENT.id]: EXCLUDED_REQUIREMENT.id });
    setCells(requirements, excluded, { [REQUIREMENT.applicable]: "No", [REQUIREMENT.justification]: EXCLUDED_REQUIREMENT.justification });
    if (options.editGrid) {
      const grid = context.workbook.names.getItem(SCORE_MATRIX_NAME).getRange();
      grid.getCell(GRID_EDIT.likelihood - 1, GRID_EDIT.impact - 1).values = [[GRID_EDIT.score]];
    }
    await context.sync();
  });
  writeFileSync(target, await writeXlsx(workbook));
}

/** Runs `ismp <args>` in-process; throws with what it printed unless it exits 0. */
export async function ismp(args: string[]): Promise<void> {
  const output: string[] = [];
  const code = await main(args, { log: (l) => void output.push(l), error: (l) => void output.push(l) });
  if (code !== 0) throw new Error(`ismp ${args[0]} exited ${code}:\n${output.join("\n")}`);
}

export interface ControlEdit {
  controlId: string;
  /** Control Matrix cells to type into the control's row, by header (Status, Effectiveness, a framework's mapping column). */
  cells: Readonly<Record<string, CellInput>>;
  /** The analyst's own Mappings rows, by header; the columns left out (calculated ones included) are blank. */
  mappings: ReadonlyArray<Readonly<Record<string, CellInput>>>;
}

/** One control's Control Matrix cells set and the analyst's Mappings rows added, from `source` to `target`. */
export async function editControl(source: string, target: string, edit: ControlEdit): Promise<void> {
  const workbook = await readXlsx(readFileSync(source));
  await run(workbook, async (context) => {
    const controls = loadTable(context, CONTROLS_TABLE);
    const mappings = context.workbook.tables.getItem(MAPPINGS_TABLE);
    const mappingHeaders = mappings.getHeaderRowRange().load("values");
    await context.sync();
    setCells(controls, rowWhere(controls, { [CONTROL.id]: edit.controlId }), edit.cells);
    // Blank cells in calculated columns: Excel (and the host) fill the column's formula in the new row.
    // Copying the first row's formulas would copy Excel's display form ([@Col]), which is not file syntax.
    const headers = mappingHeaders.values[0].map(String);
    if (edit.mappings.length > 0) mappings.rows.add(undefined, edit.mappings.map((typed) => headers.map((h) => typed[h] ?? "")));
    await context.sync();
  });
  writeFileSync(target, await writeXlsx(workbook));
}

/** The recalculated values of some columns of a table's rows, row by row. */
export const grid = (rows: readonly TableRow[], columns: readonly string[]) => rows.map((row) => columns.map((c) => row[c].value));
