import { controlCredit } from "./credit";
import type { FrameworkView } from "./frameworkView";
import { splitMappingCell } from "./mappingCells";

/** One control row of the control matrix, as coverage reads it. */
export interface ControlRow {
  /** The framework's mapping cell: requirement IDs separated by ";". */
  mapping: string;
  status: string;
  effectiveness?: string;
}

export interface UnknownMapping {
  /** Index of the row in the rows given (0-based). */
  row: number;
  /** The ID as typed. */
  id: string;
}

/**
 * Coverage of one framework. `coverage` is Σ credit / applicable, from 0 to 1. When nothing is
 * applicable (`applicable === 0`) coverage is reported as 0; callers that show a percentage
 * should check `applicable` (the COVERAGE function returns #N/A then).
 */
export interface CoverageResult {
  coverage: number;
  applicable: number;
  /** Applicable requirements with full credit. */
  covered: number;
  /** Applicable requirements with some credit but not full. */
  partial: number;
  /** Applicable requirements with no credit. */
  gaps: number;
  notApplicable: number;
  /** Credit of each applicable requirement, in catalog order. */
  credits: Map<string, number>;
  unknownIds: UnknownMapping[];
}

export interface Gap {
  id: string;
  label: string;
  credit: number;
}

interface ParsedCell {
  leafIndexes: number[];
  unknownIds: string[];
}

/** Distinct mapping cells per framework kept parsed between calls; cleared when it grows past this. */
const PARSED_CELL_LIMIT = 20_000;
const parsedCells = new WeakMap<FrameworkView, Map<string, ParsedCell>>();

function parseCell(view: FrameworkView, cell: string): ParsedCell {
  let cache = parsedCells.get(view);
  if (!cache) parsedCells.set(view, (cache = new Map()));
  const cached = cache.get(cell);
  if (cached) return cached;

  const leafIndexes = new Set<number>();
  const unknownIds: string[] = [];
  for (const typed of splitMappingCell(cell)) {
    const id = view.canonicalId(typed);
    if (id === undefined) {
      if (!unknownIds.includes(typed)) unknownIds.push(typed);
      continue;
    }
    // Known but not assessable (a clause heading, a withdrawn control): no credit, not an error.
    const leafIndex = view.leafIndexOf(id);
    if (leafIndex !== undefined) leafIndexes.add(leafIndex);
  }
  const parsed = { leafIndexes: [...leafIndexes], unknownIds };
  if (cache.size >= PARSED_CELL_LIMIT) cache.clear();
  cache.set(cell, parsed);
  return parsed;
}

/**
 * Applicability per leaf. An entry for a parent (a HIPAA standard, an ISO clause) applies to
 * every requirement under it unless a nearer entry says otherwise. Keys are IDs as typed.
 */
function applicableLeaves(view: FrameworkView, applicability: ReadonlyMap<string, boolean> | undefined): boolean[] {
  const flags = new Array<boolean>(view.leaves.length).fill(true);
  if (!applicability || applicability.size === 0) return flags;
  const byId = new Map<string, boolean>();
  for (const [typed, applies] of applicability) {
    const id = view.canonicalId(typed.trim());
    if (id !== undefined) byId.set(id, applies);
  }
  for (let leaf = 0; leaf < flags.length; leaf++) {
    const nearest = view.lineageOfLeaf(leaf).find((id) => byId.has(id));
    if (nearest !== undefined) flags[leaf] = byId.get(nearest) as boolean;
  }
  return flags;
}

/** Best credit per leaf over the controls mapped to it, plus the IDs the framework does not know. */
function bestCredits(view: FrameworkView, rows: readonly ControlRow[]): { credits: Float64Array; unknownIds: UnknownMapping[] } {
  const credits = new Float64Array(view.leaves.length);
  const unknownIds: UnknownMapping[] = [];
  rows.forEach((row, rowIndex) => {
    if (typeof row.mapping !== "string" || row.mapping === "") return;
    const parsed = parseCell(view, row.mapping);
    for (const id of parsed.unknownIds) unknownIds.push({ row: rowIndex, id });
    if (parsed.leafIndexes.length === 0) return;
    const credit = controlCredit(row.status, row.effectiveness);
    if (credit === 0) return;
    for (const leaf of parsed.leafIndexes) if (credit > credits[leaf]) credits[leaf] = credit;
  });
  return { credits, unknownIds };
}

export function coverageOf(view: FrameworkView, rows: readonly ControlRow[], applicability?: ReadonlyMap<string, boolean>): CoverageResult {
  const { credits: leafCredits, unknownIds } = bestCredits(view, rows);
  const applies = applicableLeaves(view, applicability);
  const credits = new Map<string, number>();
  let total = 0;
  let covered = 0;
  let partial = 0;
  let gaps = 0;
  let notApplicable = 0;
  view.leaves.forEach((leaf, index) => {
    if (!applies[index]) {
      notApplicable++;
      return;
    }
    const credit = leafCredits[index];
    credits.set(leaf.id, credit);
    total += credit;
    if (credit >= 1) covered++;
    else if (credit > 0) partial++;
    else gaps++;
  });
  const applicable = credits.size;
  return { coverage: applicable === 0 ? 0 : total / applicable, applicable, covered, partial, gaps, notApplicable, credits, unknownIds };
}

/** Applicable requirements not fully covered, in catalog order. */
export function gapsOf(view: FrameworkView, result: CoverageResult): Gap[] {
  const gaps: Gap[] = [];
  for (const leaf of view.leaves) {
    const credit = result.credits.get(leaf.id);
    if (credit !== undefined && credit < 1) gaps.push({ id: leaf.id, label: leaf.title, credit });
  }
  return gaps;
}
