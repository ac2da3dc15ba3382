/**
 * A year of incidents at the sample organisation, each tied to its assets and risks: phishing,
 * malware, a lost laptop, a misconfigured storage bucket that exposed personal data (the one
 * notifiable breach, notified to the GDPR authority in time), a DDoS, a vendor breach and more.
 * Two are still open. One carries a slip for Check to find: a Contained time before Detected.
 */
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

/** Days before today and the time of day "hh:mm". */
type When = [daysAgo: number, time: string] | null;

interface IncidentSpec {
  title: string;
  description: string;
  category: string;
  severity: string;
  occurred: When;
  detected: When;
  contained: When;
  resolved: When;
  status: string;
  owner: string;
  assets: string;
  risks: string;
  personalData: boolean;
  notifiable?: { regime: string; notified: When };
  rootCause: string;
  lessons: string;
  reviewedDaysAgo?: number;
}

const INCIDENT_SPECS: IncidentSpec[] = [
  {
    title: "Finance staff entered credentials on a fake sign-in page",
    description: "Two finance staff followed a lookalike sign-in link; the attacker logged in to one mailbox and set a forwarding rule.",
    category: "Phishing", severity: "High",
    occurred: [340, "08:55"], detected: [340, "11:40"], contained: [340, "14:10"], resolved: [338, "17:00"],
    status: "Closed", owner: "Security Operations Lead", assets: "A-003; A-026", risks: "R-002", personalData: false,
    rootCause: "No phishing-resistant MFA on mailboxes; external auto-forwarding allowed",
    lessons: "Block external forwarding; move finance to phishing-resistant MFA first", reviewedDaysAgo: 330,
  },
  {
    title: "Ransomware blocked on a staff laptop",
    description: "Endpoint detection stopped ransomware launched from a malicious attachment before it reached the file shares.",
    category: "Malware", severity: "Medium",
    occurred: [301, "15:20"], detected: [301, "15:26"], contained: [301, "15:58"], resolved: [300, "12:00"],
    status: "Closed", owner: "IT Operations Manager", assets: "A-008; A-002", risks: "R-001", personalData: false,
    rootCause: "Macro-enabled attachment allowed from outside the organisation",
    lessons: "Block macros in files from the internet by policy", reviewedDaysAgo: 290,
  },
  {
    title: "Laptop left on a train",
    description: "A sales laptop was lost in transit; it was encrypted and wiped remotely the same day.",
    category: "Lost or stolen device", severity: "Low",
    occurred: [265, "18:30"], detected: [265, "20:05"], contained: [265, "20:40"], resolved: [262, "10:00"],
    status: "Closed", owner: "Service Desk Lead", assets: "A-008", risks: "R-005", personalData: true,
    rootCause: "Device loss; full-disk encryption meant no data was exposed",
    lessons: "Encryption and remote wipe worked as designed; no change needed", reviewedDaysAgo: 255,
  },
  {
    title: "Document archive bucket readable from the internet",
    description: "A storage bucket holding scanned customer letters was made public during a migration; access logs show downloads from two unknown addresses.",
    category: "Misconfiguration", severity: "Critical",
    occurred: [214, "10:00"], detected: [211, "08:15"], contained: [211, "09:05"], resolved: [209, "18:00"],
    status: "Closed", owner: "Data Platform Lead", assets: "A-015; A-001", risks: "R-009", personalData: true,
    notifiable: { regime: "GDPR", notified: [209, "16:30"] },
    rootCause: "Public access block not enforced at the account level; migration script reset the bucket policy",
    lessons: "Enforce the public access block organisation-wide; alert on policy changes to storage", reviewedDaysAgo: 200,
  },
  {
    title: "DDoS slowed the customer portal",
    description: "A volumetric attack saturated the portal's front end for 50 minutes until the provider's scrubbing took over.",
    category: "Denial of service", severity: "Medium",
    occurred: [180, "13:10"], detected: [180, "13:18"], contained: [180, "14:00"], resolved: [180, "16:30"],
    status: "Closed", owner: "Engineering Manager", assets: "A-004", risks: "R-010", personalData: false,
    rootCause: "Always-on DDoS protection not enabled for the portal's new hostname",
    lessons: "Put every public hostname behind the DDoS service; add it to the go-live checklist", reviewedDaysAgo: 170,
  },
  {
    title: "Support ticketing provider reported a breach",
    description: "The ticketing provider disclosed that an attacker read ticket attachments of some tenants, ours among them.",
    category: "Vendor incident", severity: "High",
    occurred: [150, "00:00"], detected: [146, "09:30"], contained: [146, "17:00"], resolved: [140, "12:00"],
    status: "Closed", owner: "Head of Customer Support", assets: "A-020", risks: "R-004", personalData: true,
    rootCause: "Provider's support engineer account compromised; attachments held personal data beyond need",
    lessons: "Purge ticket attachments after 90 days; breach terms added at renewal", reviewedDaysAgo: 130,
  },
  {
    title: "Administrator account used from an unusual country",
    description: "An IT administrator's account signed in from abroad at night; the session was revoked and the password reset.",
    category: "Unauthorised access", severity: "High",
    occurred: [118, "02:10"], detected: [118, "06:45"], contained: [118, "07:20"], resolved: [117, "15:00"],
    status: "Closed", owner: "CISO", assets: "A-010; A-018", risks: "R-008; R-013", personalData: false,
    rootCause: "Legacy authentication protocol still enabled for one admin account",
    lessons: "Disable legacy authentication for all accounts; tier admin accounts", reviewedDaysAgo: 105,
  },
  {
    title: "Expired certificate took the payment page down",
    description: "The payment integration's TLS certificate expired overnight; checkout failed until it was renewed.",
    category: "Other", severity: "Medium",
    occurred: [92, "00:00"], detected: [92, "07:50"], contained: [92, "07:35"], resolved: [92, "09:40"],
    status: "Resolved", owner: "Infrastructure Lead", assets: "A-019; A-005", risks: "R-020", personalData: false,
    rootCause: "Certificate renewal depended on one person's calendar reminder",
    lessons: "Automate renewal and alert 30 days before expiry",
  },
  {
    title: "Employee exported customer list before leaving",
    description: "Data loss prevention flagged a departing salesperson exporting the CRM contact list to a personal address.",
    category: "Insider misuse", severity: "Medium",
    occurred: [61, "16:40"], detected: [60, "09:10"], contained: [60, "11:00"], resolved: [55, "17:00"],
    status: "Closed", owner: "HR Director", assets: "A-001", risks: "R-007; R-016", personalData: true,
    rootCause: "CRM export rights not removed when notice was given",
    lessons: "Remove export rights at resignation, not at departure", reviewedDaysAgo: 45,
  },
  {
    title: "Phishing wave reported by staff",
    description: "Forty staff received a fake parcel notice; twelve reported it within minutes and the messages were purged.",
    category: "Phishing", severity: "Low",
    occurred: [34, "09:00"], detected: [34, "09:12"], contained: [34, "10:05"], resolved: [34, "12:00"],
    status: "Closed", owner: "Security Operations Lead", assets: "A-003; A-026", risks: "R-002", personalData: false,
    rootCause: "Lookalike sender domain not yet blocked",
    lessons: "Reporting button works; keep the quarterly simulations", reviewedDaysAgo: 28,
  },
  {
    title: "Malicious package pulled into a build",
    description: "A typosquatted open-source package ran a script in the CI pipeline; build secrets were rotated.",
    category: "Malware", severity: "High",
    occurred: [15, "11:30"], detected: [14, "16:20"], contained: [14, "19:45"], resolved: null,
    status: "Contained", owner: "DevOps Lead", assets: "A-025; A-014", risks: "R-018", personalData: false,
    rootCause: "Dependency added without review; install scripts allowed in CI",
    lessons: "",
  },
  {
    title: "Credential stuffing against customer portal",
    description: "Thousands of sign-in attempts with leaked passwords; rate limiting slowed them and affected accounts are being reset.",
    category: "Unauthorised access", severity: "Medium",
    occurred: [3, "22:00"], detected: [2, "06:30"], contained: null, resolved: null,
    status: "Investigating", owner: "Engineering Manager", assets: "A-004", risks: "R-013", personalData: true,
    rootCause: "",
    lessons: "",
  },
];

