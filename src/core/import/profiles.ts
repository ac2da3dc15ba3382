/**
 * Import and export profiles: other tools' column layouts, as their documentation and export files
 * give them, mapped onto the registers. A profile is data only: the same matching, value reading
 * and problem reporting serve every profile, and export writes each profile's layout back.
 */
import { CellValue } from "../blueprint/types";
import { DateOrder } from "./cellText";

export interface ProfileColumn {
  /** Header in the tool's file. */
  source: string;
  /** Register column it fills (null: the tool's column has no place in the register; exported blank). */
  target: string | null;
  /** Export a scale level as its label ("High") rather than its number. */
  asLabel?: boolean;
}

export interface Profile {
  key: string;
  name: string;
  /** Register table the tool's rows belong in. */
  register: string;
  /** Where the layout comes from. */
  layout: string;
  columns: readonly ProfileColumn[];
  /** The tool's words for register values, by register column (source value → register value; null reads as blank). */
  values?: Readonly<Record<string, Readonly<Record<string, CellValue>>>>;
  dateOrder?: DateOrder;
  /** How dates are written on export. */
  exportDates?: "iso" | "jira";
}

const RISK_STATUS_WORDS = { "to do": "Open", "in progress": "In treatment", done: "Closed" };

export const PROFILES: readonly Profile[] = [
  {
    key: "ciso-assistant",
    name: "CISO Assistant risk scenarios",
    register: "Risks",
    layout:
      "CISO Assistant's data import wizard, risk assessment sheet (ref_id, name, description, *_impact/*_proba, existing/additional controls, treatment). " +
      "Its current level (with existing controls) is the register's inherent level; its inherent level, before any control, has no column here.",
    columns: [
      { source: "ref_id", target: "Risk ID" },
      { source: "name", target: "Title" },
      { source: "description", target: "Description" },
      { source: "inherent_impact", target: null, asLabel: true },
      { source: "inherent_proba", target: null, asLabel: true },
      { source: "existing_controls", target: "Existing Controls" },
      { source: "current_impact", target: "Inherent Impact", asLabel: true },
      { source: "current_proba", target: "Inherent Likelihood", asLabel: true },
      { source: "additional_controls", target: "Treatment Plan" },
      { source: "residual_impact", target: "Residual Impact", asLabel: true },
      { source: "residual_proba", target: "Residual Likelihood", asLabel: true },
      { source: "treatment", target: "Treatment" },
    ],
    values: { Treatment: { open: null, mitigate: "Mitigate", accept: "Accept", avoid: "Avoid", transfer: "Transfer" } },
  },
  {
    key: "simplerisk",
    name: "SimpleRisk risks (CSV export)",
    register: "Risks",
    layout: "SimpleRisk's risk export with Classic scoring: ID, Status, Subject, Category, Owner, dates, Classic Likelihood/Impact, Planning Strategy, mitigation text.",
    columns: [
      { source: "ID", target: "Risk ID" },
      { source: "Subject", target: "Title" },
      { source: "Risk Assessment", target: "Description" },
      { source: "Status", target: "Status" },
      { source: "Category", target: "Category" },
      { source: "Affected Assets", target: "Asset IDs" },
      { source: "Owner", target: "Owner" },
      { source: "Submission Date", target: "Identified" },
      { source: "Review Date", target: "Last Reviewed" },
      { source: "Classic Likelihood", target: "Inherent Likelihood" },
      { source: "Classic Impact", target: "Inherent Impact" },
      { source: "Current Solution", target: "Existing Controls" },
      { source: "Planning Strategy", target: "Treatment" },
      { source: "Mitigation Planned", target: "Treatment Plan" },
      { source: "Inherent Risk", target: null },
      { source: "Next Review Date", target: null },
    ],
    values: {
      Status: { new: "Open", reopened: "Open", "mgmt reviewed": "In treatment", "mitigation planned": "In treatment", closed: "Closed" },
      Category: {
        "access management": "Access control",
        "environmental resilience": "Backup & continuity",
        monitoring: "Logging & monitoring",
        "physical security": "Physical security",
        "policy and procedure": "Policies",
        "sensitive data management": "Privacy",
        "technical vulnerability management": "Vulnerability management",
        "third-party management": "Vendor management",
      },
    },
  },
  {
    key: "vanta",
    name: "Vanta risk register (CSV export)",
    register: "Risks",
    layout: "Vanta's risk register export: Risk ID, Risk, Description, Categories, Owner, likelihood and impact before and after treatment, Treatment, Status, dates.",
    columns: [
      { source: "Risk ID", target: "Risk ID" },
      { source: "Risk", target: "Title" },
      { source: "Description", target: "Description" },
      { source: "Categories", target: "Category" },
      { source: "Owner", target: "Owner" },
      { source: "Likelihood", target: "Inherent Likelihood" },
      { source: "Impact", target: "Inherent Impact" },
      { source: "Inherent risk score", target: null },
      { source: "Treatment", target: "Treatment" },
      { source: "Treatment plan", target: "Treatment Plan" },
      { source: "Residual likelihood", target: "Residual Likelihood" },
      { source: "Residual impact", target: "Residual Impact" },
      { source: "Residual risk score", target: null },
      { source: "Status", target: "Status" },
      { source: "Identified date", target: "Identified" },
      { source: "Last reviewed", target: "Last Reviewed" },
    ],
  },
  {
    key: "drata",
    name: "Drata risk register (CSV export)",
    register: "Risks",
    layout: "Drata's risk management export: Risk ID, Name, Description, Category, Owner(s), Impact, Likelihood, Score, Treatment, residual values, Status.",
    columns: [
      { source: "Risk ID", target: "Risk ID" },
      { source: "Name", target: "Title" },
      { source: "Description", target: "Description" },
      { source: "Category", target: "Category" },
      { source: "Owner(s)", target: "Owner" },
      { source: "Impact", target: "Inherent Impact" },
      { source: "Likelihood", target: "Inherent Likelihood" },
      { source: "Score", target: null },
      { source: "Treatment", target: "Treatment" },
      { source: "Treatment Plan", target: "Treatment Plan" },
      { source: "Residual Impact", target: "Residual Impact" },
      { source: "Residual Likelihood", target: "Residual Likelihood" },
      { source: "Residual Score", target: null },
      { source: "Status", target: "Status" },
      { source: "Target Completion Date", target: "Target Date" },
    ],
    values: { Status: { identified: "Open", "in treatment": "In treatment", "risk accepted": "Accepted", closed: "Closed" } },
  },
  {
    key: "jira",
    name: "Jira issues (CSV export)",
    register: "Risks",
    layout: "Jira's 'Export CSV (all fields)': Summary, Issue key, Issue id, Status, Assignee, Created, Due date, Description, with custom fields as 'Custom field (Name)'.",
    columns: [
      { source: "Summary", target: "Title" },
      { source: "Issue key", target: "Risk ID" },
      { source: "Issue id", target: null },
      { source: "Issue Type", target: null },
      { source: "Status", target: "Status" },
      { source: "Priority", target: null },
      { source: "Assignee", target: "Owner" },
      { source: "Reporter", target: null },
      { source: "Created", target: "Identified" },
      { source: "Updated", target: "Last Reviewed" },
      { source: "Due date", target: "Target Date" },
      { source: "Description", target: "Description" },
      { source: "Custom field (Risk Category)", target: "Category" },
      { source: "Custom field (Likelihood)", target: "Inherent Likelihood" },
      { source: "Custom field (Impact)", target: "Inherent Impact" },
      { source: "Custom field (Affected Assets)", target: "Asset IDs" },
    ],
    values: { Status: RISK_STATUS_WORDS },
    exportDates: "jira",
  },
  {
    key: "riskquant",
    name: "riskquant scenarios (CSV)",
    register: "RiskQuant",
    layout: "riskquant's simpleloss CSV: Identifier, Name, Probability (expected events a year), Low_loss and High_loss (5th and 95th percentile of a loss).",
    columns: [
      { source: "Identifier", target: "Risk ID" },
      { source: "Name", target: null },
      { source: "Probability", target: "Annual Frequency" },
      { source: "Low_loss", target: "Loss Low" },
      { source: "High_loss", target: "Loss High" },
    ],
  },
];

/** The generic profile: the register's own headers, which the add-in also writes out as an empty template. */
export const GENERIC_PROFILE_KEY = "generic";

export function profileByKey(key: string): Profile | undefined {
  return PROFILES.find((p) => p.key === key.toLowerCase());
}

export const PROFILE_KEYS = [GENERIC_PROFILE_KEY, ...PROFILES.map((p) => p.key)];
