/**
 * A workbook built before the program registers (no Policies, Vendors or Audit Findings, no
 * VendorTiers scale, no Evidence Method column) upgraded by Build: they arrive with their Scales
 * table, KPI rows, targets and history columns, and every value the user typed stays where it was.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildAt, tableValues } from "../support/upgradeHelpers";
import { checkWorkbook } from "../../src/excel/check";
import { takeSnapshot } from "../../src/excel/history";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { HISTORY_TABLE } from "../../src/core/blueprint/historySheet";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../src/core/blueprint/operationsScales";
import { BuildOptions, defaultOptions } from "../../src/core/blueprint/options";
import { PROGRAM_KPIS } from "../../src/core/programKpis";
import { PROGRAM_REGISTERS } from "../../src/core/registers";

const TODAY = new Date(2026, 10, 23);

const build = (workbook: HeadlessWorkbook, options: BuildOptions) => buildAt(workbook, options, TODAY);
const values = tableValues;

const column = (workbook: HeadlessWorkbook, table: string, header: string) => workbook.getTable(table)!.columnNames().indexOf(header);

describe("Upgrading a workbook built before the program registers", () => {
  it("adds Policies, Policy Exceptions, Vendors, the questionnaire, Audit Findings, VendorTiers and Evidence Method, keeping every typed value", async () => {
    const workbook = createWorkbook();
    const options = { ...defaultOptions("eu"), sample: true };
    await build(workbook, options);
    await run(workbook, async (context) => {
      for (const register of PROGRAM_REGISTERS) context.workbook.worksheets.getItem(register.sheet.name).delete();
      context.workbook.tables.getItem(OPERATIONS_SCALE_TABLES.vendorTiers).delete();
      // The matrix as older versions made it: no Evidence Method between Evidence and the framework columns. The headless
      // host does not shift the cells right of a deleted table column (Excel does), so the columns after it are deleted
      // right to left and added back with their values.
      const controls = context.workbook.tables.getItem(CONTROLS_TABLE);
      const model = workbook.getTable(CONTROLS_TABLE)!;
      const headers = model.columnNames();
      const from = headers.indexOf(CONTROL.evidenceMethod);
      const after = headers.slice(from + 1).map((header, i) => [[header], ...values(workbook, CONTROLS_TABLE).map((row) => [(row[from + 1 + i] ?? "") as string | number])]);
      for (let i = headers.length - 1; i >= from; i--) controls.columns.getItemAt(i).delete();
      for (const column of after) controls.columns.add(undefined, column);
      controls.getDataBodyRange().getCell(0, 6).values = [["Typed owner"]];
      const history = context.workbook.tables.getItem(HISTORY_TABLE);
      // Right to left: the headless host does not shift the header cells right of a deleted table column (see the report of #13).
      for (const kpi of [...PROGRAM_KPIS].reverse()) history.columns.getItem(kpi.label).delete();
    });
    const controlsBefore = values(workbook, CONTROLS_TABLE);
    const historyBefore = values(workbook, HISTORY_TABLE);

    const report = await build(workbook, options);

    expect(report.syncs).toBeLessThanOrEqual(4);
    for (const register of PROGRAM_REGISTERS) expect(report.created).toContain(`Table ${register.table}`);
    expect(report.created).toContain(`Table ${OPERATIONS_SCALE_TABLES.vendorTiers}`);
    // Evidence Method comes back blank: the user's rows are not given a method they did not choose.
    const method = column(workbook, CONTROLS_TABLE, CONTROL.evidenceMethod);
    expect(method).toBeGreaterThan(0);
    const without = (row: unknown[]) => row.filter((_, i) => i !== method);
    expect(values(workbook, CONTROLS_TABLE).map(without)).toEqual(controlsBefore);
    expect(values(workbook, CONTROLS_TABLE).every((row) => (row[method] ?? "") === "")).toBe(true);
    const history = workbook.getTable(HISTORY_TABLE)!.columnNames();
    for (const kpi of PROGRAM_KPIS) expect(history).toContain(kpi.label);
    // Earlier snapshots keep their figures; the new columns are blank for them.
    expect(values(workbook, HISTORY_TABLE).map((row) => row.slice(0, historyBefore[0].length))).toEqual(historyBefore);
    const targets = values(workbook, OPERATIONS_SCALE_TABLES.kpiTargets).map((row) => row[0]);
    for (const kpi of PROGRAM_KPIS) expect(targets).toContain(kpi.label);

    // Sample rows came with the new registers (Build was asked for sample data): Check finds the planted slips.
    const problems = await run(workbook, (context) => checkWorkbook(context, TODAY));
    const codes = problems.map((p) => p.code);
    for (const code of ["policy-review-overdue", "exception-expired", "tier1-never-assessed", "assurance-expired", "closed-unverified"]) expect(codes).toContain(code);

    await run(workbook, (context) => takeSnapshot(context, TODAY));
    const last = values(workbook, HISTORY_TABLE).at(-1)!;
    expect(last[column(workbook, HISTORY_TABLE, "Open policy exceptions")]).toBe(1);
    expect(last[column(workbook, HISTORY_TABLE, "Critical vendors without a DPA or BAA")]).toBe(1);
    expect(last[column(workbook, HISTORY_TABLE, "Overdue audit findings")]).toBe(1);
    expect(last[column(workbook, HISTORY_TABLE, "Average third-party score")]).toEqual(expect.any(Number));
    // Evidence Method came in blank, so there is nothing to measure yet.
    expect(last[column(workbook, HISTORY_TABLE, "Evidence collection automation")] ?? "").toBe("");
  });

  it("a re-run keeps the user's vendors, answers and tier scale edits", async () => {
    const workbook = createWorkbook();
    const options = { ...defaultOptions("healthcare"), sample: false };
    await build(workbook, options);
    expect(values(workbook, "Policies").length).toBe(10);
    expect(values(workbook, "VendorQuestions").length).toBe(25);
    await run(workbook, async (context) => {
      context.workbook.tables.getItem("Vendors").getDataBodyRange().getRow(0).getCell(0, 0).getResizedRange(0, 5).values = [["V-01", "Acme Hosting", "Hosting", "Me", "Restricted", "High"]];
      context.workbook.tables.getItem("VendorAnswers").getDataBodyRange().getRow(0).getCell(0, 0).getResizedRange(0, 2).values = [["V-01", "VQ-01", "Partial"]];
      const tiers = context.workbook.tables.getItem(OPERATIONS_SCALE_TABLES.vendorTiers).getDataBodyRange();
      tiers.getCell(0, 2).values = [[2]];
    });
    const before = ["Vendors", "VendorAnswers", OPERATIONS_SCALE_TABLES.vendorTiers, "Policies"].map((t) => values(workbook, t));
    const report = await build(workbook, options);
    expect(report.created).toEqual([]);
    expect(["Vendors", "VendorAnswers", OPERATIONS_SCALE_TABLES.vendorTiers, "Policies"].map((t) => values(workbook, t))).toEqual(before);
    expect(values(workbook, OPERATIONS_SCALE_TABLES.vendorTiers)[0][column(workbook, OPERATIONS_SCALE_TABLES.vendorTiers, OPS_SCALE.tier)]).toBe(2);
  });
});
