import type { MatrixSize } from "../scales";
import { excelDateOffset } from "./excelDate";
import { toMatrixLevel } from "./matrixLevel";
import { RISK_SCENARIOS, type AuthoredLevels } from "./riskScenarios";
import type { SampleRow } from "./types";

export function riskId(position: number): string {
  return `R-${String(position + 1).padStart(3, "0")}`;
}

const affectsFlag = (affects: string, dimension: "C" | "I" | "A"): "Yes" | "No" => (affects.includes(dimension) ? "Yes" : "No");

/** Sample risk register with levels fitted to a `size` x `size` matrix and dates relative to `today`. */
export function sampleRisks(size: MatrixSize, today: Date): SampleRow[] {
  return RISK_SCENARIOS.map((scenario, position) => {
    // Alternating the tie direction between risks spreads them over every level of the matrix.
    const roundUpOnTie = position % 2 === 1;
    const fit = (levels: AuthoredLevels | null): [number | null, number | null] =>
      levels === null ? [null, null] : [toMatrixLevel(levels[0], size, roundUpOnTie), toMatrixLevel(levels[1], size, roundUpOnTie)];
    const [inherentLikelihood, inherentImpact] = fit(scenario.inherent);
    const [residualLikelihood, residualImpact] = fit(scenario.residual);
    const dateIn = (days: number | null | undefined): number | null => (days === null || days === undefined ? null : excelDateOffset(today, days));

    return {
      "Risk ID": riskId(position),
      Title: scenario.title,
      Description: scenario.description,
      Category: scenario.category,
      "Asset IDs": scenario.assetIds.join("; "),
      Threat: scenario.threat,
      Vulnerability: scenario.vulnerability,
      Owner: scenario.owner,
      "Inherent Likelihood": inherentLikelihood,
      "Inherent Impact": inherentImpact,
      "Existing Controls": scenario.existingControls,
      Treatment: scenario.treatment,
      "Treatment Plan": scenario.treatmentPlan,
      "Residual Likelihood": residualLikelihood,
      "Residual Impact": residualImpact,
      Status: scenario.status,
      Identified: dateIn(-scenario.identifiedDaysAgo),
      "Last Reviewed": dateIn(-scenario.reviewedDaysAgo),
      "Target Date": dateIn(scenario.targetInDays),
      "Accepted By": scenario.acceptedBy ?? "",
      "Acceptance Expiry": dateIn(scenario.acceptanceExpiryInDays),
      "Confidentiality Impact": affectsFlag(scenario.affects, "C"),
      "Integrity Impact": affectsFlag(scenario.affects, "I"),
      "Availability Impact": affectsFlag(scenario.affects, "A"),
    };
  });
}
