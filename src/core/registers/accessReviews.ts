/**
 * Access Reviews: periodic reviews of who can use each key system, with the accounts reviewed,
 * exceptions found and access removed (ISO 27001 A.5.18, SOC 2 CC6.2–CC6.3, HIPAA
 * 164.308(a)(4), NIST 800-53 AC-2(j)).
 */
import { ALERT } from "../blueprint/style";
import type { RowView } from "../check/tableData";
import { sampleAccessReviews } from "../sample/accessReviews";
import { choice, date, ids, text, whole } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { FieldSpec, RegisterDeclaration, RowRule } from "./types";
import { folded, numberIn } from "./values";

export const ACCESS_REVIEWS_TABLE = REGISTER_TABLES.accessReviews;

export const ACCESS_REVIEW = {
  id: "Review ID",
  assetId: "Asset ID",
  scope: "Scope",
  reviewer: "Reviewer",
  frequency: "Frequency",
  periodEnd: "Period End",
  due: "Due",
  completed: "Completed",
  accountsReviewed: "Accounts Reviewed",
  exceptionsFound: "Exceptions Found",
  accessRemoved: "Access Removed",
  status: "Status",
} as const;

export const REVIEW_FREQUENCIES = ["Monthly", "Quarterly", "Semi-annual", "Annual"] as const;
export const ACCESS_REVIEW_STATUSES = ["Not started", "In progress", "Completed"] as const;

function accessReviewFields(): FieldSpec[] {
  return [
    text(ACCESS_REVIEW.id, 9),
    ids(ACCESS_REVIEW.assetId, REGISTER_TABLES.assets, false, { required: true, input: "The system reviewed: its Asset ID from the Asset Inventory." }),
    text(ACCESS_REVIEW.scope, 28, { wrap: true, input: "Which accounts: all users, privileged accounts, service accounts…" }),
    text(ACCESS_REVIEW.reviewer, 16),
    choice(ACCESS_REVIEW.frequency, REVIEW_FREQUENCIES, 11),
    date(ACCESS_REVIEW.periodEnd, { input: "Last day of the period the review covers." }),
    date(ACCESS_REVIEW.due, {
      required: true,
      input: "Date the review must be signed off by.",
      conditionalFormats: [{ formula: `=AND({row:${ACCESS_REVIEW.due}}<>"",{row:${ACCESS_REVIEW.completed}}="",{row:${ACCESS_REVIEW.due}}<TODAY())`, ...ALERT }],
    }),
    date(ACCESS_REVIEW.completed, { input: "Date the reviewer signed the review off. Leave blank until then." }),
    whole(ACCESS_REVIEW.accountsReviewed, { min: 0 }, { width: 10 }),
    whole(ACCESS_REVIEW.exceptionsFound, { min: 0 }, { width: 10, input: "Accounts with access they should not have (leavers, excess rights, shared accounts)." }),
    whole(ACCESS_REVIEW.accessRemoved, { min: 0 }, { width: 10 }),
    choice(ACCESS_REVIEW.status, ACCESS_REVIEW_STATUSES, 11, { input: "Not started, In progress or Completed." }),
  ];
}

const completedDate = (row: RowView) => row.text(ACCESS_REVIEW.completed) !== "";

const RULES: readonly RowRule[] = [
  (row, label, report, { today }) => {
    const due = numberIn(row, ACCESS_REVIEW.due);
    if (due !== undefined && due < today && !completedDate(row))
      report(row, ACCESS_REVIEW.completed, "access-review-overdue", "error", `${label}: access review was due ${today - due} day${today - due === 1 ? "" : "s"} ago and is not completed.`);
    const status = folded(row, ACCESS_REVIEW.status);
    if (status === "completed" && !completedDate(row))
      report(row, ACCESS_REVIEW.completed, "completed-without-date", "warning", `${label}: Status is Completed but no Completed date is recorded.`);
    if (status !== "" && status !== "completed" && completedDate(row))
      report(row, ACCESS_REVIEW.status, "completed-date-but-open", "warning", `${label}: a Completed date is recorded but Status is ${row.text(ACCESS_REVIEW.status)}.`);
    const reviewed = numberIn(row, ACCESS_REVIEW.accountsReviewed);
    const exceptions = numberIn(row, ACCESS_REVIEW.exceptionsFound);
    const removed = numberIn(row, ACCESS_REVIEW.accessRemoved);
    if (reviewed !== undefined && exceptions !== undefined && exceptions > reviewed)
      report(row, ACCESS_REVIEW.exceptionsFound, "exceptions-above-accounts", "error", `${label}: Exceptions Found (${exceptions}) is above Accounts Reviewed (${reviewed}).`);
    if (exceptions !== undefined && removed !== undefined && removed < exceptions && completedDate(row))
      report(row, ACCESS_REVIEW.accessRemoved, "exceptions-not-removed", "warning", `${label}: ${exceptions - removed} exception${exceptions - removed === 1 ? "" : "s"} found but not removed; record why access was kept.`);
  },
];

export const ACCESS_REVIEWS: RegisterDeclaration = {
  key: "accessReviews",
  noun: "access review",
  table: ACCESS_REVIEWS_TABLE,
  keyColumn: ACCESS_REVIEW.id,
  sheet: {
    key: "accessReviews",
    name: "Access Reviews",
    tabColor: "#00B0F0",
    title: "Access reviews",
    subtitle: "One row per review of who can use a system. Asset ID names the system from the Asset Inventory; a review past its Due date without a Completed date is overdue.",
    freezeColumns: 2,
  },
  fields: () => accessReviewFields(),
  seedRows: ({ sample, today }) => (sample ? sampleAccessReviews(today) : []),
  dateOrder: [[ACCESS_REVIEW.periodEnd, ACCESS_REVIEW.due]],
  rules: RULES,
};
