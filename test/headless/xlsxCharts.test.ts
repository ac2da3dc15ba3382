/**
 * Charts in saved .xlsx files: the dashboard's charts are written as DrawingML parts over the live
 * table ranges, read back into the model, survive `ismp upgrade`, and LibreOffice understands them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultOptions } from "../../src/core/blueprint/options";
import { buildWorkbook } from "../../src/excel/build";
import { createWorkbook, readXlsx, run, writeXlsx, type ChartModel, type HeadlessWorkbook } from "../../src/headless";
import { parseRect } from "../../src/headless/addresses";
import { sofficeDependency, describeWith } from "../support/systemDeps";
import { ismp, tempDir } from "../cli/helpers";
import { openSaved, type SavedChart, type SavedPackage } from "./xlsxChartsPackage";

const DASHBOARD_CHARTS = ["RisksByRating", "CoverageByFramework", "ControlsByStatus", "RisksByTreatment", "RiskTrend", "TopResidualAle"];

/** Sheet-qualified, absolute; one cell when the table has one body row (KPI History before a snapshot). */
const ABSOLUTE_RANGE = /^('[^']+'|\w+)!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/;

const summary = (charts: SavedChart[]) =>
  charts.map(({ name, plot, barDir, grouping, title }) => ({ name, plot, barDir, grouping, title }));

/** The table header right above a values range, read from the saved file. */
function headerAbove(workbook: HeadlessWorkbook, formula: string): string {
  const bang = formula.lastIndexOf("!");
  const sheet = formula.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  const rect = parseRect(formula.slice(bang + 1));
  if (!rect) throw new Error(`not a range: ${formula}`);
  return String(workbook.sheet(sheet).cell(rect.r0 - 1, rect.c0)?.value ?? "");
}

