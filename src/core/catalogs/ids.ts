import type { FrameworkKey } from "../frameworkKeys";

type Rewrite = readonly [pattern: RegExp, replacement: string];

/** Spellings people use for requirement IDs that the catalog spells differently (applied to upper-cased IDs). */
const ID_REWRITES: Partial<Record<FrameworkKey, readonly Rewrite[]>> = {
  // "Annex A 8.15" and "Annex A A.8.15" both mean A.8.15; "Clause 6.1.2" means 6.1.2.
  ISO27001: [[/^ANNEXA\.?(?=\d)/, "A."], [/^ANNEXA/, ""], [/^CLAUSE/, ""]],
  HIPAA: [[/^45CFR/, ""]],
  // CMMC practice IDs such as "AC.L2-3.1.1" carry the 800-171 requirement number after the dash.
  NIST800171: [[/^[A-Z]{2}\.L[12]-/, ""]],
  // Rev. 3 IDs are written 03.01.01; the leading-zero fold gives 3.1.1, so the catalog IDs are folded the same way.
  GLBA: [[/^16CFR/, ""]],
  GDPR: [[/^ART(ICLE)?\.?/, "ART."]],
};

/**
 * The lookup key of a requirement ID: upper case, without whitespace or "§", leading zeros
 * dropped from numbers ("AC-01" = "AC-1"), and framework-specific prefixes folded.
 */
export function requirementIdKey(key: FrameworkKey, id: string): string {
  const folded = id.replace(/§/g, "").replace(/\s+/g, "").toUpperCase().replace(/(^|\D)0+(?=\d)/g, "$1");
  return (ID_REWRITES[key] ?? []).reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), folded);
}
