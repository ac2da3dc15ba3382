/**
 * Upgrading a workbook whose Dashboard predates some indicators: the indicators and charts it lacks
 * are added below everything it shows, nothing already on it moves or changes, the print area grows
 * to cover them, and a second upgrade adds nothing.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { DASHBOARD_SHEET, KPI_BLOCK } from "../../src/core/blueprint/dashboardSheet";
import { BuildOptions, defaultOptions } from "../../src/core/blueprint/options";
import { OPERATIONS_KPIS } from "../../src/core/operationsKpis";
import { parseRange } from "../../src/core/a1";

const TODAY = new Date(2026, 10, 23);

async function build(workbook: HeadlessWorkbook, options: BuildOptions) {
  return run(workbook, (context) => buildWorkbook(context, options, TODAY));
}

function dashboard(workbook: HeadlessWorkbook) {
  const sheet = workbook.sheets.find((s) => s.name === DASHBOARD_SHEET)!;
  const used = sheet.usedRect(false)!;
  const cells = new Map<string, unknown>();
  for (let r = used.r0; r <= used.r1; r++) for (let c = used.c0; c <= used.c1; c++) {
    const cell = sheet.cell(r, c);
    if (cell && (cell.formula || cell.value !== undefined)) cells.set(`${r},${c}`, cell.formula ?? cell.value);
  }
  return { sheet, used, cells, charts: sheet.charts.map((c) => ({ name: c.name, position: { ...c.position } })) };
}

function blockRows(workbook: HeadlessWorkbook, name: string): string[] {
  const entry = workbook.getName(name);
  if (!entry) return [];
  const sheet = workbook.sheets.find((s) => s.name === DASHBOARD_SHEET)!;
  const area = parseRange(String(entry.formula).replace(/^=/, "").replace(/\$/g, ""));
  return Array.from({ length: area.end.row - area.start.row }, (_, i) => String(sheet.cell(area.start.row + 1 + i, area.start.column)?.value ?? ""));
}

describe("Upgrading a Dashboard built before the operations indicators", () => {
  it("adds each missing indicator as a tile below the existing content, in its own KPI block, and changes nothing already there", async () => {
    const workbook = createWorkbook();
    await build(workbook, { ...defaultOptions("healthcare"), sample: true, registers: [] });
    const before = dashboard(workbook);
    const shown = blockRows(workbook, KPI_BLOCK);
    const missing = OPERATIONS_KPIS.map((k) => k.label).filter((label) => !shown.includes(label));
    expect(missing.length).toBeGreaterThan(5);

    const everyRegister: BuildOptions["registers"] = ["incidents", "vulnerabilities", "accessReviews", "training"];
    const report = await build(workbook, { ...defaultOptions("healthcare"), sample: true, registers: everyRegister });

    expect(report.created).toContain(`Range ${KPI_BLOCK}2`);
    const added = blockRows(workbook, `${KPI_BLOCK}2`);
    expect(added).toEqual(expect.arrayContaining(missing));
    expect(added.filter((label) => shown.includes(label))).toEqual([]);
    expect(report.repaired.find((r) => r.startsWith(`Added ${added.length} indicators below the existing content of ${DASHBOARD_SHEET}`))).toBeDefined();

    const after = dashboard(workbook);
    for (const [cell, content] of before.cells) expect([cell, after.cells.get(cell)]).toEqual([cell, content]);
    expect(after.charts).toEqual(before.charts);
    // Every added tile sits below the old content and reads its figure from the new block.
    const newCells = [...after.cells].filter(([cell]) => !before.cells.has(cell));
    const tileLabels = newCells.filter(([, v]) => typeof v === "string" && added.includes(v as string));
    expect(tileLabels.length).toBeGreaterThanOrEqual(added.length);
    for (const [cell] of newCells) expect(Number(cell.split(",")[0])).toBeGreaterThan(before.used.r1);
    const block = parseRange(String(workbook.getName(`${KPI_BLOCK}2`)!.formula).replace(/^=/, "").replace(/\$/g, ""));
    for (const [cell, label] of tileLabels.filter(([cell]) => Number(cell.split(",")[1]) < block.start.column)) {
      const [r, c] = cell.split(",").map(Number);
      const figure = parseRange(String(after.cells.get(`${r + 1},${c}`)).replace(/^=/, "").replace(/\$/g, "")).start;
      expect([label, figure.column, figure.row - block.start.row]).toEqual([label, block.start.column + 1, added.indexOf(label as string) + 1]);
    }
    const printArea = parseRange(after.sheet.pageLayout.printArea!.replace(/\$/g, ""));
    expect(printArea.end.row).toBeGreaterThanOrEqual(after.used.r1 - 1);

    const again = await build(workbook, { ...defaultOptions("healthcare"), sample: true, registers: everyRegister });
    expect(again.created).toEqual([]);
    expect(again.repaired.filter((r) => r.includes("indicator"))).toEqual([]);
    expect(workbook.getName(`${KPI_BLOCK}3`)).toBeUndefined();
  });

  it("puts a chart the Dashboard lacks below its content instead of over its tiles", async () => {
    const workbook = createWorkbook();
    await build(workbook, { ...defaultOptions("general"), sample: true });
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem(DASHBOARD_SHEET).charts.getItem("TopResidualAle").delete();
    });
    const before = dashboard(workbook);
    await build(workbook, { ...defaultOptions("general"), sample: true });
    const after = dashboard(workbook);
    const restored = after.sheet.charts.find((c) => c.name === "TopResidualAle")!;
    expect(restored).toBeDefined();
    const lowestChart = Math.max(...before.sheet.charts.filter((c) => c.name !== "TopResidualAle").map((c) => parseRange(c.position.endCell!).end.row));
    expect(parseRange(restored.position.startCell!).start.row).toBeGreaterThan(Math.max(before.used.r1, lowestChart));
  });
});
