import { FrameworkKey } from "../frameworkKeys";
import { DEFAULT_MATRIX_SIZE, MatrixSize, ScoringMethod } from "../scales";

export const PROFILES = {
  general: { label: "General", frameworks: ["ISO27001", "NISTCSF"] },
  saas: { label: "SaaS / technology", frameworks: ["SOC2", "ISO27001"] },
  healthcare: { label: "Healthcare", frameworks: ["HIPAA", "NISTCSF"] },
  financial: { label: "Financial services", frameworks: ["GLBA", "SOC2", "NISTCSF"] },
  defense: { label: "Defense contractor", frameworks: ["NIST800171", "NIST80053", "CMMCL1"] },
  eu: { label: "EU data processor", frameworks: ["GDPR", "ISO27001"] },
} as const satisfies Record<string, { label: string; frameworks: readonly FrameworkKey[] }>;

export type ProfileKey = keyof typeof PROFILES;
export const PROFILE_KEYS = Object.keys(PROFILES) as ProfileKey[];

/** Everything the analyst chooses in Set up (and `ismp new` takes as flags). */
export interface BuildOptions {
  profile: ProfileKey;
  frameworks: FrameworkKey[];
  matrixSize: MatrixSize;
  method: ScoringMethod;
  organisation: string;
  sample: boolean;
  /** SOC 2 categories in scope (Security, Availability, Confidentiality, Processing Integrity, Privacy); all when absent. */
  soc2Categories?: string[];
}

export function defaultOptions(profile: ProfileKey = "general"): BuildOptions {
  return {
    profile,
    frameworks: [...PROFILES[profile].frameworks],
    matrixSize: DEFAULT_MATRIX_SIZE,
    method: "multiply",
    organisation: "",
    sample: false,
  };
}

export function isProfileKey(value: unknown): value is ProfileKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PROFILES, value);
}
