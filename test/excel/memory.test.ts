/** Re-running Build follows renamed columns and tables, keeps values typed over formulas, and respects workbook protection. */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { checkWorkbook } from "../../src/excel/check";
import { restoreFormula } from "../../src/excel/overrides";
import { readSettings } from "../../src/excel/settings";
import { OperationBlockedError } from "../../src/excel/errors";
import { defaultOptions } from "../../src/core/blueprint/options";
import { RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { POLICIES_TABLE } from "../../src/core/registers/policies";

const TODAY = new Date(2026, 10, 23);
const OPTIONS = { ...defaultOptions("saas"), sample: true };

async function build(workbook: HeadlessWorkbook) {
  workbook.stats.reset();
  return run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
}

async function built(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await build(workbook);
  return workbook;
}

const column = (workbook: HeadlessWorkbook, header: string) => {
  const table = workbook.getTable(RISKS_TABLE)!;
  const index = table.columnIndexOf(header);
  const body = table.bodyRect;
  return Array.from({ length: table.bodyRowCount }, (_, i) => table.sheet.cell(body.r0 + i, table.rect.c0 + index));
};

describe("renamed columns keep working", () => {
  it("follows a renamed input column: no empty twin, scores still calculate, and says so", async () => {
    const workbook = await built();
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(RISKS_TABLE).columns.getItem("Inherent Likelihood").name = "Likelihood (inherent)";
    });
    const report = await build(workbook);
    expect(report.notes).toContain('Inherent Likelihood (table Risks) is now called "Likelihood (inherent)"; the add-in follows the new name.');
    expect(workbook.getTable(RISKS_TABLE)!.columnNames()).not.toContain("Inherent Likelihood");
    expect(report.repaired.filter((line) => /Inherent/.test(line))).toEqual([]);
    const scores = column(workbook, "Inherent Score");
    expect(scores.every((cell) => cell?.formula?.includes("[Likelihood (inherent)]"))).toBe(true);
    workbook.calculationClock = () => TODAY;
    workbook.calculate();
    expect(scores.filter((cell) => typeof cell?.value === "number").length).toBe(scores.length);
    // The next run knows the new name already: nothing more to say.
    expect((await build(workbook)).notes).toEqual([]);
  });

  it.each([
    ["the last column, with a column added after it", -1, undefined],
    ["the first column, with a column inserted before it", 0, 0],
  ])("follows a renamed input column that is %s: no empty twin (a fast-check counterexample)", async (_label, which, insertAt) => {
    const workbook = await built();
    // Policies: no formula names its first or last column, so only the last build's record can place them.
    const headers = workbook.getTable(POLICIES_TABLE)!.columnNames();
    const header = headers.at(which)!;
    await run(workbook, async (context) => {
      const policies = context.workbook.tables.getItem(POLICIES_TABLE);
      policies.columns.getItem(header).name = `${header} (ours)`;
      policies.columns.add(insertAt, undefined, "My notes");
    });
    const report = await build(workbook);
    expect(report.notes).toContain(`${header} (table ${POLICIES_TABLE}) is now called "${header} (ours)"; the add-in follows the new name.`);
    const after = workbook.getTable(POLICIES_TABLE)!.columnNames();
    expect(after).not.toContain(header);
    expect(after).toHaveLength(headers.length + 1);
  });

  it("follows a renamed table", async () => {
    const workbook = await built();
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(RISKS_TABLE).name = "RiskLog";
    });
    const report = await build(workbook);
    expect(report.created).toEqual([]);
    expect(report.notes).toContain('Table Risks is now called "RiskLog"; the add-in follows the new name.');
    expect(workbook.getTable(RISKS_TABLE)).toBeUndefined();
  });
});

