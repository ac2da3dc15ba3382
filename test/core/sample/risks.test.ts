import { sampleAssets, sampleRisks, toExcelDate, type SampleRow } from "../../../src/core/sample";
import { RISK_CATEGORIES, RISK_STATUSES, TREATMENTS } from "../../../src/core/blueprint/vocabulary";
import { MATRIX_SIZES } from "../../../src/core/scales";

const RISK_HEADERS = [
  "Risk ID", "Title", "Description", "Category", "Asset IDs", "Threat", "Vulnerability", "Owner",
  "Inherent Likelihood", "Inherent Impact", "Existing Controls", "Treatment", "Treatment Plan",
  "Residual Likelihood", "Residual Impact", "Status", "Identified", "Last Reviewed", "Target Date",
  "Accepted By", "Acceptance Expiry", "Confidentiality Impact", "Integrity Impact", "Availability Impact",
];
const DATE_COLUMNS = ["Identified", "Last Reviewed", "Target Date", "Acceptance Expiry"];
const TODAY = new Date(2026, 10, 23);
const TODAY_SERIAL = toExcelDate(TODAY);

const num = (row: SampleRow, column: string): number => row[column] as number;
const inherentScore = (risk: SampleRow): number => num(risk, "Inherent Likelihood") * num(risk, "Inherent Impact");
const residualScore = (risk: SampleRow): number => num(risk, "Residual Likelihood") * num(risk, "Residual Impact");
const isAssessed = (risk: SampleRow): boolean => risk["Residual Likelihood"] !== null && risk["Residual Impact"] !== null;
const distinctLevels = (risks: SampleRow[], column: string): number[] =>
  [...new Set(risks.map((risk) => num(risk, column)))].sort((a, b) => a - b);
const idsOf = (risks: SampleRow[]): Array<string | number | null> => risks.map((risk) => risk["Risk ID"]);

