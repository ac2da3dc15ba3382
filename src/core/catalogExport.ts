/** The catalogs and control library as one JSON document (`ismp catalog --json`). */
import { allFrameworks } from "./catalogs";
import { CONTROL_LIBRARY } from "./controls";

export interface CatalogExport {
  frameworks: Array<{ key: string; name: string; version: string; requirements: Array<{ id: string; title: string; parent: string | null }> }>;
  controls: Array<{ id: string; name: string; description: string; element: string; type: string; function: string; mappings: Record<string, string[]> }>;
}

export function catalogExport(): CatalogExport {
  return {
    frameworks: allFrameworks().map((fw) => ({
      key: fw.key,
      name: fw.name,
      version: fw.version,
      requirements: fw.requirements.map((r) => ({ id: r.id, title: r.title, parent: r.parent })),
    })),
    controls: CONTROL_LIBRARY.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      element: c.element,
      type: c.type,
      function: c.function,
      mappings: Object.fromEntries(Object.entries(c.mappings).map(([k, ids]) => [k, [...(ids ?? [])]])),
    })),
  };
}
