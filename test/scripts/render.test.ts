/** npm run render: the print copy shows only the rendered sheets, missing programs are named, and the PNGs show charts and heatmaps. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { defaultScales } from "../../src/core/scales";
import { createWorkbook, run, writeXlsx } from "../../src/headless";
import { XlsxPackage } from "../../src/headless/xlsx/charts/opcPackage";
import { child, childrenNamed, parseXml } from "../../src/headless/xlsx/charts/xml";
import { missingTools, renderSample, showOnlySheets } from "../../scripts/render";
import { describeWith, sofficeDependency } from "../support/systemDeps";

async function threeSheets(): Promise<Uint8Array> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").name = "Risk Register";
    context.workbook.worksheets.add("Heatmap");
    context.workbook.worksheets.add("Dashboard");
  });
  return writeXlsx(workbook);
}

async function sheetStates(xlsx: Uint8Array): Promise<Record<string, string>> {
  const workbookXml = await (await XlsxPackage.open(xlsx)).text("xl/workbook.xml");
  const sheets = childrenNamed(child(parseXml(workbookXml), "sheets"), "sheet");
  return Object.fromEntries(sheets.map((sheet) => [sheet.attributes.name, sheet.attributes.state]));
}

describe("the print copy", () => {
  it("hides every other sheet and reports the kept ones in workbook order", async () => {
    const copy = await showOnlySheets(await threeSheets(), ["Dashboard", "Heatmap"]);
    expect(await sheetStates(copy.xlsx)).toEqual({ "Risk Register": "hidden", Heatmap: "visible", Dashboard: "visible" });
    expect(copy.printOrder).toEqual(["Heatmap", "Dashboard"]);
  });

  it("refuses a sheet the workbook does not have", async () => {
    await expect(showOnlySheets(await threeSheets(), ["Dashboard", "Heatmaps"])).rejects.toThrow('The workbook has no sheet "Heatmaps"');
  });
});

describe("missing programs", () => {
  const emptyDir = mkdtempSync(join(tmpdir(), "empty-path-"));
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));
  // An empty PATH makes the system fall back to /usr/bin; a directory with nothing in it does not.
  const env = { ...process.env, PATH: emptyDir };

  it("are named with how to install them, before anything is built", async () => {
    expect(missingTools(env)).toEqual([
      "soffice is not installed (apt-get install -y libreoffice-calc)",
      "pdftoppm is not installed (apt-get install -y poppler-utils)",
      "pdfinfo is not installed (apt-get install -y poppler-utils)",
    ]);
    const out = join(emptyDir, "render");
    await expect(renderSample(out, env)).rejects.toThrow(/render needs LibreOffice and poppler: soffice is not installed/);
    expect(existsSync(out)).toBe(false);
  });
});

/** How many pixels of the PNG have exactly this colour ("#4F81BD"). */
function pixelsOf(png: PNG, color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) count++;
  return count;
}

describeWith(sofficeDependency(), { suite: "render", title: "npm run render" }, () => {
  const out = mkdtempSync(join(tmpdir(), "render-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("draws the dashboard charts with data and the heatmaps coloured by band", async () => {
    const result = await renderSample(out);
    // Every printed sheet has its picture, and the pages it printed on.
    expect(Object.keys(result.pngs)).toEqual(expect.arrayContaining(["Dashboard", "Top Risks", "Heatmap", "Risk Register", "Control Matrix", "Mappings", "Scales"]));
    expect(result.pages["Top Risks"]).toBe(1);
    for (const png of Object.values(result.pngs)) expect(existsSync(png)).toBe(true);
    const dashboard = PNG.sync.read(readFileSync(result.pngs.Dashboard));
    const heatmap = PNG.sync.read(readFileSync(result.pngs.Heatmap));
    // A landscape page: wider than tall.
    expect(dashboard.width).toBeGreaterThan(dashboard.height);
    // The Dashboard prints its tiles, then its charts on the pages after: each page has its picture.
    expect(result.pagePngs.Dashboard.length).toBe(result.pages.Dashboard);
    const pagesDrawn = result.pagePngs.Dashboard.map((png) => PNG.sync.read(readFileSync(png)));
    const colourOnDashboard = (color: string) => pagesDrawn.reduce((n, page) => n + pixelsOf(page, color), 0);
    // Bars of the first and second series in LibreOffice's default chart colours.
    expect(colourOnDashboard("#4F81BD")).toBeGreaterThan(5000);
    expect(colourOnDashboard("#C0504D")).toBeGreaterThan(1000);
    const bands = defaultScales().bands;
    const bandsFilled = Object.fromEntries(bands.map((band) => [band.rating, pixelsOf(heatmap, band.color) > 1000]));
    expect(bandsFilled).toEqual(Object.fromEntries(bands.map((band) => [band.rating, true])));
  });
});
