/** Risk Register: scores, ratings, appetite and review dates against src/core/scoring. */
import { RISK, RISKS_TABLE, RISK_REGISTER_SHEET } from "../../../src/core/blueprint/riskRegister";
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
  return {
    [RISK.inherentScore]: inherentScore,
    [RISK.inherentRating]: inherentRating,
    [RISK.residualScore]: residualScore,
    [RISK.residualRating]: residualRating,
    [RISK.withinAppetite]: residualScore === "" ? "" : residualScore <= scales.appetite ? "Yes" : "No",
    [RISK.nextReview]: nextReview,
    [RISK.reviewOverdue]: overdue,
  };
}

export const riskRegisterCheck: SheetCheck = {
  sheet: RISK_REGISTER_SHEET,
  expectations: (context) => rowExpectations(RISKS_TABLE, context.book.table(RISKS_TABLE), RISK.id, (row) => expectedRiskRow(row, context)),
};
