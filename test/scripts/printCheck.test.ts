/**
 * The print check: a sample build with all eight frameworks printed by LibreOffice in one soffice
 * call; every page is attributed to its sheet by the footer the build sets (organisation, sheet,
 * page, print date), every scaffolded sheet prints, no word is drawn over another, every word prints at
 * 7 pt or more (chart text too), every register page starts with its header row, the Risk Register
 * is at most two pages wide, and Top Risks and the Heatmap fit one page each.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FRAMEWORK_KEYS } from "../../src/core/frameworkKeys";
import { buildBlueprint, defaultOptions } from "../../src/core/blueprint";
import { TOP_RISKS_SHEET } from "../../src/core/blueprint/topRisksSheet";
import { MANAGEMENT_REVIEW_SHEET } from "../../src/core/blueprint/managementReviewSheet";
import { HEATMAP_SHEET } from "../../src/core/blueprint/heatmapSheet";
import { DASHBOARD_SHEET } from "../../src/core/blueprint/dashboardSheet";
import { checkPrint, effectivePoints, overlappingWords, pagesAcross, printToPdf, readPages, topLine, turnedLine, type PrintedPage, type PrintReport, type Word } from "../../scripts/printCheck";
import { LOSS_SHEET } from "../../src/core/blueprint/lossExceedanceSheet";
import { RISK_REGISTER_SHEET } from "../../src/core/blueprint/riskRegister";
import { describeWith, sofficeDependency } from "../support/systemDeps";

const ORGANISATION = "Print Check & Co";

const countBySheet = (items: ReadonlyArray<{ sheet?: string }>): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [item.sheet ?? "?"]: (counts[item.sheet ?? "?"] ?? 0) + 1 }), {});

describe("overlapping words", () => {
  // 7.7 pt text: boxes 10 pt tall, lines of one cell 8.9 pt apart (LibreOffice's pitch for DejaVu Sans).
  const word = (text: string, x: number, y: number): Word => ({ text, xMin: x, xMax: x + 40, yMin: y, yMax: y + 10 });
  const page = (words: Word[]): PrintedPage => ({ number: 1, height: 612, words });

  it("are not the consecutive lines of one wrapped cell, whose boxes touch by a point", () => {
    expect(overlappingWords(page([word("Ransomware", 100, 131.2), word("shared", 100, 140.1)]))).toEqual([]);
  });

  it("are a line drawn over the row below it", () => {
    const pairs = overlappingWords(page([word("encrypting", 100, 131.2), word("R-002", 110, 134)]));
    expect(pairs.map(([a, b]) => [a.text, b.text])).toEqual([["encrypting", "R-002"]]);
  });

  it("are not words side by side on one line", () => {
    expect(overlappingWords(page([word("Risk", 100, 100), word("ID", 141, 100)]))).toEqual([]);
  });
});

describe("word sizes", () => {
  it("measure a turned line (a chart's vertical axis title, words stacked in one column) by its width", () => {
    // "Chance of a worse year" at 7 pt, turned: boxes 9.1 pt wide, as tall as each word is long.
    const turned = turnedLine([
      { text: "Chance", xMin: 28.9, xMax: 38, yMin: 178.2, yMax: 206.5 },
      { text: "of", xMin: 28.9, xMax: 38, yMin: 167.9, yMax: 175.6 },
      { text: "a", xMin: 28.9, xMax: 38, yMin: 160.4, yMax: 165.1 },
    ]);
    expect(turned.map((w) => effectivePoints(w).toFixed(1))).toEqual(["7.0", "7.0", "7.0"]);
  });

  it("measure words side by side on a line by their height", () => {
    const line = turnedLine([
      { text: "Share", xMin: 18.7, xMax: 46, yMin: 284.7, yMax: 295.6 },
      { text: "of", xMin: 48.9, xMax: 58.1, yMin: 284.7, yMax: 295.6 },
    ]);
    expect(line.map((w) => effectivePoints(w).toFixed(1))).toEqual(["8.4", "8.4"]);
  });
});

describeWith(sofficeDependency(), { suite: "print", title: "printed sample workbook (all frameworks)" }, () => {
  const blueprint = buildBlueprint({ ...defaultOptions("saas"), frameworks: [...FRAMEWORK_KEYS], sample: true }, { today: new Date() });
  const sheetNames = blueprint.sheets.map((s) => s.name);
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

  it("prints Top Risks and the Heatmap on one page each, and the Dashboard and Loss Exceedance on a few fixed-scale pages", () => {
    expect(report.pagesBySheet[TOP_RISKS_SHEET]).toBe(1);
    expect(report.pagesBySheet[HEATMAP_SHEET]).toBe(1);
    expect(report.pagesBySheet[DASHBOARD_SHEET]).toBeLessThanOrEqual(4);
    expect(report.pagesBySheet[LOSS_SHEET]).toBeLessThanOrEqual(3);
  });

  it("draws no word over another: rows are as tall as their wrapped text", () => {
    expect(report.overlaps.slice(0, 10)).toEqual([]);
  });

  it("prints every word at 7 pt or more, chart text included", () => {
    expect(report.tooSmall.slice(0, 10)).toEqual([]);
  });

  it("prints the Risk Register with its header row on top of every page, at most two pages wide (pages across of every register logged)", () => {
    const registers = blueprint.sheets.filter((sheet) => sheet.print?.titleRows && sheet.tables[0]?.anchor === "A4");
    const across = Object.fromEntries(registers.map((sheet) => [sheet.name, pagesAcross(pages.filter((p) => p.sheet === sheet.name), sheet.tables[0].columns[0].header)]));
    console.log(`PAGES ACROSS: ${JSON.stringify(across)}`);
    const register = blueprint.sheets.find((sheet) => sheet.name === RISK_REGISTER_SHEET)!;
    const known = new Set([...register.tables[0].columns.flatMap((c) => c.header.split(/\s+/)), ...register.blocks.flatMap((b) => b.values.flat().flatMap((v) => String(v ?? "").split(/\s+/)))]);
    for (const page of pages.filter((p) => p.sheet === RISK_REGISTER_SHEET)) {
      expect({ page: page.number, top: topLine(page).map((w) => w.text).filter((w) => !known.has(w)) }).toEqual({ page: page.number, top: [] });
    }
    expect(across[RISK_REGISTER_SHEET]).toBeLessThanOrEqual(2);
  });

  it("prints the Management Review on two portrait pages at 7 pt: the indicators, then the period, posture and resource requests", () => {
    const review = pages.filter((p) => p.sheet === MANAGEMENT_REVIEW_SHEET);
    expect(review).toHaveLength(2);
    const words = (page: PrintedPage) => page.words.map((w) => w.text).join(" ");
    expect(words(review[0])).toContain("Roadmap");
    expect(words(review[0])).toMatch(/Improving|Stable|Declining/);
    expect(words(review[1])).toContain("Review period");
    expect(words(review[1])).toContain("penetration");
    const body = review.flatMap((page) => page.words.filter((w) => w.yMin < page.height - 72)).map(effectivePoints);
    console.log(`MANAGEMENT REVIEW PRINT: 2 pages, body text from ${Math.min(...body).toFixed(1)} pt`);
  });
});
