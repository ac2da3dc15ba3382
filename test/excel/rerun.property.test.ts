/**
 * Property: re-running Build never loses or changes what a user typed. Build a workbook, make random
 * edits through the Office.js API (typed values, user columns, new rows, a user sheet, a deleted
 * calculated column, a deleted name, typing over calculated cells, renaming input columns), re-run
 * Build, and check that every cell outside the columns the add-in owns is exactly as it was, that
 * values typed over calculated cells are kept, that renamed columns are followed (no empty twin),
 * and that what the add-in owns is back.
 */
import fc from "fast-check";
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { BuildReport } from "../../src/excel/operations";
import { buildBlueprint, BuildOptions, defaultOptions, PROFILE_KEYS, TableSpec } from "../../src/core/blueprint";
import { ASSETS_TABLE } from "../../src/core/blueprint/assetInventory";
import { CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { SCORE_MATRIX_NAME, SETTINGS } from "../../src/core/blueprint/scalesSheet";
import { canonicalFormula } from "../../src/core/plan/formulaText";
import { ACCESS_REVIEWS_TABLE } from "../../src/core/registers/accessReviews";
import { INCIDENTS_TABLE } from "../../src/core/registers/incidents";
import { TRAINING_TABLE } from "../../src/core/registers/training";
import { VULNERABILITIES_TABLE } from "../../src/core/registers/vulnerabilities";
import { REGISTER_TABLES } from "../../src/core/registers/tableNames";
import { AUDIT_FINDINGS_TABLE } from "../../src/core/registers/auditFindings";
import { POLICIES_TABLE, POLICY_EXCEPTIONS_TABLE } from "../../src/core/registers/policies";
import { VENDOR_ANSWERS_TABLE, VENDOR_QUESTIONS_TABLE, VENDORS_TABLE } from "../../src/core/registers/vendors";
import { renameReferences, Renames } from "../../src/core/plan/structuredRefs";
import { MEMORY_SHEET } from "../../src/core/plan/workbookMemory";
import { MATRIX_SIZES } from "../../src/core/scales";

const TODAY = new Date(2026, 10, 23);
/** Every register (the operations, governance and program registers included) and the Requirements table. */
const EDITABLE_TABLES = [
  RISKS_TABLE,
  ASSETS_TABLE,
  CONTROLS_TABLE,
  INCIDENTS_TABLE,
  VULNERABILITIES_TABLE,
  ACCESS_REVIEWS_TABLE,
  TRAINING_TABLE,
  REGISTER_TABLES.roadmap,
  REGISTER_TABLES.roles,
  REGISTER_TABLES.raci,
  REGISTER_TABLES.meetings,
  REGISTER_TABLES.resourceRequests,
  POLICIES_TABLE,
  POLICY_EXCEPTIONS_TABLE,
  VENDORS_TABLE,
  VENDOR_QUESTIONS_TABLE,
  VENDOR_ANSWERS_TABLE,
  AUDIT_FINDINGS_TABLE,
  REQUIREMENTS_TABLE,
] as const;
type EditableTable = (typeof EDITABLE_TABLES)[number];
/** The last column of Requirements is calculated: deleting it is what a user can do in Excel (and the host models exactly). */
const DELETABLE_COLUMN = { table: REQUIREMENTS_TABLE, header: REQUIREMENT.creditedBy };
const DELETABLE_NAMES = [...SETTINGS.map((s) => s.name), SCORE_MATRIX_NAME];

type UserEdit =
  | { kind: "type"; table: EditableTable; column: number; row: number; value: string | number }
  | { kind: "typeOverCalculated"; table: EditableTable; column: number; row: number; value: string | number }
  | { kind: "addColumn"; table: EditableTable; value: string }
  | { kind: "addRows"; table: EditableTable; count: number; value: string | number }
  | { kind: "addSheet"; values: string[][] }
  /** Renames an input column (one the add-in does not calculate), as Excel does: references follow. */
  | { kind: "renameColumn"; table: EditableTable; column: number }
  /** What sorting does to the cells (the headless host has no sort): rows in another order. */
  | { kind: "reverseRows"; table: EditableTable };

interface Scenario {
  options: BuildOptions;
  deleteColumn: boolean;
  deleteName?: string;
  edits: UserEdit[];
}

const typed = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `u:${s}`),
  fc.integer({ min: -1000, max: 100000 }),
);
const table = fc.constantFrom(...EDITABLE_TABLES);
/** Text a user types on their own sheet. Text starting with "=" is a formula to Excel, and an unparseable one ("= ") is
 * refused as it would be in Excel (range.values docs: a string beginning with "=" is read as a formula). */
