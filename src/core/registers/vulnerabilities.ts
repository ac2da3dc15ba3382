/**
 * Vulnerabilities: findings from scanners, penetration tests, bug bounty, advisories and audits,
 * each with a due date from the remediation SLA and whether it was (or still is) within it
 * (ISO 27001 A.8.8, NIST CSF ID.RA-01, SOC 2 CC7.1, NIST 800-53 RA-5/SI-2).
 */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../blueprint/operationsScales";
import { ALERT } from "../blueprint/style";
import { tableColumn, thisRow } from "../blueprint/types";
import type { RowView } from "../check/tableData";
import { sampleVulnerabilities } from "../sample/vulnerabilities";
import { choice, date, ids, scaleChoice, text } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { ComputeContext, FieldSpec, RegisterDeclaration, RowRule } from "./types";
import { folded, lookupNumber, numberIn, orBlank } from "./values";

export const VULNERABILITIES_TABLE = REGISTER_TABLES.vulnerabilities;

export const VULNERABILITY = {
  id: "Finding ID",
  title: "Title",
  assetId: "Asset ID",
  source: "Source",
  reference: "Reference",
  severity: "Severity",
  detected: "Detected",
  due: "Due",
  remediated: "Remediated",
  status: "Status",
  owner: "Owner",
  riskId: "Risk ID",
  daysOpen: "Days Open",
  withinSla: "Within SLA",
} as const;

export const VULNERABILITY_SOURCES = ["Scanner", "Penetration test", "Bug bounty", "Advisory", "Audit"] as const;
export const VULNERABILITY_STATUSES = ["Open", "Remediated", "Risk accepted", "False positive"] as const;

const r = (column: string) => thisRow(VULNERABILITIES_TABLE, column);
const sla = (column: string) => tableColumn(OPERATIONS_SCALE_TABLES.remediationSla, column);

/** Detected + the severity's days from RemediationSLA; undefined when either is missing. */
export function remediationDue(row: RowView, context: Pick<ComputeContext, "tables">): number | undefined {
  const detected = numberIn(row, VULNERABILITY.detected);
  const days = lookupNumber(context.tables, OPERATIONS_SCALE_TABLES.remediationSla, OPS_SCALE.severity, row.text(VULNERABILITY.severity), OPS_SCALE.days);
  return detected === undefined || days === undefined ? undefined : detected + days;
}

const isOpen = (row: RowView) => folded(row, VULNERABILITY.status) === "open";

/** Remediated − Detected, or today − Detected while open; blank otherwise. */
export function daysOpen(row: RowView, today: number): number | undefined {
  const detected = numberIn(row, VULNERABILITY.detected);
  if (detected === undefined) return undefined;
  if (row.text(VULNERABILITY.remediated)) {
    const remediated = numberIn(row, VULNERABILITY.remediated);
    return remediated === undefined ? undefined : remediated - detected;
  }
  return isOpen(row) ? today - detected : undefined;
}

/** Yes when remediated by Due, or still open and not yet due; No when late; blank for accepted or false positives. */
export function withinSla(row: RowView, context: ComputeContext): "Yes" | "No" | "" {
  const due = remediationDue(row, context);
  if (due === undefined || numberIn(row, VULNERABILITY.detected) === undefined) return "";
  if (row.text(VULNERABILITY.remediated)) {
    const remediated = numberIn(row, VULNERABILITY.remediated);
    return remediated !== undefined && remediated <= due ? "Yes" : "No";
  }
  if (!isOpen(row)) return "";
  return context.today <= due ? "Yes" : "No";
}

const FORMULAS = {
  due:
    `=IF(OR(${r(VULNERABILITY.detected)}="",${r(VULNERABILITY.severity)}=""),"",` +
    `IFERROR(${r(VULNERABILITY.detected)}+INDEX(${sla(OPS_SCALE.days)},MATCH(${r(VULNERABILITY.severity)},${sla(OPS_SCALE.severity)},0)),""))`,
  daysOpen:
    `=IF(${r(VULNERABILITY.detected)}="","",IFERROR(IF(${r(VULNERABILITY.remediated)}<>"",${r(VULNERABILITY.remediated)}-${r(VULNERABILITY.detected)},` +
    `IF(${r(VULNERABILITY.status)}="Open",TODAY()-${r(VULNERABILITY.detected)},"")),""))`,
  withinSla:
    `=IF(OR(${r(VULNERABILITY.due)}="",${r(VULNERABILITY.detected)}=""),"",IF(${r(VULNERABILITY.remediated)}<>"",IF(${r(VULNERABILITY.remediated)}<=${r(VULNERABILITY.due)},"Yes","No"),` +
    `IF(${r(VULNERABILITY.status)}="Open",IF(TODAY()<=${r(VULNERABILITY.due)},"Yes","No"),"")))`,
};

