/**
 * Access reviews of the sample organisation's key systems over the past year: quarterly for the
 * identity provider and the card payment integration, half-yearly for the others. Most were signed
 * off on time, a few late; one is overdue and not completed (Check finds it), and the current
 * quarter's reviews are not due yet.
 */
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

type Spec = [asset: string, scope: string, reviewer: string, frequency: string, periodEndDaysAgo: number, completedDaysAfterEnd: number | null, accounts: number, exceptions: number, removed: number, status: string];

/** Days after the period end a review is due. */
const DUE_AFTER_DAYS = 30;

const SPECS: Spec[] = [
  ["A-010", "Privileged and administrator accounts", "CISO", "Quarterly", 365, 21, 38, 3, 3, "Completed"],
  ["A-010", "Privileged and administrator accounts", "CISO", "Quarterly", 273, 28, 36, 1, 1, "Completed"],
  ["A-010", "Privileged and administrator accounts", "CISO", "Quarterly", 182, 35, 40, 4, 4, "Completed"],
  ["A-010", "Privileged and administrator accounts", "CISO", "Quarterly", 90, 18, 41, 2, 2, "Completed"],
  ["A-005", "Users with access to payment settings", "CFO", "Quarterly", 365, 25, 12, 0, 0, "Completed"],
  ["A-005", "Users with access to payment settings", "CFO", "Quarterly", 273, 26, 12, 1, 1, "Completed"],
  ["A-005", "Users with access to payment settings", "CFO", "Quarterly", 182, 22, 14, 0, 0, "Completed"],
  ["A-005", "Users with access to payment settings", "CFO", "Quarterly", 90, null, 0, 0, 0, "In progress"],
  ["A-001", "All CRM users and export rights", "Head of Sales", "Semi-annual", 300, 27, 140, 9, 9, "Completed"],
  ["A-001", "All CRM users and export rights", "Head of Sales", "Semi-annual", 120, 44, 152, 6, 5, "Completed"],
  ["A-007", "All HR system users", "HR Director", "Semi-annual", 250, 19, 60, 2, 2, "Completed"],
  ["A-017", "Finance and ERP roles, segregation of duties", "CFO", "Semi-annual", 210, 30, 85, 5, 5, "Completed"],
  ["A-012", "Patient records extract: analysts and service accounts", "Privacy Officer", "Semi-annual", 160, 12, 22, 1, 1, "Completed"],
  ["A-014", "Repository administrators and deploy keys", "CTO", "Semi-annual", 75, 26, 48, 7, 7, "Completed"],
  ["A-010", "Privileged and administrator accounts", "CISO", "Quarterly", 0, null, 0, 0, 0, "Not started"],
  ["A-005", "Users with access to payment settings", "CFO", "Quarterly", 0, null, 0, 0, 0, "Not started"],
];

export function accessReviewId(position: number): string {
  return `AR-${String(position + 1).padStart(3, "0")}`;
}

export function sampleAccessReviews(today: Date): SampleRow[] {
  return SPECS.map(([asset, scope, reviewer, frequency, endDaysAgo, completedAfter, accounts, exceptions, removed, status], i) => {
    const done = completedAfter !== null;
    return {
      "Review ID": accessReviewId(i),
      "Asset ID": asset,
      Scope: scope,
      Reviewer: reviewer,
      Frequency: frequency,
      "Period End": excelDateOffset(today, -endDaysAgo),
      Due: excelDateOffset(today, -endDaysAgo + DUE_AFTER_DAYS),
      Completed: done ? excelDateOffset(today, -endDaysAgo + completedAfter) : null,
      "Accounts Reviewed": done ? accounts : null,
      "Exceptions Found": done ? exceptions : null,
      "Access Removed": done ? removed : null,
      Status: status,
    };
  });
}
