import type { FrameworkKey } from "../frameworkKeys";
import type { FrameworkView } from "./frameworkView";

/** The part of a library control the crosswalk reads. */
export interface MappedControl {
  mappings: Partial<Record<FrameworkKey, readonly string[]>>;
}

export type ViewOf = (key: FrameworkKey) => FrameworkView;

/** Which library controls map each requirement, per framework; built once per library. */
export interface CrosswalkIndex {
  /** Requirements of `toKey` that the controls mapping `fromKey`:`requirementId` also map, in catalog order. */
  related(fromKey: FrameworkKey, requirementId: string, toKey: FrameworkKey): string[];
}

export function buildCrosswalkIndex(controls: readonly MappedControl[], viewOf: ViewOf): CrosswalkIndex {
  // controlsFor[key][requirementId] = indexes into `controls`; IDs stored as catalog IDs.
  const controlsFor = new Map<FrameworkKey, Map<string, number[]>>();
  const canonicalMappings = controls.map((control) => {
    const mapped = new Map<FrameworkKey, string[]>();
    for (const [key, ids] of Object.entries(control.mappings) as Array<[FrameworkKey, readonly string[] | undefined]>) {
      const view = viewOf(key);
      mapped.set(key, (ids ?? []).map((id) => view.canonicalId(id) ?? id));
    }
    return mapped;
  });
  canonicalMappings.forEach((mapped, controlIndex) => {
    for (const [key, ids] of mapped) {
      let byRequirement = controlsFor.get(key);
      if (!byRequirement) controlsFor.set(key, (byRequirement = new Map()));
      for (const id of ids) {
        const list = byRequirement.get(id);
        if (list) list.push(controlIndex);
        else byRequirement.set(id, [controlIndex]);
      }
    }
  });

  return {
    related(fromKey, requirementId, toKey) {
      const fromId = viewOf(fromKey).canonicalId(requirementId.trim()) ?? requirementId.trim();
      const controlIndexes = controlsFor.get(fromKey)?.get(fromId) ?? [];
      const related = new Set<string>();
      for (const controlIndex of controlIndexes) {
        for (const id of canonicalMappings[controlIndex].get(toKey) ?? []) related.add(id);
      }
      const toView = viewOf(toKey);
      const order = (id: string) => toView.positionOf(id) ?? Number.MAX_SAFE_INTEGER;
      return [...related].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    },
  };
}
