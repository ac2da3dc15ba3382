/**
 * Which of the workbook's tables and columns are the blueprint's, whatever the analyst renamed them
 * to. Evidence, strongest first:
 *   1. the name itself;
 *   2. Excel's own rewrite: renaming a column or table rewrites every structured reference to it,
 *      so our calculated columns' formulas in the workbook name the new column where the blueprint
 *      names the old one (same formula shape, different names);
 *   3. the names and positions recorded at the last build (workbookMemory.ts): the column still
 *      called what it was called then, or the one column that now sits where it sat;
 *   4. for tables, a table holding most of the blueprint table's headers.
 */
import { TableSpec } from "../blueprint/types";
import { canonicalFormula } from "./formulaText";
import { referenceShape, Renames, structuredRefs } from "./structuredRefs";
import { TableSnapshot, WorkbookSnapshot } from "./snapshot";
import { WorkbookMemory } from "./workbookMemory";

export interface Identity {
  renames: Renames;
  /** The workbook's table for each blueprint table, by lower-case blueprint name. */
  tables: ReadonlyMap<string, TableSnapshot>;
  /** What was followed this time, e.g. `Inherent Likelihood (table Risks) is now called "Likelihood"`. */
  notes: string[];
}

const lower = (s: string) => s.toLowerCase();

/** The blueprint header → workbook header for one table; lookups are case-insensitive. */
export function actualHeader(renames: Renames, table: string, header: string): string {
  return renames.columns.get(lower(table))?.get(lower(header)) ?? header;
}

export function identify(specs: readonly TableSpec[], snapshot: WorkbookSnapshot, memory?: WorkbookMemory): Identity {
  const byName = new Map(snapshot.tables.map((t) => [lower(t.name), t]));
  const tables = new Map<string, TableSnapshot>();
  const claimed = new Set<TableSnapshot>();
  const notes: string[] = [];
  const claim = (spec: TableSpec, table: TableSnapshot | undefined) => {
    if (!table || claimed.has(table)) return false;
    tables.set(lower(spec.name), table);
    claimed.add(table);
    return true;
  };
  for (const spec of specs) claim(spec, byName.get(lower(spec.name)));
  for (const spec of specs) {
    if (tables.has(lower(spec.name))) continue;
    const recorded = memory?.tables[lower(spec.name)]?.name;
    if (recorded && claim(spec, byName.get(lower(recorded)))) continue;
    const candidate = mostAlike(spec, snapshot.tables.filter((t) => !claimed.has(t) && !specs.some((s) => lower(s.name) === lower(t.name))));
    if (claim(spec, candidate)) notes.push(`Table ${spec.name} is now called "${candidate!.name}"; the add-in follows the new name.`);
  }

  const columns = new Map<string, Map<string, string>>();
  const specsByName = new Map(specs.map((s) => [lower(s.name), s]));
  const missing = (spec: TableSpec, table: TableSnapshot) => {
    const present = new Set(table.headers.map(lower));
    const renamed = columns.get(lower(spec.name));
    return spec.columns.map((c) => c.header).filter((h) => !present.has(lower(h)) && !renamed?.has(lower(h)));
  };
  const accept = (specTable: string, blueprintHeader: string, header: string): boolean => {
    const spec = specsByName.get(lower(specTable));
    const table = tables.get(lower(specTable));
    if (!spec || !table) return false;
    if (!missing(spec, table).some((h) => lower(h) === lower(blueprintHeader))) return false;
    const actual = table.headers.find((h) => lower(h) === lower(header));
    // The new name must be a column of the table that is none of the blueprint's and not taken.
    if (!actual || spec.columns.some((c) => lower(c.header) === lower(actual))) return false;
    const map = columns.get(lower(spec.name)) ?? new Map<string, string>();
    if ([...map.values()].some((v) => lower(v) === lower(actual))) return false;
    map.set(lower(blueprintHeader), actual);
    columns.set(lower(spec.name), map);
    return true;
  };

  // 2. Excel's rewrite of our formulas, then 3. the last build's record; twice, as each can reveal a calculated column for the other.
  for (let pass = 0; pass < 2; pass++) {
    for (const spec of specs) {
      const table = tables.get(lower(spec.name));
      if (table) followFormulas(spec, table, columns, tables, accept);
    }
    for (const spec of specs) {
      const table = tables.get(lower(spec.name));
      const record = memory?.tables[lower(spec.name)];
      if (table && record) followRecord(spec, table, record, missing, accept, columns.get(lower(spec.name)) ?? new Map());
    }
  }

  const renames: Renames = {
    tables: new Map([...tables].filter(([bp, t]) => lower(t.name) !== bp).map(([bp, t]) => [bp, t.name])),
    columns,
  };
  for (const [bp, map] of columns) {
    const spec = specsByName.get(bp)!;
    const record = memory?.tables[bp];
    for (const [header, actual] of map) {
      const blueprintHeader = spec.columns.find((c) => lower(c.header) === header)!.header;
      const position = record?.columns.findIndex((c) => lower(c) === header) ?? -1;
      const known = position >= 0 && lower(record!.headers[position] ?? "") === lower(actual);
      if (!known) notes.push(`${blueprintHeader} (table ${spec.name}) is now called "${actual}"; the add-in follows the new name.`);
    }
  }
  return { renames, tables, notes };
}

function mostAlike(spec: TableSpec, candidates: TableSnapshot[]): TableSnapshot | undefined {
  const wanted = new Set(spec.columns.map((c) => lower(c.header)));
  const needed = Math.max(3, Math.ceil(wanted.size * 0.6));
  let best: { table: TableSnapshot; score: number } | undefined;
  for (const table of candidates) {
    const score = table.headers.filter((h) => wanted.has(lower(h))).length;
    if (score >= needed && (!best || score > best.score)) best = { table, score };
  }
  return best?.table;
}

