/** Check's rules for the program registers: each planted problem is found, at its cell. */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE, VENDOR_TIERS } from "../../../src/core/blueprint/operationsScales";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkWorkbookTables } from "../../../src/core/check/checkWorkbook";
import type { TableData } from "../../../src/core/check/tableData";
import { PROGRAM_REGISTERS } from "../../../src/core/registers";
import type { RegisterDeclaration } from "../../../src/core/registers/types";
import { defaultScales } from "../../../src/core/scales";
import { columnOf, tableOf } from "../check/tables";

const TODAY = 46000;
const register = (table: string) => PROGRAM_REGISTERS.find((r) => r.table === table)!;
const headersOf = (r: RegisterDeclaration) => r.fields({ scales: defaultScales(), frameworks: [] }).map((f) => f.header);
const tableFor = (table: string, rows: Array<Record<string, CellValue>>) => tableOf(table, register(table).sheet.name, rows, headersOf(register(table)));
const risks = tableOf("Risks", "Risk Register", [{ "Risk ID": "R-001" }], ["Risk ID"]);
const controls = tableOf("Controls", "Control Matrix", [{ "Control ID": "IAM-01" }], ["Control ID"]);
const tiers = tableOf(
  OPERATIONS_SCALE_TABLES.vendorTiers,
  "Scales",
  VENDOR_TIERS.map((t) => ({ [OPS_SCALE.dataAccess]: t.dataAccess, [OPS_SCALE.businessImpact]: t.businessImpact, [OPS_SCALE.tier]: t.tier, [OPS_SCALE.reviewEvery]: t.months })),
  [OPS_SCALE.dataAccess, OPS_SCALE.businessImpact, OPS_SCALE.tier, OPS_SCALE.reviewEvery],
);

function check(...tables: TableData[]) {
  return checkWorkbookTables({ tables: [...tables, risks, controls, tiers], lists: new Map(), scales: defaultScales(), frameworks: [], today: TODAY }).map((p) => [p.code, `${p.sheet}!${p.address}`]);
}
const at = (table: TableData, header: string, bodyRow = 0) => `${table.sheet}!${columnOf(table, header)}${5 + bodyRow}`;

describe("Policies and exceptions", () => {
  const policy = { "Policy ID": "PL-01", Title: "Access control policy", Status: "Approved", Approved: TODAY - 100, "Review Every (months)": 12, "Staff Required": 50, Acknowledged: 40, "Control IDs": "IAM-01", Frameworks: "ISO 27001; SOC 2" };
  const exception = { "Exception ID": "EX-01", "Policy ID": "PL-01", Description: "Legacy system without MFA", "Risk ID": "R-001", "Approved By": "CISO", Approved: TODAY - 30, Expires: TODAY + 30, Status: "Approved" };

  it("a clean policy and exception have no problem", () => {
    expect(check(tableFor("Policies", [policy]), tableFor("PolicyExceptions", [exception]))).toEqual([]);
  });

  it("finds a policy past its review, an approved policy without a date, acknowledgements above staff and an unknown framework", () => {
    const policies = tableFor("Policies", [
      { ...policy, "Policy ID": "PL-02", Approved: TODAY - 400 },
      { ...policy, "Policy ID": "PL-03", Approved: null },
      { ...policy, "Policy ID": "PL-04", Acknowledged: 60, Frameworks: "ISO 27001; PCI DSS", "Control IDs": "XYZ-99" },
      { ...policy, "Policy ID": "PL-05", Status: "Retired", Approved: TODAY - 900 },
    ]);
    expect(check(policies)).toEqual([
      ["policy-review-overdue", at(policies, "Next Review", 0)],
      ["policy-approved-undated", at(policies, "Approved", 1)],
      ["missing-control", at(policies, "Control IDs", 2)],
      ["acknowledged-above-required", at(policies, "Acknowledged", 2)],
      ["unknown-framework", at(policies, "Frameworks", 2)],
    ]);
  });

  it("finds an approved exception past its expiry, one without a documented approval, and one pointing at no policy", () => {
    const policies = tableFor("Policies", [policy]);
    const exceptions = tableFor("PolicyExceptions", [
      { ...exception, "Exception ID": "EX-02", Expires: TODAY - 1 },
      { ...exception, "Exception ID": "EX-03", "Approved By": "" },
      { ...exception, "Exception ID": "EX-04", "Policy ID": "PL-99", Status: "Expired", Expires: TODAY - 1 },
    ]);
    expect(check(policies, exceptions)).toEqual([
      ["exception-expired", at(exceptions, "Expires", 0)],
      ["exception-undocumented", at(exceptions, "Approved By", 1)],
      ["missing-policy", at(exceptions, "Policy ID", 2)],
    ]);
  });
});

