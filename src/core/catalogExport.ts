/** The catalogs and control library as one JSON document (`ismp catalog --json`). */
import { allFrameworks, assessableRequirements, childrenOf, findRequirement } from "./catalogs";
import { CONTROL_LIBRARY, PROJECT_JUDGEMENT, type LibraryControl, type MappingRecord } from "./controls";
import { EXCLUSION_REASONS, REVIEWED_EXCLUSIONS } from "./controls/exclusions";
import { REVIEWED_CROSSWALKS } from "./controls/crosswalkReview";
import type { FrameworkKey } from "./frameworkKeys";

/**
 * Frameworks whose paragraphs with sub-paragraphs are requirements in their own right in the
 * regulation (a HIPAA standard with its implementation specifications, GLBA 314.4(c), GDPR
 * Art. 32(1)), and the shape of such a paragraph. Sections and articles only group.
 */
const STANDARD_WITH_SPECIFICATIONS: Partial<Record<FrameworkKey, RegExp>> = {
  HIPAA: /^§164\.3\d\d\(/,
  GLBA: /^314\.4\(/,
  GDPR: /^Art\.\d+\(/,
};

/** A mapping to a standard, named by the leaves of it the control maps (coverage counts the leaves). */
export interface ParentMapping extends Omit<MappingRecord, "controlId"> {
  covers: string[];
}

/** The standards a control reaches through the specifications it maps, each naming those specifications. */
function parentMappings(control: LibraryControl): ParentMapping[] {
  const parents: ParentMapping[] = [];
  for (const [key, pattern] of Object.entries(STANDARD_WITH_SPECIFICATIONS) as Array<[FrameworkKey, RegExp]>) {
    const byParent = new Map<string, MappingRecord[]>();
    for (const record of control.records.filter((r) => r.framework === key)) {
      const parent = findRequirement(key, record.requirementId)?.parent;
      if (parent && pattern.test(parent)) (byParent.get(parent) ?? byParent.set(parent, []).get(parent)!).push(record);
    }
    for (const [parent, records] of byParent) {
      const covers = records.map((r) => r.requirementId);
      const all = childrenOf(key, parent).every((leaf) => covers.includes(leaf.id));
      parents.push({
        framework: key,
        requirementId: parent,
        relationship: all ? "Superset of" : "Subset of",
        strength: Math.max(...records.map((r) => r.strength)),
        jointlySufficient: false,
        source: PROJECT_JUDGEMENT,
        rationale: `${control.name} reaches ${parent} through ${covers.join(", ")}; coverage counts those requirements, not ${parent} itself.`,
        covers,
      });
    }
  }
  return parents;
}

export interface CatalogExport {
  frameworks: Array<{
    key: string;
    name: string;
    shortName: string;
    version: string;
    source: string;
    counts: { requirements: number; assessable: number; mapped: number; mappings: number };
    requirements: Array<{ id: string; title: string; parent: string | null; assessable: boolean }>;
  }>;
  controls: Array<{
    id: string;
    name: string;
    description: string;
    element: string;
    type: string;
    function: string;
    /** Requirement IDs per framework: the leaves, and the standards they belong to (each named by its leaves in `parents`). */
    mappings: Record<string, string[]>;
    /** One record per mapping: relationship, strength, source, rationale. */
    records: Array<Omit<MappingRecord, "controlId">>;
    /** Mappings to standards with specifications, each naming the leaves it covers. */
    parents: ParentMapping[];
  }>;
  /** NIST crosswalk pairs the library deliberately does not imply, each with the review's reason. */
  reviewedExclusions: Array<{ crosswalk: string; fromFramework: FrameworkKey; fromId: string; toFramework: FrameworkKey; toId: string; reason: string; note?: string }>;
}

export function catalogExport(): CatalogExport {
  return {
    frameworks: allFrameworks().map((fw) => {
      const assessable = new Set(assessableRequirements(fw.key).map((r) => r.id));
      const records = CONTROL_LIBRARY.flatMap((c) => c.records.filter((r) => r.framework === fw.key));
      return {
        key: fw.key,
        name: fw.name,
        shortName: fw.shortName,
        version: fw.version,
        source: fw.source,
        counts: {
          requirements: fw.requirements.length,
          assessable: assessable.size,
          mapped: new Set(records.map((r) => r.requirementId)).size,
          mappings: records.length,
        },
        requirements: fw.requirements.map((r) => ({ id: r.id, title: r.title, parent: r.parent, assessable: assessable.has(r.id) })),
      };
    }),
    controls: CONTROL_LIBRARY.map((c) => {
      const parents = parentMappings(c);
      const mappings: Record<string, string[]> = {};
      for (const [key, ids] of Object.entries(c.mappings)) mappings[key] = [...(ids ?? [])];
      for (const parent of parents) mappings[parent.framework].unshift(parent.requirementId);
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        element: c.element,
        type: c.type,
        function: c.function,
        mappings,
        records: c.records.map(({ controlId: _controlId, ...record }) => record),
        parents,
      };
    }),
    reviewedExclusions: REVIEWED_EXCLUSIONS.flatMap((row) => {
      const { file, from, to } = REVIEWED_CROSSWALKS[row.crosswalk];
      return row.to.map((toId) => ({
        crosswalk: file,
        fromFramework: from,
        fromId: row.from,
        toFramework: to,
        toId,
        reason: EXCLUSION_REASONS[row.reason],
        ...(row.note ? { note: row.note } : {}),
      }));
    }),
  };
}
