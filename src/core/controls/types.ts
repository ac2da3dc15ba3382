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

/** Requirement IDs a control satisfies, per framework, spelled exactly as the framework catalogs spell them. */
export type ControlMappings = Partial<Record<FrameworkKey, string[]>>;

export interface LibraryControl {
  /** Unique, element prefix plus number, e.g. "GOV-01". */
  id: string;
  name: string;
  description: string;
  element: IsmpElement;
  type: ControlType;
  function: ControlFunction;
  mappings: ControlMappings;
}
