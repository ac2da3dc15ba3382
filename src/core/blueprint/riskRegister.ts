/**
 * The Risk Register sheet: table `Risks`, one row per risk. Scores, ratings, appetite and review
 * dates are native calculated columns that read the Scales sheet, so they compute for a reader
 * without the add-in (Excel 2019+, LibreOffice 7.4).
 */
import { Scales, ScaleLevel } from "../scales";
import { labelColorFor } from "../color";
import { SCALE_TABLES } from "./scalesSheet";
import { riskHelperColumns } from "./riskHelpers";
import { ALERT, SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { ColumnSpec, ConditionalFormatSpec, SheetSpec, tableColumn, thisRow, ValidationSpec } from "./types";
import { DATE_FORMAT, RISK_STATUSES, TREATMENTS, YES_NO } from "./vocabulary";

export const RISKS_TABLE = "Risks";
export const RISK_REGISTER_SHEET = "Risk Register";

/** Headers the rest of the add-in (Check, heatmaps, dashboard) relies on. */
export const RISK = {
  id: "Risk ID",
  title: "Title",
  description: "Description",
  category: "Category",
  assetIds: "Asset IDs",
  threat: "Threat",
  vulnerability: "Vulnerability",
  owner: "Owner",
  inherentLikelihood: "Inherent Likelihood",
  inherentImpact: "Inherent Impact",
  inherentScore: "Inherent Score",
  inherentRating: "Inherent Rating",
  existingControls: "Existing Controls",
  treatment: "Treatment",
  treatmentPlan: "Treatment Plan",
  residualLikelihood: "Residual Likelihood",
  residualImpact: "Residual Impact",
  residualScore: "Residual Score",
  residualRating: "Residual Rating",
  withinAppetite: "Within Appetite",
  status: "Status",
  identified: "Identified",
  lastReviewed: "Last Reviewed",
  nextReview: "Next Review",
  reviewOverdue: "Review Overdue",
  targetDate: "Target Date",
  acceptedBy: "Accepted By",
  acceptanceExpiry: "Acceptance Expiry",
  confidentiality: "Confidentiality Impact",
  integrity: "Integrity Impact",
  availability: "Availability Impact",
} as const;

const r = (column: string) => thisRow(RISKS_TABLE, column);
const bands = (column: string) => tableColumn(SCALE_TABLES.bands, column);

/** Score from likelihood and impact: multiply, or look up the Scales sheet's grid. */
export function scoreFormula(likelihood: string, impact: string): string {
  const l = r(likelihood);
  const i = r(impact);
  return `=IF(OR(${l}="",${i}=""),"",IF(ScoringMethod="Lookup matrix",INDEX(ScoreMatrix,${l},${i}),${l}*${i}))`;
}

/** Rating: the band with the largest Min Score not above the score. */
export function ratingFormula(score: string): string {
  const s = r(score);
  return `=IF(${s}="","",IFERROR(INDEX(${bands("Rating")},MATCH(${s},${bands("Min Score")},1)),""))`;
}

const reviewBase = `IF(${r(RISK.lastReviewed)}<>"",${r(RISK.lastReviewed)},${r(RISK.identified)})`;
const currentRating = `IF(${r(RISK.residualRating)}<>"",${r(RISK.residualRating)},${r(RISK.inherentRating)})`;

const FORMULAS = {
  withinAppetite: `=IF(${r(RISK.residualScore)}="","",IF(${r(RISK.residualScore)}<=RiskAppetite,"Yes","No"))`,
  nextReview:
    `=IF(OR(${reviewBase}="",${currentRating}=""),"",` +
    `IFERROR(${reviewBase}+INDEX(${bands("Review Every (days)")},MATCH(${currentRating},${bands("Rating")},0)),""))`,
  reviewOverdue: `=IF(${r(RISK.nextReview)}="","",IF(${r(RISK.status)}="Closed","No",IF(${r(RISK.nextReview)}<TODAY(),"Yes","No")))`,
};

function describeLevels(levels: readonly ScaleLevel[]): string {
  return levels.map((l) => `${l.level} ${l.label}`).join(", ");
}

function levelValidation(what: "Likelihood" | "Impact", levels: readonly ScaleLevel[], table: string): ValidationSpec {
  const first = levels[0];
  const last = levels[levels.length - 1];
  return {
    rule: { kind: "listFrom", source: `={col:${table}[Level]}` },
    prompt: { title: `${what} level`, message: `${describeLevels(levels)}. Definitions on the Scales sheet.`.slice(0, 255) },
    error: {
      title: `Invalid ${what.toLowerCase()}`,
      message: `${what} must be a level from the Scales sheet: a whole number from ${first.level} (${first.label}) to ${last.level} (${last.label}).`,
    },
  };
}

function listValidation(what: string, values: readonly string[], prompt?: string): ValidationSpec {
  return {
    rule: { kind: "list", values },
    prompt: prompt ? { title: what, message: prompt } : undefined,
    error: { title: `Invalid ${what.toLowerCase()}`, message: `${what} must be one of: ${values.join(", ")}.` },
  };
}

export const DATE_VALIDATION: ValidationSpec = {
  rule: { kind: "date" },
  error: { title: "Invalid date", message: "Enter a date, for example 2026-11-23." },
};

/** One conditional format per rating band: the band's fill with a readable label colour. */
export function ratingColours(column: string, scales: Scales): ConditionalFormatSpec[] {
  return scales.bands.map((band, i) => ({
    formula: `=AND({row:${column}}<>"",{row:${column}}={cell:${SCALE_TABLES.bands}[Rating]#${i + 1}})`,
    fill: band.color,
    fontColor: labelColorFor(band.color),
    bold: true,
  }));
}

const alertWhen = (column: string, value: string): ConditionalFormatSpec => ({ formula: `={row:${column}}="${value}"`, ...ALERT });

export function riskColumns(scales: Scales): ColumnSpec[] {
  const likelihood = levelValidation("Likelihood", scales.likelihood, SCALE_TABLES.likelihood);
  const impact = levelValidation("Impact", scales.impact, SCALE_TABLES.impact);
  const level = { width: widthFor(10), horizontalAlignment: "Center" as const };
  const calc = { horizontalAlignment: "Center" as const };
  const date = { width: widthFor(11), numberFormat: DATE_FORMAT, validation: DATE_VALIDATION };
  const flag = { width: widthFor(9), validation: listValidation("Impact flag", YES_NO), horizontalAlignment: "Center" as const };
  return [
    { header: RISK.id, width: widthFor(8) },
    { header: RISK.title, width: widthFor(28), wrapText: true },
    { header: RISK.description, width: widthFor(40), wrapText: true },
    {
      header: RISK.category,
      width: widthFor(18),
      validation: {
        rule: { kind: "listFrom", source: `={col:${SCALE_TABLES.categories}[Category]}` },
        error: { title: "Invalid category", message: "Category must be one of the categories listed on the Scales sheet." },
      },
    },
    { header: RISK.assetIds, width: widthFor(14) },
    { header: RISK.threat, width: widthFor(22), wrapText: true },
    { header: RISK.vulnerability, width: widthFor(22), wrapText: true },
    { header: RISK.owner, width: widthFor(16) },
    { header: RISK.inherentLikelihood, ...level, validation: likelihood },
    { header: RISK.inherentImpact, ...level, validation: impact },
    { header: RISK.inherentScore, width: widthFor(8), ...calc, numberFormat: "0", formula: scoreFormula(RISK.inherentLikelihood, RISK.inherentImpact) },
    { header: RISK.inherentRating, width: widthFor(9), ...calc, formula: ratingFormula(RISK.inherentScore), conditionalFormats: ratingColours(RISK.inherentRating, scales) },
    { header: RISK.existingControls, width: widthFor(22), wrapText: true },
    { header: RISK.treatment, width: widthFor(10), validation: listValidation("Treatment", TREATMENTS, "Mitigate, Accept, Transfer or Avoid") },
    { header: RISK.treatmentPlan, width: widthFor(28), wrapText: true },
    { header: RISK.residualLikelihood, ...level, validation: likelihood },
    { header: RISK.residualImpact, ...level, validation: impact },
    { header: RISK.residualScore, width: widthFor(8), ...calc, numberFormat: "0", formula: scoreFormula(RISK.residualLikelihood, RISK.residualImpact) },
    { header: RISK.residualRating, width: widthFor(9), ...calc, formula: ratingFormula(RISK.residualScore), conditionalFormats: ratingColours(RISK.residualRating, scales) },
    { header: RISK.withinAppetite, width: widthFor(9), ...calc, formula: FORMULAS.withinAppetite, conditionalFormats: [alertWhen(RISK.withinAppetite, "No")] },
    { header: RISK.status, width: widthFor(11), validation: listValidation("Status", RISK_STATUSES, "Open, In treatment, Accepted or Closed") },
    { header: RISK.identified, ...date },
    { header: RISK.lastReviewed, ...date },
    { header: RISK.nextReview, width: widthFor(11), numberFormat: DATE_FORMAT, formula: FORMULAS.nextReview },
    { header: RISK.reviewOverdue, width: widthFor(9), ...calc, formula: FORMULAS.reviewOverdue, conditionalFormats: [alertWhen(RISK.reviewOverdue, "Yes")] },
    { header: RISK.targetDate, ...date },
    { header: RISK.acceptedBy, width: widthFor(14) },
    { header: RISK.acceptanceExpiry, ...date },
    { header: RISK.confidentiality, ...flag },
    { header: RISK.integrity, ...flag },
    { header: RISK.availability, ...flag },
    ...riskHelperColumns(scales),
  ];
}

export function riskRegisterSheet(scales: Scales, sampleRows: ReadonlyArray<Record<string, string | number | null>>): SheetSpec {
  return {
    key: "risks",
    name: RISK_REGISTER_SHEET,
    tabColor: "#C00000",
    ownerTable: RISKS_TABLE,
    blocks: [
      { address: "A1", values: [["Risk register"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "One row per risk. Enter likelihood and impact from the Scales sheet; scores, ratings, appetite and review dates calculate. " +
            "Asset IDs: IDs from the Asset Inventory separated by \"; \".",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [{ name: RISKS_TABLE, anchor: "A4", style: TABLE_STYLE, columns: riskColumns(scales), seedRows: sampleRows }],
    names: [],
    freeze: { rows: 4, columns: 1 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
