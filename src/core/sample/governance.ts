/**
 * The sample organisation's governance: a charter approved eleven months ago, the roadmap a year
 * in, the people in each role, a RACI over the eight elements, a year of meetings (security
 * committee every two months, quarterly management reviews, two board sessions) and this
 * quarter's resource requests. Rows without sample data are the templates every workbook gets.
 */
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

const PHASES = [
  { phase: "Establish governance", start: 1, end: 2, owner: "CISO", status: "Complete", done: 1, evidence: "Charter approved; steering committee formed (Program sheet)" },
  { phase: "Risk assessment", start: 3, end: 6, owner: "CISO", status: "Complete", done: 1, evidence: "Risk Register and Asset Inventory baselined" },
  { phase: "Policies", start: 4, end: 8, owner: "CISO", status: "In progress", done: 0.9, evidence: "Policy suite approved except secure development" },
  { phase: "Controls", start: 6, end: 16, owner: "CIO", status: "In progress", done: 0.6, evidence: "Control Matrix status; MFA and EDR rolled out" },
  { phase: "Monitoring", start: 10, end: 16, owner: "Security Operations Lead", status: "In progress", done: 0.45, evidence: "Dashboard and KPI History; SIEM onboarding" },
  { phase: "Continuous improvement", start: 17, end: null, owner: "CISO", status: "In progress", done: 0.25, evidence: "Quarterly management reviews" },
] as const;

export function sampleRoadmap(sample: boolean, _today: Date): SampleRow[] {
  return PHASES.map((p) => ({
    Phase: p.phase,
    "Start Week": p.start,
    "End Week": p.end,
    Owner: sample ? p.owner : "",
    Status: sample ? p.status : "Not started",
    "Done %": sample ? p.done : 0,
    Evidence: sample ? p.evidence : "",
  }));
}

const ROLES = [
  { role: "Chief Information Security Officer", person: "Alex Morgan", committee: "Yes", daysAgo: 400, duties: "Owns the program: roadmap, risk register, policies and reporting; chairs the security committee." },
  { role: "Chief Executive Officer", person: "Jordan Ellis", committee: "Yes", daysAgo: 1500, duties: "Executive sponsor: approves the charter, budget and policies; chairs the management review." },
  { role: "Chief Financial Officer", person: "Priya Natarajan", committee: "Yes", daysAgo: 900, duties: "Budget; vendor contracts; accepts risks above appetite with the CEO." },
  { role: "Chief Information Officer", person: "Sam Okafor", committee: "Yes", daysAgo: 700, duties: "IT operations, asset inventory and access control." },
  { role: "Privacy Officer", person: "Lena Fischer", committee: "Yes", daysAgo: 500, duties: "Personal data, impact assessments and breach notification." },
  { role: "HR Director", person: "Chris Doyle", committee: "Yes", daysAgo: 1100, duties: "Screening, joiners and leavers, awareness training." },
  { role: "Security Operations Lead", person: "Maya Chen", committee: "Yes", daysAgo: 380, duties: "Monitoring, incident response and vulnerability management." },
  { role: "Legal Counsel", person: "Ravi Shah", committee: "No", daysAgo: 800, duties: "Contract security terms, DPAs and BAAs, regulatory notices." },
  { role: "Procurement Lead", person: "Tomás Ruiz", committee: "No", daysAgo: 600, duties: "Vendor onboarding and assessments." },
  { role: "Internal Audit", person: "Grace Lin", committee: "No", daysAgo: 1000, duties: "Independent assurance; raises and follows up audit findings." },
] as const;

export function sampleRoles(sample: boolean, today: Date): SampleRow[] {
  return ROLES.map((r) => ({
    Role: r.role,
    Person: sample ? r.person : "",
    Responsibilities: r.duties,
    "Committee Member": r.committee,
    Appointed: sample ? excelDateOffset(today, -r.daysAgo) : null,
  }));
}

/** Two activities per element, each element with one Accountable. Roles by short name. */
const RACI_ROWS: ReadonlyArray<readonly [string, string, string, string, string, string]> = [
  ["Governance", "Approve the charter, scope and budget", "CISO", "CEO", "CFO", "Board"],
  ["Governance", "Run the quarterly management review", "CISO", "CEO", "Security committee", "Board"],
  ["Risk management", "Identify, assess and score risks", "Risk owners", "CISO", "CIO; CFO", "CEO"],
  ["Risk management", "Approve treatment plans and risk acceptances", "Risk owners", "CISO", "CFO", "Security committee"],
  ["Policies", "Write and review policies every year", "CISO", "CEO", "Legal Counsel; HR Director", "All staff"],
  ["Policies", "Approve policy exceptions", "CISO", "CEO", "Risk owners", "Internal Audit"],
  ["Asset management", "Keep the asset inventory current", "Asset owners", "CIO", "CISO", "Security committee"],
  ["Asset management", "Classify information and systems", "Asset owners", "CIO", "Privacy Officer", "All staff"],
  ["Access control", "Grant and remove access for joiners, movers and leavers", "System owners", "CIO", "HR Director", "CISO"],
  ["Access control", "Run the quarterly access reviews", "System owners", "CIO", "CISO", "Internal Audit"],
  ["Incident response", "Detect, contain and resolve incidents", "Security Operations Lead", "CISO", "CIO; Legal Counsel", "CEO"],
  ["Incident response", "Notify regulators and the people affected", "Privacy Officer", "CISO", "Legal Counsel", "CEO; Board"],
  ["Vendor management", "Assess vendors before contract and on cadence", "Procurement Lead", "CFO", "CISO; Legal Counsel", "Business owners"],
  ["Vendor management", "Put security terms, DPAs and BAAs in contracts", "Legal Counsel", "CFO", "Privacy Officer", "CISO"],
  ["Training and awareness", "Run awareness training and onboarding", "HR Director", "HR Director", "CISO", "All staff"],
  ["Training and awareness", "Run phishing simulations", "Security Operations Lead", "HR Director", "CISO", "All staff"],
];

