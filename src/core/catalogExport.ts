/** The catalogs and control library as one JSON document (`ismp catalog --json`). */
import { allFrameworks, assessableRequirements } from "./catalogs";
import { CONTROL_LIBRARY, type MappingRecord } from "./controls";

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
    /** Requirement IDs per framework (leaves only). */
    mappings: Record<string, string[]>;
    /** One record per mapping: relationship, strength, source, rationale. */
    records: Array<Omit<MappingRecord, "controlId">>;
  }>;
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
    controls: CONTROL_LIBRARY.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      element: c.element,
      type: c.type,
      function: c.function,
      mappings: Object.fromEntries(Object.entries(c.mappings).map(([k, ids]) => [k, [...(ids ?? [])]])),
      records: c.records.map(({ controlId: _controlId, ...record }) => record),
    })),
  };
}
