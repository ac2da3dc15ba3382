/** The Asset Inventory sheet: table `Assets`, with criticality derived from C/I/A ratings. */
import { columnOf } from "../registers/columns";
import { REGISTER_TABLES } from "../registers/tableNames";
import type { FieldSpec, RegisterDeclaration } from "../registers/types";
import { sampleAssets } from "../sample/assets";
import { ASSET_LINK_SLOTS, highAssetHeader, literalCriterion } from "./assetLinks";
import { RISKS_TABLE } from "./riskRegister";
import { ColumnSpec, thisRow } from "./types";
import { ASSET_STATUSES, ASSET_TYPES, CIA_LEVELS, CLASSIFICATIONS } from "./vocabulary";

export const ASSETS_TABLE = REGISTER_TABLES.assets;
export const ASSET_INVENTORY_SHEET = "Asset Inventory";

export const ASSET = {
  id: "Asset ID",
  name: "Name",
  type: "Type",
  owner: "Owner",
  custodian: "Custodian",
  location: "Location",
  classification: "Classification",
  confidentiality: "Confidentiality",
  integrity: "Integrity",
  availability: "Availability",
  criticality: "Criticality",
  personalData: "Personal Data",
  healthData: "Health Data",
  paymentData: "Payment Data",
  rto: "RTO (hours)",
  rpo: "RPO (hours)",
  status: "Status",
  lastReviewed: "Last Reviewed",
  openHighRisks: "Open High Risks",
  patchStatus: "Patch Status",
  lastPatched: "Last Patched",
} as const;

export const PATCH_STATUSES = ["Current", "Behind", "Not applicable"] as const;

export const CRITICALITY_LEVELS = ["Low", "Medium", "High", "Critical"] as const;

/**
 * Criticality from C/I/A (1 Low .. 3 High): Critical when the highest is High and the sum is at
 * least 8 (two High and one Moderate or better), otherwise High, Medium or Low by the highest rating.
 */
export function criticalityOf(c: number, i: number, a: number): (typeof CRITICALITY_LEVELS)[number] {
  const max = Math.max(c, i, a);
  if (max === 3 && c + i + a >= 8) return "Critical";
  return max === 3 ? "High" : max === 2 ? "Medium" : "Low";
}

/**
 * Open risks currently rated in the top two bands that list this asset: one COUNTIF over the
 * Risks table's "High Asset" helper columns (assetLinks.ts explains the shape and its cost).
 */
function openHighRisksFormula(): string {
  const id = thisRow(ASSETS_TABLE, ASSET.id);
  const links = `${RISKS_TABLE}[[${highAssetHeader(1)}]:[${highAssetHeader(ASSET_LINK_SLOTS)}]]`;
  return `=IF(${id}="","",COUNTIF(${links},${literalCriterion(`SUBSTITUTE(${id}," ","")`)}))`;
}

function criticalityFormula(): string {
  const [c, i, a] = [ASSET.confidentiality, ASSET.integrity, ASSET.availability].map((h) => thisRow(ASSETS_TABLE, h));
  const max = `MAX(${c},${i},${a})`;
  return (
    `=IF(COUNT(${c},${i},${a})<3,"",IF(AND(${max}=3,${c}+${i}+${a}>=8),"Critical",` +
    `IF(${max}=3,"High",IF(${max}=2,"Medium","Low"))))`
  );
}

const cia = (header: string): FieldSpec => ({
  header,
  type: { kind: "whole", min: 1, max: 3 },
  width: 9,
  align: "Center",
  input: CIA_LEVELS.map((l) => `${l.level} ${l.label}`).join(", "),
  error: { title: `Invalid ${header.toLowerCase()}`, message: `${header} must be a whole number from 1 (Low) to 3 (High).` },
});

const hours = (header: string, what: string): FieldSpec => ({
  header,
  type: { kind: "decimal", min: 0, max: 100000 },
  width: 8,
  align: "Center",
  error: { title: `Invalid ${what}`, message: `${what} must be a number of hours, 0 or more.` },
});

const flag = (header: string): FieldSpec => ({ header, type: { kind: "yesNo" }, width: 8, align: "Center" });
const text = (header: string, width: number, more: Partial<FieldSpec> = {}): FieldSpec => ({ header, type: { kind: "text" }, width, ...more });

export function assetFields(): FieldSpec[] {
  return [
    text(ASSET.id, 8),
    text(ASSET.name, 28, { required: true, aliases: ["Asset", "Asset Name", "Hostname"] }),
    { header: ASSET.type, type: { kind: "choice", values: ASSET_TYPES }, width: 14, aliases: ["Asset Type", "Class"] },
    text(ASSET.owner, 18, { aliases: ["Asset Owner", "Business Owner"] }),
    text(ASSET.custodian, 18, { aliases: ["Technical Owner", "Administrator"] }),
    text(ASSET.location, 18, { aliases: ["Site", "Region", "Hosting"] }),
    { header: ASSET.classification, type: { kind: "choice", values: CLASSIFICATIONS }, width: 12, aliases: ["Data Classification", "Sensitivity"] },
    cia(ASSET.confidentiality),
    cia(ASSET.integrity),
    cia(ASSET.availability),
    { header: ASSET.criticality, type: { kind: "choice", values: CRITICALITY_LEVELS }, width: 9, align: "Center", formula: criticalityFormula() },
    flag(ASSET.personalData),
    flag(ASSET.healthData),
    flag(ASSET.paymentData),
    hours(ASSET.rto, "RTO"),
    hours(ASSET.rpo, "RPO"),
    { header: ASSET.status, type: { kind: "choice", values: ASSET_STATUSES }, width: 9, aliases: ["State", "Lifecycle"] },
    { header: ASSET.lastReviewed, type: { kind: "date" }, width: 11, aliases: ["Last Review", "Reviewed On"] },
    { header: ASSET.openHighRisks, type: { kind: "whole" }, width: 10, align: "Center", numberFormat: "0", formula: openHighRisksFormula() },
    {
      header: ASSET.patchStatus,
      type: { kind: "choice", values: PATCH_STATUSES },
      width: 11,
      input: "Current: patched within the SLA. Behind: patches outstanding past the SLA. Not applicable: nothing to patch (information, people, facilities).",
    },
    { header: ASSET.lastPatched, type: { kind: "date" }, width: 11, input: "Date patches were last applied." },
  ];
}

/** Blueprint columns of the inventory. */
export function assetColumns(): ColumnSpec[] {
  return assetFields().map(columnOf);
}

export const ASSET_INVENTORY: RegisterDeclaration = {
  key: "assets",
  noun: "asset",
  table: ASSETS_TABLE,
  keyColumn: ASSET.id,
  sheet: {
    key: "assets",
    name: ASSET_INVENTORY_SHEET,
    tabColor: "#2E75B6",
    title: "Asset inventory",
    subtitle: "Information, systems, people, facilities and vendor services worth protecting. Rate C/I/A 1 (Low) to 3 (High); Criticality follows.",
    freezeColumns: 1,
  },
  fields: () => assetFields(),
  seedRows: ({ sample, today }) => (sample ? sampleAssets(today) : []),
};
