import { createWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { defaultOptions } from "../../src/core/blueprint/options";
import { DASHBOARD_PRINT_SCALE } from "../../src/core/blueprint/dashboardSheet";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { ASSETS_TABLE } from "../../src/core/blueprint/assetInventory";

const TODAY = new Date(2026, 10, 23);

/** The columns a printed register shows lead (A to L, the print area), the working columns follow. */
const REQUIRED_RISK_HEADERS = [
  "Risk ID", "Title", "Description", "Owner", "Inherent Rating", "Treatment", "Treatment Plan", "Residual Rating",
  "Within Appetite", "Status", "Target Date", "Next Review",
  "Category", "Asset IDs", "Threat", "Vulnerability", "Inherent Likelihood", "Inherent Impact", "Inherent Score",
  "Existing Controls", "Residual Likelihood", "Residual Impact", "Residual Score", "Identified", "Last Reviewed",
  "Review Overdue", "Accepted By", "Acceptance Expiry", "Confidentiality Impact", "Integrity Impact", "Availability Impact",
];

describe("Build on an empty workbook", () => {
  it("creates every sheet and table in at most 3 round trips, each request well under 4 MB", async () => {
    const wb = createWorkbook();
    const report = await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample: true }, TODAY));
    expect(report.syncs).toBeLessThanOrEqual(3);
    expect(wb.stats.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Sheet1", "Dashboard", "Top Risks", "Heatmap", "Program", "Management Review", "Risk Register", "Asset Inventory", "Control Matrix", "Risk Quantification", "Loss Exceedance",
      "Incidents", "Vulnerabilities", "Access Reviews", "Training",
      "Policies", "Policy Exceptions", "Vendors", "Vendor Questions", "Vendor Answers", "Audit Findings", "Requirements", "Mappings",
      "Statement of Applicability", "Coverage", "KPI History", "Scales", "ISMP Settings",
    ]);
    expect(report.created).toEqual(expect.arrayContaining(["Table Risks", "Table Assets", "Table Controls", "Table SoA", "Table RatingBands"]));
    expect(report.renamed).toEqual([]);
  });

  it("gives the register its headers, calculated columns, drop-downs, colours, frozen panes and print setup", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("general"), sample: true }, TODAY));
    const risks = wb.getTable(RISKS_TABLE)!;
    expect(risks.columnNames().slice(0, REQUIRED_RISK_HEADERS.length)).toEqual(REQUIRED_RISK_HEADERS);
    expect(risks.bodyRowCount).toBeGreaterThanOrEqual(25);
    expect(wb.getTable(ASSETS_TABLE)!.bodyRowCount).toBeGreaterThanOrEqual(20);

    const sheet = wb.sheet("Risk Register");
    const column = (header: string) => String.fromCharCode(65 + risks.columnIndexOf(header));
    expect(sheet.formulaAt(`${column(RISK.inherentScore)}5`)).toMatch(/Risks\[\[#This Row\],\[Inherent Likelihood\]\]\*Risks\[\[#This Row\],\[Inherent Impact\]\]/);
    const likelihood = sheet.validationAt(`${column(RISK.inherentLikelihood)}5`)!;
    expect(likelihood.rule).toEqual({ list: { inCellDropDown: true, source: "=Scales!$A$5:$A$9" } });
    expect(likelihood.errorAlert?.message).toBe("Likelihood must be a level from the Scales sheet: a whole number from 1 (Rare) to 5 (Almost certain).");
    expect(sheet.validationAt(`${column(RISK.treatment)}5`)!.rule).toEqual({ list: { inCellDropDown: true, source: "Mitigate,Accept,Transfer,Avoid" } });
    const ratingColours = sheet.conditionalFormatsAt(`${column(RISK.inherentRating)}5`).map((cf) => cf.style.fillColor);
    expect(ratingColours.sort()).toEqual(["#A9D08E", "#C00000", "#F4B183", "#FFE699"]);
    expect(sheet.conditionalFormatsAt(`${column(RISK.withinAppetite)}5`)).toHaveLength(1);
    expect(sheet.freeze).toMatchObject({ rows: 4, columns: 1 });
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "$4:$4", printArea: "$A:$L" });
  });

  it("builds only the sheets the options ask for: no Statement of Applicability without ISO 27001", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("healthcare"), TODAY));
    expect(wb.getSheet("Statement of Applicability")).toBeUndefined();
    expect(wb.getTable("Controls")!.columnNames().slice(-2)).toEqual(["HIPAA", "NIST CSF"]);
  });
});

describe("Build and the Office.js behaviours it must work around", () => {
  it("freezes panes only on the active sheet (office-js #3148) and ends on the Dashboard", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("general"), TODAY));
    expect(wb.sheet("Risk Register").freeze).toMatchObject({ rows: 4, columns: 1 });
    expect(wb.frozenWhileInactive).toEqual([]);
    expect(wb.activeSheet?.name).toBe("Dashboard");
  });

  it("prints registers at a legible fixed scale and fits one-page sheets with documented zoom values (excel.pagelayoutzoomoptions)", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("general"), TODAY));
    expect(wb.sheet("Risk Register").pageLayout.zoom).toEqual({ scale: 70 });
    expect(wb.sheet("Top Risks").pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  });

  it("prints the Dashboard at a fixed scale with a page break before each section that would not fit (horizontalPageBreaks)", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("general"), TODAY));
    const layout = wb.sheet("Dashboard").pageLayout;
    expect(layout.zoom).toEqual({ scale: DASHBOARD_PRINT_SCALE });
    expect(layout.rowBreaks?.length).toBeGreaterThan(0);
    // Every printed row has its height set, so LibreOffice places the charts where Excel does.
    const lastRow = Number(/^\$A\$1:\$L\$(\d+)$/.exec(layout.printArea ?? "")?.[1]);
    expect(lastRow).toBeGreaterThan(40);
    const sheet = wb.sheet("Dashboard");
    expect(Array.from({ length: lastRow }, (_, row) => sheet.rowHeights.has(row)).every(Boolean)).toBe(true);
  });

  it("sizes the Dashboard's chart text so it prints at 7 pt at that scale, where Excel's default 9 pt would not", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("general"), TODAY));
    const charts = wb.sheet("Dashboard").charts;
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect((chart.textSize! * DASHBOARD_PRINT_SCALE) / 100).toBeGreaterThanOrEqual(7);
      expect(chart.title.size).toBeGreaterThan(chart.textSize!);
    }
  });
});
