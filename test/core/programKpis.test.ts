/** The program KPIs and the vendor questionnaire score in TypeScript, over hand-made registers, against figures worked out by hand. */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE, VENDOR_TIERS } from "../../src/core/blueprint/operationsScales";
import type { TableData } from "../../src/core/check/tableData";
import { rowViews } from "../../src/core/check/tableData";
import { addMonths } from "../../src/core/excelDate";
import { computeProgramKpis, PROGRAM_KPIS } from "../../src/core/programKpis";
import { questionnaireScore, vendorScore, vendorTier } from "../../src/core/registers/vendors";
import { tableOf } from "./check/tables";

const TODAY = 46000;

const policies = tableOf("Policies", "Policies", [
  { "Policy ID": "P1", Status: "Approved", Approved: TODAY - 100, "Review Every (months)": 12, "Staff Required": 100, Acknowledged: 90 },
  { "Policy ID": "P2", Status: "Approved", Approved: TODAY - 400, "Review Every (months)": 12, "Staff Required": 50, Acknowledged: 50 },
  { "Policy ID": "P3", Status: "Approved", Approved: TODAY - 30, "Review Every (months)": 12, "Staff Required": 50, Acknowledged: 20 },
  { "Policy ID": "P4", Status: "Draft", "Staff Required": 500, Acknowledged: 0 },
], ["Policy ID", "Status", "Approved", "Review Every (months)", "Staff Required", "Acknowledged"]);

const exceptions = tableOf("PolicyExceptions", "Policy Exceptions", [
  { "Exception ID": "E1", Status: "Approved", "Approved By": "CISO", Approved: TODAY - 10, Expires: TODAY + 10 },
  { "Exception ID": "E2", Status: "Approved", "Approved By": "", Approved: TODAY - 10, Expires: TODAY - 1 },
  { "Exception ID": "E3", Status: "Approved", "Approved By": "CFO", Approved: null },
  { "Exception ID": "E4", Status: "Requested" },
], ["Exception ID", "Status", "Approved By", "Approved", "Expires"]);

const vendorTiers = tableOf(
  OPERATIONS_SCALE_TABLES.vendorTiers,
  "Scales",
  VENDOR_TIERS.map((t) => ({ [OPS_SCALE.dataAccess]: t.dataAccess, [OPS_SCALE.businessImpact]: t.businessImpact, [OPS_SCALE.tier]: t.tier, [OPS_SCALE.reviewEvery]: t.months })),
  [OPS_SCALE.dataAccess, OPS_SCALE.businessImpact, OPS_SCALE.tier, OPS_SCALE.reviewEvery],
);

const vendors = tableOf("Vendors", "Vendors", [
  { "Vendor ID": "V1", "Data Access": "Restricted", "Business Impact": "High", "Last Assessed": TODAY - 100, Status: "Active", DPA: "Yes", BAA: "No" },
  { "Vendor ID": "V2", "Data Access": "Confidential", "Business Impact": "Medium", "Last Assessed": TODAY - 1000, "External Score": 0.6, Status: "Active", DPA: "No", BAA: "No" },
  { "Vendor ID": "V3", "Data Access": "Internal", "Business Impact": "Low", Status: "Active", "External Score": 0.9 },
  { "Vendor ID": "V4", "Data Access": "Restricted", "Business Impact": "Critical", "Last Assessed": TODAY - 10, Status: "Offboarded", DPA: "No" },
  { "Vendor ID": "V5", "Data Access": "Confidential", "Business Impact": "Critical", "Last Assessed": TODAY - 10, Status: "Active", DPA: "No", BAA: "No" },
], ["Vendor ID", "Data Access", "Business Impact", "Last Assessed", "External Score", "Status", "DPA", "BAA"]);

const questions = tableOf("VendorQuestions", "Vendor Questions", [
  { "Question ID": "Q1", Weight: 3 },
  { "Question ID": "Q2", Weight: 2 },
  { "Question ID": "Q3", Weight: 1 },
  { "Question ID": "Q4", Weight: 4 },
], ["Question ID", "Weight"]);

const answers = tableOf("VendorAnswers", "Vendor Answers", [
  { "Vendor ID": "V1", "Question ID": "Q1", Answer: "Yes" },
  { "Vendor ID": "V1", "Question ID": "Q2", Answer: "Partial" },
  { "Vendor ID": "V1", "Question ID": "Q3", Answer: "No" },
  { "Vendor ID": "V1", "Question ID": "Q4", Answer: "N/A" },
  { "Vendor ID": "v5", "Question ID": "Q4", Answer: "N/A" },
], ["Vendor ID", "Question ID", "Answer"]);

const findings = tableOf("AuditFindings", "Audit Findings", [
  { "Finding ID": "F1", Status: "Open", Due: TODAY - 5 },
  { "Finding ID": "F2", Status: "In progress", Due: TODAY + 5 },
  { "Finding ID": "F3", Status: "In progress", Due: TODAY - 1 },
  { "Finding ID": "F4", Status: "Closed", Due: TODAY - 50 },
  { "Finding ID": "F5", Status: "Risk accepted", Due: TODAY - 50 },
], ["Finding ID", "Status", "Due"]);

