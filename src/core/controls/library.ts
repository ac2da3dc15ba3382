import { findRequirement } from "../catalogs";
import type { FrameworkKey } from "../frameworkKeys";
import { ACCESS_CONTROLS } from "./access";
import { ASSET_CONTROLS } from "./assets";
import { DEVELOPMENT_CONTROLS } from "./development";
import { GOVERNANCE_CONTROLS } from "./governance";
import { OPERATIONS_CONTROLS } from "./operations";
import { PEOPLE_CONTROLS } from "./people";
import { RESILIENCE_CONTROLS } from "./resilience";
import type { ControlMappings, LibraryControl } from "./types";

export { ISMP_ELEMENTS } from "./types";

/**
 * Frameworks whose paragraphs with sub-paragraphs are requirements in their own right (a HIPAA
 * standard with its implementation specifications, GLBA 314.4(c), GDPR Art.32(1)), and the shape of
 * such a paragraph. Sections and articles (§164.308, Art.32) only group and are never matched.
 */
const STANDARD_WITH_SPECIFICATIONS: Partial<Record<FrameworkKey, RegExp>> = {
  HIPAA: /^§164\.3\d\d\(/,
  GLBA: /^314\.4\(/,
  GDPR: /^Art\.\d+\(/,
};

/** The standard a specification belongs to, when that standard is itself a requirement; undefined otherwise. */
export function parentStandardOf(key: FrameworkKey, id: string): string | undefined {
  const pattern = STANDARD_WITH_SPECIFICATIONS[key];
  const parent = pattern ? findRequirement(key, id)?.parent : undefined;
  return parent && pattern?.test(parent) ? parent : undefined;
}

/**
 * Mappings with each specification's parent standard added just before the first of its
 * specifications, so a control that meets §164.308(a)(1)(ii)(A) is also listed against the
 * standard §164.308(a)(1). The hand-written library maps leaves only; coverage ignores the parents.
 */
export function withParentStandards(mappings: ControlMappings): ControlMappings {
  const result: ControlMappings = {};
  for (const [key, ids] of Object.entries(mappings) as Array<[FrameworkKey, string[]]>) {
    const withParents: string[] = [];
    for (const id of ids) {
      const parent = parentStandardOf(key, id);
      if (parent && !withParents.includes(parent) && !ids.includes(parent)) withParents.push(parent);
      if (!withParents.includes(id)) withParents.push(id);
    }
    result[key] = withParents;
  }
  return result;
}

/** The controls as written in this folder, mapped to assessable (leaf) requirements only. */
export const HAND_WRITTEN_CONTROLS: readonly LibraryControl[] = [
  ...GOVERNANCE_CONTROLS,
  ...ASSET_CONTROLS,
  ...PEOPLE_CONTROLS,
  ...ACCESS_CONTROLS,
  ...OPERATIONS_CONTROLS,
  ...DEVELOPMENT_CONTROLS,
  ...RESILIENCE_CONTROLS,
];

/** The baseline control library: every control, with its mappings to each framework (parent standards included). */
export const CONTROL_LIBRARY: readonly LibraryControl[] = HAND_WRITTEN_CONTROLS.map((control) => ({
  ...control,
  mappings: withParentStandards(control.mappings),
}));
