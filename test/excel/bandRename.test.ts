/**
 * The analyst renames a rating band on the Scales sheet (RatingBands "Medium" → "Moderate") and runs
 * Build again. A band's indicator is the band at its position, not its label, so the rename
 * relabels what exists instead of adding a twin: the Dashboard tile and its KpiList row, the KPI
 * History column (its recorded figures kept), the analyst's KpiTargets row (their target kept) and
 * the Management Review's row, whose formulas then read the renamed column and target.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { takeSnapshot } from "../../src/excel/history";
import { BuildOptions, defaultOptions } from "../../src/core/blueprint/options";
import { DASHBOARD_SHEET, KPI_BLOCK } from "../../src/core/blueprint/dashboardSheet";
import { HISTORY_TABLE } from "../../src/core/blueprint/historySheet";
import { SCALE_TABLES } from "../../src/core/blueprint/scalesSheet";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../src/core/blueprint/operationsScales";
import { REVIEW_BLOCKS, REVIEW_INDICATOR } from "../../src/core/blueprint/managementReviewSheet";
import { HEATMAP_SHEET } from "../../src/core/blueprint/heatmapSheet";
import { parseRange } from "../../src/core/a1";

const TODAY = new Date(2026, 10, 23);
const OPTIONS: BuildOptions = { ...defaultOptions("saas"), sample: true };
const OLD = "Open Medium risks";
const NEW = "Open Moderate risks";

const build = (workbook: HeadlessWorkbook) => run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));

/** Every cell of a sheet holding `text` as its value. */
function cellsShowing(workbook: HeadlessWorkbook, sheetName: string, text: string): string[] {
  const sheet = workbook.sheet(sheetName);
  const found: string[] = [];
  for (const [row, line] of sheet.rows) for (const [col, cell] of line) if (cell.value === text && !cell.formula) found.push(`${row},${col}`);
  return found.sort();
}

function tableColumn(workbook: HeadlessWorkbook, table: string, header: string): unknown[] {
  const model = workbook.getTable(table)!;
  const c = model.rect.c0 + model.columnIndexOf(header);
  return Array.from({ length: model.rect.r1 - model.rect.r0 }, (_, i) => model.sheet.cell(model.rect.r0 + 1 + i, c)?.value ?? null);
}

/** A named block's rows (header row first) as formulas-or-values. */
function block(workbook: HeadlessWorkbook, name: string): unknown[][] {
  const area = parseRange(workbook.getName(name)!.formula.replace(/^=/, "").replace(/\$/g, ""));
  const sheet = workbook.sheet(area.sheet!);
  return Array.from({ length: area.end.row - area.start.row + 1 }, (_, r) =>
    Array.from({ length: area.end.column - area.start.column + 1 }, (_, c) => {
      const cell = sheet.cell(area.start.row + r, area.start.column + c);
      return cell?.formula ?? cell?.value ?? "";
    }),
  );
}

async function renameBand(workbook: HeadlessWorkbook, from: string, to: string) {
  const bands = workbook.getTable(SCALE_TABLES.bands)!;
  const column = bands.rect.c0 + bands.columnIndexOf("Rating");
  const row = tableColumn(workbook, SCALE_TABLES.bands, "Rating").indexOf(from) + bands.rect.r0 + 1;
  await run(workbook, async (context) => {
    context.workbook.worksheets.getItem(bands.sheet.name).getCell(row, column).values = [[to]];
  });
}

