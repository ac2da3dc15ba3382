import { frameworkKeys, isBuiltInFrameworkKey, setCustomFrameworkKeys, type BuiltInFrameworkKey, type CustomFrameworkKey, type FrameworkKey } from "../frameworkKeys";
import { FRAMEWORK_ALIASES, foldFrameworkName } from "./aliases";
import { requirementIdKey } from "./ids";
import type { Framework, Requirement } from "./types";
import { GDPR } from "./gdpr";
import { GLBA } from "./glba";
import { HIPAA } from "./hipaa";
import { ISO27001 } from "./iso27001";
import { NIST80053 } from "./nist80053";
import { NIST800171 } from "./nist800171";
import { NIST800171R3 } from "./nist800171r3";
import { CMMCL1 } from "./cmmcL1";
import { NISTCSF } from "./nistCsf";
import { SOC2 } from "./soc2";

export type { Framework, Requirement } from "./types";
export { SOC2_CATEGORIES, type Soc2Category } from "./soc2";

const FRAMEWORKS: Readonly<Record<BuiltInFrameworkKey, Framework>> = { ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171, NIST800171R3, CMMCL1, GLBA, GDPR };

/** The custom frameworks of the workbook being worked on: their catalogs are the user's, read from the workbook. */
let customFrameworks = new Map<CustomFrameworkKey, Framework>();

/**
 * Makes the workbook's own frameworks known (replacing the previous workbook's), so every reader of
 * the catalogs — blueprint, coverage, Check, suggestions, custom functions — treats them like
 * built-in ones. Called whenever a workbook's memory is read.
 */
export function useCustomFrameworks(frameworks: readonly Framework[]): void {
  customFrameworks = new Map(frameworks.map((framework) => [framework.key as CustomFrameworkKey, framework]));
  setCustomFrameworkKeys([...customFrameworks.keys()]);
  aliasIndex = undefined;
}

/** The custom frameworks known now, in the order they were added. */
export function customFrameworksInUse(): Framework[] {
  return [...customFrameworks.values()];
}

/** Lookup structures for one framework, built on first use. */
interface FrameworkIndex {
  byId: Map<string, Requirement>;
  children: Map<string, Requirement[]>;
  leaves: Requirement[];
}

// Keyed by the catalog object, so a custom framework read again (an updated file) is indexed afresh.
const indexes = new WeakMap<Framework, FrameworkIndex>();
let aliasIndex: Map<string, FrameworkKey> | undefined;

function buildIndex(key: FrameworkKey, framework: Framework): FrameworkIndex {
  const byId = new Map<string, Requirement>();
  const children = new Map<string, Requirement[]>();
  for (const requirement of framework.requirements) {
    byId.set(requirementIdKey(key, requirement.id), requirement);
    if (requirement.parent === null) continue;
    const siblings = children.get(requirement.parent);
    if (siblings) siblings.push(requirement);
    else children.set(requirement.parent, [requirement]);
  }
  // A custom catalog may mark a requirement not assessable (a heading without children).
  const leaves = framework.requirements.filter((requirement) => !children.has(requirement.id) && requirement.assessable !== false);
  for (const list of children.values()) Object.freeze(list);
  return { byId, children, leaves: Object.freeze(leaves) as Requirement[] };
}

function indexOf(key: FrameworkKey): FrameworkIndex {
  const framework = getFramework(key);
  let index = indexes.get(framework);
  if (!index) {
    index = buildIndex(key, framework);
    indexes.set(framework, index);
  }
  return index;
}

function buildAliasIndex(): Map<string, FrameworkKey> {
  const index = new Map<string, FrameworkKey>();
  for (const key of frameworkKeys()) {
    const { name, shortName } = getFramework(key);
    const aliases = isBuiltInFrameworkKey(key) ? FRAMEWORK_ALIASES[key] : [];
    for (const alias of [key, name, shortName, ...aliases]) {
      const folded = foldFrameworkName(alias);
      const claimedBy = index.get(folded);
      if (claimedBy && claimedBy !== key) {
        // A custom framework never takes a built-in's name (customFramework.ts refuses it); between built-ins it is a bug.
        if (isBuiltInFrameworkKey(key)) throw new Error(`Framework alias "${alias}" is claimed by both ${claimedBy} and ${key}`);
        continue;
      }
      index.set(folded, key);
    }
  }
  return index;
}

/** The framework a user means by a key, name or common alias ("ISO 27001", "CMMC", "csf 2.0"); undefined if unknown. */
export function resolveFrameworkKey(input: string): FrameworkKey | undefined {
  aliasIndex ??= buildAliasIndex();
  return aliasIndex.get(foldFrameworkName(input));
}

export function getFramework(key: FrameworkKey): Framework {
  const framework = isBuiltInFrameworkKey(key) ? FRAMEWORKS[key] : customFrameworks.get(key);
  if (!framework) throw new Error(`Framework ${key} is not known: it is neither built in nor stored in this workbook (add it with "ismp framework add").`);
  return framework;
}

/** Every framework, built-in ones in the canonical key order, then the workbook's own. */
export function allFrameworks(): Framework[] {
  return frameworkKeys().map(getFramework);
}

/** The requirement with this ID, tolerant of case, whitespace and "§"; undefined if the catalog has no such ID. */
export function findRequirement(key: FrameworkKey, id: string): Requirement | undefined {
  return indexOf(key).byId.get(requirementIdKey(key, id));
}

/** True for an ID the publisher withdrew (SP 800-171 Rev. 3's 33): known, but never assessable. */
export function isWithdrawn(key: FrameworkKey, id: string): boolean {
  const wanted = requirementIdKey(key, id);
  return (getFramework(key).withdrawn ?? []).some((withdrawn) => requirementIdKey(key, withdrawn) === wanted);
}

/** The catalog's spelling of a requirement ID ("a.5.1" -> "A.5.1"); unknown IDs come back trimmed. */
export function normalizeRequirementId(key: FrameworkKey, id: string): string {
  return findRequirement(key, id)?.id ?? id.trim();
}

/** Requirements a control can be assessed against: those without children (grouping rows excluded). */
export function assessableRequirements(key: FrameworkKey): Requirement[] {
  return indexOf(key).leaves;
}

/** Direct children of a requirement or grouping row, in catalog order; empty for leaves and unknown IDs. */
export function childrenOf(key: FrameworkKey, id: string): Requirement[] {
  const parentId = normalizeRequirementId(key, id);
  return indexOf(key).children.get(parentId) ?? [];
}
