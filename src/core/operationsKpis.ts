/**
 * The operations KPIs: for each, its Dashboard label, the portable formula the workbook computes it
 * with, and the same computation in TypeScript over the registers' typed rows (snapshots, the
 * engine suite). Formulas use COUNTIFS/SUMIFS/AVERAGEIFS/SUMPRODUCT over whole table columns, so
 * their cost grows with the rows, and run in Excel 2019+ and LibreOffice 7.4.
 */
import { ASSET, ASSETS_TABLE } from "./blueprint/assetInventory";
import type { Better } from "./blueprint/operationsScales";
import { tableColumn } from "./blueprint/types";
import type { RowView } from "./check/tableData";
import { average, defined, is, rowsOf, share, sum } from "./kpiRows";
import { ACCESS_REVIEW, ACCESS_REVIEWS_TABLE } from "./registers/accessReviews";
import { INCIDENT, INCIDENTS_TABLE, notificationDue } from "./registers/incidents";
import type { OptionalRegisterKey } from "./registers/keys";
import { PHISHING_SIMULATION, TRAINING, TRAINING_TABLE } from "./registers/training";
import type { ComputeContext } from "./registers/types";
import { numberIn } from "./registers/values";
import { daysOpen, remediationDue, VULNERABILITIES_TABLE, VULNERABILITY, withinSla } from "./registers/vulnerabilities";

export type OperationsKpiFormat = "count" | "percent" | "decimal";

export interface OperationsKpi {
  key: string;
  label: string;
  /** The optional register the KPI reads: it is on the Dashboard only when that register is in the workbook (none: always). */
  register?: OptionalRegisterKey;
  format: OperationsKpiFormat;
  /** Default target in KpiTargets (a ratio for percentages), and which way is better. */
  target?: number;
  better: Better;
  formula: string;
  /** The value from the registers' rows; undefined where the formula shows "" (nothing to measure). */
  compute(context: ComputeContext): number | undefined;
}

const col = (table: string, column: string) => tableColumn(table, column);
const inc = (c: string) => col(INCIDENTS_TABLE, c);
const vul = (c: string) => col(VULNERABILITIES_TABLE, c);
const ast = (c: string) => col(ASSETS_TABLE, c);
const rev = (c: string) => col(ACCESS_REVIEWS_TABLE, c);
const trn = (c: string) => col(TRAINING_TABLE, c);


function hours(row: RowView, from: string, to: string): number | undefined {
  const a = numberIn(row, from);
  const b = numberIn(row, to);
  return a === undefined || b === undefined ? undefined : (b - a) * 24;
}

const isOpenIncident = (row: RowView) => row.text(INCIDENT.id) !== "" && !is(row, INCIDENT.status, "Resolved") && !is(row, INCIDENT.status, "Closed");

