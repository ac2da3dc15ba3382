/**
 * The program KPIs of the registers every workbook has (policies, exceptions, vendors, audit
 * findings, the Control Matrix's evidence method): label, portable formula and the same
 * computation in TypeScript, declared as the operations and governance KPIs are. COUNTIFS/SUMIFS/AVERAGEIFS over
 * whole table columns only, so the cost grows with the rows.
 */
import { CONTROL, CONTROLS_TABLE } from "./blueprint/controlMatrix";
import { tableColumn } from "./blueprint/types";
import type { RowView } from "./check/tableData";
import { average, defined, is, rowsOf, share, sum } from "./kpiRows";
import type { OperationsKpi } from "./operationsKpis";
import { AUDIT_FINDING, AUDIT_FINDINGS_TABLE, isOpenFinding } from "./registers/auditFindings";
import { exceptionExpired, POLICIES_TABLE, POLICY, POLICY_EXCEPTION, POLICY_EXCEPTIONS_TABLE, policyReviewOverdue } from "./registers/policies";
import type { ComputeContext } from "./registers/types";
import { numberIn } from "./registers/values";
import { VENDOR, VENDORS_TABLE, vendorAssessmentOverdue, vendorScore, vendorTier } from "./registers/vendors";

export const PROGRAM_SECTION = "Policies, vendors and audit" as const;

const pol = (c: string) => tableColumn(POLICIES_TABLE, c);
const exc = (c: string) => tableColumn(POLICY_EXCEPTIONS_TABLE, c);
const ven = (c: string) => tableColumn(VENDORS_TABLE, c);
const fnd = (c: string) => tableColumn(AUDIT_FINDINGS_TABLE, c);
const ctl = (c: string) => tableColumn(CONTROLS_TABLE, c);

const approvedPolicies = (c: ComputeContext) => rowsOf(c, POLICIES_TABLE).filter((r) => is(r, POLICY.status, "Approved"));
const approvedExceptions = (c: ComputeContext) => rowsOf(c, POLICY_EXCEPTIONS_TABLE).filter((r) => is(r, POLICY_EXCEPTION.status, "Approved"));
const activeVendors = (c: ComputeContext) => rowsOf(c, VENDORS_TABLE).filter((r) => is(r, VENDOR.status, "Active"));
const openFindings = (c: ComputeContext) => rowsOf(c, AUDIT_FINDINGS_TABLE).filter(isOpenFinding);
const lacking = (r: RowView) => is(r, VENDOR.dpa, "No") || is(r, VENDOR.baa, "No");

const TIER1 = `${ven(VENDOR.status)},"Active",${ven(VENDOR.tier)},1`;
const OPEN_STATUSES = ["Open", "In progress"];
/** COUNTIFS over open findings: one COUNTIFS per open status, added. */
const openFindingCount = (more = "") => OPEN_STATUSES.map((s) => `COUNTIFS(${fnd(AUDIT_FINDING.status)},"${s}"${more})`).join("+");

