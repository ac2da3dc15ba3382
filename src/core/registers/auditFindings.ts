/**
 * Audit findings: nonconformities and observations from audits, assessments and regulators, each
 * against a framework requirement, with root cause, corrective action and a check that the action
 * worked (ISO 27001 10.2, SOC 2 CC4.2, NIST 800-53 CA-5, HIPAA 164.308(a)(8)).
 */
import { ALERT } from "../blueprint/style";
import { thisRow } from "../blueprint/types";
import { findRequirement, getFramework, resolveFrameworkKey } from "../catalogs";
import type { RowView } from "../check/tableData";
import { FRAMEWORK_KEYS, isCustomFrameworkKey, type FrameworkKey } from "../frameworkKeys";
import { sampleAuditFindings } from "../sample/auditFindings";
import { choice, date, text, yesNo } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { FieldSpec, RegisterDeclaration, RowRule } from "./types";
import { folded, numberIn, orBlank } from "./values";

export const AUDIT_FINDINGS_TABLE = REGISTER_TABLES.auditFindings;

export const AUDIT_FINDING = {
  id: "Finding ID",
  source: "Source",
  framework: "Framework",
  requirementId: "Requirement ID",
  severity: "Severity",
  description: "Description",
  rootCause: "Root Cause",
  correctiveAction: "Corrective Action",
  owner: "Owner",
  raised: "Raised",
  due: "Due",
  closed: "Closed",
  verifiedEffective: "Verified Effective",
  status: "Status",
  daysOpen: "Days Open",
} as const;

export const FINDING_SOURCES = ["Internal audit", "External audit", "Certification audit", "Penetration test", "Self-assessment", "Regulator"] as const;
/** Most severe first (the management review lists open findings by severity in this order). */
export const FINDING_SEVERITIES = ["Major nonconformity", "Minor nonconformity", "Observation", "Opportunity for improvement"] as const;
export const FINDING_STATUSES = ["Open", "In progress", "Closed", "Risk accepted"] as const;
/** Statuses that count as open. */
export const OPEN_FINDING_STATUSES = ["Open", "In progress"] as const;

/** The Framework drop-down: every built-in framework's short name ("ISO 27001", "SOC 2"), then the workbook's own frameworks. */
export function findingFrameworks(inScope: readonly FrameworkKey[]): string[] {
  return [...FRAMEWORK_KEYS, ...inScope.filter(isCustomFrameworkKey)].map((key) => getFramework(key).shortName);
}

/** Excel refuses a typed list longer than 255 characters: past that the column is free text, and Check still reads it. */
const LIST_LIMIT = 255;

function frameworkField(inScope: readonly FrameworkKey[]): FieldSpec {
  const values = findingFrameworks(inScope);
  const more = { input: "The framework the finding is raised against; Requirement ID is checked against its catalog.", customCheck: true };
  return values.join(",").length <= LIST_LIMIT ? choice(AUDIT_FINDING.framework, values, 12, more) : text(AUDIT_FINDING.framework, 12, more);
}

const r = (column: string) => thisRow(AUDIT_FINDINGS_TABLE, column);

export const isOpenFinding = (row: RowView) => OPEN_FINDING_STATUSES.some((s) => s.toLowerCase() === folded(row, AUDIT_FINDING.status));

/** Closed − Raised once closed; today − Raised while open; blank otherwise. */
export function findingDaysOpen(row: RowView, today: number): number | undefined {
  const raised = numberIn(row, AUDIT_FINDING.raised);
  if (raised === undefined) return undefined;
  if (row.text(AUDIT_FINDING.closed)) {
    const closed = numberIn(row, AUDIT_FINDING.closed);
    return closed === undefined ? undefined : closed - raised;
  }
  return isOpenFinding(row) ? today - raised : undefined;
}

const DAYS_OPEN_FORMULA =
  `=IF(${r(AUDIT_FINDING.raised)}="","",IFERROR(IF(${r(AUDIT_FINDING.closed)}<>"",${r(AUDIT_FINDING.closed)}-${r(AUDIT_FINDING.raised)},` +
  `IF(OR(${r(AUDIT_FINDING.status)}="Open",${r(AUDIT_FINDING.status)}="In progress"),TODAY()-${r(AUDIT_FINDING.raised)},"")),""))`;

