/**
 * Sixteen vendors of the sample organisation across the three tiers: hosting, payroll, support
 * desk, identity, backup and others. Six answered the questionnaire; the rest carry a score from a
 * rating service or none. BAAs are recorded when HIPAA is in scope and DPAs when GDPR is, each with
 * one critical vendor still missing its agreement. Two slips for Check: a Tier 1 vendor never
 * assessed and a Tier 1 vendor whose SOC 2 report has expired.
 */
import type { FrameworkKey } from "../frameworkKeys";
import { VENDOR_QUESTIONS } from "../registers/vendorQuestionnaire";
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

interface SampleVendor {
  name: string;
  service: string;
  owner: string;
  access: "None" | "Internal" | "Confidential" | "Restricted";
  impact: "Low" | "Medium" | "High" | "Critical";
  assessedDaysAgo: number | null;
  external: number | null;
  report: "SOC 2 Type II" | "ISO 27001 certificate" | "Other" | "None";
  /** Days from today; negative: expired. */
  reportExpiresIn: number | null;
  /** Processes personal data on the organisation's behalf. */
  processor: boolean;
  /** Handles health information (needs a BAA under HIPAA). */
  health: boolean;
  /** The agreement it should have is still missing (DPA or BAA = No). */
  agreementMissing?: boolean;
  terms: "Yes" | "No";
  risks: string;
  status: "Onboarding" | "Active" | "Offboarded";
}

const VENDORS: SampleVendor[] = [
  { name: "Northwind Cloud Hosting", service: "Infrastructure hosting for the customer portal and ERP", owner: "Infrastructure Lead", access: "Restricted", impact: "Critical", assessedDaysAgo: 90, external: null, report: "SOC 2 Type II", reportExpiresIn: 200, processor: true, health: true, terms: "Yes", risks: "R-006; R-009", status: "Active" },
  { name: "Ledgerline Payroll", service: "Outsourced payroll processing", owner: "Payroll Manager", access: "Restricted", impact: "High", assessedDaysAgo: 200, external: null, report: "ISO 27001 certificate", reportExpiresIn: 300, processor: true, health: false, terms: "Yes", risks: "R-012", status: "Active" },
  { name: "HelpHub Support Desk", service: "Customer support ticketing (SaaS)", owner: "Support Manager", access: "Confidential", impact: "High", assessedDaysAgo: 150, external: null, report: "SOC 2 Type II", reportExpiresIn: 120, processor: true, health: true, agreementMissing: true, terms: "Yes", risks: "R-004", status: "Active" },
  { name: "MailStream Delivery", service: "Transactional e-mail delivery", owner: "Engineering Manager", access: "Confidential", impact: "Medium", assessedDaysAgo: 500, external: 0.82, report: "SOC 2 Type II", reportExpiresIn: 60, processor: true, health: false, terms: "Yes", risks: "", status: "Active" },
  { name: "Quorum CRM", service: "Sales and customer relationship management", owner: "Sales Director", access: "Confidential", impact: "High", assessedDaysAgo: 330, external: null, report: "ISO 27001 certificate", reportExpiresIn: 400, processor: true, health: false, terms: "Yes", risks: "R-007", status: "Active" },
  { name: "Keystone Identity", service: "Single sign-on and multi-factor authentication", owner: "Identity Administrator", access: "Restricted", impact: "Critical", assessedDaysAgo: 60, external: null, report: "SOC 2 Type II", reportExpiresIn: 250, processor: true, health: false, terms: "Yes", risks: "R-008; R-013", status: "Active" },
  { name: "BrightPath Learning", service: "Security awareness training platform", owner: "Training Coordinator", access: "Internal", impact: "Low", assessedDaysAgo: 700, external: 0.74, report: "Other", reportExpiresIn: null, processor: false, health: false, terms: "Yes", risks: "R-021", status: "Active" },
  { name: "Sentinel SOC Services", service: "Managed detection and response, 24/7", owner: "Security Operations Lead", access: "Confidential", impact: "Critical", assessedDaysAgo: null, external: null, report: "SOC 2 Type II", reportExpiresIn: 320, processor: true, health: true, terms: "Yes", risks: "R-015", status: "Active" },
  { name: "Parcel & Post Logistics", service: "Courier for hardware shipments", owner: "Facilities Manager", access: "Internal", impact: "Medium", assessedDaysAgo: 400, external: 0.66, report: "None", reportExpiresIn: null, processor: false, health: false, terms: "No", risks: "", status: "Active" },
  { name: "Copperleaf Cleaning", service: "Office cleaning", owner: "Facilities Manager", access: "None", impact: "Low", assessedDaysAgo: 1200, external: null, report: "None", reportExpiresIn: null, processor: false, health: false, terms: "No", risks: "R-017", status: "Active" },
  { name: "Vaultline Backup", service: "Off-site and immutable backup storage", owner: "Infrastructure Lead", access: "Restricted", impact: "High", assessedDaysAgo: 250, external: null, report: "SOC 2 Type II", reportExpiresIn: -30, processor: true, health: true, terms: "Yes", risks: "R-011", status: "Active" },
  { name: "Brightside Web Agency", service: "Marketing website design and hosting", owner: "Marketing Manager", access: "Internal", impact: "Medium", assessedDaysAgo: 900, external: 0.58, report: "None", reportExpiresIn: null, processor: false, health: false, terms: "Yes", risks: "R-033", status: "Active" },
  { name: "Atlas Legal", service: "External legal counsel", owner: "General Counsel", access: "Confidential", impact: "Low", assessedDaysAgo: 300, external: 0.8, report: "Other", reportExpiresIn: null, processor: false, health: false, terms: "Yes", risks: "", status: "Active" },
  { name: "Pixel Print Services", service: "Printing of marketing material (contract ended)", owner: "Marketing Manager", access: "None", impact: "Low", assessedDaysAgo: 1500, external: null, report: "None", reportExpiresIn: null, processor: false, health: false, terms: "No", risks: "", status: "Offboarded" },
  { name: "Harbor Analytics", service: "Product usage analytics", owner: "Product Manager", access: "Confidential", impact: "Medium", assessedDaysAgo: null, external: 0.71, report: "ISO 27001 certificate", reportExpiresIn: 500, processor: true, health: false, terms: "No", risks: "R-014", status: "Onboarding" },
  { name: "MedClaim Billing", service: "Claims and billing processing", owner: "CFO", access: "Restricted", impact: "High", assessedDaysAgo: 120, external: null, report: "SOC 2 Type II", reportExpiresIn: 180, processor: true, health: true, terms: "Yes", risks: "R-023", status: "Active" },
];

