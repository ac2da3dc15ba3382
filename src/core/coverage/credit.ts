/**
 * How much a control counts towards the requirements it maps to, and how applicability cells read.
 * Matching is case-insensitive and ignores surrounding and repeated spaces.
 */
const STATUS_CREDIT: ReadonlyMap<string, number> = new Map([
  ["implemented", 1],
  ["partially implemented", 0.5],
]);
const INEFFECTIVE = "ineffective";
const NOT_APPLICABLE_VALUES: ReadonlySet<string> = new Set(["n", "no", "false", "not applicable"]);

/** Status and effectiveness columns repeat a handful of values; normalize each distinct one once. */
const canonicalTexts = new Map<string, string>();
const CANONICAL_TEXT_LIMIT = 1_000;

function canonicalText(value: unknown): string {
  if (typeof value !== "string") return "";
  let text = canonicalTexts.get(value);
  if (text === undefined) {
    text = value.trim().replace(/\s+/g, " ").toLowerCase();
    if (canonicalTexts.size >= CANONICAL_TEXT_LIMIT) canonicalTexts.clear();
    canonicalTexts.set(value, text);
  }
  return text;
}

/** "Implemented" 1, "Partially implemented" 0.5, anything else 0; a control rated "Ineffective" gives 0. */
export function controlCredit(status: unknown, effectiveness?: unknown): number {
  if (canonicalText(effectiveness) === INEFFECTIVE) return 0;
  return STATUS_CREDIT.get(canonicalText(status)) ?? 0;
}

/** What a mapping gives of its control's credit: all for Equal and Superset of, half for Subset of and Intersects. */
export const PARTIAL_FACTOR = 0.5;
const FULL_RELATIONSHIPS: ReadonlySet<string> = new Set(["equal", "superset of"]);

/** 1 for Equal and Superset of; PARTIAL_FACTOR for Subset of, Intersects and anything else (blank, typos). */
export function relationshipFactor(relationship: unknown): number {
  return FULL_RELATIONSHIPS.has(canonicalText(relationship)) ? 1 : PARTIAL_FACTOR;
}

/** True for a Jointly Sufficient cell that says Yes (what the sheet's COUNTIFS criterion "Yes" matches). */
export function isJointlySufficient(value: unknown): boolean {
  return canonicalText(value) === "yes";
}

/** True for an applicability cell that says the requirement does not apply: N, No, FALSE, Not applicable. */
export function isNotApplicable(value: unknown): boolean {
  if (value === false) return true;
  return NOT_APPLICABLE_VALUES.has(canonicalText(value));
}
