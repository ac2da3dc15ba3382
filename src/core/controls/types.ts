import type { FrameworkKey } from "../frameworkKeys";

/** The nineteen elements an information security management program is organised into. */
export const ISMP_ELEMENTS = [
  "Governance",
  "Risk management",
  "Policies",
  "Asset management",
  "Access control",
  "Incident response",
  "Vendor management",
  "Training & awareness",
  "Cryptography",
  "Logging & monitoring",
  "Vulnerability management",
  "Secure development",
  "Change management",
  "Backup & continuity",
  "Physical security",
  "HR security",
  "Privacy",
  "Network security",
  "Configuration management",
] as const;

export type IsmpElement = (typeof ISMP_ELEMENTS)[number];
export type ControlType = "Administrative" | "Technical" | "Physical";
export type ControlFunction = "Preventive" | "Detective" | "Corrective";

/**
 * NIST IR 8477 set-theory relationships, read "the control is … the requirement": Equal; Subset of
 * (the control delivers part of it); Superset of (it delivers all of it and more); Intersects (they
 * overlap, neither contains the other).
 */
export const RELATIONSHIPS = ["Equal", "Subset of", "Superset of", "Intersects"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * One hand-written mapping: `"<requirement ID> <relationship>[+]<strength> [@<crosswalk>:<ID>] [| rationale]"`.
 * Relationship `=` Equal, `<` Subset of, `>` Superset of, `~` Intersects; strength 1–10; `+` marks a subset
 * control as a member of the requirement's jointly sufficient set; `@csf53:IA-2` names the NIST crosswalk
 * that relates this requirement to another one the control meets (IA-2). A rationale after `|` replaces
 * the one composed from the control and the requirement. Example: `"A.8.5 <+8 @53iso:IA-2"`.
 */
export type MappingEntry = string;

/** Hand-written mapping entries per framework. */
export type ControlMappingEntries = Partial<Record<FrameworkKey, readonly MappingEntry[]>>;

/** Requirement IDs a control satisfies, per framework, spelled exactly as the framework catalogs spell them. */
export type ControlMappings = Partial<Record<FrameworkKey, string[]>>;

/** One (control, requirement) pair with what makes it trustworthy: relationship, strength, source, rationale. */
export interface MappingRecord {
  controlId: string;
  framework: FrameworkKey;
  requirementId: string;
  relationship: Relationship;
  /** 1 (tangential) to 10 (the control is the requirement). */
  strength: number;
  /** Subset controls marked jointly sufficient together meet the requirement in full. */
  jointlySufficient: boolean;
  /** A NIST crosswalk file name in the shared reference folder, or "project judgement". */
  source: string;
  rationale: string;
}

/** A control as written in this folder. */
export interface LibraryControlSource {
  /** Unique, element prefix plus number, e.g. "GOV-01". */
  id: string;
  name: string;
  description: string;
  element: IsmpElement;
  type: ControlType;
  function: ControlFunction;
  mappings: ControlMappingEntries;
}

/** A control of the baseline library: its mapped IDs per framework and one record per mapping. */
export interface LibraryControl extends Omit<LibraryControlSource, "mappings"> {
  mappings: ControlMappings;
  records: readonly MappingRecord[];
}
