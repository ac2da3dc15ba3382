import type { RegisterDeclaration } from "./types";

/**
 * The columns whose values together identify a row of a register, as its declaration says:
 * `uniqueTogether` for a long-form table (Vendor ID and Question ID), else the key column alone.
 * Check's duplicate rule and import's update matching both go by it.
 */
export function rowKeyColumns(register: RegisterDeclaration): readonly string[] {
  return register.uniqueTogether ?? [register.keyColumn];
}

/** A row's identity for matching: its key values, trimmed, case-folded and joined ("" when any is blank). */
export function rowIdentity(values: readonly string[]): string {
  const parts = values.map((value) => value.trim().toLowerCase());
  return parts.some((part) => part === "") ? "" : parts.join("\u0000");
}