export function incidentId(position: number): string {
  return `INC-${String(position + 1).padStart(3, "0")}`;
}

function at(today: Date, when: When): number | null {
  if (!when) return null;
  const [h, m] = when[1].split(":").map(Number);
  return excelDateOffset(today, -when[0]) + (h * 60 + m) / 1440;
}

export function sampleIncidents(today: Date): SampleRow[] {
  return INCIDENT_SPECS.map((spec, i) => ({
    "Incident ID": incidentId(i),
    Title: spec.title,
    Description: spec.description,
    Category: spec.category,
    Severity: spec.severity,
    Occurred: at(today, spec.occurred),
    Detected: at(today, spec.detected),
    Contained: at(today, spec.contained),
    Resolved: at(today, spec.resolved),
    Status: spec.status,
    Owner: spec.owner,
    "Asset IDs": spec.assets,
    "Risk IDs": spec.risks,
    "Personal Data Involved": spec.personalData ? "Yes" : "No",
    Notifiable: spec.notifiable ? "Yes" : "No",
    Regime: spec.notifiable?.regime ?? "",
    Notified: at(today, spec.notifiable?.notified ?? null),
    "Root Cause": spec.rootCause,
    "Lessons Learned": spec.lessons,
    "Review Date": spec.reviewedDaysAgo === undefined ? null : excelDateOffset(today, -spec.reviewedDaysAgo),
  }));
}
