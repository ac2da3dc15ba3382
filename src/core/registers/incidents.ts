/**
 * Incidents: one row per security incident, with detection and response times, the regulator's
 * notification deadline and the lessons learned (ISO 27001 A.5.24–A.5.28, NIST CSF RS/RC,
 * HIPAA 164.308(a)(6), GDPR Art. 33–34).
 */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../blueprint/operationsScales";
import { ALERT } from "../blueprint/style";
import { tableColumn, thisRow } from "../blueprint/types";
import { formatDateTime } from "../excelDate";
import { sampleIncidents } from "../sample/incidents";
import { choice, date, dateTime, ids, scaleChoice, text, yesNo } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { ComputeContext, FieldSpec, RegisterDeclaration, RowRule } from "./types";
import { lookupNumber, numberIn, orBlank } from "./values";
import type { RowView } from "../check/tableData";

export const INCIDENTS_TABLE = REGISTER_TABLES.incidents;

export const INCIDENT = {
  id: "Incident ID",
  title: "Title",
  description: "Description",
  category: "Category",
  severity: "Severity",
  occurred: "Occurred",
  detected: "Detected",
  contained: "Contained",
  resolved: "Resolved",
  hoursToDetect: "Hours to Detect",
  hoursToRespond: "Hours to Respond",
  hoursToResolve: "Hours to Resolve",
  status: "Status",
  owner: "Owner",
  assetIds: "Asset IDs",
  riskIds: "Risk IDs",
  personalData: "Personal Data Involved",
  notifiable: "Notifiable",
  regime: "Regime",
  notificationDue: "Notification Due",
  notified: "Notified",
  rootCause: "Root Cause",
  lessonsLearned: "Lessons Learned",
  reviewDate: "Review Date",
} as const;

export const INCIDENT_CATEGORIES = [
  "Phishing",
  "Malware",
  "Unauthorised access",
  "Data loss or leak",
  "Denial of service",
  "Lost or stolen device",
  "Misconfiguration",
  "Insider misuse",
  "Vendor incident",
  "Other",
] as const;
export const INCIDENT_STATUSES = ["Open", "Investigating", "Contained", "Resolved", "Closed"] as const;
/** Statuses that end an incident: every other status counts as open. */
export const CLOSED_INCIDENT_STATUSES = ["Resolved", "Closed"] as const;

const r = (column: string) => thisRow(INCIDENTS_TABLE, column);
const rules = (column: string) => tableColumn(OPERATIONS_SCALE_TABLES.notificationRules, column);

/** Hours between two date-time columns of the row, blank unless both are filled. */
function hoursBetween(from: string, to: string): Pick<FieldSpec, "formula" | "compute"> {
  return {
    formula: `=IF(OR(${r(from)}="",${r(to)}=""),"",IFERROR((${r(to)}-${r(from)})*24,""))`,
    compute: (row) => {
      const a = numberIn(row, from);
      const b = numberIn(row, to);
      return a === undefined || b === undefined ? "" : (b - a) * 24;
    },
  };
}

/** Detected + the regime's hours from the NotificationRules table (an Excel date-time); undefined when either is missing. */
export function notificationDue(row: RowView, context: Pick<ComputeContext, "tables">): number | undefined {
  const detected = numberIn(row, INCIDENT.detected);
  const hours = lookupNumber(context.tables, OPERATIONS_SCALE_TABLES.notificationRules, OPS_SCALE.regime, row.text(INCIDENT.regime), OPS_SCALE.hours);
  return detected === undefined || hours === undefined ? undefined : detected + hours / 24;
}

const notificationDueFormula =
  `=IF(OR(${r(INCIDENT.detected)}="",${r(INCIDENT.regime)}=""),"",` +
  `IFERROR(${r(INCIDENT.detected)}+INDEX(${rules(OPS_SCALE.hours)},MATCH(${r(INCIDENT.regime)},${rules(OPS_SCALE.regime)},0))/24,""))`;

const hours = { width: 9, align: "Center" as const, numberFormat: "0.0" };

