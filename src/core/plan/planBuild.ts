/**
 * blueprint + snapshot → plan. Adds what is missing and restores what the add-in owns (formulas,
 * validation and formats of its columns); never touches rows, user columns or other sheets.
 */
import { cellAddress, columnLetter, parseCell, parseRange, quoteSheet, RangeRef } from "../a1";
import { BLOCK_HEADER } from "../blueprint/style";
import { BlockSpec, CellValue, ColumnSpec, RowBlockSpec, SheetSpec, TableSpec, ValidationSpec, WorkbookBlueprint } from "../blueprint/types";
import { canonicalFormula } from "./formulaText";
import { identify, Identity } from "./identity";
import { moveSheetReferences, SheetMove } from "./sheetReferences";
import { findRowBlock, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./snapshot";
import { rowHeightSteps, SizedRows } from "./rowHeights";
import { Plan, PlanReport, PlanStep, ResolvedConditionalFormat, ResolvedValidation } from "./steps";
import { NO_RENAMES, renameReferences, Renames } from "./structuredRefs";
import { MEMORY_SHEET, memoryRows, readMemory, TableMemory, WorkbookMemory } from "./workbookMemory";
import { validationIsCurrent } from "./validationState";
import { planRelabels } from "./relabel";

/** Where a table sits (or will sit once the plan is applied), and its final header order. */
export interface TableLayout {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  bodyRows: number;
  /** Key of each body row, in order (tables with key columns only). */
  rowKeys: string[];
  /** Seed rows to append to an existing table, in final header order. */
  appendedRows: CellValue[][];
  /** Blueprint header (lower case) → the header the workbook uses, for renamed columns. */
  aliases: ReadonlyMap<string, string>;
}

/** What the plan knows beyond the blueprint and the snapshot. */
export interface PlanContext {
  /** The workbook's memory as it was read (undefined: none, e.g. an older workbook). */
  memory?: WorkbookMemory;
  /** The memory to leave behind; the plan adds the tables' names and columns. Absent: not written. */
  remember?: Omit<WorkbookMemory, "tables">;
  /**
   * Block names the add-in may have made that no blueprint sheet names (KpiList2, … an upgrade adds)
   * and how many columns such a block has: when the memory predates its list of blocks, a broken
   * name of these that still refers to a range that wide (=#REF!$P$40:$Q$52) counts as ours.
   */
  formerBlocks?: { names: readonly string[]; columns: number };
}

/** Position of a blueprint column in a layout, following renames; -1 when absent. */
export function headerIndex(layout: TableLayout, header: string): number {
  const actual = key(layout.aliases.get(key(header)) ?? header);
  return layout.headers.findIndex((h) => key(h) === actual);
}

const key = (s: string) => s.toLowerCase();
const KEY_SEPARATOR = "\u0000";

export function planBuild(blueprint: WorkbookBlueprint, read: WorkbookSnapshot, context: PlanContext = {}): Plan {
  const report: PlanReport = { created: [], repaired: [], renamed: [], warnings: [], notes: [] };
  // Labels that changed (a renamed rating band) first: the rest of the plan sees them in place.
  const relabelled = planRelabels(blueprint, read);
  const snapshot = relabelled.snapshot;
  const steps: PlanStep[] = [...relabelled.steps];
  report.repaired.push(...relabelled.repaired);
  const specs = blueprint.sheets.flatMap((s) => s.tables);
  const identity = identify(specs, snapshot, context.memory);
  report.notes.push(...identity.notes);
  const { renames } = identity;
  const tables = identity.tables;
  const translate = (formula: string, thisTable?: string) => renameReferences(formula, renames, thisTable);
  const sheets = new Map(snapshot.sheets.map((s) => [key(s.name), s]));
  const sheetNames: Record<string, string> = {};
  const newSheets = new Set<string>();
  const broken = new Set((snapshot.brokenNames ?? []).map(key));
  const taken = new Set(sheets.keys());

  for (const spec of blueprint.sheets) {
    const ownerSheet =
      (spec.ownerTable ? tables.get(key(spec.ownerTable))?.sheet : undefined) ??
      (spec.ownerName ? snapshot.nameSheets?.[key(spec.ownerName)] : undefined) ??
      legacyOwnerSheet(spec, snapshot.tables);
    if (ownerSheet && sheets.has(key(ownerSheet))) {
      sheetNames[spec.key] = sheets.get(key(ownerSheet))!.name;
      continue;
    }
    let name = spec.name;
    if (taken.has(key(name))) {
      name = uniqueSheetName(spec.name, taken);
      report.renamed.push({ wanted: spec.name, actual: name });
    }
    taken.add(key(name));
    newSheets.add(name);
    sheetNames[spec.key] = name;
  }

  const blockers = findBlockers(blueprint, snapshot, sheetNames, sheets, context);
  const moves: SheetMove[] = blueprint.sheets.filter((s) => sheetNames[s.key] !== s.name).map((s) => ({ wanted: s.name, actual: sheetNames[s.key] }));

  // Lay out every blueprint table first: formats and validation on one sheet refer to tables on another.
  const layouts = new Map<string, TableLayout>();
  const newBlocks = new Set<string>();
  /** Blocks still held in the table an older version made (the Dashboard's Kpis): converted below. */
  const legacyBlocks = new Map<string, TableSnapshot>();
  for (const spec of blueprint.sheets) {
    const sheet = sheetNames[spec.key];
    const used = sheets.get(key(sheet))?.usedRange;
    // A new sheet holds only what the plan writes: its blocks. An existing one, whatever is in its used range.
    const occupied: RangeRef[] = newSheets.has(sheet) ? spec.blocks.map(blockArea) : used ? [parseRange(used)] : [];
    for (const table of spec.tables) {
      const existing = tables.get(key(table.name));
      if (existing) {
        layouts.set(key(table.name), existingLayout(existing, table, renames));
        continue;
      }
      const layout = newLayout(table, sheet, occupied);
      occupied.push(areaOf(layout));
      layouts.set(key(table.name), layout);
    }
    for (const block of [...(spec.rowBlocks ?? []), ...(spec.additions?.rowBlocks ?? [])]) {
      const existing = findRowBlock(snapshot, block.name, block.legacyTable);
      const layout = existing
        ? { ...existingLayout(existing, { name: block.name, columns: block.columns }), name: block.name, headers: existing.headers }
        : placeLayout(block.name, block.anchor, block.columns.map((c) => c.header), block.rows.length, sheet, occupied);
      if (!existing) {
        occupied.push(areaOf(layout));
        newBlocks.add(key(block.name));
      } else if (key(existing.name) !== key(block.name)) legacyBlocks.set(key(block.name), existing);
      layouts.set(key(block.name), layout);
    }
  }

  for (const spec of blueprint.sheets) {
    const sheet = sheetNames[spec.key];
    const isNew = newSheets.has(sheet);
    if (isNew) {
      steps.push({ kind: "addSheet", sheet, tabColor: spec.tabColor });
      report.created.push(`Sheet ${sheet}`);
      for (const block of spec.blocks) steps.push({ kind: "write", sheet, ...block, values: block.values.map((row) => row.map((v) => resolveValue(v, layouts, translate))) });
    }
    for (const table of spec.tables) {
      const layout = layouts.get(key(table.name))!;
      const existing = tables.get(key(table.name));
      if (existing && key(existing.sheet) !== key(sheet)) {
        report.warnings.push(`Table ${table.name} is on sheet ${existing.sheet}, not ${sheet}; it was left where it is.`);
      }
      steps.push(...tableSteps(table, layout, existing, layouts, report, translate));
    }
    if (!isNew) steps.push(...renamedBandFormats(spec, sheet, blueprint));
    const additions = isNew ? undefined : spec.additions;
    if (additions) {
      for (const block of additions.blocks) steps.push({ kind: "write", sheet, ...block, values: block.values.map((row) => row.map((v) => resolveValue(v, layouts, translate))) });
      steps.push({ kind: "printArea", sheet, address: additions.printArea });
      const added = additions.rowBlocks.filter((b) => newBlocks.has(key(b.name))).flatMap((b) => b.rows.map((r) => String(r[b.columns[0].header] ?? "")));
      if (added.length > 0) report.repaired.push(`Added ${added.length} indicator${added.length === 1 ? "" : "s"} below the existing content of ${sheet}: ${added.join(", ")}`);
    }
    // Rows an added block (KpiList2) lays out below the existing content are not missing from the converted one.
    const addedRows = new Set((additions?.rowBlocks ?? []).flatMap((b) => b.rows.map((r) => key(String(r[b.columns[0].header] ?? "")))));
    for (const block of [...(spec.rowBlocks ?? []), ...(additions?.rowBlocks ?? [])]) {
      const legacy = legacyBlocks.get(key(block.name));
      if (legacy) {
        const conversion = convertLegacyBlock(block, legacy, layouts.get(key(block.name))!, layouts, addedRows);
        steps.push(...conversion.steps);
        report.repaired.push(conversion.repaired);
        if (conversion.warning) report.warnings.push(conversion.warning);
      }
      if (!newBlocks.has(key(block.name))) continue;
      steps.push(...rowBlockSteps(block, layouts.get(key(block.name))!, layouts, broken.has(key(block.name))));
      if (broken.has(key(block.name))) report.repaired.push(`Restored the name ${block.name}`);
      report.created.push(`Range ${block.name}`);
    }
    for (const name of spec.names) {
      const repoint = broken.has(key(name.name));
      if (!repoint && snapshot.names.some((n) => key(n) === key(name.name))) continue;
      steps.push({ kind: "name", name: name.name, formula: translate(resolveTokens(moveSheetReferences(name.formula, moves), layouts)), comment: name.comment, ...(repoint ? { repoint } : {}) });
      if (!isNew || repoint) report.repaired.push(`Restored the name ${name.name}`);
    }
    if (isNew) {
      for (const { column, width } of spec.columnWidths ?? []) steps.push({ kind: "column", sheet, widthColumn: `${column}:${column}`, width });
      if (spec.rowHeights?.length) steps.push({ kind: "rowHeights", sheet, runs: [...spec.rowHeights] });
      if (spec.freeze) steps.push({ kind: "freeze", sheet, ...spec.freeze });
      if (spec.print) steps.push({ kind: "print", sheet, print: spec.print });
    }
    const existingCharts = new Set((sheets.get(key(sheet))?.charts ?? []).map(key));
    for (const chart of [...(spec.charts ?? []), ...(additions?.charts ?? [])]) {
      if (existingCharts.has(key(chart.name))) continue;
      steps.push({
        kind: "chart",
        sheet,
        ...chart,
        categories: resolveTokens(chart.categories, layouts),
        series: chart.series.map((s) => ({ name: s.name, values: resolveTokens(s.values, layouts) })),
      });
      report[isNew ? "created" : "repaired"].push(`Chart ${chart.title}`);
    }
  }
  const blocks = [...blueprint.sheets.flatMap((s) => [...(s.rowBlocks ?? []), ...(s.additions?.rowBlocks ?? [])].map((b) => b.name)), ...(snapshot.blocks ?? []).map((b) => b.name)];
  steps.push(...danglingBlockNames(snapshot, steps, context, report));
  if (newSheets.size > 0 && blueprint.sheets.length > 0) steps.push({ kind: "activate", sheet: sheetNames[blueprint.sheets[0].key] });
  if (context.remember) {
    const step = memoryStep(snapshot, { ...context.remember, tables: tableMemory(specs, layouts), blocks: [...new Map(blocks.map((b) => [key(b), b])).values()] }, taken);
    if (step.kind === "memory") steps.push(step);
    else if (step.warning) report.warnings.push(step.warning);
  }

  return { blockers, steps: inApplyOrder(steps), report, sheetNames };
}

/** An existing sheet's cells whose number format names a renamed band (the Heatmap's "3 · Medium"): the format only, the cell kept. */
function renamedBandFormats(spec: SheetSpec, sheet: string, blueprint: WorkbookBlueprint): PlanStep[] {
  const renamed = new Set((blueprint.relabels ?? []).flatMap((r) => (r.band === undefined ? [] : [r.band])));
  if (renamed.size === 0) return [];
  return spec.blocks.flatMap((block): PlanStep[] => {
    const format = block.format?.numberFormat;
    if (block.band === undefined || !renamed.has(block.band) || !format) return [];
    return [{ kind: "write", sheet, address: block.address, values: block.values.map((row) => row.map(() => null)), numberFormats: block.values.map((row) => row.map(() => format)) }];
  });
}

/**
 * Block names of ours left as #REF! by a deleted sheet that this build does not point anywhere again
 * (KpiList2 once the Dashboard is rebuilt with every indicator in KpiList): deleted, so no broken twin
 * stays beside the new block. A broken name the memory does not list as ours is the user's and stays.
 */
function danglingBlockNames(snapshot: WorkbookSnapshot, steps: readonly PlanStep[], context: PlanContext, report: PlanReport): PlanStep[] {
  const remembered = context.memory?.blocks;
  const former = new Set((context.formerBlocks?.names ?? []).map(key));
  const width = (name: string) => {
    const m = /^=#REF!\$?([A-Z]+)\$?\d+:\$?([A-Z]+)\$?\d+$/i.exec(snapshot.brokenNameFormulas?.[key(name)] ?? "");
    return m ? parseCell(`${m[2]}1`).column - parseCell(`${m[1]}1`).column + 1 : 0;
  };
  const ours = (name: string) =>
    remembered ? remembered.some((b) => key(b) === key(name)) : former.has(key(name)) && width(name) === context.formerBlocks!.columns;
  const pointed = new Set(steps.flatMap((s) => (s.kind === "name" ? [key(s.name)] : [])));
  return (snapshot.brokenNames ?? [])
    .filter((name) => ours(name) && !pointed.has(key(name)))
    .map((name) => {
      report.repaired.push(`Removed the name ${name}, which referred to a deleted sheet (#REF!) and is no longer used`);
      return { kind: "deleteName", name };
    });
}

/** Each blueprint table's name and columns as the plan leaves them. */
function tableMemory(specs: readonly TableSpec[], layouts: Map<string, TableLayout>): Record<string, TableMemory> {
  const record: Record<string, TableMemory> = {};
  for (const spec of specs) {
    const layout = layouts.get(key(spec.name));
    if (!layout) continue;
    const blueprintOf = new Map<string, string>();
    for (const column of spec.columns) {
      const index = headerIndex(layout, column.header);
      if (index >= 0) blueprintOf.set(key(layout.headers[index]), column.header);
    }
    record[key(spec.name)] = { name: layout.name, headers: [...layout.headers], columns: layout.headers.map((h) => blueprintOf.get(key(h)) ?? "") };
  }
  return record;
}

/** Writes the memory sheet when its content changes (a re-run that changes nothing writes nothing). */
function memoryStep(snapshot: WorkbookSnapshot, memory: WorkbookMemory, taken: Set<string>): Extract<PlanStep, { kind: "memory" }> | { kind: "foreign"; warning: string } {
  const rows = memoryRows(memory);
  const existing = readMemory(snapshot.memoryRows);
  if (existing.kind === "foreign") {
    return { kind: "foreign", warning: `A sheet named "${MEMORY_SHEET}" is not the add-in's, so this workbook's settings were not remembered. Rename that sheet to let Build remember them.` };
  }
  const create = existing.kind === "none" && !taken.has(key(MEMORY_SHEET));
  const before = snapshot.memoryRows ?? [];
  const height = Math.max(rows.length, before.length);
  const padded = Array.from({ length: height }, (_, i) => rows[i] ?? ["", ""]);
  const same = !create && before.length === rows.length && rows.every((row, i) => row.every((v, j) => String(v ?? "") === String(before[i]?.[j] ?? "")));
  return same ? { kind: "foreign", warning: "" } : { kind: "memory", sheet: MEMORY_SHEET, create, rows: padded };
}

/**
 * Excel rejects a formula that names a table or sheet that does not exist yet, so every sheet and
 * table is created before any name, formula, format or chart that refers to it.
 */
const PHASE: Record<PlanStep["kind"], number> = {
  addSheet: 0,
  createTable: 1,
  appendColumns: 1,
  renameColumn: 1,
  appendRows: 1,
  convertTable: 1,
  name: 2,
  deleteName: 2,
  write: 3,
  rowBlock: 3,
  column: 4,
  rowHeights: 4,
  freeze: 5,
  print: 5,
  printArea: 5,
  chart: 5,
  memory: 6,
  activate: 7,
};

function inApplyOrder(steps: PlanStep[]): PlanStep[] {
  return steps.map((step, i) => ({ step, i })).sort((a, b) => PHASE[a.step.kind] - PHASE[b.step.kind] || a.i - b.i).map(({ step }) => step);
}

function findBlockers(
  blueprint: WorkbookBlueprint,
  snapshot: WorkbookSnapshot,
  sheetNames: Record<string, string>,
  sheets: Map<string, SheetSnapshot>,
  context: PlanContext,
): string[] {
  if (snapshot.readOnly) return ["The workbook is open read-only. Save a copy you can edit, then run Build again."];
  if (snapshot.structureProtected) return [STRUCTURE_PROTECTED];
  if (context.remember && sheets.get(key(MEMORY_SHEET))?.protected && readMemory(snapshot.memoryRows).kind === "memory") {
    return [`Sheet "${MEMORY_SHEET}" is protected. Unprotect it, then run Build again; nothing was changed.`];
  }
  const protectedSheets = blueprint.sheets
    .map((s) => sheets.get(key(sheetNames[s.key])))
    .filter((s): s is SheetSnapshot => !!s && s.protected)
    .map((s) => s.name);
  return protectedSheets.map(
    (name) => `Sheet "${name}" is protected. Unprotect it (Review > Unprotect Sheet), then run Build again; nothing was changed.`,
  );
}

export const STRUCTURE_PROTECTED =
  "The workbook's structure is protected. Unprotect it (Review > Protect Workbook), then run it again; nothing was changed.";

function uniqueSheetName(wanted: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? " (ISMP)" : ` (ISMP ${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(key(name))) return name;
  }
}

function existingLayout(existing: TableSnapshot, spec: Pick<TableSpec, "name" | "columns"> & Partial<TableSpec>, renames: Renames = NO_RENAMES): TableLayout {
  const present = new Set(existing.headers.map(key));
  const aliases = renames.columns.get(key(spec.name)) ?? new Map<string, string>();
  const missing = spec.columns.map((c) => c.header).filter((h) => !present.has(key(aliases.get(key(h)) ?? h)));
  const headers = [...existing.headers, ...missing];
  const appendedRows = missingSeedRows(spec, existing, aliases);
  return {
    aliases,
    name: existing.name,
    sheet: existing.sheet,
    headerRow: existing.headerRow,
    firstColumn: existing.firstColumn,
    headers,
    bodyRows: existing.bodyRows + appendedRows.length,
    rowKeys: [...existingKeys(spec, existing, aliases), ...appendedRows.map((row) => rowKey(spec, (h) => row[h]))],
    appendedRows: appendedRows.map((row) => headers.map((h) => seedValue(spec, row, h, aliases))),
  };
}

const aliasOf = (aliases: ReadonlyMap<string, string>, header: string) => aliases.get(key(header)) ?? header;

/** A row's identity: its key columns' values, case-folded and joined. */
function rowKey(spec: Pick<TableSpec, "keyColumns">, get: (header: string) => CellValue | undefined): string {
  return (spec.keyColumns ?? []).map((h) => String(get(h) ?? "").trim().toLowerCase()).join(KEY_SEPARATOR);
}

function existingKeys(spec: Pick<TableSpec, "keyColumns">, existing: TableSnapshot, aliases: ReadonlyMap<string, string>): string[] {
  if (!spec.keyColumns?.length || !existing.columns) return [];
  const columns = existing.columns;
  return Array.from({ length: existing.bodyRows }, (_, i) => rowKey(spec, (h) => columns[aliasOf(aliases, h)]?.[i]));
}

/** Seed rows whose keys the table does not hold yet (only for tables with key columns). */
function missingSeedRows(spec: Partial<TableSpec>, existing: TableSnapshot, aliases: ReadonlyMap<string, string>): ReadonlyArray<Record<string, CellValue>> {
  if (!spec.appendMissing || !spec.seedRows || !spec.keyColumns?.length || !existing.columns || spec.keyColumns.some((h) => !existing.columns![aliasOf(aliases, h)])) return [];
  const known = new Set(existingKeys(spec, existing, aliases));
  return spec.seedRows.filter((row) => !known.has(rowKey(spec, (h) => row[h])));
}

function seedValue(spec: Pick<TableSpec, "columns">, row: Record<string, CellValue>, header: string, aliases: ReadonlyMap<string, string>): CellValue {
  const column = spec.columns.find((c) => key(aliasOf(aliases, c.header)) === key(header));
  return !column || column.formula ? "" : (row[column.header] ?? "");
}

/** The cells a block writes (or merges). */
function blockArea(block: BlockSpec): RangeRef {
  const { start, end } = parseRange(block.address);
  const width = Math.max(...block.values.map((row) => row.length));
  return {
    start,
    end: { row: Math.max(end.row, start.row + block.values.length - 1), column: Math.max(end.column, start.column + width - 1) },
  };
}

/** Header row to last body row of a table laid out by the plan. */
function areaOf(layout: TableLayout): RangeRef {
  return {
    start: { row: layout.headerRow, column: layout.firstColumn },
    end: { row: layout.headerRow + layout.bodyRows, column: layout.firstColumn + layout.headers.length - 1 },
  };
}

function newLayout(spec: TableSpec, sheet: string, occupied: readonly RangeRef[]): TableLayout {
  const layout = placeLayout(spec.name, spec.anchor, spec.columns.map((c) => c.header), Math.max(spec.seedRows.length, 1), sheet, occupied);
  return { ...layout, rowKeys: spec.seedRows.map((row) => rowKey(spec, (h) => row[h])) };
}

/** Header row at the anchor, moved right past anything in the way; `rows` rows below it. */
function placeLayout(name: string, anchorCell: string, headers: string[], rows: number, sheet: string, occupied: readonly RangeRef[]): TableLayout {
  const anchor = parseCell(anchorCell);
  const lastRow = anchor.row + rows;
  const inTheWay = (firstColumn: number) =>
    occupied.find(
      (area) => anchor.row <= area.end.row && lastRow >= area.start.row && firstColumn <= area.end.column && firstColumn + headers.length - 1 >= area.start.column,
    );
  // Never write over cells the user filled or a table placed before: move right, past whatever is in the way.
  let firstColumn = anchor.column;
  for (let area = inTheWay(firstColumn); area; area = inTheWay(firstColumn)) firstColumn = area.end.column + 2;
  return { name, sheet, headerRow: anchor.row, firstColumn, headers, bodyRows: rows, rowKeys: [], appendedRows: [], aliases: new Map() };
}

/** The sheet of a table older versions kept a per-row block in (the Dashboard's Kpis table). */
/** The sheet of a table an older version kept a block in (the Dashboard's Kpis): it owns the sheet, so no second one is made. */
function legacyOwnerSheet(spec: SheetSpec, tables: readonly TableSnapshot[]): string | undefined {
  for (const block of spec.rowBlocks ?? []) {
    const legacy = block.legacyTable ? tables.find((t) => key(t.name) === key(block.legacyTable!)) : undefined;
    if (legacy) return legacy.sheet;
  }
  return undefined;
}

/**
 * A new per-row block: its defined name, then header and rows in one 2D write (each row's tokens
 * resolved for that row), a header look, per-row number formats and column widths.
 */
function rowBlockSteps(block: RowBlockSpec, layout: TableLayout, layouts: Map<string, TableLayout>, repoint = false): PlanStep[] {
  const top = { row: layout.headerRow, column: layout.firstColumn };
  const bottom = { row: layout.headerRow + block.rows.length, column: layout.firstColumn + block.columns.length - 1 };
  const firstBody = { row: top.row + 1, column: top.column };
  const headers = block.columns.map((c) => c.header);
  const rowValues = block.rows.map((row, i) => headers.map((h) => blockCell(block, layout, layouts, row, h, i)));
  const body = `${cellAddress(firstBody)}:${cellAddress(bottom)}`;
  return [
    { kind: "name", name: block.name, formula: `=${quoteSheet(layout.sheet)}!${cellAddress(top, true)}:${cellAddress(bottom, true)}`, comment: "", ...(repoint ? { repoint } : {}) },
    {
      kind: "rowBlock",
      sheet: layout.sheet,
      address: `${cellAddress(top)}:${cellAddress(bottom)}`,
      values: [headers, ...rowValues],
      headerFormat: BLOCK_HEADER,
      body,
      numberFormats: block.rowFormats?.map((formats) => headers.map((h) => formats[h] ?? "General")),
      columns: block.columns.map((c, i) => {
        const letter = columnLetter(layout.firstColumn + i);
        return { widthColumn: `${letter}:${letter}`, width: c.width, body: `${letter}${firstBody.row + 1}:${letter}${bottom.row + 1}`, horizontalAlignment: c.horizontalAlignment };
      }),
    },
  ];
}

/** A block row's cell as written at body row `bodyRow` of `layout`: {row:Column} tokens point into that row. */
function blockCell(block: RowBlockSpec, layout: TableLayout, layouts: Map<string, TableLayout>, row: RowBlockSpec["rows"][number], header: string, bodyRow: number): CellValue {
  const sheetRow = layout.headerRow + 2 + bodyRow;
  const rowRef = (name: string) => {
    const index = layout.headers.findIndex((h) => key(h) === key(name));
    if (index < 0) throw new Error(`Blueprint error: ${block.name} has no column ${name}`);
    return `$${columnLetter(layout.firstColumn + index)}${sheetRow}`;
  };
  const value = row[header] ?? null;
  return typeof value === "string" && value.startsWith("=") ? resolveTokens(value, layouts, rowRef) : value;
}

/**
 * A block an older version kept in a table (the Dashboard's Kpis): Excel's calculated column had
 * given its formula column one formula for every row (office-js #5909, #2093, #6745). The table
 * becomes a plain range with the block's name, every cell kept (the analyst's added columns and rows
 * included), and each row the blueprint knows gets its own formula back, unless the analyst typed a
 * value over it. Rows are matched by their label (the block's first column) or, where that column is
 * itself a formula (chart data), by position.
 */
function convertLegacyBlock(
  block: RowBlockSpec,
  legacy: TableSnapshot,
  layout: TableLayout,
  layouts: Map<string, TableLayout>,
  addedElsewhere: ReadonlySet<string>,
): { steps: PlanStep[]; repaired: string; warning?: string } {
  const headers = legacy.headers;
  const body = legacy.body ?? [];
  const labelColumn = block.columns[0].header;
  const labelAt = headers.findIndex((h) => key(h) === key(labelColumn));
  const byLabel = block.rows.every((row) => typeof row[labelColumn] === "string" && !String(row[labelColumn]).startsWith("="));
  const blueprintRowOf = (bodyRow: number) =>
    byLabel ? block.rows.find((row) => labelAt >= 0 && key(String(row[labelColumn])) === key(String(body[bodyRow]?.[labelAt] ?? ""))) : block.rows[bodyRow];
  const formulaColumns = block.columns.map((c) => c.header).filter((h) => block.rows.some((row) => typeof row[h] === "string" && String(row[h]).startsWith("=")));
  const matched = new Set<RowBlockSpec["rows"][number]>();
  let restored = 0;
  const formulas: CellValue[][] = [];
  const numberFormats: CellValue[][] = [];
  for (let i = 0; i < legacy.bodyRows; i++) {
    const row = blueprintRowOf(i);
    if (row) matched.add(row);
    const formats = row ? block.rowFormats?.[block.rows.indexOf(row)] : undefined;
    formulas.push(headers.map((h) => {
      if (!row || !formulaColumns.some((f) => key(f) === key(h)) || (legacy.constants?.[h] ?? []).includes(i)) return null;
      restored++;
      return blockCell(block, layout, layouts, row, formulaColumns.find((f) => key(f) === key(h))!, i);
    }));
    numberFormats.push(headers.map((h) => formats?.[block.columns.find((c) => key(c.header) === key(h))?.header ?? ""] ?? null));
  }
  const top = { row: legacy.headerRow, column: legacy.firstColumn };
  const bottom = { row: legacy.headerRow + Math.max(legacy.bodyRows, 1), column: legacy.firstColumn + headers.length - 1 };
  const firstBody = { row: top.row + 1, column: top.column };
  const steps: PlanStep[] = [
    { kind: "convertTable", table: legacy.name },
    { kind: "name", name: block.name, formula: `=${quoteSheet(legacy.sheet)}!${cellAddress(top, true)}:${cellAddress(bottom, true)}`, comment: "" },
  ];
  if (legacy.bodyRows > 0) {
    steps.push({ kind: "write", sheet: legacy.sheet, address: `${cellAddress(firstBody)}:${cellAddress(bottom)}`, values: formulas, numberFormats });
  }
  const missing = block.rows.filter((row) => !matched.has(row)).map((row) => String(row[labelColumn])).filter((label) => !addedElsewhere.has(key(label)));
  return {
    steps,
    repaired: `Converted the table ${legacy.name} to the range ${block.name} (Excel gives a table column one formula) and restored ${restored} row formulas; typed values and added columns were kept`,
    warning: missing.length > 0 && byLabel
      ? `${block.name} has no row for ${missing.join(", ")}: the rows below it belong to other blocks, so none was added. Add them at the end of the range, or delete the range and run Build to lay it out again.`
      : undefined,
  };
}

function tableSteps(
  spec: TableSpec,
  layout: TableLayout,
  existing: TableSnapshot | undefined,
  layouts: Map<string, TableLayout>,
  report: PlanReport,
  translate: (formula: string, thisTable?: string) => string,
): PlanStep[] {
  const steps: PlanStep[] = [];
  const newColumns = new Set<string>();
  if (!existing) {
    steps.push(...createTableSteps(spec, layout, layouts));
    report.created.push(`Table ${spec.name}`);
    spec.columns.forEach((c) => newColumns.add(key(c.header)));
  } else {
    const appended = layout.headers.slice(existing.headers.length);
    if (appended.length > 0) {
      steps.push({ kind: "appendColumns", table: existing.name, headers: appended });
      appended.forEach((h) => newColumns.add(key(h)));
      report.repaired.push(`Added ${appended.length === 1 ? "column" : "columns"} ${appended.join(", ")} to table ${existing.name}`);
    }
    if (layout.appendedRows.length > 0) {
      steps.push({ kind: "appendRows", table: existing.name, rows: layout.appendedRows });
      report.repaired.push(`Added ${layout.appendedRows.length} rows to table ${existing.name}`);
    }
  }
  for (const column of spec.columns) {
    const position = headerIndex(layout, column.header);
    const header = layout.headers[position];
    const formula = column.formula && translate(column.formula, spec.name);
    const typed = existing && formula && position < existing.headers.length ? (existing.constants?.[header] ?? []) : [];
    if (existing && formula && position < existing.headers.length && existing.bodyRows > 0 && !typed.includes(0)) {
      const current = existing.firstRowFormulas[position];
      if (canonicalFormula(String(current ?? ""), existing.name) !== canonicalFormula(formula, existing.name)) {
        report.repaired.push(`Restored the formula of ${layout.name}[${header}]`);
      }
    }
    if (typed.length > 0) {
      report.notes.push(`Kept ${typed.length === 1 ? "the value" : `${typed.length} values`} typed over the formula of ${layout.name}[${header}]; Check lists ${typed.length === 1 ? "it" : "them"}.`);
    }
    const step = columnStep({ ...column, formula }, position, layout, newColumns.has(key(header)), layouts, !existing, typed);
    // A re-run writes no validation the column already has (appended rows get it written over the whole body).
    if (step.kind === "column" && step.validation && existing && !newColumns.has(key(header)) && layout.appendedRows.length === 0) {
      const current = Object.entries(existing.validations ?? {}).find(([h]) => key(h) === key(column.header))?.[1];
      if (validationIsCurrent(step.validation, current)) delete step.validation;
    }
    steps.push(step);
  }
  steps.push(...rowHeightSteps(sizedRows(spec, layout, existing)));
  return steps;
}

/** The rows this build writes, for their heights: a new table's header and seeds, or the seeds appended to an existing one. */
/**
 * The rows to size: a new table's seeds (a calculated column's seed value is the text its formula
 * shows, e.g. RiskQuant's looked-up Title: it sizes the row and is never written), or the rows a
 * re-run appends.
 */
function sizedRows(spec: TableSpec, layout: TableLayout, existing: TableSnapshot | undefined): SizedRows {
  const base = { sheet: layout.sheet, firstColumn: layout.firstColumn };
  if (!existing) {
    return { ...base, headerRow: layout.headerRow, columns: spec.columns, firstRow: layout.headerRow + 1, rows: spec.seedRows.map((seed) => spec.columns.map((c) => seed[c.header] ?? null)) };
  }
  const columns = layout.headers.map((h) => spec.columns.find((c) => headerIndex(layout, c.header) === layout.headers.indexOf(h)));
  return { ...base, columns, firstRow: layout.headerRow + 1 + layout.bodyRows - layout.appendedRows.length, rows: layout.appendedRows };
}

/** Body rows not in `typed` as contiguous runs of A1 addresses in column `letter`. */
function formulaRuns(letter: string, firstRow: number, bodyRows: number, typed: readonly number[]): string[] {
  const skip = new Set(typed);
  const runs: string[] = [];
  for (let i = 0; i < bodyRows; ) {
    if (skip.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < bodyRows && !skip.has(j + 1)) j++;
    runs.push(`${letter}${firstRow + i}:${letter}${firstRow + j}`);
    i = j + 1;
  }
  return runs;
}

/** The table with its constant seeds; seed formulas follow in writes once every table exists. */
function createTableSteps(spec: TableSpec, layout: TableLayout, layouts: Map<string, TableLayout>): PlanStep[] {
  const isFormula = (v: CellValue | undefined) => typeof v === "string" && v.startsWith("=");
  const seeds = spec.seedRows.length > 0 ? spec.seedRows : [{}];
  const rows: CellValue[][] = [spec.columns.map((c) => c.header)];
  for (const seed of seeds) rows.push(spec.columns.map((c) => (c.formula || isFormula(seed[c.header]) ? null : (seed[c.header] ?? null))));
  const start = { row: layout.headerRow, column: layout.firstColumn };
  const end = { row: layout.headerRow + rows.length - 1, column: layout.firstColumn + spec.columns.length - 1 };
  const steps: PlanStep[] = [
    { kind: "createTable", sheet: layout.sheet, address: `${cellAddress(start)}:${cellAddress(end)}`, name: spec.name, style: spec.style, rows },
  ];
  spec.columns.forEach((column, i) => {
    if (column.formula || !seeds.some((seed) => isFormula(seed[column.header]))) return;
    const top = { row: layout.headerRow + 1, column: layout.firstColumn + i };
    const bottom = { row: layout.headerRow + seeds.length, column: layout.firstColumn + i };
    steps.push({
      kind: "write",
      sheet: layout.sheet,
      address: `${cellAddress(top)}:${cellAddress(bottom)}`,
      values: seeds.map((seed) => [resolveValue(seed[column.header] ?? null, layouts)]),
    });
  });
  return steps;
}

function columnStep(
  column: ColumnSpec,
  position: number,
  layout: TableLayout,
  isNew: boolean,
  layouts: Map<string, TableLayout>,
  tableIsNew: boolean,
  typed: readonly number[] = [],
): PlanStep {
  const letter = columnLetter(layout.firstColumn + position);
  const firstBody = layout.headerRow + 1;
  const body = layout.bodyRows > 0 ? `${letter}${firstBody + 1}:${letter}${firstBody + layout.bodyRows}` : undefined;
  const rowRef = (header: string) => {
    const index = headerIndex(layout, header);
    if (index < 0) throw new Error(`Blueprint error: ${layout.name} has no column ${header}`);
    return `$${columnLetter(layout.firstColumn + index)}${firstBody + 1}`;
  };
  const resolve = (text: string) => resolveTokens(text, layouts, rowRef);
  const byKey = column.valuesByKey;
  const writeValues = byKey && !tableIsNew && (byKey.when === "always" || isNew) && layout.rowKeys.length === layout.bodyRows;
  return {
    kind: "column",
    sheet: layout.sheet,
    body,
    values: writeValues ? valuesForRows(byKey.values, layout.rowKeys) : undefined,
    widthColumn: isNew ? `${letter}:${letter}` : undefined,
    width: isNew ? column.width : undefined,
    formula: column.formula,
    formulaRuns: column.formula && typed.length > 0 ? formulaRuns(letter, firstBody + 1, layout.bodyRows, typed) : undefined,
    numberFormat: column.numberFormat,
    horizontalAlignment: column.horizontalAlignment,
    wrapText: column.wrapText,
    validation: column.validation ? resolveValidation(column.validation, resolve) : undefined,
    conditionalFormats: column.conditionalFormats?.map(
      (cf): ResolvedConditionalFormat => ({ formula: resolve(cf.formula), fill: cf.fill, fontColor: cf.fontColor, bold: cf.bold }),
    ),
  };
}

/** Each row's value, looked up by its first key column (case-insensitive); blank when unknown. */
function valuesForRows(values: Readonly<Record<string, CellValue>>, rowKeys: string[]): CellValue[] {
  const folded = new Map(Object.entries(values).map(([k, v]) => [key(k), v]));
  return rowKeys.map((k) => folded.get(k.split(KEY_SEPARATOR)[0]) ?? "");
}

function resolveValidation(spec: ValidationSpec, resolve: (text: string) => string): ResolvedValidation {
  const bound = (v: number | string) => (typeof v === "number" ? String(v) : resolve(v));
  const { rule } = spec;
  const resolved: ResolvedValidation["rule"] =
    rule.kind === "list"
      ? { list: { inCellDropDown: true, source: rule.values.join(",") } }
      : rule.kind === "listFrom"
        ? { list: { inCellDropDown: true, source: resolve(rule.source) } }
        : rule.kind === "whole"
          ? { wholeNumber: { formula1: bound(rule.min), formula2: bound(rule.max), operator: "Between" } }
          : rule.kind === "decimal"
            ? { decimal: { formula1: bound(rule.min), formula2: bound(rule.max), operator: "Between" } }
            : { date: { formula1: "1900-01-01", operator: "GreaterThan" } };
  const prompt = spec.prompt && { title: capText(spec.prompt.title, VALIDATION_TEXT_LIMITS.title), message: capText(spec.prompt.message, VALIDATION_TEXT_LIMITS.prompt) };
  const error = { title: capText(spec.error.title, VALIDATION_TEXT_LIMITS.title), message: capText(spec.error.message, VALIDATION_TEXT_LIMITS.error) };
  return {
    rule: resolved,
    prompt: prompt ? { showPrompt: true, ...prompt } : undefined,
    errorAlert: { showAlert: true, style: "Stop", ...error },
  };
}

/**
 * Excel refuses validation text over these lengths ([MS-XLSB] 2.5.37 DValStrings: titles 32,
 * input message 255, error message 225), and one refused command aborts the rest of Build's sync.
 * Messages are built from scale labels the analyst can edit, so they are capped.
 */
export const VALIDATION_TEXT_LIMITS = { title: 32, prompt: 255, error: 225 } as const;

/** The text, or as much of it as fits with an ellipsis at the end. */
export function capText(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

/** Static content: formulas may carry tokens and name renamed tables or columns; constants pass through. */
function resolveValue(value: CellValue, layouts: Map<string, TableLayout>, translate: (formula: string) => string = (f) => f): CellValue {
  return typeof value === "string" && value.startsWith("=") ? translate(resolveTokens(value, layouts)) : value;
}

/** Replaces {row:…}, {col:Table[Column]} and {cell:Table[Column]#n} with A1 references. */
export function resolveTokens(text: string, layouts: Map<string, TableLayout>, rowRef?: (header: string) => string): string {
  return text.replace(/\{(row|col|cell):([^}]+)\}/g, (_, kind: string, body: string) => {
    if (kind === "row") {
      if (!rowRef) throw new Error(`Blueprint error: {row:${body}} outside a table column`);
      return rowRef(body);
    }
    const m = /^([^[]+)\[([^\]]+)\](?:#(\d+))?$/.exec(body);
    if (!m) throw new Error(`Blueprint error: bad token {${kind}:${body}}`);
    const layout = layouts.get(key(m[1]));
    if (!layout) throw new Error(`Blueprint error: unknown table ${m[1]}`);
    const index = headerIndex(layout, m[2]);
    if (index < 0) throw new Error(`Blueprint error: ${m[1]} has no column ${m[2]}`);
    const column = layout.firstColumn + index;
    const sheet = quoteSheet(layout.sheet);
    if (kind === "cell") return `${sheet}!${cellAddress({ row: layout.headerRow + Number(m[3]), column }, true)}`;
    const first = { row: layout.headerRow + 1, column };
    const last = { row: layout.headerRow + Math.max(layout.bodyRows, 1), column };
    return `${sheet}!${cellAddress(first, true)}:${cellAddress(last, true)}`;
  });
}

