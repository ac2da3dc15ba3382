import { FRAMEWORK_KEYS, type FrameworkKey } from "../frameworkKeys";
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

const FRAMEWORKS: Readonly<Record<FrameworkKey, Framework>> = { ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171, NIST800171R3, CMMCL1, GLBA, GDPR };

/** Lookup structures for one framework, built on first use. */
interface FrameworkIndex {
  byId: Map<string, Requirement>;
  children: Map<string, Requirement[]>;
  leaves: Requirement[];
}

const indexes = new Map<FrameworkKey, FrameworkIndex>();
let aliasIndex: Map<string, FrameworkKey> | undefined;

function buildIndex(key: FrameworkKey): FrameworkIndex {
  const byId = new Map<string, Requirement>();
  const children = new Map<string, Requirement[]>();
  for (const requirement of FRAMEWORKS[key].requirements) {
    byId.set(requirementIdKey(key, requirement.id), requirement);
    if (requirement.parent === null) continue;
    const siblings = children.get(requirement.parent);
    if (siblings) siblings.push(requirement);
    else children.set(requirement.parent, [requirement]);
  }
  const leaves = FRAMEWORKS[key].requirements.filter((requirement) => !children.has(requirement.id));
  for (const list of children.values()) Object.freeze(list);
  return { byId, children, leaves: Object.freeze(leaves) as Requirement[] };
}

function indexOf(key: FrameworkKey): FrameworkIndex {
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(key);
    indexes.set(key, index);
  }
  return index;
}

function buildAliasIndex(): Map<string, FrameworkKey> {
  const aliases = new Map<string, FrameworkKey>();
  for (const key of FRAMEWORK_KEYS) {
    const { name, shortName } = FRAMEWORKS[key];
    for (const alias of [key, name, shortName, ...FRAMEWORK_ALIASES[key]]) {
      const folded = foldFrameworkName(alias);
      const claimedBy = aliases.get(folded);
      if (claimedBy && claimedBy !== key) throw new Error(`Framework alias "${alias}" is claimed by both ${claimedBy} and ${key}`);
      aliases.set(folded, key);
    }
  }
  return aliases;
}

/** The framework a user means by a key, name or common alias ("ISO 27001", "CMMC", "csf 2.0"); undefined if unknown. */
export function resolveFrameworkKey(input: string): FrameworkKey | undefined {
  aliasIndex ??= buildAliasIndex();
  return aliasIndex.get(foldFrameworkName(input));
}

export function getFramework(key: FrameworkKey): Framework {
  return FRAMEWORKS[key];
}

/** Every framework, in the canonical key order. */
export function allFrameworks(): Framework[] {
  return FRAMEWORK_KEYS.map((key) => FRAMEWORKS[key]);
}

/** The requirement with this ID, tolerant of case, whitespace and "§"; undefined if the catalog has no such ID. */
export function findRequirement(key: FrameworkKey, id: string): Requirement | undefined {
  return indexOf(key).byId.get(requirementIdKey(key, id));
}

/** True for an ID the publisher withdrew (SP 800-171 Rev. 3's 33): known, but never assessable. */
export function isWithdrawn(key: FrameworkKey, id: string): boolean {
  const wanted = requirementIdKey(key, id);
  return (FRAMEWORKS[key].withdrawn ?? []).some((withdrawn) => requirementIdKey(key, withdrawn) === wanted);
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