function incidentFields(): FieldSpec[] {
  return [
    text(INCIDENT.id, 9),
    text(INCIDENT.title, 28, { wrap: true, required: true, aliases: ["Summary", "Name", "Incident"] }),
    text(INCIDENT.description, 40, { wrap: true }),
    choice(INCIDENT.category, INCIDENT_CATEGORIES, 16),
    scaleChoice(INCIDENT.severity, { table: OPERATIONS_SCALE_TABLES.incidentSeverity, column: OPS_SCALE.severity, listName: "incident severities" }, 10, {
      required: true,
      input: "Severity from the Scales sheet's IncidentSeverity table (Critical, High, Medium, Low by default).",
    }),
    dateTime(INCIDENT.occurred, { input: "When the incident began, if known: date and time, e.g. 2026-11-23 14:30." }),
    dateTime(INCIDENT.detected, { required: true, input: "When the incident was detected: date and time, e.g. 2026-11-23 14:30." }),
    dateTime(INCIDENT.contained, { input: "When the incident was contained (stopped spreading)." }),
    dateTime(INCIDENT.resolved, { input: "When normal service was restored and the cause removed." }),
    { header: INCIDENT.hoursToDetect, type: { kind: "decimal" }, ...hours, ...hoursBetween(INCIDENT.occurred, INCIDENT.detected) },
    { header: INCIDENT.hoursToRespond, type: { kind: "decimal" }, ...hours, ...hoursBetween(INCIDENT.detected, INCIDENT.contained) },
    { header: INCIDENT.hoursToResolve, type: { kind: "decimal" }, ...hours, ...hoursBetween(INCIDENT.detected, INCIDENT.resolved) },
    choice(INCIDENT.status, INCIDENT_STATUSES, 12, { required: true, input: "Open, Investigating, Contained, Resolved or Closed." }),
    text(INCIDENT.owner, 16),
    ids(INCIDENT.assetIds, REGISTER_TABLES.assets, true),
    ids(INCIDENT.riskIds, REGISTER_TABLES.risks, true),
    yesNo(INCIDENT.personalData, { width: 10 }),
    yesNo(INCIDENT.notifiable, { input: "Yes when a regulator or the people affected must be told (breach notification)." }),
    scaleChoice(INCIDENT.regime, { table: OPERATIONS_SCALE_TABLES.notificationRules, column: OPS_SCALE.regime, listName: "notification regimes" }, 14, {
      input: "The rule whose deadline applies, from the Scales sheet's NotificationRules table.",
    }),
    {
      header: INCIDENT.notificationDue,
      type: { kind: "dateTime" },
      width: 15,
      formula: notificationDueFormula,
      compute: (row, context) => orBlank(notificationDue(row, context)),
      conditionalFormats: [
        {
          formula: `=AND({row:${INCIDENT.notifiable}}="Yes",{row:${INCIDENT.notified}}="",{row:${INCIDENT.notificationDue}}<>"",{row:${INCIDENT.notificationDue}}<NOW())`,
          ...ALERT,
        },
      ],
    },
    dateTime(INCIDENT.notified, { input: "When the regulator (or the people affected) were notified." }),
    text(INCIDENT.rootCause, 28, { wrap: true }),
    text(INCIDENT.lessonsLearned, 28, { wrap: true }),
    date(INCIDENT.reviewDate, { input: "Date of the post-incident review." }),
  ];
}

const yes = (row: RowView, header: string) => row.text(header).toLowerCase() === "yes";

const INCIDENT_RULES: readonly RowRule[] = [
  (row, label, report, context) => {
    if (!yes(row, INCIDENT.notifiable)) return;
    if (!row.text(INCIDENT.regime)) {
      report(row, INCIDENT.regime, "notifiable-without-regime", "warning", `${label}: notifiable incident has no Regime, so it has no notification deadline.`);
      return;
    }
    const due = notificationDue(row, context);
    if (due !== undefined && !row.text(INCIDENT.notified) && due < context.now)
      report(row, INCIDENT.notified, "notification-overdue", "error", `${label}: notification was due by ${formatDateTime(due)} (${row.text(INCIDENT.regime)}) and is not recorded as made.`);
  },
];

export const INCIDENTS: RegisterDeclaration = {
  key: "incidents",
  noun: "incident",
  table: INCIDENTS_TABLE,
  keyColumn: INCIDENT.id,
  sheet: {
    key: "incidents",
    name: "Incidents",
    tabColor: "#7030A0",
    title: "Incidents",
    subtitle:
      "One row per security incident. Enter times as date and time; hours to detect, respond and resolve, and the notification deadline (from the Scales sheet's NotificationRules) calculate.",
    freezeColumns: 2,
  },
  fields: () => incidentFields(),
  seedRows: ({ sample, today }) => (sample ? sampleIncidents(today) : []),
  dateOrder: [
    [INCIDENT.occurred, INCIDENT.detected],
    [INCIDENT.detected, INCIDENT.contained],
    [INCIDENT.contained, INCIDENT.resolved],
    [INCIDENT.detected, INCIDENT.resolved],
    [INCIDENT.detected, INCIDENT.notified],
  ],
  rules: INCIDENT_RULES,
};
