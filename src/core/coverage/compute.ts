import { controlCredit, isJointlySufficient, relationshipFactor } from "./credit";
import type { FrameworkView } from "./frameworkView";

/** One row of the Mappings table (of one framework), as coverage reads it. */
export interface MappingRow {
  controlId: string;
  requirementId: string;
  /** Equal, Subset of, Superset of, Intersects; anything else counts as Intersects. */
  relationship: string;
  /** "Yes" for a subset control that belongs to the requirement's jointly sufficient set. */
  jointlySufficient?: unknown;
}

/** A control's status, as the Control Matrix holds it. */
export interface ControlState {
  id: string;
  status: string;
  effectiveness?: string;
}

export interface MappingProblem {
  /** Index of the mapping row in the rows given (0-based). */
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
  /** Controls that give each applicable requirement with credit its credit, in mapping order. */
  creditedBy: Map<string, string[]>;
  /** Requirement IDs the framework does not know. */
  unknownIds: MappingProblem[];
  /** Requirement IDs the framework knows but that are not assessable (parents, headings): map their leaves. */
  notAssessableIds: MappingProblem[];
  /** Control IDs that are not on the Control Matrix: such a mapping gives nothing. */
  unknownControls: MappingProblem[];
}

export interface Gap {
  id: string;
  label: string;
  credit: number;
}

/** Control states by ID, matched like MATCH(…,0) matches them: case-insensitive, trimmed, first row wins. */
function creditByControl(controls: readonly ControlState[]): Map<string, number> {
  const credits = new Map<string, number>();
  for (const control of controls) {
    const id = String(control.id ?? "").trim().toUpperCase();
    if (id !== "" && !credits.has(id)) credits.set(id, controlCredit(control.status, control.effectiveness));
  }
  return credits;
}

interface LeafTally {
  best: Float64Array;
  /** Lowest control credit among jointly sufficient rows; NaN when the leaf has none. */
  jointMin: Float64Array;
  rows: Array<Array<{ controlId: string; credit: number; joint: boolean; controlCredit: number }>>;
}

function tally(view: FrameworkView, mappings: readonly MappingRow[], controls: readonly ControlState[], problems: CoverageResult): LeafTally {
  const controlCredits = creditByControl(controls);
  const leaves = view.leaves.length;
  const result: LeafTally = { best: new Float64Array(leaves), jointMin: new Float64Array(leaves).fill(NaN), rows: Array.from({ length: leaves }, () => []) };
  mappings.forEach((mapping, row) => {
    const typed = String(mapping.requirementId ?? "").trim();
    if (typed === "") return;
    const id = view.canonicalId(typed);
    if (id === undefined) {
      problems.unknownIds.push({ row, id: typed });
      return;
    }
    const leaf = view.leafIndexOf(id);
    if (leaf === undefined) {
      problems.notAssessableIds.push({ row, id: typed });
      return;
    }
    const controlId = String(mapping.controlId ?? "").trim();
    const credit = controlCredits.get(controlId.toUpperCase());
    if (credit === undefined) problems.unknownControls.push({ row, id: controlId });
    const given = (credit ?? 0) * relationshipFactor(mapping.relationship);
    const joint = isJointlySufficient(mapping.jointlySufficient);
    if (given > result.best[leaf]) result.best[leaf] = given;
    if (joint) result.jointMin[leaf] = Number.isNaN(result.jointMin[leaf]) ? (credit ?? 0) : Math.min(result.jointMin[leaf], credit ?? 0);
    result.rows[leaf].push({ controlId, credit: given, joint, controlCredit: credit ?? 0 });
  });
  return result;
}

/**
 * Credit per requirement: the best a single mapping gives (an Equal or Superset control gives its
 * status credit; a Subset or Intersecting one half of it), or, when the requirement has a jointly
 * sufficient set, the lowest status credit among its members, whichever is higher.
 */
export function coverageOf(
  view: FrameworkView,
  mappings: readonly MappingRow[],
  controls: readonly ControlState[],
  applicability?: ReadonlyMap<string, boolean>,
): CoverageResult {
  const result: CoverageResult = {
    coverage: 0, applicable: 0, covered: 0, partial: 0, gaps: 0, notApplicable: 0,
    credits: new Map(), creditedBy: new Map(), unknownIds: [], notAssessableIds: [], unknownControls: [],
  };
  const { best, jointMin, rows } = tally(view, mappings, controls, result);
  const applies = applicableLeaves(view, applicability);
  let total = 0;
  view.leaves.forEach((leaf, index) => {
    if (!applies[index]) {
      result.notApplicable++;
      return;
    }
    const joint = Number.isNaN(jointMin[index]) ? 0 : jointMin[index];
    const credit = Math.max(best[index], joint);
    result.credits.set(leaf.id, credit);
    total += credit;
    if (credit >= 1) result.covered++;
    else if (credit > 0) result.partial++;
    else result.gaps++;
    if (credit > 0) {
      const single = rows[index].filter((r) => r.credit === credit).map((r) => r.controlId);
      const by = single.length > 0 ? single : rows[index].filter((r) => r.joint).map((r) => r.controlId);
      result.creditedBy.set(leaf.id, [...new Set(by)]);
    }
  });
  result.applicable = result.credits.size;
  result.coverage = result.applicable === 0 ? 0 : total / result.applicable;
  return result;
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

/** Applicable requirements not fully covered, in catalog order. */
export function gapsOf(view: FrameworkView, result: CoverageResult): Gap[] {
  const gaps: Gap[] = [];
  for (const leaf of view.leaves) {
    const credit = result.credits.get(leaf.id);
    if (credit !== undefined && credit < 1) gaps.push({ id: leaf.id, label: leaf.title, credit });
  }
  return gaps;
}
