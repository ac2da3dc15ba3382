/** Check's print rule: what an old one-page-wide setup does to a wide register's text on paper. */
import { checkPrint, printScale, type PrintedSheet } from "../../../src/core/check/checkPrint";

const NORMAL = { left: 50.4, right: 50.4, top: 54, bottom: 54 };
const register = (zoom: PrintedSheet["zoom"], width = 2400, height = 600): PrintedSheet => ({
  sheet: "Risk Register",
  address: "A4:AE40",
  orientation: "Landscape",
  zoom,
  margins: NORMAL,
  width,
  height,
});

describe("the print scale Excel uses", () => {
  it("is the fixed scale when one is set", () => {
    expect(printScale(register({ scale: 70 }))).toBe(70);
  });

  it("fits the content to the pages asked for, never above 100% or under 10%", () => {
    // 792 pt landscape Letter less Normal side margins leaves 691.2 pt across.
    expect(printScale(register({ horizontalFitToPages: 1, verticalFitToPages: null }))).toBeCloseTo((100 * 691.2) / 2400, 5);
    expect(printScale(register({ horizontalFitToPages: 2, verticalFitToPages: null }, 400))).toBe(100);
    expect(printScale(register({ horizontalFitToPages: 1, verticalFitToPages: 1 }, 600, 20000))).toBe(10);
  });
});

describe("Check's print warning", () => {
  it("names the sheet, the size its text prints at, why, and the fix", () => {
    const [problem] = checkPrint([register({ horizontalFitToPages: 1, verticalFitToPages: null })]);
    expect(problem).toMatchObject({ code: "print-too-small", severity: "warning", sheet: "Risk Register", address: "A4:AE40" });
    expect(problem.message).toBe(
      "Risk Register prints its 11 pt text at about 3.1 pt: it is fitted to 1 page wide, which Excel does at about 28%. 7 pt is the least that reads on paper. " +
        "In Page Layout, set Scale to 64% or more (the sheet then prints on more pages), or set a print area of fewer columns.",
    );
  });

  it("says nothing of a sheet whose text prints at 7 pt or more", () => {
    expect(checkPrint([register({ scale: 70 }), register({ horizontalFitToPages: 1, verticalFitToPages: null }, 1000)])).toEqual([]);
  });

  it("explains a fixed scale that is too small, and a fit to one page both ways", () => {
    expect(checkPrint([register({ scale: 40 })])[0].message).toMatch(/^Risk Register prints its 11 pt text at about 4\.4 pt: it is set to print at 40%\./);
    expect(checkPrint([register({ horizontalFitToPages: 1, verticalFitToPages: 1 }, 600, 3000)])[0].message).toMatch(/it is fitted to 1 page wide by 1 page tall, which Excel does at about 16%/);
  });
});
