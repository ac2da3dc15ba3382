/** Row rules several registers share. */
import type { RowRule } from "./types";
import { numberIn } from "./values";

/** A count above the count it is part of (Completed above Assigned, Acknowledged above Staff Required). */
export function notAbove(part: string, whole: string, code: string): RowRule {
  return (row, label, report) => {
    const p = numberIn(row, part);
    const w = numberIn(row, whole);
    if (p !== undefined && w !== undefined && p > w) report(row, part, code, "error", `${label}: ${part} (${p}) is above ${whole} (${w}).`);
  };
}