export const PROGRAM_KPIS: readonly OperationsKpi[] = [
  {
    key: "prog:policiesOnTime",
    label: "Policies reviewed on time",
    format: "percent",
    target: 1,
    better: "Higher",
    formula: `=IFERROR(COUNTIFS(${pol(POLICY.status)},"Approved",${pol(POLICY.reviewOverdue)},"No")/COUNTIFS(${pol(POLICY.status)},"Approved"),"")`,
    compute: (c) => {
      const approved = approvedPolicies(c);
      return share(approved.filter((r) => policyReviewOverdue(r, c.today) === "No").length, approved.length);
    },
  },
  {
    key: "prog:policyAcknowledgement",
    label: "Policy acknowledgement",
    format: "percent",
    target: 0.95,
    better: "Higher",
    formula: `=IFERROR(SUMIFS(${pol(POLICY.acknowledged)},${pol(POLICY.status)},"Approved")/SUMIFS(${pol(POLICY.staffRequired)},${pol(POLICY.status)},"Approved"),"")`,
    compute: (c) => {
      const approved = approvedPolicies(c);
      return share(sum(approved, POLICY.acknowledged), sum(approved, POLICY.staffRequired));
    },
  },
  {
    key: "prog:openExceptions",
    label: "Open policy exceptions",
    format: "count",
    target: 5,
    better: "Lower",
    formula: `=COUNTIFS(${exc(POLICY_EXCEPTION.status)},"Approved")-COUNTIFS(${exc(POLICY_EXCEPTION.status)},"Approved",${exc(POLICY_EXCEPTION.expires)},"<"&TODAY())`,
    compute: (c) => approvedExceptions(c).filter((r) => !exceptionExpired(r, c.today)).length,
  },
  {
    key: "prog:exceptionsDocumented",
    label: "Exceptions with documented approval",
    format: "percent",
    target: 1,
    better: "Higher",
    formula: `=IFERROR(COUNTIFS(${exc(POLICY_EXCEPTION.status)},"Approved",${exc(POLICY_EXCEPTION.approvedBy)},"<>",${exc(POLICY_EXCEPTION.approved)},"<>")/COUNTIFS(${exc(POLICY_EXCEPTION.status)},"Approved"),"")`,
    compute: (c) => {
      const approved = approvedExceptions(c);
      return share(approved.filter((r) => r.text(POLICY_EXCEPTION.approvedBy) !== "" && r.text(POLICY_EXCEPTION.approved) !== "").length, approved.length);
    },
  },
  {
    key: "prog:assessmentsCurrent",
    label: "Third-party assessments current",
    format: "percent",
    target: 0.9,
    better: "Higher",
    formula: `=IFERROR(COUNTIFS(${ven(VENDOR.status)},"Active",${ven(VENDOR.assessmentOverdue)},"No")/COUNTIFS(${ven(VENDOR.status)},"Active"),"")`,
    compute: (c) => {
      const active = activeVendors(c);
      return share(active.filter((r) => vendorAssessmentOverdue(r, c) === "No").length, active.length);
    },
  },
  {
    key: "prog:averageVendorScore",
    label: "Average third-party score",
    format: "percent",
    target: 0.75,
    better: "Higher",
    formula: `=IFERROR(AVERAGEIFS(${ven(VENDOR.score)},${ven(VENDOR.status)},"Active"),"")`,
    compute: (c) => average(defined(activeVendors(c).map((r) => vendorScore(r, c)))),
  },
  {
    key: "prog:criticalWithoutAgreement",
    label: "Critical vendors without a DPA or BAA",
    format: "count",
    target: 0,
    better: "Lower",
    formula: `=COUNTIFS(${TIER1},${ven(VENDOR.dpa)},"No")+COUNTIFS(${TIER1},${ven(VENDOR.baa)},"No")-COUNTIFS(${TIER1},${ven(VENDOR.dpa)},"No",${ven(VENDOR.baa)},"No")`,
    compute: (c) => activeVendors(c).filter((r) => vendorTier(r, c) === 1 && lacking(r)).length,
  },
  {
    key: "prog:openFindings",
    label: "Open audit findings",
    format: "count",
    target: 5,
    better: "Lower",
    formula: `=${openFindingCount()}`,
    compute: (c) => openFindings(c).length,
  },
  {
    key: "prog:overdueFindings",
    label: "Overdue audit findings",
    format: "count",
    target: 0,
    better: "Lower",
    formula: `=${openFindingCount(`,${fnd(AUDIT_FINDING.due)},"<"&TODAY()`)}`,
    compute: (c) =>
      openFindings(c).filter((r) => {
        const due = numberIn(r, AUDIT_FINDING.due);
        return due !== undefined && due < c.today;
      }).length,
  },
  {
    key: "prog:evidenceAutomation",
    label: "Evidence collection automation",
    format: "percent",
    target: 0.5,
    better: "Higher",
    formula: `=IFERROR(COUNTIFS(${ctl(CONTROL.evidenceMethod)},"Automated")/(COUNTIFS(${ctl(CONTROL.evidenceMethod)},"Automated")+COUNTIFS(${ctl(CONTROL.evidenceMethod)},"Manual")),"")`,
    compute: (c) => {
      const controls = rowsOf(c, CONTROLS_TABLE).filter((r) => is(r, CONTROL.evidenceMethod, "Automated") || is(r, CONTROL.evidenceMethod, "Manual"));
      return share(controls.filter((r) => is(r, CONTROL.evidenceMethod, "Automated")).length, controls.length);
    },
  },
];

/** Every program KPI by key ("prog:openFindings"); undefined where there is nothing to measure. */
export function computeProgramKpis(context: ComputeContext): Record<string, number | undefined> {
  return Object.fromEntries(PROGRAM_KPIS.map((k) => [k.key, k.compute(context)]));
}
