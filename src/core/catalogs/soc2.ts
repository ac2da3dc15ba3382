import type { Framework, Requirement } from "./types";
import { flattenTree, numbered } from "./tree";
import { FRAMEWORK_NAMES, type Soc2Category } from "./names";

export { SOC2_CATEGORIES, type Soc2Category } from "./names";

type CriteriaGroup = readonly [id: string, title: string, category: Soc2Category, criteria: readonly string[]];

// Labels are written for this project; AICPA criteria text is copyrighted and not reproduced.
const GROUPS: readonly CriteriaGroup[] = [
  ["CC1", "Tone at the top and structure", "Security", [
    "Integrity and ethical values",
    "Board oversight and independence",
    "Structure, reporting lines, authority",
    "Commitment to competent staff",
    "Individual accountability",
  ]],
  ["CC2", "Information for control, shared", "Security", [
    "Quality information for controls",
    "Internal control communication",
    "External communication",
  ]],
  ["CC3", "Identifying and weighing risks", "Security", [
    "Objectives clear enough to assess risk",
    "Risks identified and analyzed",
    "Fraud risk considered",
    "Significant changes assessed",
  ]],
  ["CC4", "Evaluating whether controls work", "Security", [
    "Control evaluations performed",
    "Deficiencies communicated and fixed",
  ]],
  ["CC5", "Choosing and deploying controls", "Security", [
    "Control activities selected",
    "Technology general controls",
    "Controls deployed via policies",
  ]],
  ["CC6", "Who and what may reach systems", "Security", [
    "Logical access security architecture",
    "User registration and authorization",
    "Access changes and removal",
    "Physical access restricted",
    "Data protected at asset disposal",
    "External threats at boundaries",
    "Data movement restricted and protected",
    "Malicious software prevented",
  ]],
  ["CC7", "Detecting and handling events", "Security", [
    "Vulnerabilities and config changes detected",
    "Anomalies monitored",
    "Security events evaluated",
    "Incident response executed",
    "Recovery from incidents",
  ]],
  ["CC8", "Controlled changes", "Security", ["Changes authorized, tested, approved"]],
  ["CC9", "Disruption and vendor risk", "Security", [
    "Business disruption risk mitigated",
    "Vendor and partner risk managed",
  ]],
  ["A1", "Availability category", "Availability", [
    "Capacity managed",
    "Environmental protection, backup, recovery",
    "Recovery plan tested",
  ]],
  ["C1", "Confidentiality category", "Confidentiality", [
    "Confidential information identified",
    "Confidential information disposed",
  ]],
  ["PI1", "Processing integrity category", "Processing Integrity", [
    "Processing specifications defined",
    "System inputs complete and accurate",
    "Processing complete and accurate",
    "Outputs complete and accurate",
    "Stored data complete and accurate",
  ]],
  ["P1", "Telling people about processing", "Privacy", ["Privacy notice provided"]],
  ["P2", "People's options and agreement", "Privacy", ["Choices communicated, consent obtained"]],
  ["P3", "Gathering personal data", "Privacy", [
    "Collection limited to objectives",
    "Explicit consent where required",
  ]],
  ["P4", "Using, keeping, destroying data", "Privacy", [
    "Use limited to stated purposes",
    "Personal data retention",
    "Personal data disposal",
  ]],
  ["P5", "People see and fix their data", "Privacy", [
    "Data subjects can access their data",
    "Data subjects can correct their data",
  ]],
  ["P6", "Sharing data and breach notices", "Privacy", [
    "Disclosure to third parties with consent",
    "Authorized disclosures recorded",
    "Unauthorized disclosures recorded",
    "Third-party privacy commitments",
    "Third parties report unauthorized disclosure",
    "Breach notification",
    "Accounting of disclosures on request",
  ]],
  ["P7", "Accurate personal data", "Privacy", ["Personal data accurate and complete"]],
  ["P8", "Complaints and compliance", "Privacy", ["Privacy inquiries and complaints handled"]],
];

function groupRequirements([id, title, category, criteria]: CriteriaGroup): Requirement[] {
  return flattenTree([[id, title, numbered(id, ".", criteria)]]).map((requirement) => ({ ...requirement, category }));
}

export const SOC2: Framework = {
  ...FRAMEWORK_NAMES.SOC2,
  version: "2017 (points of focus rev. 2022)",
  source: "AICPA, 2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy (revised points of focus 2022)",
  requirements: GROUPS.flatMap(groupRequirements),
};
