/** Check tells the analyst which of the add-in's sheets print too small to read, as a workbook from an older version does. */
import { createWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { checkWorkbook } from "../../src/excel/check";
import { defaultOptions } from "../../src/core/blueprint/options";
import { FRAMEWORK_KEYS } from "../../src/core/frameworkKeys";

const TODAY = new Date(2026, 10, 23);

describe("Check's print warning", () => {
  it("is silent on a fresh Build, and names a register an older setup fits to one page wide", async () => {
    const workbook = createWorkbook();
    await run(workbook, (context) => buildWorkbook(context, { ...defaultOptions("general"), frameworks: [...FRAMEWORK_KEYS], sample: true }, TODAY));
    const printProblems = async () => (await run(workbook, (context) => checkWorkbook(context, TODAY))).filter((p) => p.code === "print-too-small");
    expect(await printProblems()).toEqual([]);

    await run(workbook, async (context) => {
      const layout = context.workbook.worksheets.getItem("Risk Register").pageLayout;
      layout.zoom = { horizontalFitToPages: 1 };
      layout.setPrintArea("A:AE");
    });
    const problems = await printProblems();
    expect(problems.map((p) => p.sheet)).toEqual(["Risk Register"]);
    expect(problems[0].message).toMatch(/^Risk Register prints its 11 pt text at about [1-6]\.\d pt: it is fitted to 1 page wide, which Excel does at about \d+%\./);
  });
});
