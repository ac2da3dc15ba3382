/** Fixed-scale pages: sections kept whole, and the sheets laid out to fit a page across at a legible scale. */
import { buildBlueprint, defaultOptions } from "../../../src/core/blueprint";
import { columnLetter } from "../../../src/core/a1";
import { FRAMEWORK_KEYS } from "../../../src/core/frameworkKeys";
import { chartTextSizes, heightRuns, LEGIBLE_SCALE, pageRoom, sectionBreaks, sectionsOf } from "../../../src/core/blueprint/paper";
import { DASHBOARD_SHEET } from "../../../src/core/blueprint/dashboardSheet";
import { LOSS_SHEET } from "../../../src/core/blueprint/lossExceedanceSheet";

describe("section page breaks", () => {
  it("start a page before a section that would run past the page, never splitting one that fits", () => {
    const sections = [
      { row: 0, height: 300 },
      { row: 10, height: 300 },
      { row: 20, height: 100 },
      { row: 25, height: 500 },
    ];
    expect(sectionBreaks(sections, 650)).toEqual([20]);
  });

  it("give a section taller than a page its own page", () => {
    expect(sectionBreaks([{ row: 0, height: 100 }, { row: 5, height: 900 }, { row: 40, height: 100 }], 650)).toEqual([5, 40]);
  });

  it("measure each section to the next one's first row", () => {
    expect(sectionsOf([0, 3], [22, 15, 15, 30, 30])).toEqual([{ row: 0, height: 52 }, { row: 3, height: 60 }]);
    expect(heightRuns([22, 15, 15, 30])).toEqual([{ address: "A1:A1", height: 22 }, { address: "A2:A3", height: 15 }, { address: "A4:A4", height: 30 }]);
  });
});

describe("paper", () => {
  it("prints 11 pt text at 7 pt or more from the legible scale up", () => {
    expect((11 * LEGIBLE_SCALE) / 100).toBeGreaterThanOrEqual(7);
    expect((11 * (LEGIBLE_SCALE - 1)) / 100).toBeLessThan(7);
  });

  it("holds less on a page at a larger scale, in LibreOffice's wider columns, on the smaller of Letter and A4", () => {
    const room = pageRoom("Landscape", 100);
    expect(room.width).toBeCloseTo((792 - 100.8) * 0.75, 5);
    expect(room.height).toBeCloseTo(595 - 108, 5);
    expect(pageRoom("Portrait", 50).width).toBeCloseTo(2 * pageRoom("Portrait", 100).width, 5);
  });
});

describe("the Dashboard on paper", () => {
  const sheet = buildBlueprint({ ...defaultOptions("saas"), frameworks: [...FRAMEWORK_KEYS], sample: true }, { today: new Date(Date.UTC(2026, 0, 15)) }).sheets.find((s) => s.name === DASHBOARD_SHEET)!;
  const print = sheet.print!;
  const lastColumn = /^A1:([A-Z]+)(\d+)$/.exec(print.printArea ?? "")!;

  it("prints at a fixed scale where its text is 7 pt or more, not shrunk to one page", () => {
    expect(print.onePage).toBeFalsy();
    expect(print.scale).toBeGreaterThanOrEqual(LEGIBLE_SCALE);
  });

  it("is one page wide at that scale", () => {
    const widths = new Map((sheet.columnWidths ?? []).map((c) => [c.column, c.width]));
    const printed = Array.from({ length: 26 }, (_, i) => columnLetter(i)).slice(0, Array.from({ length: 26 }, (_, i) => columnLetter(i)).indexOf(lastColumn[1]) + 1);
    const width = printed.reduce((sum, column) => sum + (widths.get(column) ?? 48), 0);
    expect(width).toBeLessThanOrEqual(pageRoom(print.orientation, print.scale!).width);
  });

  it("breaks pages so that no page holds more rows than fit", () => {
    const heights: number[] = [];
    for (const run of sheet.rowHeights ?? []) {
      const [from, to] = run.address.split(":").map((a) => Number(a.slice(1)));
      for (let row = from; row <= to; row++) heights[row - 1] = run.height;
    }
    expect(heights.length).toBe(Number(lastColumn[2]));
    const starts = [0, ...(print.rowBreaks ?? []), heights.length];
    const room = pageRoom(print.orientation, print.scale!).height;
    for (let i = 0; i + 1 < starts.length; i++) expect(heights.slice(starts[i], starts[i + 1]).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(room);
  });
});

describe("charts on paper", () => {
  const sheets = buildBlueprint({ ...defaultOptions("saas"), frameworks: [...FRAMEWORK_KEYS], sample: true }, { today: new Date(Date.UTC(2026, 0, 15)) }).sheets;
  const charted = sheets.filter((s) => (s.charts ?? []).length > 0);

  it("sets every chart's text so it prints at 7 pt or more at its sheet's fixed scale (Excel's default 9 pt would print at 6.5 pt at 72%)", () => {
    expect(charted.map((s) => s.name)).toEqual(expect.arrayContaining([DASHBOARD_SHEET, LOSS_SHEET]));
    for (const sheet of charted) {
      const scale = sheet.print?.scale;
      expect({ sheet: sheet.name, fixedScale: typeof scale === "number" }).toEqual({ sheet: sheet.name, fixedScale: true });
      for (const chart of sheet.charts ?? []) {
        expect({ chart: chart.name, printed: (chart.textSize * scale!) / 100 >= 7, titleLarger: chart.titleSize > chart.textSize }).toEqual({ chart: chart.name, printed: true, titleLarger: true });
      }
    }
  });

  it("uses the smallest whole size that prints at 7 pt, and never less than 10 pt", () => {
    expect(chartTextSizes(72)).toEqual({ textSize: 10, titleSize: 13 });
    expect(chartTextSizes(64)).toEqual({ textSize: 11, titleSize: 15 });
    expect(chartTextSizes(100)).toEqual({ textSize: 10, titleSize: 13 });
  });
});