const sheetText = fc.string({ maxLength: 8 }).filter((s) => !s.startsWith("="));
/**
 * A user column is added to a table with nothing to its right: the Program sheet's tables sit side
 * by side, and inserting a column into Roadmap, Roles or Raci would shift the next table's cells
 * (Excel refuses an insert that shifts part of a table: "This operation is attempting to shift cells
 * in a table on your worksheet").
 */
const SIDE_BY_SIDE: readonly string[] = [REGISTER_TABLES.roadmap, REGISTER_TABLES.roles, REGISTER_TABLES.raci];
const widenable = fc.constantFrom(...EDITABLE_TABLES.filter((t) => !SIDE_BY_SIDE.includes(t)));
const index = fc.nat({ max: 10000 });

const edit: fc.Arbitrary<UserEdit> = fc.oneof(
  fc.record({ kind: fc.constant("type" as const), table, column: index, row: index, value: typed }),
  fc.record({ kind: fc.constant("typeOverCalculated" as const), table, column: index, row: index, value: typed }),
  fc.record({ kind: fc.constant("addColumn" as const), table: widenable, value: typed.map(String) }),
  fc.record({ kind: fc.constant("addRows" as const), table, count: fc.integer({ min: 1, max: 3 }), value: typed }),
  fc.record({ kind: fc.constant("reverseRows" as const), table }),
  fc.record({ kind: fc.constant("renameColumn" as const), table, column: index }),
  fc.record({ kind: fc.constant("addSheet" as const), values: fc.array(fc.array(sheetText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }) }),
);

const scenario: fc.Arbitrary<Scenario> = fc.record({
  options: fc
    .record({ profile: fc.constantFrom(...PROFILE_KEYS), matrixSize: fc.constantFrom(...MATRIX_SIZES), sample: fc.boolean(), method: fc.constantFrom("multiply" as const, "matrix" as const) })
    .map(({ profile, ...rest }) => ({ ...defaultOptions(profile), ...rest })),
  deleteColumn: fc.boolean(),
  deleteName: fc.option(fc.constantFrom(...DELETABLE_NAMES), { nil: undefined }),
  edits: fc.array(edit, { maxLength: 8 }),
});

function tableSpecs(options: BuildOptions): Map<string, TableSpec> {
  const blueprint = buildBlueprint(options, { today: TODAY });
  return new Map(blueprint.sheets.flatMap((s) => s.tables).map((t) => [t.name, t]));
}

const isOwned = (spec: TableSpec, header: string) =>
  spec.columns.some((c) => c.header === header && (c.formula !== undefined || c.valuesByKey?.when === "always"));

function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const address = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;

/** Every cell with content or formatting, by "Sheet!A1", as JSON of its value, formula and style. */
function cellDump(workbook: HeadlessWorkbook): Map<string, string> {
  const dump = new Map<string, string>();
  for (const sheet of workbook.sheets) {
    for (const [row, cells] of sheet.rows) {
      for (const [col, cell] of cells) dump.set(`${sheet.name}!${address(row, col)}`, JSON.stringify(cell));
    }
  }
  return dump;
}

/** Body cells of the columns the add-in owns (calculated or refreshed every build), where a re-run may write. */
function ownedCells(workbook: HeadlessWorkbook, specs: Map<string, TableSpec>): Set<string> {
  const owned = new Set<string>();
  for (const [name, spec] of specs) {
    const model = workbook.getTable(name);
    if (!model) continue;
    model.columnNames().forEach((header, i) => {
      if (!isOwned(spec, header)) return;
      const body = model.bodyRect;
      for (let row = body.r0; row <= body.r1; row++) owned.add(`${model.sheet.name}!${address(row, model.rect.c0 + i)}`);
    });
  }
  return owned;
}

/** Cells (outside `mayChange` and the add-in's own settings sheet) whose content or format differs, as "cell: before -> after". */
function changedCells(before: Map<string, string>, after: Map<string, string>, mayChange: Set<string>): string[] {
  return [...before]
    .filter(([cell, content]) => !mayChange.has(cell) && !cell.startsWith(`${MEMORY_SHEET}!`) && after.get(cell) !== content)
    .map(([cell, content]) => `${cell}: ${content} -> ${after.get(cell)}`);
}