describe("values typed over calculated columns are the analyst's", () => {
  it("keeps an override on every re-run and says so", async () => {
    const workbook = await built();
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(RISKS_TABLE).columns.getItem("Inherent Score").getDataBodyRange().getCell(1, 0).values = [[99]];
    });
    for (let i = 0; i < 2; i++) {
      const report = await build(workbook);
      expect(report.syncs).toBeLessThanOrEqual(4);
      expect(report.notes).toContain("Kept the value typed over the formula of Risks[Inherent Score]; Check lists it.");
      const cells = column(workbook, "Inherent Score");
      expect(cells[1]).toMatchObject({ value: 99 });
      expect(cells[1]?.formula).toBeUndefined();
      expect(cells[0]?.formula).toMatch(/^=IF/);
      expect(cells[2]?.formula).toMatch(/^=IF/);
    }
  });
});

describe("Check lists overrides and the pane restores them on request", () => {
  async function overridden(): Promise<HeadlessWorkbook> {
    const workbook = await built();
    await run(workbook, async (context) => {
      const body = context.workbook.tables.getItem(RISKS_TABLE).columns.getItem("Inherent Score").getDataBodyRange();
      body.getCell(1, 0).values = [[99]];
      body.getCell(3, 0).values = [[7]];
    });
    await build(workbook);
    return workbook;
  }

  it("lists each typed-over cell with the formula it replaced", async () => {
    const workbook = await overridden();
    const problems = (await run(workbook, (context) => checkWorkbook(context, TODAY))).filter((p) => p.code === "formula-overridden");
    const table = workbook.getTable(RISKS_TABLE)!;
    const letter = String.fromCharCode(65 + table.columnIndexOf("Inherent Score"));
    expect(problems.map((p) => `${p.sheet}!${p.address}`)).toEqual([`Risk Register!${letter}${table.headerRow + 3}`, `Risk Register!${letter}${table.headerRow + 5}`]);
    expect(problems[0].message).toMatch(/^Inherent Score holds a typed value \(99\) instead of its formula =IF\(OR\(Risks\[\[#This Row\],\[Inherent Likelihood\]\]/);
    expect(problems[0].restore).toEqual({ table: RISKS_TABLE, column: "Inherent Score", row: 1 });
  });

  it("restores one cell, then the whole column, each in one write", async () => {
    const workbook = await overridden();
    workbook.stats.reset();
    expect(await run(workbook, (context) => restoreFormula(context, { table: RISKS_TABLE, column: "Inherent Score", row: 1 }))).toEqual({ cells: 1 });
    expect(workbook.stats.syncs).toBeLessThanOrEqual(3);
    let cells = column(workbook, "Inherent Score");
    expect(cells[1]?.formula).toMatch(/^=IF/);
    expect(cells[3]).toMatchObject({ value: 7 });
    await run(workbook, (context) => restoreFormula(context, { table: RISKS_TABLE, column: "Inherent Score" }));
    cells = column(workbook, "Inherent Score");
    expect(cells.every((cell) => cell?.formula?.startsWith("=IF"))).toBe(true);
    expect((await run(workbook, (context) => checkWorkbook(context, TODAY))).filter((p) => p.code === "formula-overridden")).toEqual([]);
  });

  it("Set up starts from the settings the workbook remembers", async () => {
    const workbook = await built();
    const settings = await run(workbook, (context) => readSettings(context));
    expect(settings?.options).toMatchObject({ profile: "saas", frameworks: ["ISO27001", "SOC2"], matrixSize: 5, method: "multiply" });
    expect(await run(createWorkbook(), (context) => readSettings(context))).toBeUndefined();
  });
});

describe("workbook structure protection", () => {
  it("blocks Build before anything changes", async () => {
    const workbook = await built();
    await run(workbook, async (context) => {
      context.workbook.protection.protect();
    });
    workbook.sheets = workbook.sheets.filter((s) => s.name !== "Coverage");
    const sheets = workbook.sheets.map((s) => s.name);
    const failure = await build(workbook).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OperationBlockedError);
    expect((failure as Error).message).toMatch(/structure is protected/);
    expect(workbook.sheets.map((s) => s.name)).toEqual(sheets);
  });
});
