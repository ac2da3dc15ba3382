/**
 * The print check: a sample build with all eight frameworks printed by LibreOffice in one soffice
 * call; every page is attributed to its sheet by the footer the build sets (organisation, sheet,
 * page, print date), every scaffolded sheet prints, and Top Risks fits one page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FRAMEWORK_KEYS } from "../../src/core/frameworkKeys";
import { buildBlueprint, defaultOptions } from "../../src/core/blueprint";
import { TOP_RISKS_SHEET } from "../../src/core/blueprint/topRisksSheet";
import { MANAGEMENT_REVIEW_SHEET } from "../../src/core/blueprint/managementReviewSheet";
import { checkPrint, effectivePoints, printToPdf, readPages, type PrintedPage, type PrintReport } from "../../scripts/printCheck";
import { describeWith, sofficeDependency } from "../support/systemDeps";

const ORGANISATION = "Print Check & Co";

const countBySheet = (items: ReadonlyArray<{ sheet?: string }>): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [item.sheet ?? "?"]: (counts[item.sheet ?? "?"] ?? 0) + 1 }), {});

describeWith(sofficeDependency(), { suite: "print", title: "printed sample workbook (all frameworks)" }, () => {
  const sheetNames = buildBlueprint({ ...defaultOptions("saas"), frameworks: [...FRAMEWORK_KEYS], sample: true }, { today: new Date() }).sheets.map((s) => s.name);
  let dir = "";
  let pages: PrintedPage[] = [];
  let report: PrintReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-print-"));
    const file = join(dir, "sample.xlsx");
    const code = await main(["new", file, "--profile", "saas", "--frameworks", FRAMEWORK_KEYS.join(","), "--org", ORGANISATION, "--sample"], { log: () => undefined, error: () => undefined });
    if (code !== 0) throw new Error(`ismp new exited ${code}`);
    pages = readPages(printToPdf(file, dir), sheetNames);
    report = checkPrint(pages);
    console.log(
      `PRINT: ${report.pages} pages, ${report.words} words, smallest ${report.smallest.points.toFixed(1)} pt ("${report.smallest.word}", ${report.smallest.sheet}), ` +
        `${report.tooSmall.length} words under 7 pt ${JSON.stringify(countBySheet(report.tooSmall))}, ${report.overlaps.length} overlapping word pairs ${JSON.stringify(countBySheet(report.overlaps))}; ` +
        `pages by sheet ${JSON.stringify(report.pagesBySheet)}`,
    );
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("puts a footer naming the sheet on every page, and prints every scaffolded sheet", () => {
    expect(report.unattributed).toEqual([]);
    expect(Object.keys(report.pagesBySheet).sort()).toEqual([...sheetNames].sort());
  });

  it("names the organisation and the page number in each footer", () => {
    for (const page of pages) {
      const footer = page.words.filter((w) => w.yMin > page.height - 72).map((w) => w.text).join(" ");
      expect(footer).toContain(ORGANISATION);
      expect(footer).toMatch(/Page \d+ of \d+ · printed/);
    }
  });

  it("prints Top Risks on one page", () => {
    expect(report.pagesBySheet[TOP_RISKS_SHEET]).toBe(1);
  });

  it("prints the Management Review on one page, with its indicators, trend words and resource requests", () => {
    expect(report.pagesBySheet[MANAGEMENT_REVIEW_SHEET]).toBe(1);
    const page = pages.find((p) => p.sheet === MANAGEMENT_REVIEW_SHEET)!;
    const words = page.words.map((w) => w.text).join(" ");
    expect(words).toContain("Roadmap");
    expect(words).toMatch(/Improving|Stable|Declining/);
    expect(words).toContain("penetration");
    const body = page.words.filter((w) => w.yMin < page.height - 72).map(effectivePoints);
    console.log(`MANAGEMENT REVIEW PRINT: 1 page, ${page.words.length} words, body text from ${Math.min(...body).toFixed(1)} pt`);
  });

});
