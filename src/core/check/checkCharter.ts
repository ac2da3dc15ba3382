/**
 * Check of the program charter (the Program sheet's Field | Value block): a named owner, dates
 * that are dates, approval before the next review, a review date not past, spending within budget.
 */
import { CHARTER } from "../blueprint/programSheet";
import { formatDate } from "../excelDate";
import type { CheckProblem } from "./problem";
import { filledRows, TableData } from "./tableData";

/** The charter's values by field (lower case), and where each value cell is. */
function charterValues(block: TableData): Map<string, { value: unknown; text: string; address: string }> {
  const values = new Map<string, { value: unknown; text: string; address: string }>();
  for (const row of filledRows(block)) values.set(row.text("Field").toLowerCase(), { value: row.get("Value"), text: row.text("Value"), address: row.address("Value") });
  return values;
}

export function checkCharter(block: TableData | undefined, today: number): CheckProblem[] {
  if (!block) return [];
  const problems: CheckProblem[] = [];
  const values = charterValues(block);
  const at = (field: string) => values.get(field.toLowerCase());
  const report = (field: string, code: string, severity: CheckProblem["severity"], message: string) =>
    problems.push({ code, severity, sheet: block.sheet, address: at(field)?.address ?? "", message });
  const dateOf = (field: string): number | undefined => {
    const cell = at(field);
    if (!cell || cell.text === "") return undefined;
    if (typeof cell.value === "number") return cell.value;
    report(field, "not-a-date", "error", `Charter: ${field} "${cell.text}" is not a date.`);
    return undefined;
  };
  // A charter not started yet (every value blank) is a template, not a problem; once started, its owner and review date matter.
  const started = [...values.values()].some((v) => v.text !== "");
  if (started && at(CHARTER.programOwner) && !at(CHARTER.programOwner)!.text)
    report(CHARTER.programOwner, "charter-without-owner", "warning", "Charter: Program Owner is blank: name the one person accountable for the program.");
  const approved = dateOf(CHARTER.approvedOn);
  const review = dateOf(CHARTER.nextReview);
  if (started && at(CHARTER.nextReview) && at(CHARTER.nextReview)!.text === "")
    report(CHARTER.nextReview, "charter-without-review", "warning", "Charter: Next Charter Review is blank: set when leadership reviews the charter again.");
  if (approved !== undefined && review !== undefined && review < approved)
    report(CHARTER.nextReview, "dates-out-of-order", "error", `Charter: Next Charter Review (${formatDate(review)}) is before Approved On (${formatDate(approved)}).`);
  if (review !== undefined && review < today)
    report(CHARTER.nextReview, "charter-review-overdue", "error", `Charter: the charter was due for review on ${formatDate(review)}; review and re-approve it, then set the next date.`);
  const budget = at(CHARTER.budgetApproved)?.value;
  const spent = at(CHARTER.budgetSpent)?.value;
  if (typeof budget === "number" && typeof spent === "number" && spent > budget)
    report(CHARTER.budgetSpent, "budget-overspent", "warning", `Charter: Budget Spent (${spent}) is above Budget Approved (${budget}).`);
  return problems;
}
