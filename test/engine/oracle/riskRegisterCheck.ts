/** Risk Register: scores, ratings, appetite and review dates against src/core/scoring. */
import { RISK, RISKS_TABLE, RISK_REGISTER_SHEET } from "../../../src/core/blueprint/riskRegister";
import { HIGH_ASSET_HEADERS } from "../../../src/core/blueprint/assetLinks";
import { RISK_HELPER, TOP_RISK_KEY_WEIGHTS } from "../../../src/core/blueprint/riskHelpers";
import { parseScaleLevel, ratingFor, riskScore } from "../../../src/core/scoring";
import type { Scalar, TableRow } from "../engineWorkbook";
import { rowExpectations, type SheetCheck } from "./check";
import { text, type CheckContext, type EngineScales } from "./context";

export function expectedScore(likelihood: Scalar, impact: Scalar, scales: EngineScales): number | "" {
  const l = parseScaleLevel(likelihood);
  const i = parseScaleLevel(impact);
  if (l === undefined || i === undefined) return "";
  if (scales.method === "multiply") return riskScore(l, i);
  if (!scales.grid.ok) throw new Error(`ScoreMatrix is not a score grid: ${scales.grid.message}`);
  return riskScore(l, i, scales.grid.value);
}

export function expectedRating(score: number | "", scales: EngineScales): string {
  return score === "" ? "" : (ratingFor(score, scales.bands)?.rating ?? "");
}

/** What a register row should show, computed from its input cells only. */
export function expectedRiskRow(row: TableRow, { scales, today }: Pick<CheckContext, "scales" | "today">): Partial<Record<string, Scalar>> {
  const inherentScore = expectedScore(row[RISK.inherentLikelihood].value, row[RISK.inherentImpact].value, scales);
  const residualScore = expectedScore(row[RISK.residualLikelihood].value, row[RISK.residualImpact].value, scales);
  const inherentRating = expectedRating(inherentScore, scales);
  const residualRating = expectedRating(residualScore, scales);
  const lastReviewed = row[RISK.lastReviewed].value;
  const reviewBase = lastReviewed !== "" ? lastReviewed : row[RISK.identified].value;
  const currentRating = residualRating !== "" ? residualRating : inherentRating;
  const band = scales.bands.find((b) => b.rating.toLowerCase() === currentRating.toLowerCase());
  const nextReview = typeof reviewBase === "number" && band ? reviewBase + band.reviewEveryDays : "";
  const overdue = nextReview === "" ? "" : text(row[RISK.status].value) === "Closed" ? "No" : nextReview < today ? "Yes" : "No";
  const helpers = RISK_HELPER.currentRating in row ? expectedHelpers(row, { inherentScore, residualScore, currentRating }, scales) : {};
  return {
    ...helpers,
    [RISK.inherentScore]: inherentScore,
    [RISK.inherentRating]: inherentRating,
    [RISK.residualScore]: residualScore,
    [RISK.residualRating]: residualRating,
    [RISK.withinAppetite]: residualScore === "" ? "" : residualScore <= scales.appetite ? "Yes" : "No",
    [RISK.nextReview]: nextReview,
    [RISK.reviewOverdue]: overdue,
  };
}

/** The sheet row of a cell ("AF12" → 12). */
export function sheetRowOf(address: string): number {
  return Number(/\d+$/.exec(address)?.[0]);
}

/** Top Risk Key: the sort key the Top risks sheet ranks by; "" for closed or unscored risks. */
export function expectedTopRiskKey(row: TableRow, inherentScore: number | "", residualScore: number | ""): number | "" {
  const current = residualScore !== "" ? residualScore : inherentScore;
  if (text(row[RISK.status].value) === "Closed" || current === "") return "";
  const { current: c, inherent: i, rows } = TOP_RISK_KEY_WEIGHTS;
  return current * c + (inherentScore === "" ? 0 : inherentScore) * i + rows - sheetRowOf(row[RISK.id].address);
}

function expectedHelpers(
  row: TableRow,
  scored: { inherentScore: number | ""; residualScore: number | ""; currentRating: string },
  scales: EngineScales,
): Partial<Record<string, Scalar>> {
  const topBands = new Set(scales.bands.slice(-2).map((b) => b.rating.toUpperCase()));
  const openHigh = text(row[RISK.status].value) !== "Closed" && topBands.has(scored.currentRating.toUpperCase());
  const positions = text(row[RISK.assetIds].value).replace(/ /g, "").replace(/[,\n]/g, ";").split(";");
  const slots: Record<string, Scalar> = {};
  HIGH_ASSET_HEADERS.forEach((header, k) => {
    const token = positions[k] ?? "";
    const repeated = positions.slice(0, k).some((earlier) => earlier.toUpperCase() === token.toUpperCase());
    slots[header] = openHigh && !repeated ? token : "";
  });
  return {
    [RISK_HELPER.currentRating]: scored.currentRating,
    [RISK_HELPER.topRiskKey]: expectedTopRiskKey(row, scored.inherentScore, scored.residualScore),
    ...slots,
  };
}

export const riskRegisterCheck: SheetCheck = {
  sheet: RISK_REGISTER_SHEET,
  expectations: (context) => rowExpectations(RISKS_TABLE, context.book.table(RISKS_TABLE), RISK.id, (row) => expectedRiskRow(row, context)),
};
