/**
 * An analyst deletes one of the add-in's sheets: Excel keeps the defined names that pointed at it,
 * now referring to #REF! (support.microsoft.com, "How to correct a #REF! error"). The next Build
 * recreates the sheet and points those names at it again instead of failing on "name exists".
 */
import { createWorkbook, run } from "../../src/headless";
import { CHARTER_BLOCK } from "../../src/core/blueprint/programSheet";
import { DASHBOARD_SHEET, KPI_BLOCK } from "../../src/core/blueprint/dashboardSheet";
import { defaultOptions } from "../../src/core/blueprint/options";
import { MEMORY_SHEET } from "../../src/core/plan/workbookMemory";
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

  describe("the Dashboard an upgrade had added a KPI block to (KpiList2)", () => {
    const names = (workbook: ReturnType<typeof createWorkbook>) => Object.fromEntries(workbook.names.map((n) => [n.name, n.formula]));

    async function upgradedThenDeleted() {
      const workbook = createWorkbook();
      await buildAt(workbook, { ...defaultOptions("general"), sample: false, registers: ["training"] });
      // An upgrade that brings a register lays its indicators out in KpiList2 below the Dashboard.
      expect((await buildAt(workbook, { ...defaultOptions("general"), sample: false, registers: ["incidents"] })).created).toContain(`Range ${KPI_BLOCK}2`);
      // A name of the user's own, on a sheet of theirs they delete too: it stays #REF!, as they left it.
      await run(workbook, async (context) => {
        context.workbook.worksheets.add("Scratch");
        context.workbook.names.add(`${KPI_BLOCK}3`, "=Scratch!$A$1:$A$4");
        context.workbook.names.add("MyFigures", "=Scratch!$C$1");
      });
      await run(workbook, async (context) => {
        context.workbook.worksheets.getItem(DASHBOARD_SHEET).delete();
        context.workbook.worksheets.getItem("Scratch").delete();
      });
      expect(names(workbook)[`${KPI_BLOCK}2`]).toContain("#REF!");
      return workbook;
    }

    async function expectRebuilt(workbook: ReturnType<typeof createWorkbook>) {
      const options = { ...defaultOptions("general"), sample: false };
      const report = await buildAt(workbook, options);
      expect(report.created).toContain(`Sheet ${DASHBOARD_SHEET}`);
      expect(report.repaired).toContain(`Removed the name ${KPI_BLOCK}2, which referred to a deleted sheet (#REF!) and is no longer used`);
      const after = names(workbook);
      expect(after[`${KPI_BLOCK}2`]).toBeUndefined();
      expect(after[KPI_BLOCK]).toMatch(/^=Dashboard!\$P\$\d+:\$Q\$\d+$/);
      // The user's names are theirs: left as they were.
      expect(after[`${KPI_BLOCK}3`]).toBe("=#REF!$A$1:$A$4");
      expect(after.MyFigures).toBe("=#REF!$C$1");
      expect(Object.entries(after).filter(([, formula]) => formula.includes("#REF!")).map(([name]) => name).sort()).toEqual([`${KPI_BLOCK}3`, "MyFigures"]);
      const again = await buildAt(workbook, options);
      expect([...again.created, ...again.repaired]).toEqual([]);
    }

    it("rebuilds it with every indicator in KpiList and removes the #REF! KpiList2 it made, not the user's broken names", async () => {
      await expectRebuilt(await upgradedThenDeleted());
    });

    // Without the list, a broken KpiList2…KpiList21 as wide as a KPI block is taken as ours; the user's one-column KpiList3 is not.
    it("does the same for a workbook whose memory predates its list of blocks", async () => {
      const workbook = await upgradedThenDeleted();
      const memory = workbook.sheet(MEMORY_SHEET);
      const row = [...memory.rows.keys()].find((r) => memory.cell(r, 0)?.value === "Row Blocks")!;
      expect(row).toBeDefined();
      await run(workbook, async (context) => {
        context.workbook.worksheets.getItem(MEMORY_SHEET).getRangeByIndexes(row, 0, 1, 2).values = [["", ""]];
      });
      await expectRebuilt(workbook);
    });
  });
});
