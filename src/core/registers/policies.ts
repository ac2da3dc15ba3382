/**
 * Policies and their exceptions: the policy suite with owners, approval, the annual review and
 * staff acknowledgement (ISO 27001 5.2/A.5.1, SOC 2 CC5.3, HIPAA 164.316, NIST 800-53 PL-1/xx-1),
 * and exceptions approved and documented with an expiry (ISO 27001 6.1.3, NIST 800-53 PL-1).
 */
import { ALERT } from "../blueprint/style";
import { thisRow } from "../blueprint/types";
import type { RowView } from "../check/tableData";
import { resolveFrameworkKey } from "../catalogs";
import { formatDate } from "../excelDate";
import { samplePolicies, samplePolicyExceptions } from "../sample/policies";
import { monthsAfter, ratioField } from "./calculated";
import { splitIds } from "./checks";
import { choice, date, ids, text, whole } from "./fields";
import { notAbove } from "./rules";
import { REGISTER_TABLES } from "./tableNames";
import type { FieldSpec, RegisterDeclaration, RowRule } from "./types";
import { folded, numberIn, orBlank } from "./values";

export const POLICIES_TABLE = REGISTER_TABLES.policies;
export const POLICY_EXCEPTIONS_TABLE = REGISTER_TABLES.policyExceptions;

export const POLICY = {
  id: "Policy ID",
  title: "Title",
  owner: "Owner",
  approver: "Approver",
  version: "Version",
  status: "Status",
  approved: "Approved",
  reviewEvery: "Review Every (months)",
  nextReview: "Next Review",
  reviewOverdue: "Review Overdue",
  staffRequired: "Staff Required",
  acknowledged: "Acknowledged",
  acknowledgement: "Acknowledgement",
  controlIds: "Control IDs",
  frameworks: "Frameworks",
} as const;

export const POLICY_STATUSES = ["Draft", "In review", "Approved", "Retired"] as const;
export const APPROVED = "Approved";

export const POLICY_EXCEPTION = {
  id: "Exception ID",
  policyId: "Policy ID",
  description: "Description",
  justification: "Justification",
  compensatingControls: "Compensating Controls",
  riskId: "Risk ID",
  requestedBy: "Requested By",
  approvedBy: "Approved By",
  approved: "Approved",
  expires: "Expires",
  status: "Status",
} as const;

export const EXCEPTION_STATUSES = ["Requested", "Approved", "Rejected", "Expired", "Closed"] as const;

/** The suite every program needs, then the three most programs add. Seeded into every workbook (IDs and titles; the rest is the analyst's). */
export const POLICY_SUITE = [
  "Information security policy",
  "Acceptable use policy",
  "Access control policy",
  "Incident response policy",
  "Data classification and handling policy",
  "Vendor management policy",
  "Change management policy",
  "Business continuity and backup policy",
  "Cryptography policy",
  "Secure development policy",
] as const;
export const DEFAULT_REVIEW_MONTHS = 12;

const p = (column: string) => thisRow(POLICIES_TABLE, column);

/** Approved + Review Every months; undefined while either is missing. */
export function policyNextReview(row: RowView): number | undefined {
  return monthsAfter(row, POLICY.approved, numberIn(row, POLICY.reviewEvery));
}

/** Yes when the next review date has passed (Retired policies are never overdue); blank without a date. */
export function policyReviewOverdue(row: RowView, today: number): "Yes" | "No" | "" {
  const next = policyNextReview(row);
  if (next === undefined || folded(row, POLICY.status) === "retired") return "";
  return next < today ? "Yes" : "No";
}

const POLICY_FORMULAS = {
  nextReview: `=IF(OR(${p(POLICY.approved)}="",${p(POLICY.reviewEvery)}=""),"",IFERROR(IF(${p(POLICY.reviewEvery)}>0,EDATE(${p(POLICY.approved)},${p(POLICY.reviewEvery)}),""),""))`,
  reviewOverdue: `=IF(OR(${p(POLICY.nextReview)}="",${p(POLICY.status)}="Retired"),"",IF(${p(POLICY.nextReview)}<TODAY(),"Yes","No"))`,
};

