/**
 * About forty findings on the sample organisation's systems over the past year, across severities
 * and sources, each on an asset of the inventory and most tied to a risk. Most were fixed within the
 * SLA; a few were late, a few are open past their due date, one was accepted and one was a false
 * positive. One carries a slip for Check to find: a Remediated date while the Status still says Open.
 */
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

type Spec = [title: string, asset: string, source: string, reference: string, severity: string, detectedDaysAgo: number, fixedAfterDays: number | null, status: string, owner: string, risk: string];

const SPECS: Spec[] = [
  ["Remote code execution in a logging library (Log4Shell)", "A-017", "Scanner", "CVE-2021-44228", "Critical", 350, 6, "Remediated", "Finance Systems Administrator", "R-006"],
  ["VPN gateway session hijacking flaw", "A-011", "Advisory", "CVE-2023-4966", "Critical", 330, 3, "Remediated", "Network Engineer", "R-006"],
  ["Firewall management interface command injection", "A-011", "Advisory", "CVE-2024-3400", "Critical", 290, 2, "Remediated", "Network Engineer", "R-006"],
  ["OpenSSH race condition allows remote code execution", "A-002", "Scanner", "CVE-2024-6387", "High", 280, 21, "Remediated", "Infrastructure Lead", "R-006"],
  ["Portal framework data binding flaw (Spring4Shell)", "A-004", "Scanner", "CVE-2022-22965", "Critical", 270, 9, "Remediated", "Engineering Manager", "R-006"],
  ["Mail client leaks password hashes via calendar invite", "A-003", "Advisory", "CVE-2023-23397", "Critical", 262, 12, "Remediated", "IT Operations Manager", "R-002"],
  ["Print spooler privilege escalation on file servers", "A-002", "Scanner", "CVE-2021-34527", "High", 255, 26, "Remediated", "Infrastructure Lead", "R-001"],
  ["Domain controller authentication bypass (Zerologon)", "A-010", "Penetration test", "CVE-2020-1472", "Critical", 240, 20, "Remediated", "Identity Administrator", "R-008"],
  ["HTTP/2 rapid reset denial of service on load balancer", "A-004", "Advisory", "CVE-2023-44487", "High", 232, 18, "Remediated", "Engineering Manager", "R-010"],
  ["Stored cross-site scripting in portal profile page", "A-004", "Bug bounty", "BB-2026-014", "High", 220, 41, "Remediated", "Engineering Manager", "R-006"],
  ["TLS 1.0 still enabled on ERP web front end", "A-017", "Scanner", "TLS-LEGACY", "Medium", 215, 60, "Remediated", "Finance Systems Administrator", "R-025"],
  ["Default credentials on a network switch", "A-011", "Penetration test", "PT-2026-03", "High", 210, 5, "Remediated", "Network Engineer", "R-030"],
  ["Flat network lets test laptop reach backup servers", "A-009", "Penetration test", "PT-2026-07", "High", 210, 75, "Remediated", "Infrastructure Lead", "R-030"],
  ["Compression library backdoor in build image (xz)", "A-014", "Advisory", "CVE-2024-3094", "Critical", 200, 1, "Remediated", "DevOps Lead", "R-018"],
  ["Outdated content management plugin on marketing site", "A-021", "Scanner", "WP-PLUGIN-2026", "Medium", 190, 35, "Remediated", "Web agency", "R-033"],
  ["Missing security headers on customer portal", "A-004", "Scanner", "HDR-001", "Low", 185, 95, "Remediated", "Engineering Manager", ""],
  ["Admin portal without MFA on the ERP", "A-017", "Audit", "IA-2026-02", "High", 180, 45, "Remediated", "CFO", "R-013"],
  ["Card data written to debug logs", "A-005", "Audit", "IA-2026-04", "Critical", 170, 11, "Remediated", "Engineering Manager", "R-024"],
  ["Wiki server remote code execution", "A-014", "Advisory", "CVE-2023-22515", "Critical", 160, 4, "Remediated", "DevOps Lead", "R-018"],
  ["Load balancer management authentication bypass", "A-004", "Advisory", "CVE-2022-1388", "Critical", 150, 8, "Remediated", "Engineering Manager", "R-006"],
  ["Laptops missing the latest browser update", "A-008", "Scanner", "CHROME-2026-05", "Medium", 140, 20, "Remediated", "Service Desk Lead", "R-006"],
  ["Weak cipher suites on payroll file transfer", "A-006", "Scanner", "SFTP-CIPHERS", "Low", 130, 150, "Remediated", "Payroll Manager", "R-012"],
  ["Open redirect in portal sign-in", "A-004", "Bug bounty", "BB-2026-031", "Medium", 125, 40, "Remediated", "Engineering Manager", ""],
  ["Secrets in CI pipeline logs", "A-014", "Penetration test", "PT-2026-11", "High", 120, 14, "Remediated", "DevOps Lead", "R-018"],
  ["Legacy document system runs an unsupported OS", "A-022", "Scanner", "EOL-OS", "High", 118, null, "Risk accepted", "IT Operations Manager", "R-028"],
  ["Scanner flagged key vault endpoint as exposed", "A-019", "Scanner", "NET-EXPOSED", "Medium", 110, null, "False positive", "Infrastructure Lead", ""],
  ["FortiOS out-of-bounds write on branch firewall", "A-011", "Advisory", "CVE-2024-21762", "Critical", 100, 13, "Remediated", "Network Engineer", "R-006"],
  ["SIEM agent missing on two file servers", "A-013", "Audit", "IA-2026-06", "Medium", 95, 30, "Remediated", "SOC Analyst", "R-015"],
  ["Outdated TLS certificate chain on payment page", "A-005", "Scanner", "TLS-CHAIN", "Low", 90, 12, "Remediated", "Infrastructure Lead", "R-020"],
  ["Unpatched hypervisor on backup platform", "A-009", "Scanner", "SCAN-2026-0093", "High", 85, 38, "Remediated", "Infrastructure Lead", "R-011"],
  ["Public bucket listing enabled on archive", "A-015", "Scanner", "CSPM-S3-001", "High", 72, 2, "Remediated", "Cloud Engineer", "R-009"],
  ["Excessive permissions on HR system service account", "A-007", "Audit", "IA-2026-09", "Medium", 66, null, "Open", "HRIS Administrator", "R-007"],
  ["SQL injection in a reporting endpoint", "A-004", "Penetration test", "PT-2026-19", "Critical", 45, null, "Open", "Engineering Manager", "R-006"],
  ["Outdated JavaScript library on marketing site", "A-021", "Scanner", "JS-LIB-2026", "Low", 60, null, "Open", "Web agency", "R-033"],
  ["Laptop disk encryption off on two devices", "A-008", "Scanner", "MDM-ENC-02", "High", 40, null, "Open", "Service Desk Lead", "R-005"],
  ["Directory sync account never rotates its password", "A-010", "Audit", "IA-2026-12", "Medium", 38, 30, "Open", "Identity Administrator", "R-008"],
  ["Known-vulnerable package version in portal build", "A-025", "Scanner", "SCA-2026-0042", "High", 20, null, "Open", "DevOps Lead", "R-018"],
  ["Verbose error pages reveal framework version", "A-004", "Bug bounty", "BB-2026-044", "Low", 16, null, "Open", "Engineering Manager", ""],
  ["Kernel privilege escalation on build agents", "A-014", "Scanner", "SCAN-2026-0118", "High", 9, null, "Open", "DevOps Lead", "R-018"],
  ["Mail gateway spoofing check misconfigured", "A-003", "Advisory", "DMARC-POLICY", "Medium", 5, null, "Open", "IT Operations Manager", "R-002"],
];

export function findingId(position: number): string {
  return `V-${String(position + 1).padStart(3, "0")}`;
}

export function sampleVulnerabilities(today: Date): SampleRow[] {
  return SPECS.map(([title, asset, source, reference, severity, detectedDaysAgo, fixedAfterDays, status, owner, risk], i) => ({
    "Finding ID": findingId(i),
    Title: title,
    "Asset ID": asset,
    Source: source,
    Reference: reference,
    Severity: severity,
    Detected: excelDateOffset(today, -detectedDaysAgo),
    Remediated: fixedAfterDays === null ? null : excelDateOffset(today, -detectedDaysAgo + fixedAfterDays),
    Status: status,
    Owner: owner,
    "Risk ID": risk,
  }));
}
