/**
 * Eleven findings from the sample organisation's audit year: certification and internal audits, a
 * penetration test, a self-assessment and a regulator's visit. Most older ones are closed and
 * verified; one open action is past its due date; one was accepted as a risk; one was closed
 * without a check that the action worked (Check finds it). Each is raised against a requirement
 * of a framework in scope, the one the related library control maps to.
 */
import { getFramework } from "../catalogs";
import { CONTROL_LIBRARY } from "../controls";
import type { FrameworkKey } from "../frameworkKeys";
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

type Spec = [source: string, severity: string, control: string, description: string, rootCause: string, action: string, owner: string, raisedDaysAgo: number, dueAfterDays: number, closedAfterDays: number | null, verified: string, status: string];

const SPECS: Spec[] = [
  ["External audit", "Minor nonconformity", "IAM-04", "Administrator sign-in to the ERP did not require a second factor", "The ERP was left out of the MFA roll-out scope", "Enforce MFA on ERP administration; add ERP to the MFA scope list", "CFO", 250, 60, 65, "Yes", "Closed"],
  ["Internal audit", "Minor nonconformity", "IAM-02", "Three leavers' accounts were still active a week after their last day", "HR leaver notices reached IT by e-mail only, and were missed", "Automate account disablement from the HR system's leaver event", "Identity Administrator", 220, 45, 50, "Yes", "Closed"],
  ["Internal audit", "Observation", "CRY-04", "Key rotation for the backup encryption keys is not evidenced", "Rotation is manual and not logged", "Accepted until the key vault migration; rotation to be logged meanwhile", "Infrastructure Lead", 210, 90, null, "", "Risk accepted"],
  ["Certification audit", "Minor nonconformity", "AST-02", "Cloud services are missing from the asset inventory", "Teams subscribe to services on company cards without telling IT", "Add card-spend review to the monthly inventory update", "IT Operations Manager", 170, 60, 62, "", "Closed"],
  ["Certification audit", "Major nonconformity", "GOV-04", "No management review of the security program in the last twelve months", "The review was not on the leadership calendar", "Quarterly management review scheduled; first review held and minuted", "CISO", 150, 90, 84, "Yes", "Closed"],
  ["External audit", "Minor nonconformity", "CHG-01", "Emergency changes were made without recorded approval", "The emergency change path had no approval step in the ticketing tool", "Add a retrospective approval step for emergency changes", "IT Operations Manager", 120, 90, null, "", "In progress"],
  ["Penetration test", "Observation", "NET-02", "Office laptops can reach the backup servers' management ports", "Network segmentation stopped at the data centre edge", "Move backup management to its own segment behind the jump host", "Network Engineer", 100, 120, null, "", "In progress"],
  ["Self-assessment", "Opportunity for improvement", "BCM-04", "Restore tests are not recorded for two of the file servers", "Test results were kept in personal notes", "Record every restore test in the backup log", "Infrastructure Lead", 80, 90, null, "", "Open"],
  ["Internal audit", "Minor nonconformity", "VND-04", "Two critical suppliers were not reviewed in the last year", "The review calendar lived in a former employee's mailbox", "Review dates now come from the Vendors register's Next Assessment", "Procurement Lead", 60, 90, null, "", "Open"],
  ["Regulator", "Observation", "IRP-04", "The breach notification procedure does not list the regulators to contact", "The procedure predates the new data protection role", "Add regulator contacts and thresholds to the procedure", "Privacy Officer", 40, 90, null, "", "Open"],
  ["Self-assessment", "Opportunity for improvement", "TRN-01", "Awareness content does not cover home and travel working", "The course was written before remote work became the norm", "Add a remote working module to the annual course", "Training Coordinator", 30, 90, null, "", "Open"],
];

/** The first framework in scope (starting at a rotating one) that the control maps to, and its first requirement. */
function requirementFor(control: string, frameworks: readonly FrameworkKey[], rotation: number): { framework: string; requirement: string } {
  const mappings = CONTROL_LIBRARY.find((c) => c.id === control)?.mappings ?? {};
  for (let i = 0; i < frameworks.length; i++) {
    const key = frameworks[(rotation + i) % frameworks.length];
    const ids = mappings[key] ?? [];
    if (ids.length > 0) return { framework: getFramework(key).shortName, requirement: ids[0] };
  }
  return { framework: "", requirement: "" };
}

export function sampleAuditFindings(today: Date, frameworks: readonly FrameworkKey[]): SampleRow[] {
  return SPECS.map(([source, severity, control, description, rootCause, action, owner, raisedDaysAgo, dueAfterDays, closedAfterDays, verified, status], i) => {
    const { framework, requirement } = requirementFor(control, frameworks, i);
    return {
      "Finding ID": `AF-${String(i + 1).padStart(2, "0")}`,
      Source: source,
      Framework: framework,
      "Requirement ID": requirement,
      Severity: severity,
      Description: description,
      "Root Cause": rootCause,
      "Corrective Action": action,
      Owner: owner,
      Raised: excelDateOffset(today, -raisedDaysAgo),
      Due: excelDateOffset(today, -raisedDaysAgo + dueAfterDays),
      Closed: closedAfterDays === null ? null : excelDateOffset(today, -raisedDaysAgo + closedAfterDays),
      "Verified Effective": verified,
      Status: status,
    };
  });
}