describe("sampleRisks", () => {
  const risks = sampleRisks(5, TODAY);

  it("has at least 28 risks with unique sequential IDs", () => {
    expect(risks.length).toBeGreaterThanOrEqual(28);
    expect(idsOf(risks)).toEqual(risks.map((_, i) => `R-${String(i + 1).padStart(3, "0")}`));
  });

  it("fills exactly the Risks table's input columns, no calculated ones", () => {
    for (const risk of risks) expect(Object.keys(risk).sort()).toEqual([...RISK_HEADERS].sort());
  });

  it("uses only drop-down values and spreads over every category", () => {
    for (const risk of risks) {
      expect(RISK_CATEGORIES).toContain(risk.Category);
      expect(TREATMENTS).toContain(risk.Treatment);
      expect(RISK_STATUSES).toContain(risk.Status);
      for (const column of ["Confidentiality Impact", "Integrity Impact", "Availability Impact"]) expect(["Yes", "No"]).toContain(risk[column]);
    }
    expect(new Set(risks.map((risk) => risk.Category))).toEqual(new Set(RISK_CATEGORIES));
    expect(new Set(risks.map((risk) => risk.Treatment))).toEqual(new Set(TREATMENTS));
    expect(new Set(risks.map((risk) => risk.Status))).toEqual(new Set(RISK_STATUSES));
  });

  it("gives every risk a title, description, owner and at least one affected CIA property", () => {
    for (const risk of risks) {
      for (const column of ["Title", "Description", "Owner", "Threat", "Vulnerability", "Treatment Plan"]) expect(risk[column]).not.toBe("");
      expect([risk["Confidentiality Impact"], risk["Integrity Impact"], risk["Availability Impact"]]).toContain("Yes");
    }
  });

  describe.each(MATRIX_SIZES)("on a %ix%i matrix", (size) => {
    const sized = sampleRisks(size, TODAY);

    it("keeps every level a whole number from 1 to the matrix size", () => {
      for (const risk of sized) {
        const levels = [risk["Inherent Likelihood"], risk["Inherent Impact"]];
        if (isAssessed(risk)) levels.push(risk["Residual Likelihood"], risk["Residual Impact"]);
        for (const level of levels) {
          expect(Number.isInteger(level)).toBe(true);
          expect(level as number).toBeGreaterThanOrEqual(1);
          expect(level as number).toBeLessThanOrEqual(size);
        }
      }
    });

    it("spreads inherent risks over every likelihood and impact level", () => {
      const levelRange = Array.from({ length: size }, (_, i) => i + 1);
      expect(distinctLevels(sized, "Inherent Likelihood")).toEqual(levelRange);
      expect(distinctLevels(sized, "Inherent Impact")).toEqual(levelRange);
    });

    it("leaves exactly two residuals unassessed", () => {
      expect(sized.filter((risk) => !isAssessed(risk))).toHaveLength(2);
      for (const risk of sized) expect(risk["Residual Likelihood"] === null).toBe(risk["Residual Impact"] === null);
    });

    it("has exactly one residual above its inherent level", () => {
      const above = sized.filter(
        (risk) => isAssessed(risk) && (num(risk, "Residual Likelihood") > num(risk, "Inherent Likelihood") || num(risk, "Residual Impact") > num(risk, "Inherent Impact")),
      );
      expect(above).toHaveLength(1);
      expect(residualScore(above[0])).toBeGreaterThan(inherentScore(above[0]));
    });

    it("has exactly one residual lowered without any existing controls", () => {
      const unjustified = sized.filter((risk) => isAssessed(risk) && residualScore(risk) < inherentScore(risk) && risk["Existing Controls"] === "");
      expect(idsOf(unjustified)).toHaveLength(1);
    });
  });

  it("has three accepted risks: one without an approver and one whose acceptance has expired", () => {
    const accepted = risks.filter((risk) => risk.Status === "Accepted");
    expect(accepted).toHaveLength(3);
    for (const risk of accepted) {
      expect(risk.Treatment).toBe("Accept");
      expect(risk["Acceptance Expiry"]).toEqual(expect.any(Number));
    }
    expect(accepted.filter((risk) => risk["Accepted By"] === "")).toHaveLength(1);
    const expired = accepted.filter((risk) => num(risk, "Acceptance Expiry") < TODAY_SERIAL);
    expect(expired).toHaveLength(1);
    expect(expired[0]["Accepted By"]).not.toBe("");
  });

  it("records acceptance only on accepted risks", () => {
    for (const risk of risks.filter((candidate) => candidate.Status !== "Accepted")) {
      expect(risk["Accepted By"]).toBe("");
      expect(risk["Acceptance Expiry"]).toBeNull();
    }
  });

  it("links assets by existing IDs except for exactly one missing ID", () => {
    const known = new Set(sampleAssets(TODAY).map((asset) => asset["Asset ID"]));
    const referenced = risks.flatMap((risk) => (risk["Asset IDs"] as string).split("; "));
    for (const id of referenced) expect(id).toMatch(/^A-\d{3}$/);
    expect(referenced.filter((id) => !known.has(id))).toEqual(["A-099"]);
  });

  it("dates everything as whole Excel serial days in a sensible order", () => {
    for (const risk of risks) {
      for (const column of DATE_COLUMNS) {
        if (risk[column] !== null) expect(Number.isInteger(risk[column])).toBe(true);
      }
      expect(num(risk, "Identified")).toBeLessThanOrEqual(num(risk, "Last Reviewed"));
      expect(num(risk, "Last Reviewed")).toBeLessThanOrEqual(TODAY_SERIAL);
    }
  });

  it("mixes reviews overdue under any rating band with ones reviewed this month", () => {
    const daysSinceReview = risks.map((risk) => TODAY_SERIAL - num(risk, "Last Reviewed"));
    expect(daysSinceReview.filter((days) => days > 365).length).toBeGreaterThanOrEqual(3);
    expect(daysSinceReview.filter((days) => days <= 30).length).toBeGreaterThanOrEqual(5);
  });

  it("is deterministic and moves its dates with today", () => {
    expect(sampleRisks(5, TODAY)).toEqual(risks);
    const weekLater = sampleRisks(5, new Date(2026, 10, 30));
    expect(num(weekLater[0], "Identified") - num(risks[0], "Identified")).toBe(7);
    expect(weekLater.map((risk) => risk.Title)).toEqual(risks.map((risk) => risk.Title));
  });
});
