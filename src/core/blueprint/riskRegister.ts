/**
 * The Risk Register sheet: table `Risks`, one row per risk. Scores, ratings, appetite and review
 * dates are native calculated columns that read the Scales sheet, so they compute for a reader
 * without the add-in (Excel 2019+, LibreOffice 7.4).
 */
import { Scales, ScaleLevel } from "../scales";
import { labelColorFor } from "../color";
import type { RowView } from "../check/tableData";
import { columnOf } from "../registers/columns";
import { REGISTER_TABLES } from "../registers/tableNames";
import type { FieldSpec, FieldType, RegisterDeclaration, RowRule } from "../registers/types";
import { sampleRisks } from "../sample/risks";
import { ratingFor, riskScore } from "../scoring";
import { ASSET_LINK_SLOTS, uncountedAssetIds } from "./assetLinks";
import { RISK_HELPER, riskHelperFields } from "./riskHelpers";
import { SCALE_TABLES } from "./scalesSheet";
import { ALERT } from "./style";
import { ColumnSpec, ConditionalFormatSpec, tableColumn, thisRow, ValidationSpec } from "./types";
import { RISK_STATUSES, TREATMENTS } from "./vocabulary";

export const RISKS_TABLE = REGISTER_TABLES.risks;
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

/**
 * Next review: the cadence of the rating the risk carries now (residual, else inherent), read from
 * the Current Rating helper column at the end of the table (riskHelpers.ts), computed once per row
 * instead of again here: every reference LibreOffice resolves costs it (bench/engineFamilies.ts).
 * A function, not a constant: riskHelpers imports this module.
 */
function nextReviewFormula(): string {
  const currentRating = r(RISK_HELPER.currentRating);
  return (
    `=IF(OR(${reviewBase}="",${currentRating}=""),"",` +
    `IFERROR(${reviewBase}+INDEX(${bands("Review Every (days)")},MATCH(${currentRating},${bands("Rating")},0)),""))`
  );
}

