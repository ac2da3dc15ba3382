/** The Asset Inventory sheet: table `Assets`, with criticality derived from C/I/A ratings. */
import { ASSET_LINK_SLOTS, highAssetHeader, literalCriterion } from "./assetLinks";
import { DATE_VALIDATION, RISKS_TABLE } from "./riskRegister";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { ColumnSpec, SheetSpec, thisRow, ValidationSpec } from "./types";
import { ASSET_STATUSES, ASSET_TYPES, CIA_LEVELS, CLASSIFICATIONS, DATE_FORMAT, YES_NO } from "./vocabulary";

export const ASSETS_TABLE = "Assets";
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
} as const;

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

const ciaValidation = (what: string): ValidationSpec => ({
  rule: { kind: "whole", min: 1, max: 3 },
  prompt: { title: what, message: CIA_LEVELS.map((l) => `${l.level} ${l.label}`).join(", ") },
  error: { title: `Invalid ${what.toLowerCase()}`, message: `${what} must be a whole number from 1 (Low) to 3 (High).` },
});

const list = (what: string, values: readonly string[]): ValidationSpec => ({
  rule: { kind: "list", values },
  error: { title: `Invalid ${what.toLowerCase()}`, message: `${what} must be one of: ${values.join(", ")}.` },
});

const hours = (what: string): ValidationSpec => ({
  rule: { kind: "decimal", min: 0, max: 100000 },
  error: { title: `Invalid ${what}`, message: `${what} must be a number of hours, 0 or more.` },
});

export function assetColumns(): ColumnSpec[] {
  const cia = { width: widthFor(9), horizontalAlignment: "Center" as const };
  const flag = { width: widthFor(8), horizontalAlignment: "Center" as const };
  return [
    { header: ASSET.id, width: widthFor(8) },
    { header: ASSET.name, width: widthFor(28) },
    { header: ASSET.type, width: widthFor(14), validation: list("Type", ASSET_TYPES) },
    { header: ASSET.owner, width: widthFor(18) },
    { header: ASSET.custodian, width: widthFor(18) },
    { header: ASSET.location, width: widthFor(18) },
    { header: ASSET.classification, width: widthFor(12), validation: list("Classification", CLASSIFICATIONS) },
    { header: ASSET.confidentiality, ...cia, validation: ciaValidation("Confidentiality") },
    { header: ASSET.integrity, ...cia, validation: ciaValidation("Integrity") },
    { header: ASSET.availability, ...cia, validation: ciaValidation("Availability") },
    { header: ASSET.criticality, width: widthFor(9), horizontalAlignment: "Center", formula: criticalityFormula() },
    { header: ASSET.personalData, ...flag, validation: list("Personal Data", YES_NO) },
    { header: ASSET.healthData, ...flag, validation: list("Health Data", YES_NO) },
    { header: ASSET.paymentData, ...flag, validation: list("Payment Data", YES_NO) },
    { header: ASSET.rto, width: widthFor(8), horizontalAlignment: "Center", validation: hours("RTO") },
    { header: ASSET.rpo, width: widthFor(8), horizontalAlignment: "Center", validation: hours("RPO") },
    { header: ASSET.status, width: widthFor(9), validation: list("Status", ASSET_STATUSES) },
    { header: ASSET.lastReviewed, width: widthFor(11), numberFormat: DATE_FORMAT, validation: DATE_VALIDATION },
    { header: ASSET.openHighRisks, width: widthFor(10), horizontalAlignment: "Center", numberFormat: "0", formula: openHighRisksFormula() },
  ];
}

export function assetInventorySheet(sampleRows: ReadonlyArray<Record<string, string | number | null>>): SheetSpec {
  return {
    key: "assets",
    name: ASSET_INVENTORY_SHEET,
    tabColor: "#2E75B6",
    ownerTable: ASSETS_TABLE,
    blocks: [
      { address: "A1", values: [["Asset inventory"]], format: TITLE },
      {
        address: "A2",
        values: [["Information, systems, people, facilities and vendor services worth protecting. Rate C/I/A 1 (Low) to 3 (High); Criticality follows."]],
        format: SUBTITLE,
      },
    ],
    tables: [{ name: ASSETS_TABLE, anchor: "A4", style: TABLE_STYLE, columns: assetColumns(), seedRows: sampleRows }],
    names: [],
    freeze: { rows: 4, columns: 1 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
