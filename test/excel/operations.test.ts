import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { operations } from "../../src/excel";
import { takeSnapshot } from "../../src/excel/history";
import { addFramework } from "../../src/excel/coverage";
import { defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { HEATMAP_NAMES } from "../../src/core/blueprint/heatmapSheet";
import { CONTROLS_TABLE, mappingColumnHeader } from "../../src/core/blueprint/controlMatrix";
import { REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { HISTORY_TABLE } from "../../src/core/blueprint/historySheet";
import { COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { assessableRequirements } from "../../src/core/catalogs";

const TODAY = new Date(2026, 10, 23);

async function sampleWorkbook(): Promise<HeadlessWorkbook> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample: true }, TODAY));
  return wb;
}

function riskRows(wb: HeadlessWorkbook) {
  const table = wb.getTable(RISKS_TABLE)!;
  const headers = table.columnNames();
  const col = (h: string) => headers.indexOf(h);
  return { table, rows: table.bodyValues(), col };
}

describe("Heatmap operations", () => {
  it("counts every scored risk once in the cell of its likelihood and impact", async () => {
    const wb = await sampleWorkbook();
    const heatmap = await run(wb, (ctx) => operations.readHeatmap(ctx));
    const { rows, col } = riskRows(wb);
    expect(heatmap.size).toBe(5);
    for (let l = 1; l <= 5; l++) {
      for (let i = 1; i <= 5; i++) {
        const expected = rows.filter((r) => r[col(RISK.inherentLikelihood)] === l && r[col(RISK.inherentImpact)] === i).length;
        expect(heatmap.inherent[l - 1][i - 1]).toBe(expected);
      }
    }
    const scoredResidual = rows.filter((r) => typeof r[col(RISK.residualLikelihood)] === "number").length;
    expect(heatmap.residual.flat().reduce((a, b) => a + b, 0)).toBe(scoredResidual);
    expect(heatmap.rating[4][4]).toBe("Critical");
    expect(heatmap.likelihoodLabels[4]).toBe("Almost certain");
  });

  it("filters the Risks table to one cell's risks and clears the filter", async () => {
    const wb = await sampleWorkbook();
    const { table, rows, col } = riskRows(wb);
    const shown = await run(wb, (ctx) => operations.filterRisksByCell(ctx, "inherent", 4, 5));
    const expected = rows.map((r, i) => ({ r, i })).filter(({ r }) => r[col(RISK.inherentLikelihood)] === 4 && r[col(RISK.inherentImpact)] === 5);
    expect(shown).toBe(expected.length);
    expect(shown).toBeGreaterThan(0);
    expect(table.visibleBodyRows()).toEqual(expected.map(({ i }) => i));
    await run(wb, (ctx) => operations.clearRiskFilter(ctx));
    expect(table.visibleBodyRows()).toHaveLength(rows.length);
  });

  it("names exactly the count cells of each grid, highest likelihood on top", async () => {
    const wb = await sampleWorkbook();
    expect(wb.getName(HEATMAP_NAMES.inherent)?.formula).toBe("='Heatmap'!$C$6:$G$10");
    // The residual grid sits below the inherent one, so both print on one portrait page.
    expect(wb.getName(HEATMAP_NAMES.residual)?.formula).toBe("='Heatmap'!$C$18:$G$22");
    const heatmap = wb.sheet("Heatmap");
    expect(heatmap.valueAt("B6")).toBe(5);
    expect(heatmap.valueAt("C11")).toBe(1);
    expect(heatmap.valueAt("B18")).toBe(5);
    expect(heatmap.valueAt("C23")).toBe(1);
    expect(heatmap.formulaAt("C6")).toBe("=COUNTIFS(Risks[[Inherent Likelihood]],$B6,Risks[[Inherent Impact]],C$11)");
  });
});