function findingFields(frameworks: readonly FrameworkKey[]): FieldSpec[] {
  return [
    text(AUDIT_FINDING.id, 9),
    choice(AUDIT_FINDING.source, FINDING_SOURCES, 15, { required: true, input: "Internal audit, External audit, Certification audit, Penetration test, Self-assessment or Regulator." }),
    frameworkField(frameworks),
    text(AUDIT_FINDING.requirementId, 12, { input: "The requirement not met, as the framework writes it (A.5.15, CC6.1, 164.308(a)(1)(ii)(A)).", customCheck: true, aliases: ["Requirement", "Clause", "Control Reference"] }),
    choice(AUDIT_FINDING.severity, FINDING_SEVERITIES, 16, { required: true, input: "Major nonconformity, Minor nonconformity, Observation or Opportunity for improvement." }),
    text(AUDIT_FINDING.description, 32, { wrap: true, required: true, aliases: ["Finding", "Title", "Summary"] }),
    text(AUDIT_FINDING.rootCause, 24, { wrap: true }),
    text(AUDIT_FINDING.correctiveAction, 28, { wrap: true, aliases: ["Action", "Remediation"] }),
    text(AUDIT_FINDING.owner, 16),
    date(AUDIT_FINDING.raised, { required: true }),
    date(AUDIT_FINDING.due, {
      input: "Date the corrective action is due.",
      conditionalFormats: [
        {
          formula: `=AND(OR({row:${AUDIT_FINDING.status}}="Open",{row:${AUDIT_FINDING.status}}="In progress"),{row:${AUDIT_FINDING.due}}<>"",{row:${AUDIT_FINDING.due}}<TODAY())`,
          ...ALERT,
        },
      ],
    }),
    date(AUDIT_FINDING.closed, { input: "Date the finding was closed. Close it only once the action is verified effective." }),
    yesNo(AUDIT_FINDING.verifiedEffective, { width: 10, input: "Yes once a follow-up confirmed the corrective action removed the cause." }),
    choice(AUDIT_FINDING.status, FINDING_STATUSES, 12, { required: true, input: "Open, In progress, Closed or Risk accepted." }),
    { header: AUDIT_FINDING.daysOpen, type: { kind: "whole" }, width: 8, align: "Center", numberFormat: "0", formula: DAYS_OPEN_FORMULA, compute: (row, { today }) => orBlank(findingDaysOpen(row, today)) },
  ];
}

const FINDING_RULES: readonly RowRule[] = [
  (row, label, report) => {
    const typed = row.text(AUDIT_FINDING.requirementId);
    const frameworkName = row.text(AUDIT_FINDING.framework);
    const key = frameworkName ? resolveFrameworkKey(frameworkName) : undefined;
    if (frameworkName && !key) {
      report(row, AUDIT_FINDING.framework, "unknown-framework", "error", `${label}: Framework "${frameworkName}" is not a framework the workbook knows (${findingFrameworks([]).join(", ")}, or one added with ismp framework add).`);
      return;
    }
    if (!typed) return;
    if (!key) {
      report(row, AUDIT_FINDING.framework, "finding-without-framework", "warning", `${label}: Requirement ID "${typed}" is given but Framework is blank, so it cannot be checked.`);
      return;
    }
    const requirement = findRequirement(key, typed);
    if (!requirement)
      report(row, AUDIT_FINDING.requirementId, "unknown-requirement", "error", `${label}: ${getFramework(key).shortName} has no requirement "${typed}".`);
    else if (requirement.id !== typed)
      report(row, AUDIT_FINDING.requirementId, "requirement-spelling", "warning", `${label}: ${getFramework(key).shortName} requirement "${typed}" should be written "${requirement.id}".`);
  },
  (row, label, report) => {
    if (folded(row, AUDIT_FINDING.status) === "closed" && folded(row, AUDIT_FINDING.verifiedEffective) !== "yes")
      report(row, AUDIT_FINDING.verifiedEffective, "closed-unverified", "error", `${label}: finding is Closed but Verified Effective is not Yes; verify the corrective action worked, or reopen it.`);
  },
  (row, label, report) => {
    if (folded(row, AUDIT_FINDING.status) === "closed" && !row.text(AUDIT_FINDING.closed))
      report(row, AUDIT_FINDING.closed, "closed-without-date", "error", `${label}: Status is Closed but no Closed date is recorded.`);
    if (row.text(AUDIT_FINDING.closed) && isOpenFinding(row))
      report(row, AUDIT_FINDING.status, "closed-but-open", "error", `${label}: Closed is filled but Status is ${row.text(AUDIT_FINDING.status)}; set Status to Closed or clear the date.`);
  },
];

export const AUDIT_FINDINGS: RegisterDeclaration = {
  key: "auditFindings",
  noun: "audit finding",
  table: AUDIT_FINDINGS_TABLE,
  keyColumn: AUDIT_FINDING.id,
  sheet: {
    key: "auditFindings",
    name: "Audit Findings",
    tabColor: "#C55A11",
    title: "Audit findings",
    subtitle:
      "One row per finding from an audit, assessment or regulator, against a framework requirement. Close a finding once a follow-up verified the corrective action worked; Days Open calculates.",
    freezeColumns: 2,
  },
  fields: ({ frameworks }) => findingFields(frameworks),
  seedRows: ({ sample, today, frameworks }) => (sample ? sampleAuditFindings(today, frameworks) : []),
  dateOrder: [
    [AUDIT_FINDING.raised, AUDIT_FINDING.due],
    [AUDIT_FINDING.raised, AUDIT_FINDING.closed],
  ],
  rules: FINDING_RULES,
};
