/** Registers a workbook may leave out (Risks, Assets and Controls are always there), by key. */
export const OPTIONAL_REGISTER_KEYS = ["incidents", "vulnerabilities", "accessReviews", "training"] as const;
export type OptionalRegisterKey = (typeof OPTIONAL_REGISTER_KEYS)[number];

/** What users type for each ("access reviews", "access-reviews"), lower case without spaces or dashes. */
export function resolveRegisterKey(text: string): OptionalRegisterKey | undefined {
  const folded = text.toLowerCase().replace(/[\s_-]+/g, "");
  return OPTIONAL_REGISTER_KEYS.find((k) => k.toLowerCase() === folded || k.toLowerCase() === `${folded}s`);
}
