/** Check's rules for the operations registers: each planted problem is found, at its cell. */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../../src/core/blueprint/operationsScales";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkWorkbookTables } from "../../../src/core/check/checkWorkbook";
import type { TableData } from "../../../src/core/check/tableData";
import { OPTIONAL_REGISTERS } from "../../../src/core/registers";
import { listKey } from "../../../src/core/registers/checks";
import type { RegisterDeclaration } from "../../../src/core/registers/types";
import { defaultScales } from "../../../src/core/scales";
import { columnOf, tableOf } from "../check/tables";

const TODAY = 46000;
const NOW = TODAY + 0.5;

const headersOf = (register: RegisterDeclaration) => register.fields({ scales: defaultScales(), frameworks: [] }).map((f) => f.header);
const tableFor = (register: RegisterDeclaration, rows: Array<Record<string, CellValue>>) => tableOf(register.table, register.sheet.name, rows, headersOf(register));
const notificationRules = tableOf(OPERATIONS_SCALE_TABLES.notificationRules, "Scales", [{ Regime: "GDPR", Hours: 72 }], [OPS_SCALE.regime, OPS_SCALE.hours]);
const sla = tableOf(OPERATIONS_SCALE_TABLES.remediationSla, "Scales", [{ Severity: "High", Days: 30 }], [OPS_SCALE.severity, OPS_SCALE.days]);
const assets = tableOf("Assets", "Asset Inventory", [{ "Asset ID": "A-001" }], ["Asset ID"]);
const risks = tableOf("Risks", "Risk Register", [{ "Risk ID": "R-001" }], ["Risk ID"]);

function check(...tables: TableData[]) {
  const lists = new Map([
    [listKey(OPERATIONS_SCALE_TABLES.incidentSeverity, OPS_SCALE.severity), ["Critical", "High", "Medium", "Low"]],
    [listKey(OPERATIONS_SCALE_TABLES.notificationRules, OPS_SCALE.regime), ["GDPR"]],
    [listKey(OPERATIONS_SCALE_TABLES.remediationSla, OPS_SCALE.severity), ["High"]],
  ]);
  return checkWorkbookTables({ tables: [...tables, notificationRules, sla, assets, risks], lists, scales: defaultScales(), frameworks: [], today: TODAY, now: NOW }).map(
    (p) => [p.code, `${p.sheet}!${p.address}`],
  );
}

const at = (table: TableData, header: string, bodyRow = 0) => `${table.sheet}!${columnOf(table, header)}${5 + bodyRow}`;

describe("Incidents", () => {
  const clean = {
    "Incident ID": "INC-001", Title: "Phish", Severity: "High", Status: "Closed",
    Occurred: TODAY - 10, Detected: TODAY - 9.5, Contained: TODAY - 9, Resolved: TODAY - 8,
    "Asset IDs": "A-001", "Risk IDs": "R-001", Notifiable: "No",
  };

  it("a clean incident has no problem", () => {
    expect(check(tableFor(OPTIONAL_REGISTERS.incidents, [clean]))).toEqual([]);
  });

  it("finds times out of order, an overdue notification, a notifiable incident without a regime, unknown IDs and values outside the lists", () => {
    const table = tableFor(OPTIONAL_REGISTERS.incidents, [
      { ...clean, Contained: TODAY - 9.6 },
      { ...clean, "Incident ID": "INC-002", Notifiable: "Yes", Regime: "GDPR", Detected: TODAY - 4, Contained: TODAY - 3.9, Resolved: TODAY - 3 },
      { ...clean, "Incident ID": "INC-003", Notifiable: "Yes", Regime: "GDPR", Detected: TODAY - 2, Contained: TODAY - 1.9, Resolved: TODAY - 1.5, Notified: TODAY - 1.8 },
      { ...clean, "Incident ID": "INC-004", Notifiable: "Yes", "Asset IDs": "A-001; A-404", "Risk IDs": "R-404", Severity: "Severe" },
    ]);
    expect(check(table)).toEqual([
      ["dates-out-of-order", at(table, "Contained", 0)],
      ["notification-overdue", at(table, "Notified", 1)],
      ["outside-list", at(table, "Severity", 3)],
      ["missing-asset", at(table, "Asset IDs", 3)],
      ["missing-risk", at(table, "Risk IDs", 3)],
      ["notifiable-without-regime", at(table, "Regime", 3)],
    ]);
  });
});

describe("Vulnerabilities", () => {
  const clean = { "Finding ID": "V-001", Title: "Old TLS", "Asset ID": "A-001", Severity: "High", Detected: TODAY - 40, Remediated: TODAY - 20, Status: "Remediated", "Risk ID": "R-001" };

  it("finds Remediated filled while Open, Remediated without a date, and a fix dated before detection", () => {
    const table = tableFor(OPTIONAL_REGISTERS.vulnerabilities, [
      clean,
      { ...clean, "Finding ID": "V-002", Status: "Open" },
      { ...clean, "Finding ID": "V-003", Remediated: null },
      { ...clean, "Finding ID": "V-004", Remediated: TODAY - 50 },
      { ...clean, "Finding ID": "V-005", "Asset ID": "A-002", Status: "Fixed" },
    ]);
    expect(check(table)).toEqual([
      ["remediated-but-open", at(table, "Status", 1)],
      ["remediated-without-date", at(table, "Remediated", 2)],
      ["dates-out-of-order", at(table, "Remediated", 3)],
      ["missing-asset", at(table, "Asset ID", 4)],
      ["outside-list", at(table, "Status", 4)],
    ]);
  });
});

describe("Access Reviews", () => {
  const clean = { "Review ID": "AR-001", "Asset ID": "A-001", Frequency: "Quarterly", "Period End": TODAY - 60, Due: TODAY - 30, Completed: TODAY - 35, "Accounts Reviewed": 40, "Exceptions Found": 2, "Access Removed": 2, Status: "Completed" };

  it("finds a review past due and not completed, more exceptions than accounts, and a blank required system", () => {
    const table = tableFor(OPTIONAL_REGISTERS.accessReviews, [
      clean,
      { ...clean, "Review ID": "AR-002", Completed: null, Status: "In progress", "Accounts Reviewed": null, "Exceptions Found": null, "Access Removed": null },
      { ...clean, "Review ID": "AR-003", "Exceptions Found": 50, "Access Removed": 50 },
      { ...clean, "Review ID": "AR-004", "Asset ID": "", Due: TODAY + 10, Completed: null, Status: "Not started" },
    ]);
    expect(check(table)).toEqual([
      ["access-review-overdue", at(table, "Completed", 1)],
      ["exceptions-above-accounts", at(table, "Exceptions Found", 2)],
      ["required-blank", at(table, "Asset ID", 3)],
    ]);
  });
});

describe("Training", () => {
  const clean = { "Campaign ID": "TR-001", Course: "Awareness", Type: "Security awareness", Launched: TODAY - 30, Due: TODAY, Assigned: 100, Completed: 90 };

  it("finds Completed above Assigned and Clicked above Emails Sent", () => {
    const table = tableFor(OPTIONAL_REGISTERS.training, [
      clean,
      { ...clean, "Campaign ID": "TR-002", Completed: 120 },
      { "Campaign ID": "TR-003", Course: "Phish", Type: "Phishing simulation", "Emails Sent": 100, Clicked: 130, Reported: 20 },
    ]);
    expect(check(table)).toEqual([
      ["completed-above-assigned", at(table, "Completed", 1)],
      ["clicked-above-sent", at(table, "Clicked", 2)],
    ]);
  });
});
