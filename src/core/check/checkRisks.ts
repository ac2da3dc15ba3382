/** Check: problems in the risk register and asset inventory, each pointing at its cell. */
import { ASSET } from "../blueprint/assetInventory";
import { RISK } from "../blueprint/riskRegister";
import { RISK_STATUSES, TREATMENTS, YES_NO } from "../blueprint/vocabulary";
import { ratingFor, riskScore } from "../scoring";
import { Scales } from "../scales";
import { filledRows, RowView, TableData } from "./tableData";

export interface CheckProblem {
  code: string;
  severity: "error" | "warning";
  sheet: string;
  address: string;
  message: string;
}

export interface RiskCheckInput {
  risks: TableData;
  assets?: TableData;
  scales: Scales;
  /** Allowed categories (the Scales sheet's Categories table); undefined skips the check. */
  categories?: string[];
  /** Today as an Excel serial date. */
  today: number;
}

/** Asset IDs are separated by "; " (commas and new lines are tolerated too). */
export function splitIds(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function level(row: RowView, header: string, levels: ReadonlySet<number>): number | undefined | "invalid" {
  const v = row.get(header);
  if (v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(String(v).trim());
  return Number.isInteger(n) && levels.has(n) ? n : "invalid";
}

export function checkRisks(input: RiskCheckInput): CheckProblem[] {
  const { risks, scales, today } = input;
  const problems: CheckProblem[] = [];
  const report = (row: RowView, header: string, code: string, severity: CheckProblem["severity"], message: string) =>
    problems.push({ code, severity, sheet: risks.sheet, address: row.address(header), message });

  const rows = filledRows(risks);
  const likelihoods = new Set(scales.likelihood.map((l) => l.level));
  const impacts = new Set(scales.impact.map((l) => l.level));
  const assetIds = input.assets ? new Set(filledRows(input.assets).map((r) => r.text(ASSET.id).toLowerCase())) : undefined;
  const idCount = new Map<string, number>();
  for (const row of rows) {
    const id = row.text(RISK.id).toLowerCase();
    if (id) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }

  const enumerated: Array<[string, readonly string[]]> = [
    [RISK.treatment, TREATMENTS],
    [RISK.status, RISK_STATUSES],
    [RISK.confidentiality, YES_NO],
    [RISK.integrity, YES_NO],
    [RISK.availability, YES_NO],
  ];
  if (input.categories) enumerated.push([RISK.category, input.categories]);

  for (const row of rows) {
    const id = row.text(RISK.id);
    const label = id || `Row ${row.index + 1}`;
    if (!id) report(row, RISK.id, "blank-id", "error", `${label}: Risk ID is blank.`);
    else if ((idCount.get(id.toLowerCase()) ?? 0) > 1) report(row, RISK.id, "duplicate-id", "error", `${id}: Risk ID is used more than once.`);

    if (assetIds) {
      for (const assetId of splitIds(row.text(RISK.assetIds))) {
        if (!assetIds.has(assetId.toLowerCase()))
          report(row, RISK.assetIds, "missing-asset", "error", `${label}: asset ${assetId} is not in the Asset Inventory.`);
      }
    }

    const scored: Record<"inherent" | "residual", number | undefined> = { inherent: undefined, residual: undefined };
    for (const [kind, lHeader, iHeader] of [
      ["inherent", RISK.inherentLikelihood, RISK.inherentImpact],
      ["residual", RISK.residualLikelihood, RISK.residualImpact],
    ] as const) {
      const l = level(row, lHeader, likelihoods);
      const i = level(row, iHeader, impacts);
      if (l === "invalid") report(row, lHeader, "outside-scale", "error", `${label}: ${lHeader} must be a level from the Scales sheet (${[...likelihoods].join(", ")}).`);
      if (i === "invalid") report(row, iHeader, "outside-scale", "error", `${label}: ${iHeader} must be a level from the Scales sheet (${[...impacts].join(", ")}).`);
      if (typeof l === "number" && typeof i === "number") scored[kind] = riskScore(l, i, scales.method === "matrix" ? scales.matrix : undefined);
    }

    if (scored.inherent !== undefined && scored.residual !== undefined) {
      if (scored.residual > scored.inherent)
        report(row, RISK.residualScore, "residual-above-inherent", "error", `${label}: residual score ${scored.residual} is above inherent score ${scored.inherent}.`);
      else if (scored.residual < scored.inherent && !row.text(RISK.existingControls))
        report(row, RISK.existingControls, "residual-without-controls", "warning", `${label}: residual risk is lowered but no existing controls are named.`);
    }

    for (const [header, allowed] of enumerated) {
      const value = row.text(header);
      if (value && !allowed.some((a) => a.toLowerCase() === value.toLowerCase()))
        report(row, header, "outside-list", "error", `${label}: ${header} "${value}" is not one of ${allowed.join(", ")}.`);
    }

    if (row.text(RISK.status).toLowerCase() === "accepted") {
      if (!row.text(RISK.acceptedBy)) report(row, RISK.acceptedBy, "acceptance-unsigned", "error", `${label}: accepted risk has no Accepted By.`);
      const expiry = row.get(RISK.acceptanceExpiry);
      if (typeof expiry === "number" && expiry < today)
        report(row, RISK.acceptanceExpiry, "acceptance-expired", "error", `${label}: risk acceptance expired; review or renew it.`);
    }

    const overdue = reviewOverdue(row, scored, scales, today);
    if (overdue !== undefined)
      report(row, RISK.lastReviewed, "review-overdue", "warning", `${label}: review was due ${overdue} day${overdue === 1 ? "" : "s"} ago.`);
  }
  return problems;
}

/**
 * Next review date (Excel serial): last review, or identification, plus the cadence of the band
 * the risk's current score (residual, else inherent) falls in. Undefined for closed risks and
 * when a date or score is missing.
 */
export function nextReviewDate(row: RowView, scored: { inherent?: number; residual?: number }, scales: Scales): number | undefined {
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
export function reviewOverdue(
  row: RowView,
  scored: { inherent?: number; residual?: number },
  scales: Scales,
  today: number,
): number | undefined {
  const due = nextReviewDate(row, scored, scales);
  return due !== undefined && due < today ? today - due : undefined;
}