describe("Charts", () => {
  it("builds the dashboard charts with their types and live source ranges", async () => {
    const wb = await sampleWorkbook();
    const charts = wb.sheet("Dashboard").charts;
    const byName = new Map(charts.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(["ControlsByStatus", "CoverageByFramework", "RiskTrend", "RisksByRating", "RisksByTreatment", "TopResidualAle"]);
    expect(byName.get("RisksByRating")!.chartType).toBe("ColumnClustered");
    expect(byName.get("CoverageByFramework")!.chartType).toBe("BarClustered");
    expect(byName.get("RiskTrend")!.chartType).toBe("Line");
    const rating = byName.get("RisksByRating")!;
    expect(rating.series.map((s) => s.name)).toEqual(["Inherent", "Residual"]);
    expect(rating.series[0].valuesAddress?.replace(/\$/g, "")).toMatch(/^'?Dashboard'?!Q\d+:Q\d+$/);
    const coverage = byName.get("CoverageByFramework")!;
    expect(coverage.series[0].valuesAddress?.replace(/\$/g, "")).toBe("Coverage!I5:I6");
    expect(coverage.series[0].xValuesAddress?.replace(/\$/g, "")).toBe("Coverage!A5:A6");
  });

  it("does not add the charts again on a re-run", async () => {
    const wb = await sampleWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("saas"), TODAY));
    expect(wb.sheet("Dashboard").charts).toHaveLength(6);
  });
});

describe("Coverage operations", () => {
  it("reports coverage per framework in the control matrix, with gaps linked to their rows", async () => {
    const wb = await sampleWorkbook();
    const summaries = await run(wb, (ctx) => operations.readCoverage(ctx));
    expect(summaries.map((s) => s.key)).toEqual(["ISO27001", "SOC2"]);
    const soc2 = summaries.find((s) => s.key === "SOC2")!;
    expect(soc2.requirements).toBe(61);
    expect(soc2.covered + soc2.partial + soc2.gaps).toBe(61);
    expect(soc2.coverage).toBeGreaterThan(0.5);
    expect(soc2.topGaps.length).toBeGreaterThan(0);
    const gap = soc2.topGaps[0];
    expect(wb.sheet(gap.sheet).valueAt(gap.address)).toBe(gap.id);
  });

  it("adds a framework without touching existing data", async () => {
    const wb = await sampleWorkbook();
    const controls = wb.getTable(CONTROLS_TABLE)!;
    const before = controls.bodyValues().map((row) => row.slice(0, controls.columnNames().length));
    const requirementRows = wb.getTable(REQUIREMENTS_TABLE)!.bodyValues().length;
    const report = await run(wb, (ctx) => addFramework(ctx, "HIPAA", TODAY));
    expect(report.repaired.join("\n")).toMatch(/HIPAA/);
    const headers = controls.columnNames();
    expect(headers[headers.length - 1]).toBe(mappingColumnHeader("HIPAA"));
    const after = controls.bodyValues();
    expect(after.map((row) => row.slice(0, before[0].length))).toEqual(before);
    expect(after.some((row) => String(row[headers.length - 1]).includes("§164"))).toBe(true);
    expect(wb.getTable(REQUIREMENTS_TABLE)!.bodyValues().length).toBe(requirementRows + assessableRequirements("HIPAA").length);
    expect(wb.getTable(COVERAGE_TABLE)!.bodyValues().map((r) => r[0])).toEqual(["SOC 2", "ISO 27001", "HIPAA"]);
  });
});

describe("Snapshot", () => {
  it("fills the empty first History row of a new register", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("saas"), TODAY));
    expect((await run(wb, (ctx) => takeSnapshot(ctx, TODAY))).rows).toBe(1);
    expect(wb.getTable(HISTORY_TABLE)!.bodyValues()).toHaveLength(1);
  });

  it("appends one dated row per snapshot after the sample's earlier quarters", async () => {
    const wb = await sampleWorkbook();
    const history = wb.getTable(HISTORY_TABLE)!;
    const earlier = history.bodyValues().length;
    expect(earlier).toBe(4);
    expect((await run(wb, (ctx) => takeSnapshot(ctx, TODAY))).rows).toBe(earlier + 1);
    expect((await run(wb, (ctx) => takeSnapshot(ctx, new Date(2027, 1, 23)))).rows).toBe(earlier + 2);
    const headers = history.columnNames();
    const rows = history.bodyValues();
    expect(rows).toHaveLength(earlier + 2);
    const latest = rows[earlier];
    expect(latest[headers.indexOf("Date")]).toBe(46349);
    expect(latest[headers.indexOf("Overdue Reviews")]).toBeGreaterThan(0);
    expect(typeof latest[headers.indexOf("SOC 2 coverage")]).toBe("number");
  });
});