describe("charts written into the .xlsx", () => {
  let model: HeadlessWorkbook;
  let saved: SavedPackage;
  let charts: SavedChart[];

  beforeAll(async () => {
    model = createWorkbook();
    await run(model, (context) => buildWorkbook(context, { ...defaultOptions("saas"), sample: true }));
    saved = await openSaved(await writeXlsx(model));
    charts = await saved.chartsOn("Dashboard");
  });

  it("has every dashboard chart with its type and title", () => {
    expect(summary(charts)).toEqual([
      { name: "RisksByRating", plot: "barChart", barDir: "col", grouping: "clustered", title: "Risks by rating: inherent vs residual" },
      { name: "CoverageByFramework", plot: "barChart", barDir: "bar", grouping: "clustered", title: "Coverage by framework" },
      { name: "ControlsByStatus", plot: "barChart", barDir: "bar", grouping: "clustered", title: "Controls by status" },
      { name: "RisksByTreatment", plot: "barChart", barDir: "col", grouping: "clustered", title: "Risks by treatment" },
      { name: "RiskTrend", plot: "lineChart", barDir: undefined, grouping: "standard", title: "Trend (snapshots): open risks outside appetite and overdue reviews" },
      { name: "TopResidualAle", plot: "barChart", barDir: "bar", grouping: "clustered", title: "Five risks with the highest residual ALE" },
    ]);
  });

  it("points each series at the sheet-qualified absolute range of its table column", () => {
    const coverage = charts.find((c) => c.name === "CoverageByFramework");
    expect(coverage?.series).toEqual([{ name: "Coverage", categories: "Coverage!$A$5:$A$6", values: "Coverage!$I$5:$I$6" }]);
    const rating = charts.find((c) => c.name === "RisksByRating");
    expect(rating?.series.map((s) => s.name)).toEqual(["Inherent", "Residual"]);
    for (const chart of charts) {
      for (const series of chart.series) {
        expect(series.values).toMatch(ABSOLUTE_RANGE);
        expect(series.categories).toMatch(ABSOLUTE_RANGE);
        expect(headerAbove(model, series.values).toLowerCase()).toBe(series.name.toLowerCase());
      }
    }
  });

  it("anchors each chart over the cells setPosition gave it", () => {
    const byName = new Map(model.sheet("Dashboard").charts.map((c) => [c.name, c]));
    for (const chart of charts) {
      const { startCell, endCell } = byName.get(chart.name)?.position ?? {};
      const start = parseRect(startCell ?? "");
      const end = parseRect(endCell ?? "");
      expect(chart.anchor).toEqual({ from: [start?.r0, start?.c0], to: [(end?.r1 ?? 0) + 1, (end?.c1 ?? 0) + 1] });
    }
  });

  it("references the drawing from the sheet in schema order, with relationships and content types", async () => {
    const sheetXml = await saved.text(saved.sheetParts.get("Dashboard") ?? "");
    const drawingAt = sheetXml.indexOf("<drawing ");
    expect(drawingAt).toBeGreaterThan(sheetXml.indexOf("<pageSetup"));
    // The Dashboard holds no tables (its KPI and chart data are named ranges); a drawing still precedes any tableParts and extLst.
    const after = ["<tableParts", "<extLst", "</worksheet>"].map((tag) => sheetXml.indexOf(tag)).filter((at) => at >= 0);
    expect(drawingAt).toBeLessThan(Math.min(...after));
    const contentTypes = await saved.text("[Content_Types].xml");
    expect(contentTypes).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    for (const chart of charts) {
      expect(contentTypes).toContain(`PartName="/${chart.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    }
    // Only the Dashboard and the Loss Exceedance sheet have charts, so no other sheet gets a drawing.
    const others = [...saved.sheetParts.keys()].filter((name) => name !== "Dashboard" && name !== "Loss Exceedance");
    for (const name of others) expect(await saved.chartsOn(name)).toEqual([]);
  });

  it("reads the charts back into the model as the add-in built them", async () => {
    const copy = await readXlsx(await writeXlsx(model));
    // A hidden legend has no element in the file, so (as in Excel) its position does not survive.
    const comparable = (c: ChartModel) => ({
      name: c.name, chartType: c.chartType, title: c.title, legend: c.legend.visible ? c.legend : { visible: false },
      axisTitles: c.axisTitles, position: c.position, series: c.series,
    });
    expect(copy.sheet("Dashboard").charts.map(comparable)).toEqual(model.sheet("Dashboard").charts.map(comparable));
  });
});

describe("charts through the ismp CLI", () => {
  const dir = tempDir();
  const file = dir.file("demo.xlsx");
  afterAll(() => dir.cleanup());

  it("new writes the charts and upgrade keeps them, once each", async () => {
    expect((await ismp(["new", file, "--profile", "saas", "--sample"])).code).toBe(0);
    const written = summary(await (await openSaved(readFileSync(file))).chartsOn("Dashboard"));
    expect(written.map((c) => c.name)).toEqual(DASHBOARD_CHARTS);

    expect((await ismp(["upgrade", file, "--profile", "saas"])).code).toBe(0);
    const upgraded = await openSaved(readFileSync(file));
    expect(summary(await upgraded.chartsOn("Dashboard"))).toEqual(written);
    // The dashboard's charts and the Loss Exceedance curve, once each.
    expect(Object.keys(upgraded.zip.files).filter((part) => part.startsWith("xl/charts/chart"))).toHaveLength(DASHBOARD_CHARTS.length + 1);
  });

  describeWith(sofficeDependency(), { suite: "charts in LibreOffice", title: "LibreOffice" }, () => {
    const soffice = (...args: string[]) =>
      execFileSync("soffice", [`-env:UserInstallation=file://${join(dir.path, "profile")}`, "--headless", ...args], { stdio: "pipe", timeout: 110_000 });

    it("prints the workbook to PDF and keeps the charts when it saves it again", async () => {
      const sample = dir.file("sample.xlsx");
      expect((await ismp(["new", sample, "--profile", "saas", "--sample"])).code).toBe(0);
      soffice("--convert-to", "pdf", "--outdir", dir.path, sample);
      expect(existsSync(join(dir.path, "sample.pdf"))).toBe(true);

      // LibreOffice drops charts it cannot read, so finding ours in its own save proves it parsed them.
      const out = join(dir.path, "lo");
      soffice("--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, sample);
      const resaved = await openSaved(readFileSync(join(out, "sample.xlsx")));
      const charts = await resaved.chartsOn("Dashboard");
      expect(charts.map((c) => c.plot)).toEqual(["barChart", "barChart", "barChart", "barChart", "lineChart", "barChart"]);
      const coverage = charts.find((c) => c.title === "Coverage by framework");
      expect(coverage?.series[0]).toMatchObject({ values: "Coverage!$I$5:$I$6", categories: "Coverage!$A$5:$A$6" });

      const reread = await readXlsx(readFileSync(join(out, "sample.xlsx")));
      expect(reread.sheet("Dashboard").charts.map((c) => c.chartType)).toEqual(["ColumnClustered", "BarClustered", "BarClustered", "ColumnClustered", "Line", "BarClustered"]);
      // LibreOffice keeps the loss exceedance curve an XY chart with its logarithmic loss axis.
      expect(reread.sheet("Loss Exceedance").charts.map((c) => [c.chartType, c.categoryAxisLogBase])).toEqual([["XYScatterLinesNoMarkers", 10]]);
    });
  });
});