/** Calculated-column cells (other than typed-over ones) whose formula is not the blueprint's, renames followed. */
function formulaDrift(workbook: HeadlessWorkbook, specs: Map<string, TableSpec>, renames: Renames, typedOver: Set<string>): string[] {
  const drift: string[] = [];
  for (const [name, spec] of specs) {
    const model = workbook.getTable(name)!;
    model.columnNames().forEach((header, i) => {
      const blueprint = spec.columns.find((c) => c.header === header)?.formula;
      if (!blueprint) return;
      const formula = renameReferences(blueprint, renames, name);
      for (let row = model.bodyRect.r0; row <= model.bodyRect.r1; row++) {
        if (typedOver.has(`${model.sheet.name}!${address(row, model.rect.c0 + i)}`)) continue;
        const actual = String(model.sheet.cell(row, model.rect.c0 + i)?.formula ?? "");
        if (canonicalFormula(actual) !== canonicalFormula(formula)) drift.push(`${name}[${header}] ${address(row, model.rect.c0 + i)}: ${actual}`);
      }
    });
  }
  return drift;
}

async function build(workbook: HeadlessWorkbook, options: BuildOptions): Promise<BuildReport> {
  workbook.stats.reset();
  return run(workbook, (context) => buildWorkbook(context, options, TODAY));
}

interface EditLog {
  renames: Map<string, Map<string, string>>;
}

/** Cells of calculated columns that hold a typed value (wherever sorting moved them): kept, and left out of the formula check. */
function typedOverCells(workbook: HeadlessWorkbook, specs: Map<string, TableSpec>): Set<string> {
  const cells = new Set<string>();
  for (const [name, spec] of specs) {
    const model = workbook.getTable(name);
    if (!model) continue;
    model.columnNames().forEach((header, i) => {
      if (!spec.columns.some((c) => c.header === header && c.formula)) return;
      for (let row = model.bodyRect.r0; row <= model.bodyRect.r1; row++) {
        const cell = model.sheet.cell(row, model.rect.c0 + i);
        if (cell && cell.formula === undefined && cell.value !== undefined && cell.value !== "") cells.add(`${model.sheet.name}!${address(row, model.rect.c0 + i)}`);
      }
    });
  }
  return cells;
}

/** Applies one edit through the Office.js API; returns the cells the user typed, as the model stored them. */
async function applyEdit(workbook: HeadlessWorkbook, specs: Map<string, TableSpec>, e: UserEdit, n: number, log: EditLog): Promise<string[]> {
  if (e.kind === "addSheet") {
    const name = `User sheet ${n}`;
    const last = `${columnLetter(e.values[0].length - 1)}${e.values.length}`;
    await run(workbook, async (context) => {
      context.workbook.worksheets.add(name).getRange(`A1:${last}`).values = e.values;
    });
    return [];
  }
  const model = workbook.getTable(e.table)!;
  const spec = specs.get(e.table)!;
  const headers = model.columnNames();
  const body = model.bodyRect;
  const at = (row: number, col: number) => `${model.sheet.name}!${address(row, model.rect.c0 + col)}`;
  if (e.kind === "addColumn") {
    await run(workbook, async (context) => {
      const values = [[`User column ${n}`], ...Array.from({ length: model.bodyRowCount }, (_, i) => [i % 2 ? e.value : ""])];
      context.workbook.tables.getItem(e.table).columns.add(undefined, values);
    });
    return Array.from({ length: model.bodyRowCount }, (_, i) => at(body.r0 + i, model.columnCount - 1));
  }
  if (e.kind === "addRows") {
    const inputs = headers.map((h, i) => (isOwned(spec, h) || !spec.columns.some((c) => c.header === h) ? -1 : i)).filter((i) => i >= 0);
    const column = inputs[n % inputs.length];
    const rows = Array.from({ length: e.count }, () => headers.map((_, i) => (i === column ? e.value : "")));
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(e.table).rows.add(undefined, rows);
    });
    return rows.map((_, i) => at(body.r1 + 1 + i, column));
  }
  if (e.kind === "renameColumn") {
    const referenced = new Set(spec.keyColumns ?? []);
    const inputs = headers.filter((h) => spec.columns.some((c) => c.header === h) && !isOwned(spec, h) && !referenced.has(h));
    if (inputs.length === 0) return [];
    const header = inputs[e.column % inputs.length];
    const renamed = `${header} (renamed ${n})`;
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(e.table).columns.getItem(header).name = renamed;
    });
    const map = log.renames.get(e.table.toLowerCase()) ?? new Map<string, string>();
    map.set(header.toLowerCase(), renamed);
    log.renames.set(e.table.toLowerCase(), map);
    return [];
  }
  if (model.bodyRowCount === 0) return [];
  if (e.kind === "reverseRows") {
    const formulas = Array.from({ length: model.bodyRowCount }, (_, i) =>
      headers.map((_h, c) => {
        const cell = model.sheet.cell(body.r0 + i, model.rect.c0 + c);
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(e.table).getDataBodyRange().formulas = formulas.reverse();
    });
    return [];
  }
  const wanted = (h: string) => (e.kind === "typeOverCalculated" ? isOwned(spec, h) : !isOwned(spec, h));
  const columns = headers.map((h, i) => (wanted(h) ? i : -1)).filter((i) => i >= 0);
  if (columns.length === 0) return [];
  const column = columns[e.column % columns.length];
  const row = body.r0 + (e.row % model.bodyRowCount);
  await run(workbook, async (context) => {
    context.workbook.tables.getItem(e.table).getDataBodyRange().getCell(row - body.r0, column).values = [[e.value]];
  });
  return [at(row, column)];
}