export const sampleVendorId = (index: number) => `V-${String(index + 1).padStart(2, "0")}`;

/** DPA under GDPR for processors; BAA under HIPAA for vendors handling health information; blank when the framework is not in scope. */
function agreement(inScope: boolean, needed: boolean, missing: boolean | undefined): string {
  if (!inScope) return "";
  if (!needed) return "Not needed";
  return missing ? "No" : "Yes";
}

export function sampleVendors(today: Date, frameworks: readonly FrameworkKey[]): SampleRow[] {
  const gdpr = frameworks.includes("GDPR");
  const hipaa = frameworks.includes("HIPAA");
  return VENDORS.map((vendor, i) => ({
    "Vendor ID": sampleVendorId(i),
    Name: vendor.name,
    Service: vendor.service,
    Owner: vendor.owner,
    "Data Access": vendor.access,
    "Business Impact": vendor.impact,
    "Last Assessed": vendor.assessedDaysAgo === null ? null : excelDateOffset(today, -vendor.assessedDaysAgo),
    "External Score": vendor.external,
    "Contract Security Terms": vendor.terms,
    DPA: agreement(gdpr, vendor.processor, vendor.agreementMissing),
    BAA: agreement(hipaa, vendor.health, vendor.agreementMissing),
    "Assurance Report": vendor.report,
    "Report Expiry": vendor.reportExpiresIn === null ? null : excelDateOffset(today, vendor.reportExpiresIn),
    Subprocessor: vendor.processor ? "Yes" : "No",
    "Risk IDs": vendor.risks,
    Status: vendor.status,
  }));
}

/** Each answering vendor's answers to the 25 questions, in order: Y yes, P partial, N no, A n/a. */
const ANSWER_PATTERNS: ReadonlyArray<[vendor: number, answers: string]> = [
  [0, "YYYYYYYYYYYYPYYYYYYYYYYYA"],
  [1, "YYYPYYPYYYYPYYYAYPYYYPYAY"],
  [2, "YPYYYPNYPYPYPYYNYPPYYPNYP"],
  [4, "PYYYYPYYNYYPYPYPYPNPYNNAY"],
  [5, "YYYYYYYYYAYYYYAYYYYYYYYYA"],
  [10, "YYNYYYPYPYYPYYAYYYPYPYYAA"],
];

const ANSWER_WORDS: Readonly<Record<string, string>> = { Y: "Yes", P: "Partial", N: "No", A: "N/A" };

export function sampleVendorAnswers(): SampleRow[] {
  return ANSWER_PATTERNS.flatMap(([vendor, pattern]) =>
    VENDOR_QUESTIONS.map((question, q) => ({ "Vendor ID": sampleVendorId(vendor), "Question ID": question.id, Answer: ANSWER_WORDS[pattern[q]], Comment: "" })),
  );
}
