/**
 * The operations scales on the Scales sheet: incident severities, breach-notification regimes,
 * remediation SLAs and KPI targets. Seeded once; the analyst edits them and the registers' drop-downs,
 * due dates and the Dashboard's targets follow.
 */
import { SECTION, TABLE_STYLE, widthFor } from "./style";
import { BlockSpec, TableSpec } from "./types";

export const OPERATIONS_SCALE_TABLES = {
  incidentSeverity: "IncidentSeverity",
  notificationRules: "NotificationRules",
  remediationSla: "RemediationSLA",
  kpiTargets: "KpiTargets",
  vendorTiers: "VendorTiers",
} as const;

/** Headers of the operations scale tables. */
export const OPS_SCALE = {
  rank: "Rank",
  severity: "Severity",
  description: "Description",
  regime: "Regime",
  hours: "Hours",
  days: "Days",
  indicator: "Indicator",
  target: "Target",
  better: "Better",
  dataAccess: "Data Access",
  businessImpact: "Business Impact",
  tier: "Tier",
  reviewEvery: "Review Every (months)",
} as const;

/** Highest first: Rank 1 is the most severe (the management review's "significant incidents" read the top two). */
export const INCIDENT_SEVERITIES = [
  { severity: "Critical", description: "Regulated or customer data exposed, or a key service down; executive and legal involvement" },
  { severity: "High", description: "Confirmed compromise of a system or account, contained to one area" },
  { severity: "Medium", description: "Policy breach or attack blocked late; limited impact" },
  { severity: "Low", description: "Attempt blocked, or a minor slip with no impact" },
] as const;

/** Regulators' deadlines to notify, counted from when the breach is detected. Editable: add your own regimes. */
export const NOTIFICATION_RULES = [
  { regime: "GDPR", hours: 72, description: "Notify the supervisory authority within 72 hours of becoming aware (Art. 33)" },
  { regime: "HIPAA", hours: 60 * 24, description: "Notify affected individuals within 60 days of discovery (45 CFR 164.404)" },
  { regime: "GLBA (FTC Safeguards)", hours: 30 * 24, description: "Notify the FTC within 30 days of discovery when 500+ consumers are affected (16 CFR 314.4(j))" },
] as const;

/** Days to remediate a finding, by severity. */
export const REMEDIATION_SLA = [
  { severity: "Critical", days: 15 },
  { severity: "High", days: 30 },
  { severity: "Medium", days: 90 },
  { severity: "Low", days: 180 },
] as const;

export const VENDOR_DATA_ACCESS = ["None", "Internal", "Confidential", "Restricted"] as const;
export const VENDOR_IMPACTS = ["Low", "Medium", "High", "Critical"] as const;
/** Months between assessments by tier: Tier 1 yearly, Tier 2 every two years, Tier 3 every three. */
export const TIER_CADENCE_MONTHS = { 1: 12, 2: 24, 3: 36 } as const;

/**
 * The default tiering: Tier 1 when the vendor holds restricted data or is critical to the business,
 * or holds confidential data with high impact; Tier 3 when it holds at most internal data and its
 * impact is at most medium; Tier 2 otherwise.
 */
export function defaultVendorTier(access: number, impact: number): 1 | 2 | 3 {
  if (access === 3 || impact === 3 || (access >= 2 && impact >= 2)) return 1;
  return access <= 1 && impact <= 1 ? 3 : 2;
}

export const VENDOR_TIERS = VENDOR_DATA_ACCESS.flatMap((dataAccess, a) =>
  VENDOR_IMPACTS.map((businessImpact, i) => {
    const tier = defaultVendorTier(a, i);
    return { dataAccess, businessImpact, tier, months: TIER_CADENCE_MONTHS[tier] };
  }),
);

export type Better = "Higher" | "Lower";
export const BETTER_VALUES: readonly Better[] = ["Higher", "Lower"];

/** One row of KpiTargets: an indicator's label, its default target (blank when none) and which way is better. */
export interface KpiTarget {
  indicator: string;
  target?: number;
  better: Better;
}

/** Where the operations scales sit: a row band under the risk scales, columns chosen so widths fit both. */
const TOP_ROW = 22;

export function operationsScaleBlocks(): BlockSpec[] {
  return [{ address: `A${TOP_ROW - 1}`, values: [["Operations scales: incident severities, notification deadlines, remediation SLAs, KPI targets and vendor tiers (data access × business impact → tier and assessment cadence)"]], format: SECTION }];
}