describe("Vendors and the questionnaire", () => {
  const vendor = { "Vendor ID": "V-01", Name: "Hosting", "Data Access": "Restricted", "Business Impact": "High", "Last Assessed": TODAY - 30, "Report Expiry": TODAY + 100, "Assurance Report": "SOC 2 Type II", Status: "Active" };

  it("finds a Tier 1 vendor never assessed, one whose assurance report expired and one whose report has no expiry; tiers below 1 and offboarded vendors pass", () => {
    const vendors = tableFor("Vendors", [
      vendor,
      { ...vendor, "Vendor ID": "V-02", "Last Assessed": null },
      { ...vendor, "Vendor ID": "V-03", "Report Expiry": TODAY - 1 },
      { ...vendor, "Vendor ID": "V-04", "Data Access": "Internal", "Business Impact": "Low", "Last Assessed": null, "Report Expiry": TODAY - 1 },
      { ...vendor, "Vendor ID": "V-05", Status: "Offboarded", "Last Assessed": null },
      { ...vendor, "Vendor ID": "V-06", "Data Access": "Secret" },
      { ...vendor, "Vendor ID": "V-07", "Report Expiry": null },
    ]);
    expect(check(vendors)).toEqual([
      ["tier1-never-assessed", at(vendors, "Last Assessed", 1)],
      ["assurance-expired", at(vendors, "Report Expiry", 2)],
      ["outside-list", at(vendors, "Data Access", 5)],
      ["assurance-undated", at(vendors, "Report Expiry", 6)],
    ]);
  });

  it("answers: a repeated vendor and question pair, an unknown vendor or question, an answer outside the list", () => {
    const vendors = tableFor("Vendors", [vendor]);
    const questions = tableFor("VendorQuestions", [{ "Question ID": "VQ-01", Question: "MFA?", Weight: 3 }]);
    const answers = tableFor("VendorAnswers", [
      { "Vendor ID": "V-01", "Question ID": "VQ-01", Answer: "Yes" },
      { "Vendor ID": "V-01", "Question ID": "vq-01", Answer: "No" },
      { "Vendor ID": "V-99", "Question ID": "VQ-02", Answer: "Maybe" },
    ]);
    expect(check(vendors, questions, answers)).toEqual([
      ["duplicate-id", at(answers, "Vendor ID", 0)],
      ["duplicate-id", at(answers, "Vendor ID", 1)],
      ["missing-vendor", at(answers, "Vendor ID", 2)],
      ["missing-question", at(answers, "Question ID", 2)],
      ["outside-list", at(answers, "Answer", 2)],
    ]);
  });
});

describe("Audit findings", () => {
  const finding = { "Finding ID": "AF-01", Source: "Internal audit", Framework: "ISO 27001", "Requirement ID": "A.5.15", Severity: "Minor nonconformity", Description: "x", Raised: TODAY - 60, Due: TODAY - 10, Closed: TODAY - 20, "Verified Effective": "Yes", Status: "Closed" };

  it("checks the Requirement ID against the chosen framework's catalog, and closures against verification and dates", () => {
    const findings = tableFor("AuditFindings", [
      finding,
      { ...finding, "Finding ID": "AF-02", "Requirement ID": "A.5.99" },
      { ...finding, "Finding ID": "AF-03", "Requirement ID": "a.5.15" },
      { ...finding, "Finding ID": "AF-04", Framework: "", "Requirement ID": "CC6.1" },
      { ...finding, "Finding ID": "AF-05", Framework: "SOC 2", "Requirement ID": "CC6.1", "Verified Effective": "No" },
      { ...finding, "Finding ID": "AF-06", Closed: null },
      { ...finding, "Finding ID": "AF-07", Status: "Open", "Verified Effective": "" },
      { ...finding, "Finding ID": "AF-08", Framework: "PCI DSS", "Requirement ID": "" },
    ]);
    expect(check(findings)).toEqual([
      ["unknown-requirement", at(findings, "Requirement ID", 1)],
      ["requirement-spelling", at(findings, "Requirement ID", 2)],
      ["finding-without-framework", at(findings, "Framework", 3)],
      ["closed-unverified", at(findings, "Verified Effective", 4)],
      ["closed-without-date", at(findings, "Closed", 5)],
      ["closed-but-open", at(findings, "Status", 6)],
      ["unknown-framework", at(findings, "Framework", 7)],
    ]);
  });
});
