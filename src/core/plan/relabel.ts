/**
 * Relabelling what the workbook shows under a label that is now another (blueprint.relabels: a
 * rating band the analyst renamed, whose indicator is known by the band's position). Everything
 * keyed by the old label keeps its content under the new one:
 *   - a blueprint table's column of that name (KPI History) is renamed (TableColumn.name), so its
 *     recorded values stay and Excel rewrites every structured reference to it;
 *   - a keyed table's row of that label (KpiTargets) gets the new label, keeping the user's target;
 *   - a block row listing that indicator (KpiList, KpiList2, the review's indicators) gets the new
 *     label, and its formulas that name the label in quotes (target lookups) the new text;
 *   - a cell of the Dashboard showing exactly that label (its tile) gets the new label.
 * The snapshot is returned as it will be, so the rest of the plan sees the new labels in place and
 * adds nothing twice.
 */
import { cellAddress } from "../a1";
import { CellValue, quoted, Relabel, TableSpec, WorkbookBlueprint } from "../blueprint/types";
import { TableSnapshot, WorkbookSnapshot } from "./snapshot";
import { PlanStep } from "./steps";
import { renameReferences, Renames } from "./structuredRefs";

const key = (s: string) => s.trim().toLowerCase();

export interface RelabelPlan {
  snapshot: WorkbookSnapshot;
  steps: PlanStep[];
  repaired: string[];
}

export function planRelabels(blueprint: WorkbookBlueprint, snapshot: WorkbookSnapshot): RelabelPlan {
  const relabels = blueprint.relabels ?? [];
  if (relabels.length === 0) return { snapshot, steps: [], repaired: [] };
  const steps: PlanStep[] = [];
  const places: string[] = [];
  const specs = new Map(blueprint.sheets.flatMap((s) => s.tables).map((t) => [key(t.name), t]));
  const renamedColumns = new Map<string, Map<string, string>>();

  const tables = snapshot.tables.map((table) => {
    const spec = specs.get(key(table.name));
    if (!spec) return table;
    let next = table;
    for (const { from, to } of relabels) {
      next = renamedColumn(next, spec, from, to, steps, renamedColumns);
      next = relabelledKeyCells(next, spec, from, to, steps);
    }
    if (next !== table) places.push(`table ${table.name}`);
    return next;
  });
  const renames: Renames = { tables: new Map(), columns: renamedColumns };

  const blocks = (snapshot.blocks ?? []).map((block) => {
    const next = relabelledBlock(block, relabels, renames, steps);
    if (next !== block) places.push(block.name);
    return next;
  });
  const tiles = relabelledSheetCells(snapshot, blocks, relabels);
  if (tiles.length > 0) places.push(`${tiles.length} cell${tiles.length === 1 ? "" : "s"} of ${snapshot.sheetCells!.sheet}`);
  steps.push(...tiles);
  const what = relabels.map((r) => `"${r.from}" as "${r.to}"`).join(", ");
  const repaired = places.length > 0 ? [`Relabelled ${what} (a rating band renamed on Scales) in ${places.join(", ")}`] : [];
  return { snapshot: { ...snapshot, tables, blocks }, steps, repaired };
}

/** The table's column named `from` renamed `to`, when the blueprint table has a `to` column and the table none yet. */
function renamedColumn(table: TableSnapshot, spec: TableSpec, from: string, to: string, steps: PlanStep[], renamed: Map<string, Map<string, string>>): TableSnapshot {
  const at = table.headers.findIndex((h) => key(h) === key(from));
  if (at < 0 || table.headers.some((h) => key(h) === key(to)) || !spec.columns.some((c) => key(c.header) === key(to))) return table;
  steps.push({ kind: "renameColumn", table: table.name, from: table.headers[at], to });
  const columns = renamed.get(key(table.name)) ?? new Map<string, string>();
  columns.set(key(table.headers[at]), to);
  renamed.set(key(table.name), columns);
  const headers = table.headers.map((h, i) => (i === at ? to : h));
  const byHeader = table.columns && Object.fromEntries(Object.entries(table.columns).map(([h, v]) => [key(h) === key(from) ? to : h, v]));
  return { ...table, headers, ...(byHeader ? { columns: byHeader } : {}) };
}

