import { ASSET } from "../../../src/core/blueprint/assetInventory";
import { RISK } from "../../../src/core/blueprint/riskRegister";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkRisks, RiskCheckInput } from "../../../src/core/check/checkRisks";
import { defaultScales } from "../../../src/core/scales";
import { columnOf, tableOf } from "./tables";

/** Today as an Excel serial date (2025-12-09). */
const TODAY = 46000;
const HEADERS = Object.values(RISK);

/** A risk with nothing wrong: inherent 4x4 = 16 (High), residual 2x2 = 4 (Low, reviewed yearly), reviewed 10 days ago. */
const clean = (id: string): Record<string, CellValue> => ({
  [RISK.id]: id,
  [RISK.title]: "Stolen laptop exposes customer data",
  [RISK.category]: "Asset management",
  [RISK.assetIds]: "A-001; A-002",
  [RISK.inherentLikelihood]: 4,
  [RISK.inherentImpact]: 4,
  [RISK.existingControls]: "Disk encryption; MDM remote wipe",
  [RISK.treatment]: "Mitigate",
  [RISK.residualLikelihood]: 2,
  [RISK.residualImpact]: 2,
  [RISK.status]: "Open",
  [RISK.identified]: TODAY - 100,
  [RISK.lastReviewed]: TODAY - 10,
  [RISK.confidentiality]: "Yes",
  [RISK.integrity]: "No",
  [RISK.availability]: "No",
});

const register = (...rows: Array<Record<string, CellValue>>) => tableOf("Risks", "Risk Register", rows, HEADERS);
const risks = (...overrides: Array<Record<string, CellValue>>) => register(...overrides.map((o, i) => ({ ...clean(`R-00${i + 1}`), ...o })));
const assets = tableOf("Assets", "Asset Inventory", [{ [ASSET.id]: "A-001" }, { [ASSET.id]: "a-002" }], [ASSET.id]);
const check = (table: RiskCheckInput["risks"], extra: Partial<RiskCheckInput> = {}) =>
  checkRisks({ risks: table, assets, scales: defaultScales(), today: TODAY, ...extra });
/** Address of a header's cell in body row `bodyRow` (0-based); the header row is sheet row 4. */
const cell = (header: string, bodyRow = 0) => `${columnOf(register(), header)}${5 + bodyRow}`;
const codesAndCells = (table: RiskCheckInput["risks"], extra: Partial<RiskCheckInput> = {}) => check(table, extra).map((p) => [p.code, p.address]);

