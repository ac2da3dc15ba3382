/** The operations KPIs in TypeScript, over hand-made registers, against figures worked out by hand. */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../src/core/blueprint/operationsScales";
import type { TableData } from "../../src/core/check/tableData";
import { computeOperationsKpis, OPERATIONS_KPIS } from "../../src/core/operationsKpis";
import { OPTIONAL_REGISTER_KEYS } from "../../src/core/registers";
import { tableOf } from "./check/tables";

const TODAY = 46000;
const NOW = TODAY + 0.5;
const h = (hours: number) => hours / 24;

const incidents = tableOf("Incidents", "Incidents", [
  { "Incident ID": "I1", Status: "Closed", Occurred: TODAY - 10, Detected: TODAY - 10 + h(4), Contained: TODAY - 10 + h(10), Notifiable: "Yes", Regime: "GDPR", Notified: TODAY - 10 + h(50) },
  { "Incident ID": "I2", Status: "Investigating", Occurred: TODAY - 5, Detected: TODAY - 5 + h(8), Notifiable: "Yes", Regime: "GDPR" },
  { "Incident ID": "I3", Status: "Resolved", Detected: TODAY - 3, Contained: TODAY - 3 + h(2), Notifiable: "Yes", Regime: "GDPR" },
  { "Incident ID": "I4", Status: "Open", Occurred: "unknown", Detected: TODAY - 1 },
], ["Incident ID", "Status", "Occurred", "Detected", "Contained", "Notifiable", "Regime", "Notified"]);

const vulnerabilities = tableOf("Vulnerabilities", "Vulnerabilities", [
  { "Finding ID": "V1", Severity: "High", Detected: TODAY - 100, Remediated: TODAY - 80, Status: "Remediated" },
  { "Finding ID": "V2", Severity: "High", Detected: TODAY - 100, Remediated: TODAY - 60, Status: "Remediated" },
  { "Finding ID": "V3", Severity: "High", Detected: TODAY - 40, Status: "Open" },
  { "Finding ID": "V4", Severity: "High", Detected: TODAY - 10, Status: "Open" },
  { "Finding ID": "V5", Severity: "High", Detected: TODAY - 50, Status: "Risk accepted" },
], ["Finding ID", "Severity", "Detected", "Remediated", "Status"]);

const assets = tableOf("Assets", "Asset Inventory", [
  { "Asset ID": "A1", Status: "Active", "Patch Status": "Current" },
  { "Asset ID": "A2", Status: "Active", "Patch Status": "Behind" },
  { "Asset ID": "A3", Status: "Active", "Patch Status": "Current" },
  { "Asset ID": "A4", Status: "Retired", "Patch Status": "Behind" },
  { "Asset ID": "A5", Status: "Active", "Patch Status": "Not applicable" },
], ["Asset ID", "Status", "Patch Status"]);

const reviews = tableOf("AccessReviews", "Access Reviews", [
  { "Review ID": "R1", Due: TODAY - 30, Completed: TODAY - 31, "Exceptions Found": 3 },
  { "Review ID": "R2", Due: TODAY - 20, Completed: TODAY - 10, "Exceptions Found": 2 },
  { "Review ID": "R3", Due: TODAY - 5, "Exceptions Found": 9 },
  { "Review ID": "R4", Due: TODAY + 5 },
], ["Review ID", "Due", "Completed", "Exceptions Found"]);

const training = tableOf("Training", "Training", [
  { "Campaign ID": "T1", Type: "Security awareness", Assigned: 100, Completed: 90 },
  { "Campaign ID": "T2", Type: "Role-based", Assigned: 20, Completed: 20 },
  { "Campaign ID": "T3", Type: "Phishing simulation", "Emails Sent": 200, Clicked: 10, Reported: 50 },
  { "Campaign ID": "T4", Type: "Phishing simulation", "Emails Sent": 100, Clicked: 20 },
], ["Campaign ID", "Type", "Assigned", "Completed", "Emails Sent", "Clicked", "Reported"]);

const scales = [
  tableOf(OPERATIONS_SCALE_TABLES.notificationRules, "Scales", [{ Regime: "GDPR", Hours: 72 }], [OPS_SCALE.regime, OPS_SCALE.hours]),
  tableOf(OPERATIONS_SCALE_TABLES.remediationSla, "Scales", [{ Severity: "High", Days: 30 }], [OPS_SCALE.severity, OPS_SCALE.days]),
];

const tables = new Map<string, TableData>([incidents, vulnerabilities, assets, reviews, training, ...scales].map((t) => [t.name.toLowerCase(), t]));

describe("operations KPIs", () => {
  const kpis = computeOperationsKpis(OPTIONAL_REGISTER_KEYS, { today: TODAY, now: NOW, tables });

  it("has the issue's twelve indicators with their exact labels", () => {
    expect(OPERATIONS_KPIS.map((k) => k.label)).toEqual([
      "Mean time to detect (hours)",
      "Mean time to respond (hours)",
      "Open incidents",
      "Breach notifications on time",
      "Vulnerabilities remediated within SLA",
      "Open vulnerabilities past SLA",
      "Mean time to remediate (days)",
      "Systems with current patches",
      "Access reviews completed on time",
      "Access review exceptions",
      "Security training completion",
      "Phishing click rate",
    ]);
  });

  it("computes each from the rows", () => {
    // MTTD: I1 4 h, I2 8 h (I4's Occurred is text); MTTR: I1 6 h, I3 2 h.
    expect(kpis["ops:mttd"]).toBeCloseTo(6, 9);
    expect(kpis["ops:mttr"]).toBeCloseTo(4, 9);
    expect(kpis["ops:openIncidents"]).toBe(2);
    // I1 notified 46 h after detection (on time); I2 and I3 are past their 72 h deadline (I3 due at midnight, now is noon) and not notified.
    expect(kpis["ops:notificationsOnTime"]).toBeCloseTo(1 / 3, 12);
    // V1 fixed in 20 days (within 30), V2 in 40 (late).
    expect(kpis["ops:remediatedWithinSla"]).toBe(0.5);
    expect(kpis["ops:openPastSla"]).toBe(1);
    expect(kpis["ops:meanTimeToRemediate"]).toBe(30);
    expect(kpis["ops:currentPatches"]).toBeCloseTo(2 / 3, 12);
    // R1 on time, R2 late, R3 overdue; R4 not due yet.
    expect(kpis["ops:accessReviewsOnTime"]).toBeCloseTo(1 / 3, 12);
    expect(kpis["ops:accessReviewExceptions"]).toBe(5);
    expect(kpis["ops:trainingCompletion"]).toBeCloseTo(110 / 120, 12);
    expect(kpis["ops:phishingClickRate"]).toBeCloseTo(30 / 300, 12);
  });

  it("leaves a KPI blank when there is nothing to measure, and drops the KPIs of registers not in the workbook", () => {
    const empty = computeOperationsKpis(["incidents"], { today: TODAY, now: NOW, tables: new Map() });
    expect(empty).toEqual({ "ops:mttd": undefined, "ops:mttr": undefined, "ops:openIncidents": 0, "ops:notificationsOnTime": undefined, "ops:currentPatches": undefined });
  });
});