describe("Re-running Build after random user edits", () => {
  it("keeps every typed cell and restores what the add-in owns", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ options, deleteColumn, deleteName, edits }) => {
        const workbook = createWorkbook();
        const first = await build(workbook, options);
        expect(first.syncs).toBeLessThanOrEqual(3);
        const specs = tableSpecs(options);
        const names = new Map(workbook.names.map((n) => [n.name, n.formula]));
        const sheetsAfterBuild = workbook.sheets.length;

        if (deleteColumn) {
          await run(workbook, async (context) => {
            context.workbook.tables.getItem(DELETABLE_COLUMN.table).columns.getItem(DELETABLE_COLUMN.header).delete();
          });
        }
        if (deleteName) {
          await run(workbook, async (context) => {
            context.workbook.names.getItem(deleteName).delete();
          });
        }
        const typedCells: string[] = [];
        const log: EditLog = { renames: new Map() };
        for (const [n, e] of edits.entries()) typedCells.push(...(await applyEdit(workbook, specs, e, n, log)));
        const typedOver = typedOverCells(workbook, specs);
        const headersBefore = new Map(EDITABLE_TABLES.map((t) => [t, workbook.getTable(t)!.columnNames()]));
        const userSheets = workbook.sheets.length - sheetsAfterBuild;

        const before = cellDump(workbook);
        const report = await build(workbook, options);
        const after = cellDump(workbook);
        const owned = ownedCells(workbook, specs);

        expect(report.syncs).toBeLessThanOrEqual(4);
        // A renamed column is followed: no empty twin under the old name.
        for (const t of EDITABLE_TABLES) {
          const renamedHere = log.renames.get(t.toLowerCase());
          if (renamedHere) expect(workbook.getTable(t)!.columnNames().slice(0, headersBefore.get(t)!.length)).toEqual(headersBefore.get(t));
          for (const old of renamedHere?.keys() ?? []) expect(workbook.getTable(t)!.columnNames().map((h) => h.toLowerCase())).not.toContain(old);
        }
        expect(report.created).toEqual([]);
        expect(workbook.sheets.length).toBe(sheetsAfterBuild + userSheets);
        expect(typedCells.filter((cell) => after.get(cell) !== before.get(cell))).toEqual([]);
        expect(changedCells(before, after, owned)).toEqual([]);

        const requirements = workbook.getTable(DELETABLE_COLUMN.table)!;
        // Restored at the end: after any column the user added.
        if (deleteColumn) expect(requirements.columnNames().at(-1)).toBe(DELETABLE_COLUMN.header);
        expect(new Map(workbook.names.map((n) => [n.name, n.formula]))).toEqual(names);

        expect(formulaDrift(workbook, specs, { tables: new Map(), columns: log.renames }, typedOver)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