const FORMULAS = {
  withinAppetite: `=IF(${r(RISK.residualScore)}="","",IF(${r(RISK.residualScore)}<=RiskAppetite,"Yes","No"))`,
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

/** One conditional format per rating band: the band's fill with a readable label colour. */
export function ratingColours(column: string, scales: Scales): ConditionalFormatSpec[] {
  return scales.bands.map((band, i) => ({
    formula: `=AND({row:${column}}<>"",{row:${column}}={cell:${SCALE_TABLES.bands}[Rating]#${i + 1}})`,
    fill: band.color,
    fontColor: labelColorFor(band.color),
    bold: true,
  }));
}

export const alertWhen = (column: string, value: string): ConditionalFormatSpec => ({ formula: `={row:${column}}="${value}"`, ...ALERT });

export function riskFields(scales: Scales): FieldSpec[] {
  const likelihood = levelValidation("Likelihood", scales.likelihood, SCALE_TABLES.likelihood);
  const impact = levelValidation("Impact", scales.impact, SCALE_TABLES.impact);
  const levelOf = (table: string, listName: string): FieldType => ({ kind: "scaleChoice", table, column: "Level", listName });
  const level = { width: 10, align: "Center" as const, customCheck: true };
  const calc = { align: "Center" as const };
  const text = (header: string, width: number, more: Partial<FieldSpec> = {}): FieldSpec => ({ header, type: { kind: "text" }, width, ...more });
  const date = (header: string): FieldSpec => ({ header, type: { kind: "date" }, width: 11 });
  const flag = (header: string): FieldSpec => ({ header, type: { kind: "yesNo" }, width: 9, label: "Impact flag", align: "Center" });
  return [
    text(RISK.id, 8),
    text(RISK.title, 28, { wrap: true, required: true, aliases: ["Risk Title", "Risk Name", "Name", "Scenario", "Risk", "Subject", "Summary"] }),
    text(RISK.description, 40, { wrap: true, aliases: ["Details", "Risk Description", "Risk Statement"] }),
    { header: RISK.category, type: { kind: "scaleChoice", table: SCALE_TABLES.categories, column: "Category", listName: "categories" }, width: 18, aliases: ["Risk Category", "Categories", "Domain"] },
    { header: RISK.assetIds, type: { kind: "ids", register: REGISTER_TABLES.assets, multiple: true }, width: 14, aliases: ["Assets", "Asset", "Asset ID", "Affected Assets", "Related Assets"] },
    text(RISK.threat, 22, { wrap: true, aliases: ["Threats", "Threat Source"] }),
    text(RISK.vulnerability, 22, { wrap: true, aliases: ["Vulnerabilities", "Weakness"] }),
    text(RISK.owner, 16, { aliases: ["Risk Owner", "Owner(s)", "Owners", "Assignee", "Responsible"] }),
    { header: RISK.inherentLikelihood, type: levelOf(SCALE_TABLES.likelihood, "likelihood levels"), ...level, validation: likelihood, aliases: ["Likelihood", "Probability", "Inherent Probability", "Current Likelihood"] },
    { header: RISK.inherentImpact, type: levelOf(SCALE_TABLES.impact, "impact levels"), ...level, validation: impact, aliases: ["Impact", "Severity", "Consequence", "Current Impact"] },
    { header: RISK.inherentScore, type: { kind: "whole" }, width: 8, ...calc, numberFormat: "0", formula: scoreFormula(RISK.inherentLikelihood, RISK.inherentImpact) },
    { header: RISK.inherentRating, type: { kind: "text" }, width: 9, ...calc, formula: ratingFormula(RISK.inherentScore), conditionalFormats: ratingColours(RISK.inherentRating, scales) },
    text(RISK.existingControls, 22, { wrap: true, aliases: ["Controls", "Current Controls", "Mitigating Controls", "Current Solution"] }),
    { header: RISK.treatment, type: { kind: "choice", values: TREATMENTS }, width: 10, input: "Mitigate, Accept, Transfer or Avoid", aliases: ["Response", "Risk Response", "Treatment Option", "Strategy", "Decision"] },
    text(RISK.treatmentPlan, 28, { wrap: true, aliases: ["Action Plan", "Mitigation Plan", "Treatment Actions", "Additional Controls"] }),
    { header: RISK.residualLikelihood, type: levelOf(SCALE_TABLES.likelihood, "likelihood levels"), ...level, validation: likelihood, aliases: ["Target Likelihood", "Residual Probability"] },
    { header: RISK.residualImpact, type: levelOf(SCALE_TABLES.impact, "impact levels"), ...level, validation: impact, aliases: ["Target Impact", "Residual Severity"] },
    { header: RISK.residualScore, type: { kind: "whole" }, width: 8, ...calc, numberFormat: "0", formula: scoreFormula(RISK.residualLikelihood, RISK.residualImpact) },
    { header: RISK.residualRating, type: { kind: "text" }, width: 9, ...calc, formula: ratingFormula(RISK.residualScore), conditionalFormats: ratingColours(RISK.residualRating, scales) },
    { header: RISK.withinAppetite, type: { kind: "yesNo" }, width: 9, ...calc, formula: FORMULAS.withinAppetite, conditionalFormats: [alertWhen(RISK.withinAppetite, "No")] },
    { header: RISK.status, type: { kind: "choice", values: RISK_STATUSES }, width: 11, input: "Open, In treatment, Accepted or Closed", aliases: ["Risk Status", "State"] },
    { ...date(RISK.identified), aliases: ["Date Identified", "Identified On", "Date Raised", "Raised", "Created"] },
    { ...date(RISK.lastReviewed), aliases: ["Last Review", "Last Review Date", "Reviewed On", "Review Date"] },
    { header: RISK.nextReview, type: { kind: "date" }, width: 11, formula: nextReviewFormula() },
    { header: RISK.reviewOverdue, type: { kind: "yesNo" }, width: 9, ...calc, formula: FORMULAS.reviewOverdue, conditionalFormats: [alertWhen(RISK.reviewOverdue, "Yes")] },
    { ...date(RISK.targetDate), aliases: ["Due Date", "Due", "Deadline", "Target Completion Date"] },
    text(RISK.acceptedBy, 14, { aliases: ["Risk Acceptor", "Accepted by"] }),
    { ...date(RISK.acceptanceExpiry), aliases: ["Acceptance Expires", "Acceptance Expiry Date", "Exception Expiry"] },
    flag(RISK.confidentiality),
    flag(RISK.integrity),
    flag(RISK.availability),
    ...riskHelperFields(scales),
  ];
}

/** Blueprint columns of the register (the fields as the plan takes them). */
export function riskColumns(scales: Scales): ColumnSpec[] {
  return riskFields(scales).map(columnOf);
}

type Scored = { inherent?: number; residual?: number };

function level(row: RowView, header: string, levels: ReadonlySet<number>): number | undefined | "invalid" {
  const v = row.get(header);
  if (v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(String(v).trim());
  return Number.isInteger(n) && levels.has(n) ? n : "invalid";
}

/** Inherent and residual scores of a row whose levels are on the scales (undefined where a level is missing or invalid). */
export function scoreRow(row: RowView, scales: Scales): Scored & { invalid: string[] } {
  const likelihoods = new Set(scales.likelihood.map((l) => l.level));
  const impacts = new Set(scales.impact.map((l) => l.level));
  const scored: Scored & { invalid: string[] } = { invalid: [] };
  for (const [kind, lHeader, iHeader] of [
    ["inherent", RISK.inherentLikelihood, RISK.inherentImpact],
    ["residual", RISK.residualLikelihood, RISK.residualImpact],
  ] as const) {
    const l = level(row, lHeader, likelihoods);
    const i = level(row, iHeader, impacts);
    if (l === "invalid") scored.invalid.push(lHeader);
    if (i === "invalid") scored.invalid.push(iHeader);
    if (typeof l === "number" && typeof i === "number") scored[kind] = riskScore(l, i, scales.method === "matrix" ? scales.matrix : undefined);
  }
  return scored;
}

/**
 * Next review date (Excel serial): last review, or identification, plus the cadence of the band
 * the risk's current score (residual, else inherent) falls in. Undefined for closed risks and
 * when a date or score is missing.
 */
export function nextReviewDate(row: RowView, scored: Scored, scales: Scales): number | undefined {
  if (row.text(RISK.status).toLowerCase() === "closed") return undefined;
  const last = row.get(RISK.lastReviewed);
  const identified = row.get(RISK.identified);
  const base = typeof last === "number" ? last : typeof identified === "number" ? identified : undefined;
  const score = scored.residual ?? scored.inherent;
  if (base === undefined || score === undefined) return undefined;
  const band = ratingFor(score, scales.bands);
  return band ? base + band.reviewEveryDays : undefined;
}

/** Days past the next review date, or undefined when not overdue (or not dated). */
export function reviewOverdue(row: RowView, scored: Scored, scales: Scales, today: number): number | undefined {
  const due = nextReviewDate(row, scored, scales);
  return due !== undefined && due < today ? today - due : undefined;
}

/** Levels on the scales, residual not above inherent, signed and current acceptances, reviews on time. */
const RISK_RULES: readonly RowRule[] = [
  (row, label, report, { scales, today }) => {
    const scored = scoreRow(row, scales);
    for (const header of scored.invalid) {
      const levels = (header === RISK.inherentLikelihood || header === RISK.residualLikelihood ? scales.likelihood : scales.impact).map((l) => l.level);
      report(row, header, "outside-scale", "error", `${label}: ${header} must be a level from the Scales sheet (${levels.join(", ")}).`);
    }
    if (scored.inherent !== undefined && scored.residual !== undefined) {
      if (scored.residual > scored.inherent)
        report(row, RISK.residualScore, "residual-above-inherent", "error", `${label}: residual score ${scored.residual} is above inherent score ${scored.inherent}.`);
      else if (scored.residual < scored.inherent && !row.text(RISK.existingControls))
        report(row, RISK.existingControls, "residual-without-controls", "warning", `${label}: residual risk is lowered but no existing controls are named.`);
    }
    if (row.text(RISK.status).toLowerCase() === "accepted") {
      if (!row.text(RISK.acceptedBy)) report(row, RISK.acceptedBy, "acceptance-unsigned", "error", `${label}: accepted risk has no Accepted By.`);
      const expiry = row.get(RISK.acceptanceExpiry);
      if (typeof expiry === "number" && expiry < today)
        report(row, RISK.acceptanceExpiry, "acceptance-expired", "error", `${label}: risk acceptance expired; review or renew it.`);
    }
    const uncounted = uncountedAssetIds(row.text(RISK.assetIds));
    if (uncounted.length > 0)
      report(row, RISK.assetIds, "assets-beyond-link-slots", "warning",
        `${label}: lists more than ${ASSET_LINK_SLOTS} assets; Open High Risks on the Asset Inventory counts the first ${ASSET_LINK_SLOTS} (not ${uncounted.join(", ")}). Split the risk per asset group.`);
    const overdue = reviewOverdue(row, scored, scales, today);
    if (overdue !== undefined)
      report(row, RISK.lastReviewed, "review-overdue", "warning", `${label}: review was due ${overdue} day${overdue === 1 ? "" : "s"} ago.`);
  },
];

export const RISK_REGISTER: RegisterDeclaration = {
  key: "risks",
  noun: "risk",
  table: RISKS_TABLE,
  keyColumn: RISK.id,
  sheet: {
    key: "risks",
    name: RISK_REGISTER_SHEET,
    tabColor: "#C00000",
    title: "Risk register",
    subtitle:
      "One row per risk. Enter likelihood and impact from the Scales sheet; scores, ratings, appetite and review dates calculate. " +
      "Asset IDs: IDs from the Asset Inventory separated by \"; \".",
    freezeColumns: 1,
    // About 1,330 pt of columns: two landscape pages across at the registers' 70%.
    readerColumns: [
      RISK.id,
      RISK.title,
      RISK.description,
      RISK.owner,
      RISK.inherentRating,
      RISK.treatment,
      RISK.treatmentPlan,
      RISK.residualRating,
      RISK.withinAppetite,
      RISK.status,
      RISK.targetDate,
      RISK.nextReview,
    ],
  },
  fields: ({ scales }) => riskFields(scales),
  seedRows: ({ sample, scales, today }) => (sample ? sampleRisks(scales.size, today) : []),
  rules: RISK_RULES,
};

