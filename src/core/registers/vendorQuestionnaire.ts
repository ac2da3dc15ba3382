/**
 * The vendor security questionnaire the workbook seeds: 25 questions written for this project,
 * grouped by domain, each with a weight (3 = essential, 2 = important, 1 = good practice). The
 * analyst edits, removes and adds questions; the questionnaire score reads whatever the table holds.
 */
export interface VendorQuestion {
  id: string;
  domain: string;
  question: string;
  weight: number;
}

type Spec = [domain: string, question: string, weight: number];

const SPECS: Spec[] = [
  ["Governance", "Does a named person lead information security, with time and budget for it?", 2],
  ["Governance", "Are security policies written, approved by management and reviewed at least yearly?", 2],
  ["Governance", "Is an independent assurance report (SOC 2 Type II, ISO 27001 certificate) available and current?", 3],
  ["Governance", "Are staff screened before hiring and trained in security every year?", 1],
  ["Access", "Is multi-factor authentication required for all remote and administrative access?", 3],
  ["Access", "Is access to our data limited to the staff who need it, and reviewed at least twice a year?", 3],
  ["Access", "Are leavers' accounts removed within one working day?", 2],
  ["Data protection", "Is our data encrypted in transit and at rest with current algorithms?", 3],
  ["Data protection", "Are encryption keys held separately from the data and rotated?", 2],
  ["Data protection", "Is our data kept only in the regions the contract allows?", 2],
  ["Data protection", "Is our data deleted or returned, with confirmation, when the contract ends?", 2],
  ["Operations", "Are systems scanned for vulnerabilities and critical flaws fixed within 15 days?", 3],
  ["Operations", "Are changes to production tested, approved and recorded?", 2],
  ["Operations", "Are security events logged centrally, kept for at least a year and reviewed?", 2],
  ["Operations", "Is malware protection on every server and laptop that handles our data?", 1],
  ["Operations", "Is an independent penetration test done at least yearly, with findings fixed?", 2],
  ["Resilience", "Are backups taken, kept off-site or immutable, and restores tested?", 2],
  ["Resilience", "Is there a continuity plan for the service we buy, tested in the last year?", 2],
  ["Resilience", "Are recovery time and recovery point objectives agreed and met in tests?", 1],
  ["Incident response", "Is there an incident response plan, exercised at least yearly?", 2],
  ["Incident response", "Will we be told of an incident affecting our data within 72 hours, or sooner if the contract says so?", 3],
  ["Third parties", "Are the vendor's own subprocessors listed, assessed and bound by the same terms?", 2],
  ["Third parties", "Will we be told before a new subprocessor handles our data?", 1],
  ["Secure development", "Is software built with code review, dependency scanning and security testing before release?", 2],
  ["Privacy", "Does the vendor help us answer data subject requests and privacy enquiries within the legal deadlines?", 1],
];

export const VENDOR_QUESTIONS: readonly VendorQuestion[] = SPECS.map(([domain, question, weight], i) => ({ id: `VQ-${String(i + 1).padStart(2, "0")}`, domain, question, weight }));
