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

function canonicalText(value: unknown): string {
  return typeof value === "string" ? value.trim().replace(/\s+/g, " ").toLowerCase() : "";
}

/** "Implemented" 1, "Partially implemented" 0.5, anything else 0; a control rated "Ineffective" gives 0. */
export function controlCredit(status: unknown, effectiveness?: unknown): number {
  if (canonicalText(effectiveness) === INEFFECTIVE) return 0;
  return STATUS_CREDIT.get(canonicalText(status)) ?? 0;
}

/** True for an applicability cell that says the requirement does not apply: N, No, FALSE, Not applicable. */
export function isNotApplicable(value: unknown): boolean {
  if (value === false) return true;
  return NOT_APPLICABLE_VALUES.has(canonicalText(value));
}