describe("Renaming a rating band and running Build again", () => {
  it("relabels the band's tile, KPI History column, KpiTargets row and review row, keeping their history and target", async () => {
    const workbook = createWorkbook();
    await build(workbook);
    await run(workbook, (context) => takeSnapshot(context, new Date(2026, 7, 20)));
    await run(workbook, (context) => takeSnapshot(context, TODAY));
    // The analyst's own target for the band's indicator.
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(OPERATIONS_SCALE_TABLES.kpiTargets).rows.add(undefined, [[OLD, 3, "Lower"]]);
    });
    const targetsBefore = workbook.getTable(OPERATIONS_SCALE_TABLES.kpiTargets)!.bodyValues().length;
    const history = workbook.getTable(HISTORY_TABLE)!;
    const position = history.columnNames().indexOf(OLD);
    const recorded = tableColumn(workbook, HISTORY_TABLE, OLD);
    expect(recorded.filter((v) => typeof v === "number").length).toBeGreaterThan(1);
    expect(cellsShowing(workbook, DASHBOARD_SHEET, OLD)).toHaveLength(2); // the tile and its KpiList row
    const tilesBefore = cellsShowing(workbook, DASHBOARD_SHEET, OLD);

    await renameBand(workbook, "Medium", "Moderate");
    const report = await build(workbook);

    // Dashboard: the same tile, relabelled; no second tile, no added KPI block.
    expect(report.created).toEqual([]);
    expect(workbook.getName(`${KPI_BLOCK}2`)).toBeUndefined();
    expect(cellsShowing(workbook, DASHBOARD_SHEET, OLD)).toEqual([]);
    expect(cellsShowing(workbook, DASHBOARD_SHEET, NEW)).toEqual(tilesBefore);
    expect(block(workbook, KPI_BLOCK).filter((row) => /^Open .* risks$/.test(String(row[0]))).map((row) => row[0])).toEqual([
      "Open Critical risks",
      "Open High risks",
      NEW,
      "Open Low risks",
    ]);

    // KPI History: the column renamed in place, every recorded figure kept.
    expect(history.columnNames().indexOf(NEW)).toBe(position);
    expect(history.columnNames()).not.toContain(OLD);
    expect(tableColumn(workbook, HISTORY_TABLE, NEW)).toEqual(recorded);

    // KpiTargets: the analyst's row relabelled, their target kept, no row added.
    const targets = workbook.getTable(OPERATIONS_SCALE_TABLES.kpiTargets)!;
    const indicators = tableColumn(workbook, OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.indicator);
    expect(targets.bodyValues()).toHaveLength(targetsBefore);
    expect(indicators).not.toContain(OLD);
    expect(tableColumn(workbook, OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.target)[indicators.indexOf(NEW)]).toBe(3);

    // Management Review: the row reads the new label, the renamed History column and the target by its new label.
    const review = block(workbook, REVIEW_BLOCKS.indicators);
    const headers = review[0].map(String);
    const row = review.find((r) => r[0] === NEW)!;
    expect(review.some((r) => r[0] === OLD)).toBe(false);
    const formulas = row.filter((v) => typeof v === "string" && v.startsWith("=")).join(" ");
    expect(formulas).toContain(`[${NEW}]`);
    expect(formulas).not.toContain("Medium");
    expect(String(row[headers.indexOf(REVIEW_INDICATOR.target)])).toContain(`"${NEW}"`);

    // Nothing left to do on the next run, and the next snapshot fills the renamed column.
    const again = await build(workbook);
    expect([...again.created, ...again.repaired]).toEqual([]);
    await run(workbook, (context) => takeSnapshot(context, new Date(2026, 11, 1)));
    expect(tableColumn(workbook, HISTORY_TABLE, NEW).at(-1)).toEqual(expect.any(Number));
  });

  it("shows the new band name in the Heatmap's cells and legend", async () => {
    const workbook = createWorkbook();
    await build(workbook);
    await renameBand(workbook, "Medium", "Moderate");
    await build(workbook);
    const formats = [...workbook.sheet(HEATMAP_SHEET).rows.values()].flatMap((line) => [...line.values()].map((cell) => cell.style?.numberFormat ?? ""));
    expect(formats.filter((f) => f.includes("Medium"))).toEqual([]);
    expect(formats.filter((f) => f.includes("Moderate")).length).toBeGreaterThan(0);
  });
});