const controls = tableOf("Controls", "Control Matrix", [
  { "Control ID": "C1", "Evidence Method": "Automated" },
  { "Control ID": "C2", "Evidence Method": "Manual" },
  { "Control ID": "C3", "Evidence Method": "Manual" },
  { "Control ID": "C4", "Evidence Method": "" },
], ["Control ID", "Evidence Method"]);

const tables = new Map<string, TableData>([policies, exceptions, vendorTiers, vendors, questions, answers, findings, controls].map((t) => [t.name.toLowerCase(), t]));
const context = { today: TODAY, now: TODAY, tables };

describe("program KPIs", () => {
  const kpis = computeProgramKpis(context);

  it("has the issue's ten indicators with their exact labels, each with a target", () => {
    expect(PROGRAM_KPIS.map((k) => k.label)).toEqual([
      "Policies reviewed on time",
      "Policy acknowledgement",
      "Open policy exceptions",
      "Exceptions with documented approval",
      "Third-party assessments current",
      "Average third-party score",
      "Critical vendors without a DPA or BAA",
      "Open audit findings",
      "Overdue audit findings",
      "Evidence collection automation",
    ]);
    expect(PROGRAM_KPIS.every((k) => typeof k.target === "number")).toBe(true);
  });

  it("computes each from the rows", () => {
    // P2 is past its review; the draft is left out of both.
    expect(kpis["prog:policiesOnTime"]).toBeCloseTo(2 / 3);
    expect(kpis["prog:policyAcknowledgement"]).toBeCloseTo(160 / 200);
    // E2 expired; E1 and E3 (no expiry) are open; of the three approved, E1 alone names who and when.
    expect(kpis["prog:openExceptions"]).toBe(2);
    expect(kpis["prog:exceptionsDocumented"]).toBeCloseTo(1 / 3);
    // Active: V1 current, V2 overdue (tier 2 = 24 months), V3 never assessed, V5 current.
    expect(kpis["prog:assessmentsCurrent"]).toBeCloseTo(2 / 4);
    // V1 questionnaire (3·1 + 2·0.5 + 1·0) / 6; V2 and V3 external; V5 answered only N/A and has no external score.
    expect(kpis["prog:averageVendorScore"]).toBeCloseTo((4 / 6 + 0.6 + 0.9) / 3);
    // Tier 1 and active: V1 (BAA No) and V5 (both No) count once each; V4 is offboarded.
    expect(kpis["prog:criticalWithoutAgreement"]).toBe(2);
    expect(kpis["prog:openFindings"]).toBe(3);
    expect(kpis["prog:overdueFindings"]).toBe(2);
    expect(kpis["prog:evidenceAutomation"]).toBeCloseTo(1 / 3);
  });

  it("shows nothing where there is nothing to measure", () => {
    const empty = computeProgramKpis({ today: TODAY, now: TODAY, tables: new Map() });
    expect(empty["prog:policiesOnTime"]).toBeUndefined();
    expect(empty["prog:averageVendorScore"]).toBeUndefined();
    expect(empty["prog:openFindings"]).toBe(0);
  });
});

describe("vendor tier and questionnaire score", () => {
  const rows = rowViews(vendors);

  it("takes the tier from data access × impact in VendorTiers", () => {
    expect(rows.map((r) => vendorTier(r, context))).toEqual([1, 2, 3, 1, 1]);
  });

  it("is Σ weight × credit ÷ Σ weight with N/A left out, and falls back to the external score", () => {
    expect(questionnaireScore(rows[0], context)).toBeCloseTo(4 / 6);
    expect(questionnaireScore(rows[1], context)).toBeUndefined();
    // Answers keyed "v5" match V5 as COUNTIFS does, but only N/A: no score from the questionnaire.
    expect(questionnaireScore(rows[4], context)).toBeUndefined();
    expect(vendorScore(rows[1], context)).toBe(0.6);
    expect(vendorScore(rows[4], context)).toBeUndefined();
  });

  it("follows an edited scale", () => {
    const edited = tableOf(OPERATIONS_SCALE_TABLES.vendorTiers, "Scales", [{ [OPS_SCALE.dataAccess]: "Internal", [OPS_SCALE.businessImpact]: "Low", [OPS_SCALE.tier]: 2, [OPS_SCALE.reviewEvery]: 6 }], [
      OPS_SCALE.dataAccess,
      OPS_SCALE.businessImpact,
      OPS_SCALE.tier,
      OPS_SCALE.reviewEvery,
    ]);
    const withEdit = { ...context, tables: new Map([...tables, [edited.name.toLowerCase(), edited]]) };
    expect(vendorTier(rows[2], withEdit)).toBe(2);
    expect(vendorTier(rows[0], withEdit)).toBeUndefined();
  });
});

describe("EDATE in TypeScript", () => {
  it("keeps the day, or the month's last day when it is shorter", () => {
    const jan31 = 46053; // 2026-01-31
    expect(addMonths(jan31, 1)).toBe(46081); // 2026-02-28
    expect(addMonths(jan31, 12)).toBe(46418); // 2027-01-31
    expect(addMonths(46000, -1)).toBe(45970); // 2025-12-09 → 2025-11-09
  });
});