type Accept = (table: string, blueprintHeader: string, header: string) => boolean;

/** Pairs the blueprint's column names with the workbook's in formulas of the same shape. */
function followFormulas(
  spec: TableSpec,
  table: TableSnapshot,
  columns: Map<string, Map<string, string>>,
  tables: ReadonlyMap<string, TableSnapshot>,
  accept: Accept,
): void {
  for (const column of spec.columns) {
    if (!column.formula) continue;
    const header = columns.get(lower(spec.name))?.get(lower(column.header)) ?? column.header;
    const position = table.headers.findIndex((h) => lower(h) === lower(header));
    const actual = position >= 0 ? table.firstRowFormulas[position] : undefined;
    if (typeof actual !== "string" || !actual.startsWith("=")) continue;
    if (canonicalFormula(referenceShape(actual)) !== canonicalFormula(referenceShape(column.formula))) continue;
    const wanted = structuredRefs(column.formula);
    const found = structuredRefs(actual);
    wanted.forEach((ref, i) => {
      const other = found[i];
      const refTable = ref.table ?? spec.name;
      // A reference to a table we cannot place says nothing about its columns.
      if (!tables.has(lower(refTable))) return;
      ref.columns.forEach((name, j) => {
        const otherName = other.columns[j];
        if (otherName !== undefined && lower(otherName) !== lower(name)) accept(refTable, name, otherName);
      });
    });
  }
}

/** The column still called what it was called at the last build, or the one column now where it was. */
function followRecord(
  spec: TableSpec,
  table: TableSnapshot,
  record: WorkbookMemory["tables"][string],
  missing: (spec: TableSpec, table: TableSnapshot) => string[],
  accept: Accept,
  followed: ReadonlyMap<string, string>,
): void {
  const positionNow = (header: string) => table.headers.findIndex((h) => lower(h) === lower(header));
  // Where the column recorded at position j sits now: under its old name, or under a name already followed.
  const recordedNow = (j: number) => {
    const at = record.headers[j] ? positionNow(record.headers[j]) : -1;
    const renamed = followed.get(lower(record.columns[j] ?? ""));
    return at >= 0 ? at : renamed ? positionNow(renamed) : -1;
  };
  const taken = new Set([...record.headers, ...followed.values()].map(lower));
  for (const header of missing(spec, table)) {
    const i = record.columns.findIndex((c) => lower(c) === lower(header));
    if (i < 0) continue;
    const then = record.headers[i];
    if (then && positionNow(then) >= 0 && accept(spec.name, header, then)) continue;
    let left = -1;
    let leftAt = i - 1;
    for (; leftAt >= 0 && left < 0; leftAt--) left = recordedNow(leftAt);
    let right = -1;
    let rightAt = i + 1;
    for (; rightAt < record.headers.length && right < 0; rightAt++) right = recordedNow(rightAt);
    // Record positions of the neighbours found (-1 and the record's length for the table's edges).
    const leftIndex = left >= 0 ? leftAt + 1 : -1;
    const rightIndex = right >= 0 ? rightAt - 1 : record.headers.length;
    if (right < 0) right = table.headers.length;
    const between = table.headers.slice(left + 1, right).filter((h) => !taken.has(lower(h)));
    // Several renamed side by side: the k-th lost column between the neighbours is the k-th new one.
    const lost: number[] = [];
    for (let j = leftIndex + 1; j < rightIndex; j++) if (recordedNow(j) < 0) lost.push(j);
    if (lost.length === between.length && lost.length > 1) {
      const k = lost.indexOf(i);
      if (k >= 0) accept(spec.name, header, between[k]);
      continue;
    }
    const formula = spec.columns.find((c) => lower(c.header) === lower(header))?.formula;
    // A calculated column keeps its formula when renamed; one without it is a new column, not ours renamed.
    const sameFormula = (h: string) => {
      const actual = table.firstRowFormulas[positionNow(h)];
      return typeof actual === "string" && canonicalFormula(referenceShape(actual)) === canonicalFormula(referenceShape(formula!));
    };
    const candidate = between.length === 1 ? between[0] : lost.length === 1 ? stillBeside(table.headers, between, { left, right, leftOfOurs: leftIndex === i - 1, rightOfOurs: rightIndex === i + 1 }) : undefined;
    if (candidate !== undefined && (!formula || sameFormula(candidate))) accept(spec.name, header, candidate);
  }
}

/**
 * One column lost between two neighbours that now hold several new ones (the user renamed ours and added a
 * column beside it): ours is the one still next to the neighbour it sat against at the last build. A real
 * neighbour is better evidence than the table's edge (users add columns at the end of a table more than
 * anywhere), and two real neighbours that disagree leave the column unplaced.
 */
function stillBeside(
  headers: readonly string[],
  between: readonly string[],
  sides: { left: number; right: number; leftOfOurs: boolean; rightOfOurs: boolean },
): string | undefined {
  const afterLeft = headers[sides.left + 1];
  const beforeRight = headers[sides.right - 1];
  const fromLeft = sides.leftOfOurs && afterLeft !== undefined && between[0] === afterLeft ? afterLeft : undefined;
  const fromRight = sides.rightOfOurs && beforeRight !== undefined && between[between.length - 1] === beforeRight ? beforeRight : undefined;
  const leftIsEdge = sides.left < 0;
  const rightIsEdge = sides.right >= headers.length;
  if (fromLeft !== undefined && fromRight !== undefined && fromLeft !== fromRight) {
    if (leftIsEdge === rightIsEdge) return undefined;
    return leftIsEdge ? fromRight : fromLeft;
  }
  return fromLeft ?? fromRight;
}
