import { FrameworkKey } from "../frameworkKeys";
import { OPTIONAL_REGISTER_KEYS, OptionalRegisterKey } from "../registers/keys";
import { DEFAULT_MATRIX_SIZE, MatrixSize, ScoringMethod } from "../scales";

/**
 * Every framework here requires incident handling, vulnerability remediation, access reviews and
 * awareness training (ISO 27001 A.5.24/A.8.8/A.5.18/A.6.3, SOC 2 CC7.4/CC7.1/CC6.2/CC1.4, HIPAA
 * 164.308(a)(6)/(a)(1)/(a)(4)/(a)(5), 800-171 3.6/3.11/3.1/3.2, GLBA 314.4(h)/(d)/(c)(1)/(e),
 * GDPR 33/32/32/39), so each profile brings all four operations registers by default.
 */
const OPERATIONS = OPTIONAL_REGISTER_KEYS;

export const PROFILES = {
  general: { label: "General", frameworks: ["ISO27001", "NISTCSF"], registers: OPERATIONS },
  saas: { label: "SaaS / technology", frameworks: ["SOC2", "ISO27001"], registers: OPERATIONS },
  healthcare: { label: "Healthcare", frameworks: ["HIPAA", "NISTCSF"], registers: OPERATIONS },
  financial: { label: "Financial services", frameworks: ["GLBA", "SOC2", "NISTCSF"], registers: OPERATIONS },
  defense: { label: "Defense contractor", frameworks: ["NIST800171", "NIST80053", "CMMCL1"], registers: OPERATIONS },
  eu: { label: "EU data processor", frameworks: ["GDPR", "ISO27001"], registers: OPERATIONS },
} as const satisfies Record<string, { label: string; frameworks: readonly FrameworkKey[]; registers: readonly OptionalRegisterKey[] }>;

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
  /** Optional registers (Incidents, Vulnerabilities, Access Reviews, Training); the profile's when absent. A register the workbook holds always stays. */
  registers?: OptionalRegisterKey[];
}

/** The optional registers the options ask for: the explicit list, else the profile's. */
export function registersOf(options: BuildOptions): OptionalRegisterKey[] {
  return [...(options.registers ?? PROFILES[options.profile].registers)];
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
