/** End to end on the headless host: Build with sample data, then Check reads the Controls table. */
import { defaultOptions } from "../../../src/core/blueprint/options";
import { CONTROL, CONTROL_MATRIX_SHEET } from "../../../src/core/blueprint/controlMatrix";
import { CONTROL_LIBRARY } from "../../../src/core/controls";
import { UNEVIDENCED_CONTROL_INDICES } from "../../../src/core/sample/controlStatus";
import { buildWorkbook } from "../../../src/excel/build";
import { checkWorkbook } from "../../../src/excel/check";
import { createWorkbook, run } from "../../../src/headless";

const TODAY = new Date(2026, 10, 23);

describe("checkWorkbook on the sample workbook", () => {
  it("flags the sample's two Implemented controls without evidence or test date, finds no unknown IDs, and reads Controls without an extra sync", async () => {
    const workbook = createWorkbook();
    await run(workbook, (context) => buildWorkbook(context, { ...defaultOptions("saas"), sample: true }, TODAY));
    workbook.stats.reset();
    const problems = await run(workbook, (context) => checkWorkbook(context, TODAY));
    const syncs = workbook.stats.syncs;

    const controlProblems = problems.filter((p) => p.sheet === CONTROL_MATRIX_SHEET);
    const unevidenced = UNEVIDENCED_CONTROL_INDICES.map((i) => CONTROL_LIBRARY[i].id);
    expect(controlProblems.map((p) => [p.code, p.message.split(":")[0]]).sort()).toEqual(
      unevidenced.flatMap((id) => [["implemented-untested", id], ["implemented-without-evidence", id]]).sort(),
    );
    const sheet = workbook.sheet(CONTROL_MATRIX_SHEET);
    for (const problem of controlProblems) {
      const header = problem.code === "implemented-untested" ? CONTROL.lastTested : CONTROL.evidence;
      expect(sheet.valuesOf(problem.address)).toEqual([[""]]);
      const headerCell = problem.address.replace(/\d+$/, "4");
      expect(sheet.valuesOf(headerCell)).toEqual([[header]]);
    }
    expect(problems.filter((p) => p.code === "unknown-requirement" || p.code === "requirement-spelling")).toEqual([]);
    // Two syncs for the snapshot (tables, then their headers and scales), one for every table body at once,
    // one for the page setup of the sheets that print them, one for the size of their print areas.
    expect(syncs).toBe(5);
  });
});
