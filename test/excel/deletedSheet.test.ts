/**
 * An analyst deletes one of the add-in's sheets: Excel keeps the defined names that pointed at it,
 * now referring to #REF! (support.microsoft.com, "How to correct a #REF! error"). The next Build
 * recreates the sheet and points those names at it again instead of failing on "name exists".
 */
import { createWorkbook, run } from "../../src/headless";
import { CHARTER_BLOCK } from "../../src/core/blueprint/programSheet";
import { defaultOptions } from "../../src/core/blueprint/options";
import { buildAt } from "../support/upgradeHelpers";

describe("Build after the user deleted one of the add-in's sheets", () => {
  it("recreates the sheet and repoints its #REF! names, and the re-run after that changes nothing", async () => {
    const workbook = createWorkbook();
    const options = { ...defaultOptions("general"), sample: true };
    await buildAt(workbook, options);
    const sheetName = workbook.getName(CHARTER_BLOCK)!.formula.replace(/^=/, "").split("!")[0].replace(/^'|'$/g, "");
    await run(workbook, async (context) => context.workbook.worksheets.getItem(sheetName).delete());

    const broken = await run(workbook, async (context) => {
      const name = context.workbook.names.getItem(CHARTER_BLOCK).load("type, formula");
      await context.sync();
      return { type: name.type, formula: name.formula };
    });
    expect(broken.type).toBe("Error");
    expect(broken.formula).toContain("#REF!");

    const report = await buildAt(workbook, options);
    expect(report.created).toContain(`Sheet ${sheetName}`);
    expect(report.repaired).toContain(`Restored the name ${CHARTER_BLOCK}`);
    expect(workbook.getName(CHARTER_BLOCK)!.formula).toMatch(new RegExp(`^='?${sheetName}'?!\\$A\\$5:`));
    expect(workbook.sheets.some((s) => s.name === sheetName)).toBe(true);

    const again = await buildAt(workbook, options);
    expect(again.created).toEqual([]);
    expect(again.repaired.filter((r) => r.startsWith("Restored the name"))).toEqual([]);
  });
});