describe("checkRisks", () => {
  it("finds nothing wrong in a complete register", () => {
    expect(check(risks({}, {}), { categories: ["Asset management"] })).toEqual([]);
  });

  it("reports duplicate Risk IDs (ignoring case) on every copy and blank Risk IDs by row", () => {
    expect(check(register(clean("R-001"), clean("r-001"), clean(""), clean("R-002")))).toEqual([
      { code: "duplicate-id", severity: "error", sheet: "Risk Register", address: cell(RISK.id, 0), message: "R-001: Risk ID is used more than once." },
      { code: "duplicate-id", severity: "error", sheet: "Risk Register", address: cell(RISK.id, 1), message: "r-001: Risk ID is used more than once." },
      { code: "blank-id", severity: "error", sheet: "Risk Register", address: cell(RISK.id, 2), message: "Row 3: Risk ID is blank." },
    ]);
  });

  it("reports each asset ID that is not in the Asset Inventory, matching IDs without regard to case", () => {
    const problems = check(risks({ [RISK.assetIds]: "a-001, A-999\nA-002; A-404" }));
    expect(problems.map((p) => [p.code, p.address, p.message])).toEqual([
      ["missing-asset", cell(RISK.assetIds), "R-001: asset A-999 is not in the Asset Inventory."],
      ["missing-asset", cell(RISK.assetIds), "R-001: asset A-404 is not in the Asset Inventory."],
      // Four IDs: the fourth is beyond the asset-link slots Open High Risks counts.
      ["assets-beyond-link-slots", cell(RISK.assetIds), "R-001: lists more than 3 assets; Open High Risks on the Asset Inventory counts the first 3 (not A-404). Split the risk per asset group."],
    ]);
  });

  it("does not look for assets when there is no Asset Inventory", () => {
    expect(check(risks({ [RISK.assetIds]: "A-999" }), { assets: undefined })).toEqual([]);
  });

  it("reports a residual score above the inherent score as an error on the Residual Score cell", () => {
    expect(check(risks({ [RISK.residualLikelihood]: 5, [RISK.residualImpact]: 4 }))).toEqual([
      { code: "residual-above-inherent", severity: "error", sheet: "Risk Register", address: cell(RISK.residualScore), message: "R-001: residual score 20 is above inherent score 16." },
    ]);
  });

  it("warns when residual risk is lowered but no existing controls are named, and not when it is unchanged", () => {
    const problems = check(risks({ [RISK.existingControls]: "" }, { [RISK.existingControls]: "", [RISK.residualLikelihood]: 4, [RISK.residualImpact]: 4 }));
    expect(problems).toEqual([
      { code: "residual-without-controls", severity: "warning", sheet: "Risk Register", address: cell(RISK.existingControls), message: "R-001: residual risk is lowered but no existing controls are named." },
    ]);
  });

  it("reports an accepted risk without Accepted By, and an acceptance that expired before today", () => {
    const accepted = { [RISK.status]: "Accepted", [RISK.treatment]: "Accept" };
    const problems = check(risks(
      { ...accepted, [RISK.acceptedBy]: "" },
      { ...accepted, [RISK.acceptedBy]: "CFO", [RISK.acceptanceExpiry]: TODAY - 1 },
      { ...accepted, [RISK.acceptedBy]: "CFO", [RISK.acceptanceExpiry]: TODAY },
      { [RISK.acceptedBy]: "", [RISK.acceptanceExpiry]: TODAY - 1 },
    ));
    expect(problems).toEqual([
      { code: "acceptance-unsigned", severity: "error", sheet: "Risk Register", address: cell(RISK.acceptedBy, 0), message: "R-001: accepted risk has no Accepted By." },
      { code: "acceptance-expired", severity: "error", sheet: "Risk Register", address: cell(RISK.acceptanceExpiry, 1), message: "R-002: risk acceptance expired; review or renew it." },
    ]);
  });

  it("warns when a review is overdue for the rating's cadence, counting from identification when never reviewed", () => {
    const problems = check(risks(
      // Residual 4 is Low: yearly review, due 35 days ago.
      { [RISK.lastReviewed]: TODAY - 400 },
      // Residual 20 is Critical (30 days); never reviewed, identified 31 days ago: due 1 day ago.
      { [RISK.inherentLikelihood]: 5, [RISK.residualLikelihood]: 5, [RISK.residualImpact]: 4, [RISK.lastReviewed]: null, [RISK.identified]: TODAY - 31 },
      // Due exactly today: not overdue yet.
      { [RISK.lastReviewed]: TODAY - 365 },
      // Closed risks are not reviewed.
      { [RISK.lastReviewed]: TODAY - 900, [RISK.status]: "Closed" },
    ));
    expect(problems).toEqual([
      { code: "review-overdue", severity: "warning", sheet: "Risk Register", address: cell(RISK.lastReviewed, 0), message: "R-001: review was due 35 days ago." },
      { code: "review-overdue", severity: "warning", sheet: "Risk Register", address: cell(RISK.lastReviewed, 1), message: "R-002: review was due 1 day ago." },
    ]);
  });

  it("reports likelihood and impact values that are not levels of the scale", () => {
    expect(codesAndCells(risks({ [RISK.inherentLikelihood]: 6, [RISK.inherentImpact]: "high", [RISK.residualLikelihood]: 1.5, [RISK.residualImpact]: 0 }))).toEqual([
      ["outside-scale", cell(RISK.inherentLikelihood)],
      ["outside-scale", cell(RISK.inherentImpact)],
      ["outside-scale", cell(RISK.residualLikelihood)],
      ["outside-scale", cell(RISK.residualImpact)],
    ]);
    expect(check(risks({ [RISK.inherentLikelihood]: 6 }))[0].message).toBe("R-001: Inherent Likelihood must be a level from the Scales sheet (1, 2, 3, 4, 5).");
    expect(check(risks({ [RISK.inherentLikelihood]: 5 }), { scales: defaultScales(4) }).map((p) => p.code)).toContain("outside-scale");
  });

  it("reports Category, Treatment, Status and CIA impacts outside their lists, in column order, ignoring case", () => {
    const row = { [RISK.treatment]: "Ignore", [RISK.status]: "Done", [RISK.confidentiality]: "Maybe", [RISK.integrity]: "yes", [RISK.availability]: "N", [RISK.category]: "Misc" };
    expect(codesAndCells(risks(row), { categories: ["Asset management"] })).toEqual([
      ["outside-list", cell(RISK.category)],
      ["outside-list", cell(RISK.treatment)],
      ["outside-list", cell(RISK.status)],
      ["outside-list", cell(RISK.confidentiality)],
      ["outside-list", cell(RISK.availability)],
    ]);
    expect(check(risks({ [RISK.treatment]: "Ignore" }))[0].message).toBe('R-001: Treatment "Ignore" is not one of Mitigate, Accept, Transfer, Avoid.');
    expect(check(risks({ [RISK.category]: "Misc" }))).toEqual([]);
  });
});
