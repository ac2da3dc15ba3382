import type { ASSET_STATUSES, ASSET_TYPES, CLASSIFICATIONS } from "../blueprint/vocabulary";
import { excelDateOffset, SAMPLE_REFERENCE_DATE } from "./excelDate";
import type { SampleRow } from "./types";

type AssetType = (typeof ASSET_TYPES)[number];
type Classification = (typeof CLASSIFICATIONS)[number];
type AssetStatus = (typeof ASSET_STATUSES)[number];
/** 1 Low, 2 Moderate, 3 High. */
type CiaLevel = 1 | 2 | 3;
/** Which regulated data the asset holds: P personal, H health, $ payment card. */
type RegulatedData = "" | "P" | "PH" | "P$";

interface AssetSpec {
  name: string;
  type: AssetType;
  /** "" marks an asset nobody has taken ownership of yet. */
  owner: string;
  custodian: string;
  location: string;
  classification: Classification;
  cia: [CiaLevel, CiaLevel, CiaLevel];
  data: RegulatedData;
  rtoHours: number;
  rpoHours: number;
  status: AssetStatus;
  reviewedDaysAgo: number;
}

const ASSET_SPECS: AssetSpec[] = [
  { name: "Customer database (CRM)", type: "Information", owner: "Head of Sales", custodian: "IT Operations Manager", location: "Azure West Europe", classification: "Restricted", cia: [3, 3, 2], data: "P", rtoHours: 8, rpoHours: 1, status: "Active", reviewedDaysAgo: 95 },
  { name: "Corporate file servers", type: "System", owner: "IT Operations Manager", custodian: "Infrastructure Lead", location: "Head office server room", classification: "Confidential", cia: [2, 3, 3], data: "P", rtoHours: 24, rpoHours: 24, status: "Active", reviewedDaysAgo: 210 },
  { name: "Email and collaboration suite", type: "Vendor service", owner: "CIO", custodian: "IT Operations Manager", location: "Vendor cloud (EU region)", classification: "Confidential", cia: [3, 2, 3], data: "P", rtoHours: 4, rpoHours: 1, status: "Active", reviewedDaysAgo: 60 },
  { name: "Customer self-service portal", type: "Application", owner: "Head of Product", custodian: "Engineering Manager", location: "Public cloud (EU region)", classification: "Confidential", cia: [3, 3, 3], data: "P$", rtoHours: 2, rpoHours: 1, status: "Active", reviewedDaysAgo: 40 },
  { name: "Card payment integration", type: "Application", owner: "CFO", custodian: "Engineering Manager", location: "Public cloud (EU region)", classification: "Restricted", cia: [3, 3, 3], data: "P$", rtoHours: 4, rpoHours: 0, status: "Active", reviewedDaysAgo: 75 },
  { name: "Outsourced payroll service", type: "Vendor service", owner: "HR Director", custodian: "Payroll Manager", location: "Supplier data centre", classification: "Restricted", cia: [3, 3, 2], data: "P", rtoHours: 72, rpoHours: 24, status: "Active", reviewedDaysAgo: 300 },
  { name: "HR information system", type: "Application", owner: "HR Director", custodian: "HRIS Administrator", location: "SaaS (US region)", classification: "Restricted", cia: [3, 3, 2], data: "PH", rtoHours: 48, rpoHours: 24, status: "Active", reviewedDaysAgo: 130 },
  { name: "Staff laptops", type: "Hardware", owner: "IT Operations Manager", custodian: "Service Desk Lead", location: "Offices and staff homes", classification: "Internal", cia: [2, 2, 2], data: "P", rtoHours: 48, rpoHours: 24, status: "Active", reviewedDaysAgo: 180 },
  { name: "Backup platform and offsite copies", type: "System", owner: "IT Operations Manager", custodian: "Infrastructure Lead", location: "Secondary data centre", classification: "Restricted", cia: [3, 3, 3], data: "P", rtoHours: 24, rpoHours: 24, status: "Active", reviewedDaysAgo: 400 },
  { name: "Identity provider and directory", type: "System", owner: "CISO", custodian: "Identity Administrator", location: "Vendor cloud (EU region)", classification: "Restricted", cia: [3, 3, 3], data: "P", rtoHours: 2, rpoHours: 1, status: "Active", reviewedDaysAgo: 30 },
  { name: "Firewalls and VPN gateway", type: "Network", owner: "Network Manager", custodian: "Network Engineer", location: "Head office and data centre", classification: "Confidential", cia: [2, 3, 3], data: "", rtoHours: 4, rpoHours: 24, status: "Active", reviewedDaysAgo: 150 },
  { name: "Patient records extract (ePHI)", type: "Information", owner: "Privacy Officer", custodian: "Data Platform Lead", location: "Data warehouse", classification: "Restricted", cia: [3, 3, 2], data: "PH", rtoHours: 24, rpoHours: 4, status: "Active", reviewedDaysAgo: 55 },
  { name: "Security log platform (SIEM)", type: "System", owner: "Security Operations Lead", custodian: "SOC Analyst", location: "SaaS (EU region)", classification: "Confidential", cia: [2, 3, 2], data: "P", rtoHours: 24, rpoHours: 4, status: "Active", reviewedDaysAgo: 20 },
  { name: "Source code repositories and CI/CD pipeline", type: "Application", owner: "CTO", custodian: "DevOps Lead", location: "Code hosting SaaS", classification: "Confidential", cia: [3, 3, 2], data: "", rtoHours: 24, rpoHours: 4, status: "Active", reviewedDaysAgo: 110 },
  { name: "Document archive (cloud object storage)", type: "System", owner: "Data Platform Lead", custodian: "Cloud Engineer", location: "Public cloud (EU region)", classification: "Confidential", cia: [3, 2, 2], data: "P", rtoHours: 48, rpoHours: 24, status: "Active", reviewedDaysAgo: 85 },
  { name: "Head office premises", type: "Facility", owner: "Facilities Manager", custodian: "Office Manager", location: "Head office", classification: "Internal", cia: [1, 2, 3], data: "", rtoHours: 72, rpoHours: 72, status: "Active", reviewedDaysAgo: 365 },
  { name: "Finance and ERP system", type: "Application", owner: "CFO", custodian: "Finance Systems Administrator", location: "Primary data centre", classification: "Confidential", cia: [3, 3, 2], data: "P", rtoHours: 24, rpoHours: 4, status: "Active", reviewedDaysAgo: 140 },
  { name: "IT administrators", type: "People", owner: "CISO", custodian: "IT Operations Manager", location: "Head office", classification: "Confidential", cia: [3, 3, 2], data: "", rtoHours: 24, rpoHours: 24, status: "Active", reviewedDaysAgo: 90 },
  { name: "Certificates and key vault", type: "System", owner: "CISO", custodian: "Infrastructure Lead", location: "Vendor cloud (EU region)", classification: "Restricted", cia: [3, 3, 3], data: "", rtoHours: 2, rpoHours: 1, status: "Active", reviewedDaysAgo: 250 },
  { name: "Customer support ticketing", type: "Vendor service", owner: "Head of Customer Support", custodian: "Support Operations Lead", location: "SaaS (EU region)", classification: "Confidential", cia: [2, 2, 2], data: "P", rtoHours: 8, rpoHours: 4, status: "Active", reviewedDaysAgo: 70 },
  { name: "Marketing website", type: "Application", owner: "Head of Marketing", custodian: "Web agency", location: "Managed hosting", classification: "Public", cia: [1, 2, 2], data: "", rtoHours: 48, rpoHours: 24, status: "Active", reviewedDaysAgo: 200 },
  { name: "Legacy document management system", type: "System", owner: "", custodian: "IT Operations Manager", location: "Primary data centre", classification: "Confidential", cia: [2, 2, 1], data: "P", rtoHours: 168, rpoHours: 72, status: "Retired", reviewedDaysAgo: 720 },
  { name: "Analytics sandbox (unsanctioned)", type: "Application", owner: "", custodian: "", location: "Personal cloud accounts", classification: "Confidential", cia: [3, 2, 1], data: "P", rtoHours: 168, rpoHours: 168, status: "Active", reviewedDaysAgo: 30 },
  { name: "Contact centre platform", type: "Vendor service", owner: "Head of Customer Support", custodian: "Support Operations Lead", location: "SaaS (EU region)", classification: "Confidential", cia: [2, 2, 3], data: "P$", rtoHours: 4, rpoHours: 1, status: "Planned", reviewedDaysAgo: 15 },
  { name: "Open-source software dependencies", type: "Information", owner: "Engineering Manager", custodian: "DevOps Lead", location: "Package registries and build cache", classification: "Internal", cia: [1, 3, 2], data: "", rtoHours: 24, rpoHours: 24, status: "Active", reviewedDaysAgo: 160 },
  { name: "All staff", type: "People", owner: "HR Director", custodian: "Training Coordinator", location: "All sites", classification: "Internal", cia: [2, 2, 2], data: "", rtoHours: 72, rpoHours: 72, status: "Active", reviewedDaysAgo: 120 },
];

