import { kpiSpecs } from "../../src/core/blueprint/dashboardSheet";
import { REVIEW_FINDINGS_SOURCE } from "../../src/core/blueprint/managementReviewSheet";
import type { TableData } from "../../src/core/check/tableData";
import { findingsBySeverity, reviewIndicator, reviewPeriod, serialOf, significantIncidents } from "../../src/core/managementReview";
import { defaultScales } from "../../src/core/scales";

const table = (name: string, headers: string[], rows: unknown[][]): TableData => ({ name, sheet: "S", headerRow: 3, firstColumn: 0, headers, rows: rows as TableData["rows"] });

const history = table("KpiHistory", ["Date", "Outside Appetite", "Controls implemented"], [
  [serialOf(2026, 2, 10), 9, 0.3],
  [serialOf(2026, 5, 20), 6, 0.4],
  [serialOf(2026, 6, 30), 5, 0.5],
  [serialOf(2026, 8, 15), 5, 0.51],
]);
const severities = table("IncidentSeverity", ["Rank", "Severity"], [[2, "High"], [1, "Critical"], [3, "Medium"]]);
const specs = kpiSpecs(defaultScales(5), []);
const spec = (key: string) => specs.find((k) => k.key === key)!;

describe("The management review's quarter", () => {
  it("is the latest snapshot's quarter by default, with its last snapshot and the previous quarter's", () => {
    const period = reviewPeriod(history, { year: null, quarter: null }, severities);
    expect(period).toEqual({ year: 2026, quarter: 3, from: serialOf(2026, 7, 1), to: serialOf(2026, 9, 30), snapshot: serialOf(2026, 8, 15), previous: serialOf(2026, 6, 30), severities: ["Critical", "High"] });
  });

  it("follows a typed year and quarter, and has no snapshot for a quarter without one", () => {
    expect(reviewPeriod(history, { year: 2026, quarter: 1 }).previous).toBe("");
    expect(reviewPeriod(history, { year: 2026, quarter: 1 }).snapshot).toBe(serialOf(2026, 2, 10));
    expect(reviewPeriod(history, { year: 2025, quarter: 4 }).snapshot).toBe("");
    expect(reviewPeriod(undefined, { year: null, quarter: null }).from).toBe("");
  });
});

describe("An indicator in the review", () => {
  const period = reviewPeriod(history, { year: null, quarter: null });
  it("reads Improving, Stable or Declining by its Better direction and the tolerance", () => {
    // Outside appetite: 5 → 5 is Stable; Controls implemented 0.5 → 0.51 is within 5% of 0.5.
    expect(reviewIndicator(spec("outsideAppetite"), history, period, 0.05, undefined)).toMatchObject({ value: 5, previous: 5, change: 0, trend: "Stable", status: "No target" });
    expect(reviewIndicator(spec("controlsImplemented"), history, period, 0.05, undefined).trend).toBe("Stable");
    expect(reviewIndicator(spec("controlsImplemented"), history, period, 0, undefined).trend).toBe("Improving");
    const q2 = reviewPeriod(history, { year: 2026, quarter: 2 });
    expect(reviewIndicator(spec("outsideAppetite"), history, q2, 0.05, undefined)).toMatchObject({ value: 5, previous: 9, change: -4, trend: "Improving" });
    // KpiTargets' Better wins over the indicator's own direction.
    const targets = table("KpiTargets", ["Indicator", "Target", "Better"], [["Open risks outside appetite", 3, "Higher"]]);
    expect(reviewIndicator(spec("outsideAppetite"), history, q2, 0.05, targets)).toMatchObject({ trend: "Declining", target: 3, status: "On target" });
  });
});

describe("Significant incidents and findings of the quarter", () => {
  const period = reviewPeriod(history, { year: null, quarter: null }, severities);
  it("lists the two highest severities' incidents in detection order", () => {
    const incidents = table("Incidents", ["Incident ID", "Title", "Severity", "Detected", "Status"], [
      ["INC-1", "Late", "High", serialOf(2026, 9, 1) + 0.5, "Open"],
      ["INC-2", "Early", "Critical", serialOf(2026, 7, 2) + 0.25, "Closed"],
      ["INC-3", "Minor", "Medium", serialOf(2026, 7, 3), "Closed"],
      ["INC-4", "Last quarter", "Critical", serialOf(2026, 6, 29), "Closed"],
    ]);
    expect(significantIncidents(incidents, period).map((i) => i.incident)).toEqual(["INC-2 Early", "INC-1 Late"]);
  });

  it("counts open findings by severity, and those raised in the quarter and the one before", () => {
    const F = REVIEW_FINDINGS_SOURCE;
    const findings = table(F.table, [F.severity, F.status, F.raised], [
      ["Major nonconformity", "Open", serialOf(2026, 7, 5)],
      ["Major nonconformity", "Closed", serialOf(2026, 5, 5)],
      ["Observation", "In progress", serialOf(2026, 4, 1)],
    ]);
    const counts = findingsBySeverity(findings, period);
    expect(counts[0]).toEqual({ severity: "Major nonconformity", open: 1, raised: 1, previous: 1 });
    expect(counts[2]).toEqual({ severity: "Observation", open: 1, raised: 0, previous: 1 });
  });
});
