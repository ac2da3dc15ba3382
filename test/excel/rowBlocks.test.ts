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

  it("re-runs without adding a second settings block or another Scales sheet, converting the table to the range SettingsList", async () => {
    const workbook = await built();
    await withLegacySettingsTable(workbook);
    const address = workbook.getTable("Settings")!.rect;
    const appetiteRow = workbook.getTable("Settings")!.bodyValues().findIndex((row) => row[0] === "Risk Appetite");
    await run(workbook, async (context) => {
      context.workbook.tables.getItem("Settings").getDataBodyRange().getCell(appetiteRow, 1).values = [[14]];
    });
    const report = await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    expect(report.created).toEqual([]);
    expect(workbook.getTable("Settings")).toBeUndefined();
    expect(parseRange(workbook.getName(SETTINGS_BLOCK)!.formula.replace(/^=/, "")).start).toEqual({ row: address.r0, column: address.c0 });
    expect(workbook.sheets.map((s) => s.name)).not.toContain("Scales (ISMP)");
    const data = await run(workbook, (context) => readWorkbookData(context, createSyncCounter()));
    expect(data.scales.appetite).toBe(14);
  });
});

describe("Upgrading a workbook built when the KPI list was the table Kpis (office-js #5909: its Value column had collapsed to one formula)", () => {
  const TARGETS = ["95%", "", "Quarterly", "2"];
  const NOTES = ["Board asked for this", "", "", "Checked by Dana"];

  /**
   * The KPI list as older versions left it: the table Kpis, every Value the first row's formula
   * (Excel's calculated column), the analyst's own Target and Notes columns and one typed-over Value.
   */
  async function withLegacyKpisTable(workbook: HeadlessWorkbook): Promise<{ address: string; typedRow: number }> {
    const address = workbook.getName(KPI_BLOCK)!.formula.replace(/^=/, "");
    const typedRow = 2;
    await run(workbook, async (context) => {
      context.workbook.names.getItem(KPI_BLOCK).delete();
      const table = context.workbook.tables.add(address, true);
      table.name = "Kpis";
      const value = table.columns.getItem("Value").getDataBodyRange().load("formulas, rowCount");
      await context.sync();
      value.formulas = value.formulas[0][0];
      const rows = value.rowCount;
      const column = (header: string, values: string[]) => [[header], ...Array.from({ length: rows }, (_, i) => [values[i] ?? ""])];
      table.columns.add(undefined, column("Target", TARGETS), "Target");
      table.columns.add(undefined, column("Notes", NOTES), "Notes");
      await context.sync();
      table.columns.getItem("Value").getDataBodyRange().getCell(typedRow, 0).values = [[42]];
    });
    return { address, typedRow };
  }

  it("turns the table into the named range KpiList, each KPI with its own formula again, the analyst's columns and typed value kept", async () => {
    const workbook = await built();
    const { typedRow } = await withLegacyKpisTable(workbook);
    const collapsed = workbook.getTable("Kpis")!;
    const before = collapsed.bodyValues();
    const report = await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));

    const labels = kpiSpecs(defaultScales(), OPTIONS.frameworks, registersOf(OPTIONS)).map((k) => k.label);
    expect(workbook.getTable("Kpis")).toBeUndefined();
    // The old table's sheet is the Dashboard: no second one ("Dashboard (ISMP)") is made beside it.
    expect(report.renamed).toEqual([]);
    expect(report.created.filter((c) => c.startsWith("Sheet "))).toEqual([]);
    expect(report.repaired).toContain(
      `Converted the table Kpis to the range KpiList (Excel gives a table column one formula) and restored ${labels.length - 1} row formulas; typed values and added columns were kept`,
    );
    const block = parseRange(workbook.getName(KPI_BLOCK)!.formula.replace(/^=/, ""));
    const dashboard = workbook.sheet(block.sheet!);
    const width = block.end.column - block.start.column + 1;
    expect(width).toBe(4);
    const letter = (offset: number) => columnLetter(block.start.column + offset);
    const first = block.start.row + 2;
    const last = block.end.row + 1;
    expect(dashboard.valuesOf(`${letter(0)}${block.start.row + 1}:${letter(3)}${block.start.row + 1}`)).toEqual([["Indicator", "Value", "Target", "Notes"]]);
    expect(last - first + 1).toBe(labels.length);
    const formulas = Array.from({ length: last - first + 1 }, (_, i) => dashboard.formulaAt(`${letter(1)}${first + i}`));
    // One formula per KPI, each its own (the collapse had made them all the first row's).
    const rowFormulas = formulas.filter((f) => String(f).startsWith("="));
    expect(rowFormulas.length).toBe(labels.length - 1);
    expect(new Set(rowFormulas).size).toBe(labels.length - 1);
    expect(dashboard.valueAt(`${letter(1)}${first + typedRow}`)).toBe(42);
    expect(dashboard.valuesOf(`${letter(2)}${first}:${letter(3)}${last}`)).toEqual(before.map((row) => [row[2], row[3]]));
    expect(dashboard.valuesOf(`${letter(0)}${first}:${letter(0)}${last}`).map(([label]) => label)).toEqual(before.map((row) => row[0]));
  });

  it("adds the KPIs the old table lacked below the Dashboard, and does not also warn that they are missing", async () => {
    const workbook = await built();
    await withLegacyKpisTable(workbook);
    const labels = kpiSpecs(defaultScales(), OPTIONS.frameworks, registersOf(OPTIONS)).map((k) => k.label);
    const dropped = labels.slice(-2);
    // The old list lacks the last two KPIs: their rows are blank (deleting table rows would move the chart data below).
    const count = workbook.getTable("Kpis")!.bodyValues().length;
    await run(workbook, async (context) => {
      const body = context.workbook.tables.getItem("Kpis").getDataBodyRange();
      body.getCell(count - 2, 0).getResizedRange(1, 1).clear("Contents");
    });
    const report = await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    expect(report.repaired).toContain(`Added 2 indicators below the existing content of Dashboard: ${dropped.join(", ")}`);
    expect(report.warnings.filter((w) => w.includes(KPI_BLOCK))).toEqual([]);
  });

  it("shows a different figure on each KPI tile once calculated, and a second run changes nothing", async () => {
    const workbook = await built();
    await withLegacyKpisTable(workbook);
    await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    const again = await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    expect(again.created).toEqual([]);
    expect(again.repaired).toEqual([]);
    const calculated = await readXlsxCalculated(workbook);
    const tiles = calculated.sheet("Dashboard").valuesOf("B7:L7")[0].filter((_, i) => i % 2 === 0);
    expect(new Set(tiles.map(String)).size).toBeGreaterThan(2);
  });
});

/** The workbook with every formula calculated by the host's calculator. */
async function readXlsxCalculated(workbook: HeadlessWorkbook): Promise<HeadlessWorkbook> {
  workbook.calculationMode = "Automatic";
  await run(workbook, async () => undefined);
  return workbook;
}
