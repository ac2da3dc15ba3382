/** Canonical framework keys. Catalog content lives in ./catalogs; this file only names them. */
export const FRAMEWORK_KEYS = ["ISO27001", "NISTCSF", "SOC2", "HIPAA", "NIST80053", "NIST800171", "NIST800171R3", "CMMCL1", "GLBA", "GDPR"] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

export function isFrameworkKey(value: unknown): value is FrameworkKey {
  return typeof value === "string" && (FRAMEWORK_KEYS as readonly string[]).includes(value);
}