export function sampleRaci(): SampleRow[] {
  return RACI_ROWS.map(([Element, Activity, Responsible, Accountable, Consulted, Informed]) => ({ Element, Activity, Responsible, Accountable, Consulted, Informed }));
}

const MEETINGS = [
  { daysAgo: 350, forum: "Management review", next: 90, attendees: "CEO, CFO, CISO, CIO", decisions: "Charter and first-year budget approved; risk appetite set.", actions: "CISO to baseline the risk register by week 6." },
  { daysAgo: 330, forum: "Security committee", next: 60, attendees: "Steering committee", decisions: "Roadmap phases and owners agreed.", actions: "Policy owners to draft the minimum suite." },
  { daysAgo: 270, forum: "Security committee", next: 60, attendees: "Steering committee", decisions: "Seven policies sent for approval.", actions: "CIO to plan MFA roll-out." },
  { daysAgo: 260, forum: "Management review", next: 90, attendees: "CEO, CFO, CISO", decisions: "Policies approved; MFA funded.", actions: "CISO to report coverage quarterly." },
  { daysAgo: 200, forum: "Board", next: 155, attendees: "Board, CEO, CISO", decisions: "Board accepted the program's risk appetite.", actions: "CEO to report twice a year." },
  { daysAgo: 190, forum: "Security committee", next: 60, attendees: "Steering committee", decisions: "Vendor tiering adopted.", actions: "Procurement to assess Tier 1 vendors." },
  { daysAgo: 170, forum: "Management review", next: 90, attendees: "CEO, CFO, CISO, Privacy Officer", decisions: "EDR purchase approved; two risks accepted.", actions: "Security Operations to cut MTTD below 24 h." },
  { daysAgo: 130, forum: "Security committee", next: 60, attendees: "Steering committee", decisions: "Incident playbooks approved.", actions: "Run a tabletop exercise." },
  { daysAgo: 80, forum: "Management review", next: 90, attendees: "CEO, CFO, CISO, CIO", decisions: "Managed detection service approved; hiring deferred.", actions: "CISO to bring PAM costs next quarter." },
  { daysAgo: 70, forum: "Security committee", next: 60, attendees: "Steering committee", decisions: "Access review findings assigned.", actions: "System owners to close exceptions." },
  { daysAgo: 45, forum: "Board", next: 180, attendees: "Board, CEO, CISO", decisions: "Board reviewed incidents and the year-one roadmap.", actions: "CISO to present the audit plan." },
  { daysAgo: 10, forum: "Security committee", next: 60, attendees: "Steering committee", decisions: "Audit findings plan agreed.", actions: "Owners to close major findings by quarter end." },
] as const;

export function sampleMeetings(today: Date): SampleRow[] {
  return MEETINGS.map((m, i) => ({
    "Meeting ID": `MTG-${String(i + 1).padStart(3, "0")}`,
    Date: excelDateOffset(today, -m.daysAgo),
    Forum: m.forum,
    Attendees: m.attendees,
    Decisions: m.decisions,
    Actions: m.actions,
    "Next Meeting": excelDateOffset(today, m.next - m.daysAgo),
  }));
}

export function sampleResourceRequests(): SampleRow[] {
  return [
    { Request: "Managed detection and response service", Amount: 48000, Justification: "Out-of-hours detection: mean time to detect missed its 24-hour target twice.", Decision: "Approved" },
    { Request: "Second security engineer", Amount: 95000, Justification: "Vulnerability backlog past SLA and the audit findings plan need a second pair of hands.", Decision: "Deferred" },
    { Request: "Privileged access management tool", Amount: 22000, Justification: "Shared admin accounts behind two access-review exceptions.", Decision: "Approved in part" },
    { Request: "External penetration test", Amount: 15000, Justification: "Annual test of the customer-facing application before the certification audit.", Decision: "Pending" },
  ];
}

/** Charter values of the sample organisation (the Program sheet's Field/Value block). */
export function sampleCharter(today: Date, organisation: string): Record<string, string | number> {
  return {
    "Program Name": `${organisation || "Sample organisation"} information security program`,
    "Program Owner": "Alex Morgan, CISO",
    Scope: "All staff, systems and data of the organisation, its offices and its cloud services",
    Authority: "Set security policy, require controls, stop a change that breaks policy, and report to the board",
    "Approved By": "Jordan Ellis, CEO",
    "Approved On": excelDateOffset(today, -350),
    "Next Charter Review": excelDateOffset(today, 15),
    "Budget Approved": 250000,
    "Budget Spent": 183500,
    "Reporting Line": "CISO reports to the CEO; quarterly to the board",
  };
}