/** A keyed table's first key cell reading `from` gets `to` (KpiTargets' Indicator), unless a row has `to` already. */
function relabelledKeyCells(table: TableSnapshot, spec: TableSpec, from: string, to: string, steps: PlanStep[]): TableSnapshot {
  const header = spec.keyColumns?.[0];
  const at = header === undefined ? -1 : table.headers.findIndex((h) => key(h) === key(header));
  const cells = at >= 0 ? table.columns?.[table.headers[at]] : undefined;
  if (!cells || cells.some((v) => key(String(v ?? "")) === key(to))) return table;
  const rows = cells.flatMap((v, i) => (key(String(v ?? "")) === key(from) ? [i] : []));
  if (rows.length === 0) return table;
  for (const row of rows) steps.push({ kind: "write", sheet: table.sheet, address: cellAddress({ row: table.headerRow + 1 + row, column: table.firstColumn + at }), values: [[to]] });
  const relabelled = cells.map((v, i) => (rows.includes(i) ? to : v));
  return {
    ...table,
    columns: { ...table.columns, [table.headers[at]]: relabelled },
    ...(table.body ? { body: table.body.map((line, i) => (rows.includes(i) ? line.map((v, j) => (j === at ? to : v)) : line)) } : {}),
  };
}

/** Rows of a block whose first column is Indicator: the label, and the quoted label in the row's formulas. */
function relabelledBlock(block: TableSnapshot, relabels: readonly Relabel[], renames: Renames, steps: PlanStep[]): TableSnapshot {
  if (key(block.headers[0] ?? "") !== "indicator" || !block.body) return block;
  const shown = new Set(block.body.map((row) => key(String(row[0] ?? ""))));
  let body = block.body;
  for (const { from, to } of relabels) {
    if (shown.has(key(to))) continue;
    body = body.map((row, i) => {
      if (key(String(row[0] ?? "")) !== key(from)) return row;
      const sheetRow = block.headerRow + 1 + i;
      steps.push({ kind: "write", sheet: block.sheet, address: cellAddress({ row: sheetRow, column: block.firstColumn }), values: [[to]] });
      (block.formulas?.[i] ?? []).forEach((formula, j) => {
        if (j === 0 || typeof formula !== "string" || !formula.startsWith("=") || !formula.includes(quoted(from))) return;
        // Written after the column renames, so the formula names the columns by their new names too.
        const text = renameReferences(formula.split(quoted(from)).join(quoted(to)), renames);
        steps.push({ kind: "write", sheet: block.sheet, address: cellAddress({ row: sheetRow, column: block.firstColumn + j }), values: [[text]] });
      });
      return row.map((v, j) => (j === 0 ? to : v));
    });
  }
  return body === block.body ? block : { ...block, body, columns: Object.fromEntries(block.headers.map((h, j) => [h, body.map((row) => row[j] ?? null)])) };
}

/** Cells of the read sheet (the Dashboard) that show exactly an old label, outside its blocks: its tiles. */
function relabelledSheetCells(snapshot: WorkbookSnapshot, blocks: readonly TableSnapshot[], relabels: readonly Relabel[]): PlanStep[] {
  const cells = snapshot.sheetCells;
  if (!cells) return [];
  const inBlock = (row: number, column: number) =>
    blocks.some((b) => key(b.sheet) === key(cells.sheet) && row >= b.headerRow && row <= b.headerRow + b.bodyRows && column >= b.firstColumn && column < b.firstColumn + b.headers.length);
  const labels = new Map(relabels.map((r) => [r.from.trim(), r.to]));
  const steps: PlanStep[] = [];
  cells.values.forEach((line: CellValue[], r) =>
    line.forEach((value, c) => {
      const to = typeof value === "string" ? labels.get(value.trim()) : undefined;
      const at = { row: cells.row + r, column: cells.column + c };
      if (to !== undefined && !inBlock(at.row, at.column)) steps.push({ kind: "write", sheet: cells.sheet, address: cellAddress(at), values: [[to]] });
    }),
  );
  return steps;
}
