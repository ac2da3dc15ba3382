import type { Framework } from "./types";
import { flattenTree, type TreeNode } from "./tree";
import { FRAMEWORK_NAMES } from "./names";

/** A CSF category with its subcategories as `[two-digit number, label]`; numbers have gaps where 2.0 withdrew items. */
function category(id: string, title: string, subcategories: ReadonlyArray<readonly [string, string]>): TreeNode {
  return [id, title, subcategories.map(([number, label]) => [`${id}-${number}`, label] as const)];
}

const CSF: TreeNode[] = [
  ["GV", "Govern", [
    category("GV.OC", "Organizational context", [
      ["01", "Mission drives risk management"],
      ["02", "Stakeholder expectations known"],
      ["03", "Legal and contractual obligations known"],
      ["04", "Services others rely on known"],
      ["05", "Dependencies of the organization known"],
    ]),
    category("GV.RM", "Risk management strategy", [
      ["01", "Risk objectives agreed"],
      ["02", "Risk appetite and tolerance set"],
      ["03", "Cyber risk part of enterprise risk"],
      ["04", "Risk response direction set"],
      ["05", "Risk communication lines set"],
      ["06", "Standard risk scoring method"],
      ["07", "Positive risks considered"],
    ]),
    category("GV.RR", "Roles and responsibilities", [
      ["01", "Leadership accountable for cyber risk"],
      ["02", "Cyber roles established"],
      ["03", "Adequate resources allocated"],
      ["04", "Security in HR practices"],
    ]),
    category("GV.PO", "Policy", [
      ["01", "Cyber risk policy established"],
      ["02", "Policy reviewed and enforced"],
    ]),
    category("GV.OV", "Oversight", [
      ["01", "Strategy outcomes reviewed"],
      ["02", "Strategy coverage adjusted"],
      ["03", "Risk management performance evaluated"],
    ]),
    category("GV.SC", "Supply chain risk management", [
      ["01", "Supply chain risk program"],
      ["02", "Supplier and partner cyber roles"],
      ["03", "Supply chain risk integrated"],
      ["04", "Suppliers ranked by criticality"],
      ["05", "Supplier security requirements set"],
      ["06", "Supplier due diligence"],
      ["07", "Supplier risks tracked"],
      ["08", "Suppliers in incident planning"],
      ["09", "Supply chain security across lifecycle"],
      ["10", "Post-relationship supplier activities"],
    ]),
  ]],
  ["ID", "Identify", [
    category("ID.AM", "Asset management", [
      ["01", "Hardware inventory"],
      ["02", "Software, service and system inventory"],
      ["03", "Network and data flows mapped"],
      ["04", "Supplier service inventory"],
      ["05", "Assets prioritized"],
      ["07", "Data inventory and metadata"],
      ["08", "Asset lifecycle management"],
    ]),
    category("ID.RA", "Risk assessment", [
      ["01", "Asset vulnerabilities identified"],
      ["02", "Threat intelligence received"],
      ["03", "Threats identified"],
      ["04", "Impact and likelihood identified"],
      ["05", "Inherent risk understood"],
      ["06", "Risk responses chosen and tracked"],
      ["07", "Changes and exceptions risk-assessed"],
      ["08", "Vulnerability disclosure handling"],
      ["09", "Hardware and software authenticity checked"],
      ["10", "Critical suppliers assessed"],
    ]),
    category("ID.IM", "Improvement", [
      ["01", "Improvements from evaluations"],
      ["02", "Improvements from tests and exercises"],
      ["03", "Improvements from operations"],
      ["04", "Response and continuity plans maintained"],
    ]),
  ]],
  ["PR", "Protect", [
    category("PR.AA", "Identity and access control", [
      ["01", "Identities and credentials managed"],
      ["02", "Identity proofing"],
      ["03", "Users, services and hardware authenticated"],
      ["04", "Identity assertions protected"],
      ["05", "Access permissions managed"],
      ["06", "Physical access managed"],
    ]),
    category("PR.AT", "Awareness and training", [
      ["01", "General staff awareness training"],
      ["02", "Specialized role training"],
    ]),
    category("PR.DS", "Data security", [
      ["01", "Data at rest protected"],
      ["02", "Data in transit protected"],
      ["10", "Data in use protected"],
      ["11", "Backups made and tested"],
    ]),
    category("PR.PS", "Platform security", [
      ["01", "Configuration management"],
      ["02", "Software maintained and retired"],
      ["03", "Hardware maintained and retired"],
      ["04", "Logs generated for monitoring"],
      ["05", "Unauthorized software prevented"],
      ["06", "Secure software development"],
    ]),
    category("PR.IR", "Infrastructure resilience", [
      ["01", "Networks protected from misuse"],
      ["02", "Environmental threat protection"],
      ["03", "Resilience mechanisms in place"],
      ["04", "Adequate capacity maintained"],
    ]),
  ]],
  ["DE", "Detect", [
    category("DE.CM", "Continuous monitoring", [
      ["01", "Network monitoring"],
      ["02", "Physical environment monitoring"],
      ["03", "Personnel and technology use monitored"],
      ["06", "Service provider activity monitored"],
      ["09", "Hardware, software and runtime monitored"],
    ]),
    category("DE.AE", "Adverse event analysis", [
      ["02", "Adverse events analyzed"],
      ["03", "Event data correlated"],
      ["04", "Event impact and scope estimated"],
      ["06", "Event information shared with staff"],
      ["07", "Threat intel used in analysis"],
      ["08", "Incidents declared on criteria"],
    ]),
  ]],
  ["RS", "Respond", [
    category("RS.MA", "Incident management", [
      ["01", "Response plan executed"],
      ["02", "Incident reports triaged"],
      ["03", "Incidents categorized and prioritized"],
      ["04", "Incidents escalated"],
      ["05", "Recovery criteria applied"],
    ]),
    category("RS.AN", "Incident analysis", [
      ["03", "Root cause analysis"],
      ["06", "Investigation actions recorded"],
      ["07", "Incident data preserved"],
      ["08", "Incident magnitude estimated"],
    ]),
    category("RS.CO", "Incident reporting and communication", [
      ["02", "Stakeholders notified"],
      ["03", "Incident information shared"],
    ]),
    category("RS.MI", "Incident mitigation", [
      ["01", "Incidents contained"],
      ["02", "Incidents eradicated"],
    ]),
  ]],
  ["RC", "Recover", [
    category("RC.RP", "Recovery plan execution", [
      ["01", "Recovery plan executed"],
      ["02", "Recovery actions prioritized"],
      ["03", "Backups verified before restore"],
      ["04", "Post-incident operating norms set"],
      ["05", "Restored assets verified"],
      ["06", "Recovery end declared and documented"],
    ]),
    category("RC.CO", "Recovery communication", [
      ["03", "Recovery progress communicated"],
      ["04", "Public recovery updates"],
    ]),
  ]],
];

export const NISTCSF: Framework = {
  ...FRAMEWORK_NAMES.NISTCSF,
  version: "2.0",
  source: "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0 (2024)",
  requirements: flattenTree(CSF),
};