export function operationsScaleTables(targets: readonly KpiTarget[]): TableSpec[] {
  const whole = (what: string) => ({
    rule: { kind: "whole" as const, min: 0, max: 100000 },
    error: { title: "Whole number", message: `${what} must be a whole number, 0 or more.` },
  });
  return [
    {
      name: OPERATIONS_SCALE_TABLES.incidentSeverity,
      anchor: `A${TOP_ROW}`,
      style: TABLE_STYLE,
      columns: [
        { header: OPS_SCALE.rank, width: widthFor(6), horizontalAlignment: "Center" },
        { header: OPS_SCALE.severity, width: widthFor(14) },
        { header: OPS_SCALE.description, width: widthFor(40), wrapText: true },
      ],
      seedRows: INCIDENT_SEVERITIES.map((s, i) => ({ [OPS_SCALE.rank]: i + 1, [OPS_SCALE.severity]: s.severity, [OPS_SCALE.description]: s.description })),
    },
    {
      name: OPERATIONS_SCALE_TABLES.notificationRules,
      anchor: `E${TOP_ROW}`,
      style: TABLE_STYLE,
      columns: [
        { header: OPS_SCALE.regime, width: widthFor(16), wrapText: true },
        { header: OPS_SCALE.hours, width: widthFor(14), horizontalAlignment: "Center", validation: whole("Hours") },
        { header: OPS_SCALE.description, width: widthFor(40), wrapText: true },
      ],
      seedRows: NOTIFICATION_RULES.map((r) => ({ [OPS_SCALE.regime]: r.regime, [OPS_SCALE.hours]: r.hours, [OPS_SCALE.description]: r.description })),
    },
    {
      name: OPERATIONS_SCALE_TABLES.remediationSla,
      anchor: `J${TOP_ROW}`,
      style: TABLE_STYLE,
      columns: [
        { header: OPS_SCALE.severity, width: widthFor(10) },
        { header: OPS_SCALE.days, width: widthFor(9), horizontalAlignment: "Center", validation: whole("Days") },
      ],
      seedRows: REMEDIATION_SLA.map((r) => ({ [OPS_SCALE.severity]: r.severity, [OPS_SCALE.days]: r.days })),
    },
    {
      name: OPERATIONS_SCALE_TABLES.kpiTargets,
      anchor: `Q${TOP_ROW}`,
      style: TABLE_STYLE,
      columns: [
        { header: OPS_SCALE.indicator, width: widthFor(36), wrapText: true },
        { header: OPS_SCALE.target, width: widthFor(20), horizontalAlignment: "Center" },
        {
          header: OPS_SCALE.better,
          width: widthFor(9),
          horizontalAlignment: "Center",
          validation: { rule: { kind: "list", values: BETTER_VALUES }, error: { title: "Invalid direction", message: "Better must be Higher or Lower." } },
        },
      ],
      keyColumns: [OPS_SCALE.indicator],
      appendMissing: true,
      seedRows: targets.map((t) => ({ [OPS_SCALE.indicator]: t.indicator, [OPS_SCALE.target]: t.target ?? null, [OPS_SCALE.better]: t.better })),
    },
    {
      name: OPERATIONS_SCALE_TABLES.vendorTiers,
      anchor: `U${TOP_ROW}`,
      style: TABLE_STYLE,
      columns: [
        { header: OPS_SCALE.dataAccess, width: widthFor(13) },
        { header: OPS_SCALE.businessImpact, width: widthFor(10) },
        {
          header: OPS_SCALE.tier,
          width: widthFor(6),
          horizontalAlignment: "Center",
          validation: { rule: { kind: "whole", min: 1, max: 5 }, error: { title: "Invalid tier", message: "Tier must be a whole number from 1 (most critical) to 5." } },
        },
        { header: OPS_SCALE.reviewEvery, width: widthFor(10), horizontalAlignment: "Center", validation: { rule: { kind: "whole", min: 1, max: 120 }, error: { title: "Invalid cadence", message: "Review Every (months) must be a whole number from 1 to 120." } } },
      ],
      seedRows: VENDOR_TIERS.map((t) => ({ [OPS_SCALE.dataAccess]: t.dataAccess, [OPS_SCALE.businessImpact]: t.businessImpact, [OPS_SCALE.tier]: t.tier, [OPS_SCALE.reviewEvery]: t.months })),
    },
  ];
}