function policyFields(): FieldSpec[] {
  return [
    text(POLICY.id, 9),
    text(POLICY.title, 30, { wrap: true, required: true, aliases: ["Policy", "Name", "Policy Name"] }),
    text(POLICY.owner, 16, { input: "The person who keeps the policy current." }),
    text(POLICY.approver, 16, { input: "Who approves it: usually the security committee or an executive." }),
    text(POLICY.version, 8, { align: "Center" }),
    choice(POLICY.status, POLICY_STATUSES, 11, { required: true, input: "Draft, In review, Approved or Retired." }),
    date(POLICY.approved, { input: "Date of the current version's approval." }),
    whole(POLICY.reviewEvery, { min: 1, max: 60 }, { width: 9, input: "Months between reviews: 12 for an annual review." }),
    { header: POLICY.nextReview, type: { kind: "date" }, width: 11, formula: POLICY_FORMULAS.nextReview, compute: (row) => orBlank(policyNextReview(row)) },
    {
      header: POLICY.reviewOverdue,
      type: { kind: "yesNo" },
      width: 9,
      align: "Center",
      formula: POLICY_FORMULAS.reviewOverdue,
      compute: (row, { today }) => policyReviewOverdue(row, today),
      conditionalFormats: [{ formula: `={row:${POLICY.reviewOverdue}}="Yes"`, ...ALERT }],
    },
    whole(POLICY.staffRequired, { min: 0 }, { width: 9, input: "People who must read and acknowledge this policy." }),
    whole(POLICY.acknowledged, { min: 0 }, { width: 12, input: "People who have acknowledged the current version: no more than Staff Required." }),
    { ...ratioField(POLICIES_TABLE, POLICY.acknowledgement, POLICY.acknowledged, POLICY.staffRequired), width: 15 },
    ids(POLICY.controlIds, REGISTER_TABLES.controls, true, { wrap: true, input: "Controls this policy governs, from the Control Matrix, separated by \"; \"." }),
    text(POLICY.frameworks, 18, { wrap: true, input: "Frameworks whose requirements the policy answers, separated by \"; \" (ISO 27001; SOC 2)." }),
  ];
}

const POLICY_RULES: readonly RowRule[] = [
  (row, label, report, { today }) => {
    if (folded(row, POLICY.status) !== "approved") return;
    if (!row.text(POLICY.approved)) {
      report(row, POLICY.approved, "policy-approved-undated", "warning", `${label}: policy is Approved but has no Approved date, so its review cannot be scheduled.`);
      return;
    }
    const next = policyNextReview(row);
    if (next !== undefined && next < today)
      report(row, POLICY.nextReview, "policy-review-overdue", "error", `${label}: policy review was due on ${formatDate(next)}; review it and record the new approval date.`);
  },
  notAbove(POLICY.acknowledged, POLICY.staffRequired, "acknowledged-above-required"),
  (row, label, report) => {
    for (const name of splitIds(row.text(POLICY.frameworks)))
      if (!resolveFrameworkKey(name)) report(row, POLICY.frameworks, "unknown-framework", "warning", `${label}: Frameworks "${name}" is not a framework the workbook knows.`);
  },
];

export const POLICIES: RegisterDeclaration = {
  key: "policies",
  noun: "policy",
  table: POLICIES_TABLE,
  keyColumn: POLICY.id,
  sheet: {
    key: "policies",
    name: "Policies",
    tabColor: "#2F5597",
    title: "Policies",
    subtitle:
      "One row per policy. Next Review follows from Approved and Review Every; Review Overdue and Acknowledgement (Acknowledged ÷ Staff Required) calculate. Exceptions go on the Policy Exceptions sheet.",
    freezeColumns: 2,
  },
  fields: () => policyFields(),
  seedRows: ({ sample, today, frameworks }) => (sample ? samplePolicies(today, frameworks) : POLICY_SUITE.map((title, i) => blankPolicy(title, i))),
  rules: POLICY_RULES,
};