function vulnerabilityFields(): FieldSpec[] {
  return [
    text(VULNERABILITY.id, 9),
    text(VULNERABILITY.title, 30, { wrap: true, required: true, aliases: ["Name", "Vulnerability", "Plugin Name", "Summary"] }),
    ids(VULNERABILITY.assetId, REGISTER_TABLES.assets, false, { input: "The affected asset's ID from the Asset Inventory." }),
    choice(VULNERABILITY.source, VULNERABILITY_SOURCES, 14, { input: "Scanner, Penetration test, Bug bounty, Advisory or Audit." }),
    text(VULNERABILITY.reference, 15, { input: "CVE, advisory or report reference, e.g. CVE-2021-44228.", aliases: ["CVE", "CVE ID"] }),
    scaleChoice(VULNERABILITY.severity, { table: OPERATIONS_SCALE_TABLES.remediationSla, column: OPS_SCALE.severity, listName: "severities" }, 10, {
      required: true,
      input: "Critical, High, Medium or Low: sets the due date from the Scales sheet's RemediationSLA table.",
    }),
    date(VULNERABILITY.detected, { required: true }),
    {
      header: VULNERABILITY.due,
      type: { kind: "date" },
      width: 11,
      formula: FORMULAS.due,
      compute: (row, context) => orBlank(remediationDue(row, context)),
    },
    date(VULNERABILITY.remediated, { input: "Date the fix was verified. Leave blank while the finding is open." }),
    choice(VULNERABILITY.status, VULNERABILITY_STATUSES, 13, { required: true, input: "Open, Remediated, Risk accepted or False positive." }),
    text(VULNERABILITY.owner, 16),
    ids(VULNERABILITY.riskId, REGISTER_TABLES.risks, false, { input: "The risk this finding feeds, from the Risk Register." }),
    { header: VULNERABILITY.daysOpen, type: { kind: "whole" }, width: 8, align: "Center", numberFormat: "0", formula: FORMULAS.daysOpen, compute: (row, { today }) => orBlank(daysOpen(row, today)) },
    {
      header: VULNERABILITY.withinSla,
      type: { kind: "yesNo" },
      width: 9,
      align: "Center",
      formula: FORMULAS.withinSla,
      compute: (row, context) => withinSla(row, context),
      conditionalFormats: [{ formula: `={row:${VULNERABILITY.withinSla}}="No"`, ...ALERT }],
    },
  ];
}

const RULES: readonly RowRule[] = [
  (row, label, report) => {
    const remediated = row.text(VULNERABILITY.remediated) !== "";
    const status = folded(row, VULNERABILITY.status);
    if (remediated && status === "open")
      report(row, VULNERABILITY.status, "remediated-but-open", "error", `${label}: Remediated is filled but Status is Open; set Status to Remediated or clear the date.`);
    if (!remediated && status === "remediated")
      report(row, VULNERABILITY.remediated, "remediated-without-date", "error", `${label}: Status is Remediated but no Remediated date is recorded.`);
  },
];

export const VULNERABILITIES: RegisterDeclaration = {
  key: "vulnerabilities",
  noun: "finding",
  table: VULNERABILITIES_TABLE,
  keyColumn: VULNERABILITY.id,
  sheet: {
    key: "vulnerabilities",
    name: "Vulnerabilities",
    tabColor: "#BF8F00",
    title: "Vulnerabilities",
    subtitle:
      "One row per finding. Due follows from Severity and the Scales sheet's RemediationSLA; Days Open and Within SLA calculate. Asset ID and Risk ID link to the inventory and the register.",
    freezeColumns: 2,
  },
  fields: () => vulnerabilityFields(),
  seedRows: ({ sample, today }) => (sample ? sampleVulnerabilities(today) : []),
  dateOrder: [[VULNERABILITY.detected, VULNERABILITY.remediated]],
  rules: RULES,
};
