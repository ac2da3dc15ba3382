import type { FrameworkKey } from "../frameworkKeys";

/** Framework-specific prefixes people add to requirement IDs that the catalog does not spell. */
const PREFIX_FOLDS: Partial<Record<FrameworkKey, RegExp>> = {
  // CMMC practice IDs such as "AC.L2-3.1.1" carry the 800-171 requirement number after the dash.
  NIST800171: /^[A-Z]{2}\.L[12]-/,
  HIPAA: /^45CFR/,
  GLBA: /^16CFR/,
  ISO27001: /^(ANNEXA|CLAUSE)/,
};

/**
 * The lookup key of a requirement ID: upper case, without whitespace or "§", leading zeros
 * dropped from numbers ("AC-01" = "AC-1"), and "Article 32" spelled "ART.32".
 */
export function requirementIdKey(key: FrameworkKey, id: string): string {
  let folded = id.replace(/§/g, "").replace(/\s+/g, "").toUpperCase();
  folded = folded.replace(/(^|\D)0+(?=\d)/g, "$1");
  const prefix = PREFIX_FOLDS[key];
  if (prefix) folded = folded.replace(prefix, "");
  if (key === "GDPR") folded = folded.replace(/^ART(ICLE)?\.?/, "ART.");
  return folded;
}