export const policyId = (index: number) => `PL-${String(index + 1).padStart(2, "0")}`;

function blankPolicy(title: string, index: number): Record<string, string | number | null> {
  return { [POLICY.id]: policyId(index), [POLICY.title]: title, [POLICY.status]: "Draft", [POLICY.reviewEvery]: DEFAULT_REVIEW_MONTHS };
}

const isApprovedException = (row: RowView) => folded(row, POLICY_EXCEPTION.status) === "approved";

/** An approved exception whose Expires date has passed. */
export function exceptionExpired(row: RowView, today: number): boolean {
  const expires = numberIn(row, POLICY_EXCEPTION.expires);
  return isApprovedException(row) && expires !== undefined && expires < today;
}

function exceptionFields(): FieldSpec[] {
  return [
    text(POLICY_EXCEPTION.id, 9),
    ids(POLICY_EXCEPTION.policyId, POLICIES_TABLE, false, { required: true, input: "The policy this exception departs from, from the Policies sheet." }),
    text(POLICY_EXCEPTION.description, 30, { wrap: true, required: true, aliases: ["Exception", "Title"] }),
    text(POLICY_EXCEPTION.justification, 28, { wrap: true, input: "Why the policy cannot be met: the business need." }),
    text(POLICY_EXCEPTION.compensatingControls, 26, { wrap: true, input: "What reduces the risk while the exception stands." }),
    ids(POLICY_EXCEPTION.riskId, REGISTER_TABLES.risks, false, { input: "The risk the exception carries, from the Risk Register." }),
    text(POLICY_EXCEPTION.requestedBy, 14),
    text(POLICY_EXCEPTION.approvedBy, 14, { input: "Who approved the exception: its risk owner or the security committee." }),
    date(POLICY_EXCEPTION.approved, { input: "Date the exception was approved." }),
    date(POLICY_EXCEPTION.expires, {
      input: "Date the exception ends; renew it by approving it again.",
      conditionalFormats: [{ formula: `=AND({row:${POLICY_EXCEPTION.status}}="Approved",{row:${POLICY_EXCEPTION.expires}}<>"",{row:${POLICY_EXCEPTION.expires}}<TODAY())`, ...ALERT }],
    }),
    choice(POLICY_EXCEPTION.status, EXCEPTION_STATUSES, 11, { required: true, input: "Requested, Approved, Rejected, Expired or Closed." }),
  ];
}

const EXCEPTION_RULES: readonly RowRule[] = [
  (row, label, report, { today }) => {
    if (exceptionExpired(row, today))
      report(row, POLICY_EXCEPTION.expires, "exception-expired", "error", `${label}: approved exception expired on ${formatDate(numberIn(row, POLICY_EXCEPTION.expires)!)}; renew it or set Status to Expired or Closed.`);
  },
  (row, label, report) => {
    if (!isApprovedException(row)) return;
    const missing = [POLICY_EXCEPTION.approvedBy, POLICY_EXCEPTION.approved].filter((h) => !row.text(h));
    if (missing.length > 0)
      report(row, missing[0], "exception-undocumented", "warning", `${label}: exception is Approved but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} blank: record who approved it and when.`);
  },
];

export const POLICY_EXCEPTIONS: RegisterDeclaration = {
  key: "policyExceptions",
  noun: "policy exception",
  table: POLICY_EXCEPTIONS_TABLE,
  keyColumn: POLICY_EXCEPTION.id,
  sheet: {
    key: "policyExceptions",
    name: "Policy Exceptions",
    tabColor: "#2F5597",
    title: "Policy exceptions",
    subtitle: "One row per approved departure from a policy: why, what compensates, who approved it and until when. An approved exception past its expiry is flagged.",
    freezeColumns: 2,
  },
  fields: () => exceptionFields(),
  seedRows: ({ sample, today }) => (sample ? samplePolicyExceptions(today) : []),
  dateOrder: [[POLICY_EXCEPTION.approved, POLICY_EXCEPTION.expires]],
  rules: EXCEPTION_RULES,
};
