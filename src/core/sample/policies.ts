/**
 * The sample organisation's policy suite: the ten policies, most approved within the year and
 * acknowledged by most staff; the change management policy is a month past its annual review and
 * the secure development policy is being rewritten. Two exceptions: one current and fully
 * documented, one whose approval lapsed last month (Check finds it).
 */
import { getFramework } from "../catalogs";
import type { FrameworkKey } from "../frameworkKeys";
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

const STAFF = 240;

interface SamplePolicy {
  title: string;
  owner: string;
  approver: string;
  version: string;
  status: "Approved" | "In review" | "Draft";
  approvedDaysAgo: number | null;
  staff: number;
  acknowledged: number;
  controls: string[];
}

const SUITE: SamplePolicy[] = [
  { title: "Information security policy", owner: "CISO", approver: "Board", version: "3.0", status: "Approved", approvedDaysAgo: 120, staff: STAFF, acknowledged: 231, controls: ["POL-01", "GOV-02"] },
  { title: "Acceptable use policy", owner: "CISO", approver: "Security committee", version: "2.2", status: "Approved", approvedDaysAgo: 200, staff: STAFF, acknowledged: 226, controls: ["POL-05", "POL-06"] },
  { title: "Access control policy", owner: "Identity Administrator", approver: "Security committee", version: "2.0", status: "Approved", approvedDaysAgo: 90, staff: 60, acknowledged: 58, controls: ["IAM-01", "IAM-02", "IAM-04"] },
  { title: "Incident response policy", owner: "Security Operations Lead", approver: "Security committee", version: "1.4", status: "Approved", approvedDaysAgo: 160, staff: 35, acknowledged: 35, controls: ["IRP-01", "IRP-02"] },
  { title: "Data classification and handling policy", owner: "Privacy Officer", approver: "Security committee", version: "1.3", status: "Approved", approvedDaysAgo: 300, staff: STAFF, acknowledged: 204, controls: ["AST-04", "AST-06"] },
  { title: "Vendor management policy", owner: "Procurement Lead", approver: "CFO", version: "1.1", status: "Approved", approvedDaysAgo: 75, staff: 18, acknowledged: 17, controls: ["VND-01", "VND-02", "VND-03"] },
  { title: "Change management policy", owner: "IT Operations Manager", approver: "CIO", version: "1.5", status: "Approved", approvedDaysAgo: 400, staff: 55, acknowledged: 49, controls: ["CHG-01", "CHG-02"] },
  { title: "Business continuity and backup policy", owner: "Infrastructure Lead", approver: "CIO", version: "1.2", status: "Approved", approvedDaysAgo: 240, staff: 30, acknowledged: 27, controls: ["BCM-01", "BCM-02", "BCM-04"] },
  { title: "Cryptography policy", owner: "CISO", approver: "Security committee", version: "1.0", status: "Approved", approvedDaysAgo: 45, staff: 40, acknowledged: 31, controls: ["CRY-01", "CRY-04"] },
  { title: "Secure development policy", owner: "Engineering Manager", approver: "CTO", version: "0.9", status: "In review", approvedDaysAgo: null, staff: 35, acknowledged: 0, controls: ["SDL-01", "SDL-03"] },
];

export function samplePolicies(today: Date, frameworks: readonly FrameworkKey[]): SampleRow[] {
  const names = frameworks.map((key) => getFramework(key).shortName).join("; ");
  return SUITE.map((policy, i) => ({
    "Policy ID": `PL-${String(i + 1).padStart(2, "0")}`,
    Title: policy.title,
    Owner: policy.owner,
    Approver: policy.approver,
    Version: policy.version,
    Status: policy.status,
    Approved: policy.approvedDaysAgo === null ? null : excelDateOffset(today, -policy.approvedDaysAgo),
    "Review Every (months)": 12,
    "Staff Required": policy.staff,
    Acknowledged: policy.acknowledged,
    "Control IDs": policy.controls.join("; "),
    Frameworks: names,
  }));
}

export function samplePolicyExceptions(today: Date): SampleRow[] {
  return [
    {
      "Exception ID": "EX-01",
      "Policy ID": "PL-03",
      Description: "The legacy document system cannot enforce multi-factor sign-in",
      Justification: "The vendor has no MFA support in this version; replacement is planned for next year",
      "Compensating Controls": "Reachable only from the office network; access reviewed monthly; sign-ins alerted in the SIEM",
      "Risk ID": "R-028",
      "Requested By": "IT Operations Manager",
      "Approved By": "Security committee",
      Approved: excelDateOffset(today, -60),
      Expires: excelDateOffset(today, 120),
      Status: "Approved",
    },
    {
      "Exception ID": "EX-02",
      "Policy ID": "PL-09",
      Description: "Payroll file transfers use a cipher suite below the cryptography standard",
      Justification: "The payroll processor's gateway supports nothing stronger until its upgrade",
      "Compensating Controls": "Files are encrypted before transfer; the link is restricted to the processor's addresses",
      "Risk ID": "R-012",
      "Requested By": "Payroll Manager",
      "Approved By": "CISO",
      Approved: excelDateOffset(today, -200),
      Expires: excelDateOffset(today, -20),
      Status: "Approved",
    },
  ];
}
