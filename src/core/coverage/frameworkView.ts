import type { Requirement } from "../catalogs/types";

/**
 * What coverage needs from a framework catalog, indexed once: the assessable requirements in
 * catalog order, where each requirement sits, and how a typed ID maps to a catalog ID.
 */
export interface FrameworkView {
  readonly key: string;
  readonly name: string;
  /** Assessable requirements (the leaves of the catalog tree) in catalog order. */
  readonly leaves: readonly Requirement[];
  /** Catalog ID for an ID as the user typed it, or undefined when the framework has no such requirement. */
  canonicalId(typed: string): string | undefined;
  /** Index into `leaves`, or undefined for IDs that are not assessable (parents, withdrawn items). */
  leafIndexOf(id: string): number | undefined;
  /** Position in the whole catalog (parents included), for sorting IDs in catalog order. */
  positionOf(id: string): number | undefined;
  /** Catalog IDs of the leaf at `leafIndex` and of its ancestors, nearest first. */
  lineageOfLeaf(leafIndex: number): readonly string[];
}

export interface FrameworkViewSource {
  key: string;
  name: string;
  /** Every requirement, parents before children, in catalog order. */
  requirements: readonly Requirement[];
  /** The assessable subset of `requirements`. */
  leaves: readonly Requirement[];
  /** Resolves a typed ID (any case, stray spaces) to a catalog ID. */
  findId(typed: string): string | undefined;
}

/** Typed IDs remembered per framework; cleared when it grows past this. */
const RESOLVED_ID_LIMIT = 20_000;

export function buildFrameworkView(source: FrameworkViewSource): FrameworkView {
  const position = new Map<string, number>();
  const parentOf = new Map<string, string | null>();
  source.requirements.forEach((requirement, index) => {
    position.set(requirement.id, index);
    parentOf.set(requirement.id, requirement.parent);
  });
  const leafIndex = new Map<string, number>();
  source.leaves.forEach((leaf, index) => leafIndex.set(leaf.id, index));

  const lineages = source.leaves.map((leaf) => {
    const lineage = [leaf.id];
    const seen = new Set(lineage);
    for (let parent = parentOf.get(leaf.id) ?? null; parent !== null && !seen.has(parent); parent = parentOf.get(parent) ?? null) {
      lineage.push(parent);
      seen.add(parent);
    }
    return lineage;
  });

  const resolved = new Map<string, string | undefined>();
  return {
    key: source.key,
    name: source.name,
    leaves: source.leaves,
    canonicalId(typed) {
      if (!resolved.has(typed)) {
        if (resolved.size >= RESOLVED_ID_LIMIT) resolved.clear();
        resolved.set(typed, source.findId(typed));
      }
      return resolved.get(typed);
    },
    leafIndexOf: (id) => leafIndex.get(id),
    positionOf: (id) => position.get(id),
    lineageOfLeaf: (index) => lineages[index],
  };
}