export const OPERATIONS_KPIS: readonly OperationsKpi[] = [
  {
    key: "ops:mttd",
    label: "Mean time to detect (hours)",
    register: "incidents",
    format: "decimal",
    target: 24,
    better: "Lower",
    formula: `=IFERROR(AVERAGEIFS(${inc(INCIDENT.hoursToDetect)},${inc(INCIDENT.occurred)},"<>",${inc(INCIDENT.detected)},"<>"),"")`,
    compute: (c) => average(defined(rowsOf(c, INCIDENTS_TABLE).map((r) => hours(r, INCIDENT.occurred, INCIDENT.detected)))),
  },
  {
    key: "ops:mttr",
    label: "Mean time to respond (hours)",
    register: "incidents",
    format: "decimal",
    target: 72,
    better: "Lower",
    formula: `=IFERROR(AVERAGEIFS(${inc(INCIDENT.hoursToRespond)},${inc(INCIDENT.detected)},"<>",${inc(INCIDENT.contained)},"<>"),"")`,
    compute: (c) => average(defined(rowsOf(c, INCIDENTS_TABLE).map((r) => hours(r, INCIDENT.detected, INCIDENT.contained)))),
  },
  {
    key: "ops:openIncidents",
    label: "Open incidents",
    register: "incidents",
    format: "count",
    better: "Lower",
    formula: `=COUNTIFS(${inc(INCIDENT.id)},"<>",${inc(INCIDENT.status)},"<>Resolved",${inc(INCIDENT.status)},"<>Closed")`,
    compute: (c) => rowsOf(c, INCIDENTS_TABLE).filter(isOpenIncident).length,
  },
  {
    key: "ops:notificationsOnTime",
    label: "Breach notifications on time",
    register: "incidents",
    format: "percent",
    target: 1,
    better: "Higher",
    formula:
      `=IFERROR(SUMPRODUCT((${inc(INCIDENT.notifiable)}="Yes")*ISNUMBER(${inc(INCIDENT.notified)})*ISNUMBER(${inc(INCIDENT.notificationDue)})*(${inc(INCIDENT.notified)}<=${inc(INCIDENT.notificationDue)}))` +
      `/SUMPRODUCT((${inc(INCIDENT.notifiable)}="Yes")*((ISNUMBER(${inc(INCIDENT.notified)})+ISNUMBER(${inc(INCIDENT.notificationDue)})*(${inc(INCIDENT.notificationDue)}<NOW()))>0)),"")`,
    compute: (c) => {
      const cases = rowsOf(c, INCIDENTS_TABLE)
        .filter((r) => is(r, INCIDENT.notifiable, "Yes"))
        .map((r) => ({ notified: numberIn(r, INCIDENT.notified), due: notificationDue(r, c) }))
        .filter(({ notified, due }) => notified !== undefined || (due !== undefined && due < c.now));
      return share(cases.filter(({ notified, due }) => notified !== undefined && due !== undefined && notified <= due).length, cases.length);
    },
  },
  {
    key: "ops:remediatedWithinSla",
    label: "Vulnerabilities remediated within SLA",
    register: "vulnerabilities",
    format: "percent",
    target: 0.9,
    better: "Higher",
    formula: `=IFERROR(COUNTIFS(${vul(VULNERABILITY.status)},"Remediated",${vul(VULNERABILITY.withinSla)},"Yes")/COUNTIFS(${vul(VULNERABILITY.status)},"Remediated"),"")`,
    compute: (c) => {
      const remediated = rowsOf(c, VULNERABILITIES_TABLE).filter((r) => is(r, VULNERABILITY.status, "Remediated"));
      return share(remediated.filter((r) => withinSla(r, c) === "Yes").length, remediated.length);
    },
  },
  {
    key: "ops:openPastSla",
    label: "Open vulnerabilities past SLA",
    register: "vulnerabilities",
    format: "count",
    target: 0,
    better: "Lower",
    formula: `=COUNTIFS(${vul(VULNERABILITY.status)},"Open",${vul(VULNERABILITY.due)},"<"&TODAY())`,
    compute: (c) =>
      rowsOf(c, VULNERABILITIES_TABLE).filter((r) => {
        const due = remediationDue(r, c);
        return is(r, VULNERABILITY.status, "Open") && due !== undefined && due < c.today;
      }).length,
  },
  {
    key: "ops:meanTimeToRemediate",
    label: "Mean time to remediate (days)",
    register: "vulnerabilities",
    format: "decimal",
    better: "Lower",
    formula: `=IFERROR(AVERAGEIFS(${vul(VULNERABILITY.daysOpen)},${vul(VULNERABILITY.status)},"Remediated",${vul(VULNERABILITY.remediated)},"<>"),"")`,
    compute: (c) =>
      average(defined(rowsOf(c, VULNERABILITIES_TABLE).filter((r) => is(r, VULNERABILITY.status, "Remediated") && r.text(VULNERABILITY.remediated) !== "").map((r) => daysOpen(r, c.today)))),
  },
  {
    key: "ops:currentPatches",
    label: "Systems with current patches",
    format: "percent",
    target: 0.95,
    better: "Higher",
    formula:
      `=IFERROR(COUNTIFS(${ast(ASSET.status)},"Active",${ast(ASSET.patchStatus)},"Current")/` +
      `(COUNTIFS(${ast(ASSET.status)},"Active",${ast(ASSET.patchStatus)},"Current")+COUNTIFS(${ast(ASSET.status)},"Active",${ast(ASSET.patchStatus)},"Behind")),"")`,
    compute: (c) => {
      const tracked = rowsOf(c, ASSETS_TABLE).filter((r) => is(r, ASSET.status, "Active") && (is(r, ASSET.patchStatus, "Current") || is(r, ASSET.patchStatus, "Behind")));
      return share(tracked.filter((r) => is(r, ASSET.patchStatus, "Current")).length, tracked.length);
    },
  },
  {
    key: "ops:accessReviewsOnTime",
    label: "Access reviews completed on time",
    register: "accessReviews",
    format: "percent",
    target: 1,
    better: "Higher",
    formula:
      `=IFERROR(SUMPRODUCT(ISNUMBER(${rev(ACCESS_REVIEW.due)})*(${rev(ACCESS_REVIEW.due)}<=TODAY())*ISNUMBER(${rev(ACCESS_REVIEW.completed)})*(${rev(ACCESS_REVIEW.completed)}<=${rev(ACCESS_REVIEW.due)}))` +
      `/COUNTIFS(${rev(ACCESS_REVIEW.due)},"<="&TODAY()),"")`,
    compute: (c) => {
      const due = rowsOf(c, ACCESS_REVIEWS_TABLE)
        .map((r) => ({ due: numberIn(r, ACCESS_REVIEW.due), completed: numberIn(r, ACCESS_REVIEW.completed) }))
        .filter((r): r is { due: number; completed: number | undefined } => r.due !== undefined && r.due <= c.today);
      return share(due.filter((r) => r.completed !== undefined && r.completed <= r.due).length, due.length);
    },
  },
  {
    key: "ops:accessReviewExceptions",
    label: "Access review exceptions",
    register: "accessReviews",
    format: "count",
    better: "Lower",
    formula: `=SUMIFS(${rev(ACCESS_REVIEW.exceptionsFound)},${rev(ACCESS_REVIEW.completed)},"<>")`,
    compute: (c) => sum(rowsOf(c, ACCESS_REVIEWS_TABLE).filter((r) => r.text(ACCESS_REVIEW.completed) !== ""), ACCESS_REVIEW.exceptionsFound),
  },
  {
    key: "ops:trainingCompletion",
    label: "Security training completion",
    register: "training",
    format: "percent",
    target: 0.95,
    better: "Higher",
    formula: `=IFERROR(SUMIFS(${trn(TRAINING.completed)},${trn(TRAINING.type)},"<>${PHISHING_SIMULATION}")/SUMIFS(${trn(TRAINING.assigned)},${trn(TRAINING.type)},"<>${PHISHING_SIMULATION}"),"")`,
    compute: (c) => {
      const courses = rowsOf(c, TRAINING_TABLE).filter((r) => !is(r, TRAINING.type, PHISHING_SIMULATION));
      const assigned = sum(courses, TRAINING.assigned);
      return assigned === 0 ? undefined : sum(courses, TRAINING.completed) / assigned;
    },
  },
  {
    key: "ops:phishingClickRate",
    label: "Phishing click rate",
    register: "training",
    format: "percent",
    target: 0.05,
    better: "Lower",
    formula: `=IFERROR(SUMIFS(${trn(TRAINING.clicked)},${trn(TRAINING.type)},"${PHISHING_SIMULATION}")/SUMIFS(${trn(TRAINING.emailsSent)},${trn(TRAINING.type)},"${PHISHING_SIMULATION}"),"")`,
    compute: (c) => {
      const simulations = rowsOf(c, TRAINING_TABLE).filter((r) => is(r, TRAINING.type, PHISHING_SIMULATION));
      const sent = sum(simulations, TRAINING.emailsSent);
      return sent === 0 ? undefined : sum(simulations, TRAINING.clicked) / sent;
    },
  },
];

/** The operations KPIs whose register is in the workbook. */
export function operationsKpisFor(registers: readonly OptionalRegisterKey[]): OperationsKpi[] {
  return OPERATIONS_KPIS.filter((k) => k.register === undefined || registers.includes(k.register));
}

/** Every operations KPI the registers allow, by key ("ops:mttd"); undefined where there is nothing to measure. */
export function computeOperationsKpis(registers: readonly OptionalRegisterKey[], context: ComputeContext): Record<string, number | undefined> {
  return Object.fromEntries(operationsKpisFor(registers).map((k) => [k.key, k.compute(context)]));
}
