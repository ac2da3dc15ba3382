/**
 * An older workbook (Risks, Assets and Controls only, an inventory without the patch columns)
 * upgraded by Build: the operations registers, their Scales tables and the patch columns arrive,
 * and every value the user typed stays where it was.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildAt, tableValues } from "../support/upgradeHelpers";
import { checkWorkbook } from "../../src/excel/check";
import { takeSnapshot } from "../../src/excel/history";
import { ASSET, ASSETS_TABLE } from "../../src/core/blueprint/assetInventory";
import { HISTORY_TABLE } from "../../src/core/blueprint/historySheet";
import { OPERATIONS_SCALE_TABLES } from "../../src/core/blueprint/operationsScales";
import { BuildOptions, defaultOptions } from "../../src/core/blueprint/options";
import { OPERATIONS_KPIS } from "../../src/core/operationsKpis";
import { OPTIONAL_REGISTERS } from "../../src/core/registers";
import { MEMORY_SHEET } from "../../src/core/plan/workbookMemory";

const TODAY = new Date(2026, 10, 23);

const build = (workbook: HeadlessWorkbook, options: BuildOptions) => buildAt(workbook, options, TODAY);
const values = tableValues;

describe("Upgrading a workbook built before the operations registers", () => {
  it("adds the four registers, their Scales tables and the patch columns, keeping every typed value", async () => {
    const workbook = createWorkbook();
    await build(workbook, { ...defaultOptions("healthcare"), sample: true, registers: [] });
    expect(Object.values(OPTIONAL_REGISTERS).map((r) => workbook.getTable(r.table))).toEqual([undefined, undefined, undefined, undefined]);
    await run(workbook, async (context) => {
      const assets = context.workbook.tables.getItem(ASSETS_TABLE);
      assets.columns.getItem(ASSET.lastPatched).delete();
      assets.columns.getItem(ASSET.patchStatus).delete();
      assets.columns.add(undefined, [["My notes"], ...Array.from({ length: 26 }, (_, i) => [i % 3 === 0 ? `note ${i}` : ""])]);
      assets.getDataBodyRange().getCell(0, 3).values = [["Typed owner"]];
      for (const table of Object.values(OPERATIONS_SCALE_TABLES)) context.workbook.tables.getItem(table).delete();
      // Older versions kept no memory of the workbook's scope.
      context.workbook.worksheets.getItem(MEMORY_SHEET).delete();
    });
    const assetsBefore = values(workbook, ASSETS_TABLE);

    const report = await build(workbook, { ...defaultOptions("healthcare"), sample: true });

    expect(report.syncs).toBeLessThanOrEqual(4);
    for (const register of Object.values(OPTIONAL_REGISTERS)) expect(report.created).toContain(`Sheet ${register.sheet.name}`);
    for (const table of Object.values(OPERATIONS_SCALE_TABLES)) expect(report.created).toContain(`Table ${table}`);
    const assets = workbook.getTable(ASSETS_TABLE)!;
    expect(assets.columnNames().slice(-3)).toEqual(["My notes", ASSET.patchStatus, ASSET.lastPatched]);
    expect(values(workbook, ASSETS_TABLE).map((row) => row.slice(0, -2))).toEqual(assetsBefore);
    const history = workbook.getTable(HISTORY_TABLE)!.columnNames();
    for (const kpi of OPERATIONS_KPIS) expect(history).toContain(kpi.label);

    // The upgraded workbook checks and snapshots every operations indicator.
    const problems = await run(workbook, (context) => checkWorkbook(context, TODAY));
    expect(problems.filter((p) => p.code === "no-register")).toEqual([]);
    await run(workbook, (context) => takeSnapshot(context, TODAY));
    const last = values(workbook, HISTORY_TABLE).at(-1)!;
    const column = (label: string) => workbook.getTable(HISTORY_TABLE)!.columnNames().indexOf(label);
    // The new registers were created with the sample rows Build was asked for: two incidents are still open.
    expect(last[column("Open incidents")]).toBe(2);
    expect(last[column("Mean time to detect (hours)")]).toEqual(expect.any(Number));
    expect(last[column("Systems with current patches")] ?? "").toBe("");
  });

  it("a workbook built with some registers keeps just those on a plain re-run, and adds one when asked", async () => {
    const workbook = createWorkbook();
    await build(workbook, { ...defaultOptions("general"), sample: false, registers: ["training"] });
    expect((await build(workbook, { ...defaultOptions("general"), sample: false })).created).toEqual([]);
    expect(workbook.getTable(OPTIONAL_REGISTERS.incidents.table)).toBeUndefined();
    const report = await build(workbook, { ...defaultOptions("general"), sample: false, registers: ["incidents"] });
    // The Management Review gains its significant-incidents list with the register it reads; the
    // Dashboard gains the incident indicators in a block of its own below what it shows.
    expect(report.created).toEqual(["Range KpiList2", "Range SignificantIncidents", "Sheet Incidents", "Table Incidents"]);
    expect(workbook.getTable(OPTIONAL_REGISTERS.training.table)).toBeDefined();
  });

  it("keeps a register the workbook holds even when the options leave it out", async () => {
    const workbook = createWorkbook();
    await build(workbook, { ...defaultOptions("general"), sample: false });
    const report = await build(workbook, { ...defaultOptions("general"), sample: false, registers: [] });
    expect(report.created).toEqual([]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(OPTIONAL_REGISTERS).map((r) => r.sheet.name)));
  });
});