/**
 * Patch state of the systems, applications, hardware and networks, by asset position: days since
 * they were last patched and whether they are behind. Other assets have nothing to patch.
 */
const PATCHED: Record<number, { daysAgo: number; behind?: boolean }> = {
  1: { daysAgo: 12 }, 3: { daysAgo: 6 }, 4: { daysAgo: 9 }, 6: { daysAgo: 20 }, 7: { daysAgo: 45, behind: true }, 8: { daysAgo: 16 },
  9: { daysAgo: 3 }, 10: { daysAgo: 70, behind: true }, 12: { daysAgo: 8 }, 13: { daysAgo: 5 }, 14: { daysAgo: 11 }, 16: { daysAgo: 25 },
  18: { daysAgo: 14 }, 20: { daysAgo: 95, behind: true }, 21: { daysAgo: 400, behind: true }, 22: { daysAgo: 150, behind: true },
};

export function assetId(position: number): string {
  return `A-${String(position + 1).padStart(3, "0")}`;
}

const yesNo = (flag: boolean): "Yes" | "No" => (flag ? "Yes" : "No");

/** Sample asset inventory; "Last Reviewed" dates are relative to `today`. */
export function sampleAssets(today: Date = SAMPLE_REFERENCE_DATE): SampleRow[] {
  return ASSET_SPECS.map((spec, position) => ({
    "Asset ID": assetId(position),
    Name: spec.name,
    Type: spec.type,
    Owner: spec.owner,
    Custodian: spec.custodian,
    Location: spec.location,
    Classification: spec.classification,
    Confidentiality: spec.cia[0],
    Integrity: spec.cia[1],
    Availability: spec.cia[2],
    "Personal Data": yesNo(spec.data.includes("P")),
    "Health Data": yesNo(spec.data.includes("H")),
    "Payment Data": yesNo(spec.data.includes("$")),
    "RTO (hours)": spec.rtoHours,
    "RPO (hours)": spec.rpoHours,
    Status: spec.status,
    "Last Reviewed": excelDateOffset(today, -spec.reviewedDaysAgo),
    "Patch Status": PATCHED[position] ? (PATCHED[position].behind ? "Behind" : "Current") : "Not applicable",
    "Last Patched": PATCHED[position] ? excelDateOffset(today, -PATCHED[position].daysAgo) : null,
  }));
}
