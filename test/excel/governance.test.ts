/**
 * The governance registers and the Program sheet: built with every workbook (sample or not),
 * added by an upgrade to a workbook built before them without touching what the user typed, and
 * checked (an element without exactly one Accountable, a charter past its review date).
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { checkWorkbook } from "../../src/excel/check";
import { takeSnapshot } from "../../src/excel/history";
import { HISTORY_TABLE } from "../../src/core/blueprint/historySheet";
import { OPERATIONS_SCALE_TABLES } from "../../src/core/blueprint/operationsScales";
import { defaultOptions } from "../../src/core/blueprint/options";
import { CHARTER, CHARTER_BLOCK, PROGRAM_SHEET } from "../../src/core/blueprint/programSheet";
import { GOVERNANCE_KPIS } from "../../src/core/governanceKpis";
import { GOVERNANCE_REGISTERS } from "../../src/core/registers";
import { RACI, RACI_TABLE } from "../../src/core/registers/raci";
import { ROADMAP_PHASES, ROADMAP_TABLE } from "../../src/core/registers/roadmap";
import { MEMORY_SHEET } from "../../src/core/plan/workbookMemory";
import { RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { MANAGEMENT_REVIEW_SHEET } from "../../src/core/blueprint/managementReviewSheet";
import { RESOURCE_REQUESTS_TABLE } from "../../src/core/registers/resourceRequests";

const TODAY = new Date(2026, 10, 23);

function values(workbook: HeadlessWorkbook, table: string): unknown[][] {
  const model = workbook.getTable(table)!;
  const { r0, r1 } = model.bodyRect;
  return Array.from({ length: r1 - r0 + 1 }, (_, i) => model.columnNames().map((_h, c) => model.sheet.cell(r0 + i, model.rect.c0 + c)?.value ?? null));
}

async function sampleBook(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, (context) => buildWorkbook(context, { ...defaultOptions("general"), sample: true }, TODAY));
  return workbook;
}

describe("Build with every register in place", () => {
  it("creates the whole sample workbook in a few round trips, each request under Excel on the web's 5 MB", async () => {
    const workbook = createWorkbook();
    const report = await run(workbook, (context) => buildWorkbook(context, { ...defaultOptions("general"), sample: true }, TODAY));
    console.log(`BUILD with every register: ${report.syncs} syncs, largest request ${workbook.stats.largestRequestBytes} bytes, ${workbook.sheets.length} sheets`);
    expect(report.syncs).toBeLessThanOrEqual(4);
    expect(workbook.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("Governance: the Program sheet", () => {
  it("a new workbook has the charter, the six roadmap phases, roles, a RACI over the eight elements and a year of meetings", async () => {
    const workbook = await sampleBook();
    for (const register of GOVERNANCE_REGISTERS) expect(workbook.getTable(register.table)).toBeDefined();
    expect(workbook.getTable(RESOURCE_REQUESTS_TABLE)!.sheet.name).toBe(MANAGEMENT_REVIEW_SHEET);
    expect(workbook.getTable(ROADMAP_TABLE)!.sheet.name).toBe(PROGRAM_SHEET);
    expect(values(workbook, ROADMAP_TABLE).map((row) => row[0])).toEqual(ROADMAP_PHASES.map((p) => p.phase));
    const elements = new Set(values(workbook, RACI_TABLE).map((row) => row[0]));
    expect(elements.size).toBe(8);
    const problems = await run(workbook, (context) => checkWorkbook(context, TODAY));
    expect(problems.filter((p) => p.sheet === PROGRAM_SHEET)).toEqual([]);
  });

  it("Check names an element without exactly one Accountable and a charter past its review date", async () => {
    const workbook = await sampleBook();
    await run(workbook, async (context) => {
      const raci = context.workbook.tables.getItem(RACI_TABLE);
      const body = raci.getDataBodyRange().load("values");
      await context.sync();
      const accountable = workbook.getTable(RACI_TABLE)!.columnNames().indexOf(RACI.accountable);
      const element = workbook.getTable(RACI_TABLE)!.columnNames().indexOf(RACI.element);
      body.values.forEach((row, i) => {
        // Governance gets a second Accountable; Access control loses both of its.
        if (row[element] === "Governance" && i === 1) raci.getDataBodyRange().getCell(i, accountable).values = [["CFO"]];
        if (row[element] === "Access control") raci.getDataBodyRange().getCell(i, accountable).values = [[""]];
      });
    });
    await run(workbook, async (context) => {
      const block = context.workbook.names.getItem(CHARTER_BLOCK).getRange().load("values,address");
      await context.sync();
      const row = block.values.findIndex((r) => r[0] === CHARTER.nextReview);
      block.getCell(row, 1).values = [[46000]];
    });
    const problems = await run(workbook, (context) => checkWorkbook(context, TODAY));
    const codes = problems.filter((p) => p.sheet === PROGRAM_SHEET).map((p) => `${p.code}: ${p.message}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^element-several-accountable: Governance has 2 Accountables \(CEO, CFO\)/),
        expect.stringMatching(/^element-without-accountable: Access control has no Accountable/),
        expect.stringMatching(/^charter-review-overdue: Charter: the charter was due for review on 2025-12-09/),
      ]),
    );
    expect(codes).toHaveLength(3);
  });

  it("an upgrade adds the Program sheet to a workbook built before it, keeping every typed value, and snapshots the governance KPIs", async () => {
    const workbook = await sampleBook();
    await run(workbook, async (context) => {
      // A workbook from before: no Program sheet, and so no name for its charter.
      context.workbook.worksheets.getItem(PROGRAM_SHEET).delete();
      context.workbook.names.getItem(CHARTER_BLOCK).delete();
      context.workbook.worksheets.getItem(MEMORY_SHEET).delete();
      context.workbook.tables.getItem(RISKS_TABLE).getDataBodyRange().getCell(0, 1).values = [["Typed title"]];
    });
    const risksBefore = values(workbook, RISKS_TABLE);
    const report = await run(workbook, (context) => buildWorkbook(context, { ...defaultOptions("general"), sample: true }, TODAY));
    expect(report.created).toContain(`Sheet ${PROGRAM_SHEET}`);
    expect(values(workbook, RISKS_TABLE)).toEqual(risksBefore);
    const targets = values(workbook, OPERATIONS_SCALE_TABLES.kpiTargets).map((row) => row[0]);
    for (const kpi of GOVERNANCE_KPIS) expect(targets).toContain(kpi.label);
    await run(workbook, (context) => takeSnapshot(context, TODAY));
    const history = workbook.getTable(HISTORY_TABLE)!.columnNames();
    const last = values(workbook, HISTORY_TABLE).at(-1)!;
    expect(last[history.indexOf("Leadership reviews in the last 90 days")]).toBe(2);
    expect(last[history.indexOf("Roadmap progress")]).toBeCloseTo((1 + 1 + 0.9 + 0.6 + 0.45 + 0.25) / 6, 9);
  });
});
