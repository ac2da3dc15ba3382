/**
 * The per-row blocks (KPI list, chart data, settings) are plain named ranges, not tables: Excel's
 * AutoCorrect "Fill formulas in tables to create calculated columns" also acts on formulas written
 * through Office.js (office-js #5909 Mac/web, #2093 Windows "by design", #6745), so a table column
 * ends up holding one formula. A built workbook must have no table column that mixes formulas.
 */
import ExcelJS from "exceljs";
import { createWorkbook, HeadlessWorkbook, run, writeXlsx } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { readWorkbookData } from "../../src/excel/workbookData";
import { createSyncCounter } from "../../src/excel/syncCounter";
import { BuildOptions, defaultOptions, registersOf } from "../../src/core/blueprint/options";
import { CHART_BLOCKS, KPI_BLOCK, kpiSpecs } from "../../src/core/blueprint/dashboardSheet";
import { SETTINGS_BLOCK } from "../../src/core/blueprint/scalesSheet";
import { defaultScales } from "../../src/core/scales";
import { columnLetter, parseRange } from "../../src/core/a1";

const TODAY = new Date(2026, 10, 23);
const OPTIONS: BuildOptions = { ...defaultOptions("saas"), sample: true, organisation: "Acme Ltd" };

async function built(options: BuildOptions = OPTIONS): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, (context) => buildWorkbook(context, options, TODAY));
  return workbook;
}

interface FileTable {
  name: string;
  tableRef?: string;
  ref?: string;
  columns: Array<{ name: string }>;
}

/** A formula with its relative A1 references made relative to its own row (R1C1-like), strings kept. */
function relativeForm(formula: string, row: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(\$?[A-Z]{1,3})(\$?)(\d+)\b/g, (_m, col: string, abs: string, r: string) => `${col}${abs ? `$${r}` : `R[${Number(r) - row}]`}`)))
    .join("");
}

/** Every table column of a saved file whose body cells do not all hold the same (filled-down) formula or none. */
async function mixedTableColumns(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const mixed: string[] = [];
  for (const sheet of book.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { table: FileTable }> }).tables ?? {};
    for (const { table } of Object.values(tables)) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec((table.tableRef ?? table.ref ?? "").replace(/\$/g, ""));
      if (!m) throw new Error(`Table ${table.name} has no range`);
      const left = sheet.getColumn(m[1]).number;
      const [top, bottom] = [Number(m[2]), Number(m[4])];
      table.columns.forEach((column, i) => {
        const forms = new Set<string>();
        for (let r = top + 1; r <= bottom; r++) {
          const cell = sheet.getCell(r, left + i);
          forms.add(cell.formula ? relativeForm(cell.formula, r) : "(no formula)");
        }
        if (forms.size > 1 && [...forms].some((f) => f !== "(no formula)")) mixed.push(`${table.name}[${column.name}]`);
      });
    }
  }
  return mixed;
}

describe("A fresh Build written to .xlsx (office-js #5909, #2093, #6745: Excel fills a table column with one formula)", () => {
  it("has no table column whose rows hold different formulas", async () => {
    const workbook = await built();
    expect(await mixedTableColumns(await writeXlsx(workbook))).toEqual([]);
  });

  it("the scanner does find a table column whose rows hold different formulas", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").formulas = [["Name", "Figure"], ["a", "=1+1"], ["b", "=2+2"]];
      sheet.tables.add("A1:B3", true).name = "Mixed";
    });
    expect(await mixedTableColumns(await writeXlsx(workbook))).toEqual(["Mixed[Figure]"]);
  });

  it("keeps the KPI list, chart data and settings in named ranges, each row with its own formula", async () => {
    const workbook = await built();
    for (const name of [KPI_BLOCK, SETTINGS_BLOCK, ...Object.values(CHART_BLOCKS)]) expect(workbook.getName(name)).toBeDefined();
    expect(workbook.tables.map((t) => t.name)).not.toEqual(expect.arrayContaining(["Kpis", "Settings", "RatingChart"]));

    const { start, end } = parseRange(workbook.getName(KPI_BLOCK)!.formula.replace(/^=/, ""));
    const dashboard = workbook.sheet("Dashboard");
    const rows = Array.from({ length: end.row - start.row }, (_, i) => start.row + 2 + i);
    const label = (row: number) => dashboard.valueAt(`${columnLetter(start.column)}${row}`);
    const formulas = rows.map((row) => dashboard.formulaAt(`${columnLetter(start.column + 1)}${row}`));
    expect(rows.map(label)).toEqual(kpiSpecs(defaultScales(), OPTIONS.frameworks, registersOf(OPTIONS)).map((k) => k.label));
    expect(new Set(formulas).size).toBe(rows.length);
  });

  it("shows a different figure on each KPI tile once calculated (the collapse made every tile the same)", async () => {
    const workbook = createWorkbook({ calculate: true });
    await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    const dashboard = workbook.sheet("Dashboard");
    const tiles = dashboard.valuesOf("B7:L7")[0].filter((_, i) => i % 2 === 0);
    expect(new Set(tiles.map(String)).size).toBeGreaterThan(2);
    expect(dashboard.formulaAt("B2")).toBe("=TODAY()");
    expect(dashboard.styleAt("B2")?.numberFormat).toBe('"Figures as of "yyyy-mm-dd');
    expect(dashboard.valueAt("B3")).toBe("Acme Ltd");
  });
});

describe("A workbook built before the blocks became ranges (Settings, Kpis as tables)", () => {
  /** Turns the settings block back into the table earlier versions made. */
  async function withLegacySettingsTable(workbook: HeadlessWorkbook): Promise<void> {
    const address = workbook.getName(SETTINGS_BLOCK)!.formula.replace(/^=/, "");
    await run(workbook, async (context) => {
      context.workbook.names.getItem(SETTINGS_BLOCK).delete();
      context.workbook.tables.add(address, true).name = "Settings";
    });
  }

  it("is still read: the risk appetite typed into the Settings table counts", async () => {
    const workbook = await built();
    await withLegacySettingsTable(workbook);
    const table = workbook.getTable("Settings")!;
    const appetiteRow = table.bodyValues().findIndex((row) => row[0] === "Risk Appetite");
    await run(workbook, async (context) => {
      context.workbook.tables.getItem("Settings").getDataBodyRange().getCell(appetiteRow, 1).values = [[14]];
    });
    const data = await run(workbook, (context) => readWorkbookData(context, createSyncCounter()));
    expect(data.scales.appetite).toBe(14);
  });

  it("re-runs without adding a second settings block or another Scales sheet", async () => {
    const workbook = await built();
    await withLegacySettingsTable(workbook);
    const report = await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    expect(report.created).toEqual([]);
    expect(workbook.getName(SETTINGS_BLOCK)).toBeUndefined();
    expect(workbook.sheets.map((s) => s.name)).not.toContain("Scales (ISMP)");
  });
});
