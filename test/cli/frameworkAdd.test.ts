/**
 * `ismp framework add`: a made-up standard ("ACME-SEC", written for these tests, not a real
 * standard) from a CSV becomes a framework like a built-in one, stored in the workbook.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx, run, writeXlsxWithValues } from "../../src/headless";
import { MEMORY_SHEET } from "../../src/core/plan/workbookMemory";
import { coverageFormula, requirementsFormula } from "../../src/functions/frameworkFunctions";
import { readCoverage } from "../../src/excel/coverage";
import { useCustomFrameworks } from "../../src/core/catalogs";
import { ismp as ismpInProcess, tempDir } from "./helpers";

/** Each command as its own process would run it: nothing known but what the workbook stores. */
const ismp = (args: string[]) => {
  useCustomFrameworks([]);
  return ismpInProcess(args);
};

const FIXTURES = join(__dirname, "..", "fixtures", "frameworks");
const ACME = join(FIXTURES, "acme-sec.csv");

type Row = Record<string, unknown>;
async function tableRows(path: string, table: string): Promise<Row[]> {
  const workbook = await readXlsx(readFileSync(path));
  const t = workbook.getTable(table)!;
  const headers = t.columnNames();
  return t.bodyValues().map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

/** ISMP.COVERAGE over the saved workbook's tables, as the Coverage sheet's formula passes them. */
async function customFunctionCoverage(path: string): Promise<{ formula: unknown; pane: number | undefined }> {
  const workbook = await readXlsx(readFileSync(path));
  // Reading the workbook as any operation does makes its stored catalog known.
  const summaries = await run(workbook, (context) => readCoverage(context));
  const values = (table: string) => {
    const t = workbook.getTable(table)!;
    return { headers: t.columnNames(), rows: t.bodyValues() };
  };
  const pick = (t: ReturnType<typeof values>, ...headers: string[]) => t.rows.map((row) => headers.map((h) => row[t.headers.indexOf(h)]));
  const mappings = values("Mappings");
  const controls = values("Controls");
  const requirements = values("Requirements");
  const formula = coverageFormula(
    "ACME-SEC",
    pick(mappings, "Control ID", "Framework", "Requirement ID", "Relationship", "Jointly Sufficient"),
    pick(controls, "Control ID"),
    pick(controls, "Status"),
    pick(requirements, "Requirement ID", "Applicable").filter((_, i) => requirements.rows[i][0] === "ACME SEC"),
    pick(controls, "Effectiveness"),
  );
  return { formula, pane: summaries.find((s) => s.key === "ACME-SEC")?.coverage };
}

/**
 * What the Dashboard shows for a KPI: each tile labelled with it, the KPI list row its figure comes
 * from, and that figure once the workbook is recalculated, as Excel does on opening a file the CLI
 * saved (fullCalcOnLoad; the cached values of sheets a save did not touch may be older, #9).
 */
async function dashboardTiles(path: string, label: string): Promise<Array<{ tile: string; listFormula: unknown; figure: unknown }>> {
  const workbook = await readXlsx(readFileSync(path));
  workbook.calculate();
  return run(workbook, async (context) => {
    const used = context.workbook.worksheets.getItem("Dashboard").getUsedRange().load("formulas,values,rowIndex,columnIndex");
    await context.sync();
    const at = (row: number, column: number) => ({ formula: used.formulas[row - used.rowIndex]?.[column - used.columnIndex], value: used.values[row - used.rowIndex]?.[column - used.columnIndex] });
    const tiles: Array<{ tile: string; listFormula: unknown; figure: unknown }> = [];
    used.values.forEach((cells, r) =>
      cells.forEach((value, c) => {
        // A tile is the label with, below it, a reference to its KPI list row's figure ("=Dashboard!$Q$102").
        const below = /^=Dashboard!\$([A-Z]+)\$(\d+)$/.exec(String(used.formulas[r + 1]?.[c] ?? ""));
        if (value !== label || !below) return;
        const column = below[1].charCodeAt(0) - 65;
        const row = Number(below[2]) - 1;
        expect(at(row, column - 1).value).toBe(label);
        tiles.push({ tile: `${String.fromCharCode(65 + used.columnIndex + c)}${used.rowIndex + r + 1}`, listFormula: at(row, column).formula, figure: used.values[r + 1][c] });
      }),
    );
    return tiles;
  });
}

/**
 * What the Dashboard's "Coverage by framework" chart plots, read from the saved file's chart part:
 * each category with its value, once the workbook is recalculated.
 */
async function coverageChart(path: string): Promise<Array<[unknown, unknown]>> {
  const workbook = await readXlsx(readFileSync(path));
  workbook.calculate();
  const chart = workbook.sheet("Dashboard").charts.find((c) => c.name === "CoverageByFramework")!;
  const [series] = chart.series;
  return run(workbook, async (context) => {
    const read = (address: string) => {
      const [, sheet, cells] = /^'?(.*?)'?!(.*)$/.exec(address)!;
      return context.workbook.worksheets.getItem(sheet.replace(/''/g, "'")).getRange(cells.replace(/\$/g, "")).load("values");
    };
    const categories = read(series.xValuesAddress!);
    const values = read(series.valuesAddress!);
    await context.sync();
    return categories.values.map((row, i): [unknown, unknown] => [row[0], values.values[i][0]]);
  });
}

const columnCount = async (path: string, table: string, header: string) => (await readXlsx(readFileSync(path))).getTable(table)!.columnNames().filter((h) => h === header).length;

// Each test runs several whole commands on a full workbook (a few seconds each on an idle machine).
jest.setTimeout(300_000);

describe("ismp framework add", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  let n = 0;
  const fresh = async () => {
    const file = dir.file(`w${++n}.xlsx`);
    expect((await ismp(["new", file, "--profile", "saas"])).code).toBe(0);
    return file;
  };

  it("reports every bad row by row and column, and a bad key or name, and writes nothing", async () => {
    const file = await fresh();
    const before = readFileSync(file);
    const result = await ismp(["framework", "add", file, join(FIXTURES, "acme-sec-bad.csv"), "--key", "ACME-SEC"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([
      expect.stringContaining("5 problems; nothing was written"),
      "  row 4, ID: ID is blank; every requirement needs an ID.",
      "  row 5, ID: ID AS-1.1 is a duplicate of row 3.",
      '  row 6, Parent: Parent "AS-7" of AS-2.1 is not an ID of this file.',
      "  row 7, Parent: AS-4 is its own ancestor (AS-4 → AS-5 → AS-4); a parent must sit above its children.",
      "  row 8, Parent: AS-5 is its own ancestor (AS-4 → AS-5 → AS-4); a parent must sit above its children.",
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);

    // A built-in key, a key that is no key, and a name the matrix already uses are refused too.
    const iso = await ismp(["framework", "add", file, ACME, "--key", "iso"]);
    expect(iso.code).toBe(1);
    expect(iso.stdout.join("\n")).toContain("--key: --key ISO names the built-in framework ISO27001");
    const spaced = await ismp(["framework", "add", file, ACME, "--key", "ACME SEC"]);
    expect(spaced.stdout.join("\n")).toContain('--key: --key "ACME SEC" is not allowed');
    const status = await ismp(["framework", "add", file, ACME, "--key", "ACME", "--name", "Status"]);
    expect(status.stdout.join("\n")).toContain('--name: --name "Status" is already a column of the Control Matrix');
    const quoted = await ismp(["framework", "add", file, ACME, "--key", "ACME", "--name", 'ACME "SEC"']);
    expect(quoted.stdout.join("\n")).toContain("may not contain quotes");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("adds the framework everywhere a built-in one is, survives upgrade, and ISMP.COVERAGE computes it", async () => {
    const file = await fresh();
    const added = await ismp(["framework", "add", file, ACME, "--key", "acme-sec", "--name", "ACME SEC", "--full-name", "ACME Security Standard"]);
    expect(added.code).toBe(0);
    expect(added.stdout[0]).toMatch(/^Added ACME SEC \(ACME-SEC\) to .*: 11 requirements read from/);

    const workbook = await readXlsx(readFileSync(file));
    expect(workbook.getTable("Controls")!.columnNames().at(-1)).toBe("ACME SEC");
    const requirements = (await tableRows(file, "Requirements")).filter((r) => r.Framework === "ACME SEC");
    // Leaves only: the headings AS-1..AS-3 have children, AS-9 is marked not assessable.
    expect(requirements.map((r) => r["Requirement ID"])).toEqual(["AS-1.1", "AS-1.2", "AS-2.1", "AS-2.2", "AS-2.3", "AS-3.1", "AS-3.2"]);
    expect(requirements.find((r) => r["Requirement ID"] === "AS-3.2")).toMatchObject({ Applicable: "No" });
    expect(requirements[0]).toMatchObject({ Title: "Named owner for the security programme", Parent: "AS-1 Organisation of security" });
    expect((await tableRows(file, "CoverageSummary")).map((r) => r.Framework)).toContain("ACME SEC");
    expect(workbook.getTable("KpiHistory")!.columnNames()).toContain("ACME SEC coverage");
    // The Dashboard's "Coverage by framework" chart plots the CoverageSummary table, so the new row shows there.
    const charts = await run(workbook, async (context) => {
      const list = context.workbook.worksheets.getItem("Dashboard").charts.load("items/name");
      await context.sync();
      return list.items.map((chart) => chart.name);
    });
    expect(charts).toContain("CoverageByFramework");
    // The catalog lives in the workbook's memory sheet, nowhere else.
    const memory = await run(workbook, async (context) => {
      const used = context.workbook.worksheets.getItem(MEMORY_SHEET).getUsedRange().load("values");
      await context.sync();
      return used.values.map((row) => String(row[0]));
    });
    expect(memory).toContain("Framework ACME-SEC");
    expect(memory.filter((key) => key === "Requirement ACME-SEC")).toHaveLength(11);

    // A suggestion accepted for the custom framework writes a user mapping.
    const suggested = await ismp(["suggest", file, "--framework", "ACME-SEC", "--all", "--json"]);
    expect(suggested.code).toBe(0);
    const controls = JSON.parse(suggested.stdout.join("\n")).controls as Array<{ controlId: string; suggestions: Array<{ requirementId: string }> }>;
    const encryption = controls.find((c) => c.suggestions[0]?.requirementId === "AS-2.1");
    expect(encryption).toBeDefined();
    const accepted = await ismp(["suggest", file, "--framework", "ACME-SEC", "--all", "--accept", `${encryption!.controlId}=AS-2.1`, "--by", "Dana"]);
    expect(accepted.code).toBe(0);

    const beforeUpgrade = await tableRows(file, "Requirements");
    const upgraded = await ismp(["upgrade", file]);
    expect(upgraded.code).toBe(0);
    expect(await tableRows(file, "Requirements")).toEqual(beforeUpgrade);
    const mapping = (await tableRows(file, "Mappings")).filter((r) => r.Framework === "ACME SEC");
    expect(mapping).toEqual([expect.objectContaining({ "Control ID": encryption!.controlId, "Requirement ID": "AS-2.1", Source: "suggested, accepted by Dana" })]);
    expect((await ismp(["check", file, "--json"])).stdout.join("\n")).not.toContain("ACME");

    // Mark the control implemented: 0.5 credit (Intersects) over 6 applicable requirements.
    const book = await readXlsx(readFileSync(file));
    const controlRows = book.getTable("Controls")!.bodyValues();
    const at = controlRows.findIndex((row) => row[0] === encryption!.controlId);
    await run(book, async (context) => {
      const table = context.workbook.tables.getItem("Controls");
      table.columns.getItem("Status").getDataBodyRange().getCell(at, 0).values = [["Implemented"]];
      await context.sync();
    });
    writeFileSync(file, (await writeXlsxWithValues(book)).bytes);
    // (The native Coverage figure after recalculation: test/engine/customFramework.test.ts, in LibreOffice.)
    const coverage = await customFunctionCoverage(file);
    expect(coverage.formula).toBeCloseTo(0.5 / 6, 10);
    expect(coverage.pane).toBeCloseTo(0.5 / 6, 10);
    expect(requirementsFormula("ACME-SEC")).toContainEqual(["AS-2.1", "Encrypt laptops and removable media", "AS-2"]);
  });

  it("gives the framework a Dashboard tile, a bar in the Coverage by framework chart and a KPI History column on build, which upgrade keeps, once, with the figure", async () => {
    const file = await fresh();
    const mappings = dir.file("acme-tile-map.csv");
    writeFileSync(mappings, "Control ID,Requirement ID,Relationship,Rationale\nCRY-01,AS-2.1,Equal,Laptops encrypted\n");
    expect((await ismp(["framework", "add", file, ACME, "--key", "ACME-SEC", "--name", "ACME SEC", "--mappings", mappings])).code).toBe(0);
    const figureFormula = 'IFERROR(INDEX(CoverageSummary[Coverage],MATCH("ACME SEC",CoverageSummary[Framework],0)),"")';
    const added = await dashboardTiles(file, "ACME SEC coverage");
    expect(added).toEqual([{ tile: expect.any(String), listFormula: `=${figureFormula}`, figure: 0 }]);
    expect(await columnCount(file, "KpiHistory", "ACME SEC coverage")).toBe(1);
    // The "Coverage by framework" chart plots the new row beside the built-in frameworks.
    const plotted = await coverageChart(file);
    expect(plotted.map(([name]) => name)).toEqual((await tableRows(file, "CoverageSummary")).map((r) => r.Framework));
    expect(plotted).toHaveLength(3);
    expect(plotted.at(-1)).toEqual(["ACME SEC", 0]);

    // CRY-01 implemented: the Equal mapping gives AS-2.1 full credit, 1 of the 6 applicable requirements.
    const book = await readXlsx(readFileSync(file));
    const at = book.getTable("Controls")!.bodyValues().findIndex((row) => row[0] === "CRY-01");
    await run(book, async (context) => {
      context.workbook.tables.getItem("Controls").columns.getItem("Status").getDataBodyRange().getCell(at, 0).values = [["Implemented"]];
      await context.sync();
    });
    writeFileSync(file, (await writeXlsxWithValues(book)).bytes);

    expect((await ismp(["upgrade", file])).code).toBe(0);
    const upgraded = await dashboardTiles(file, "ACME SEC coverage");
    expect(upgraded).toEqual([{ tile: added[0].tile, listFormula: `=${figureFormula}`, figure: expect.closeTo(1 / 6, 10) }]);
    expect(await columnCount(file, "KpiHistory", "ACME SEC coverage")).toBe(1);
    const replotted = await coverageChart(file);
    expect(replotted.map(([name]) => name)).toEqual(plotted.map(([name]) => name));
    expect(replotted.at(-1)).toEqual(["ACME SEC", expect.closeTo(1 / 6, 10)]);

    // A Dashboard the user deleted comes back on the next upgrade with the tile among the others.
    const deleted = await readXlsx(readFileSync(file));
    await run(deleted, async (context) => {
      context.workbook.worksheets.getItem("Dashboard").delete();
      await context.sync();
    });
    writeFileSync(file, (await writeXlsxWithValues(deleted)).bytes);
    expect((await ismp(["upgrade", file])).code).toBe(0);
    expect(await dashboardTiles(file, "ACME SEC coverage")).toEqual([{ tile: expect.any(String), listFormula: `=${figureFormula}`, figure: expect.closeTo(1 / 6, 10) }]);
    expect(await columnCount(file, "KpiHistory", "ACME SEC coverage")).toBe(1);
    expect((await coverageChart(file)).at(-1)).toEqual(["ACME SEC", expect.closeTo(1 / 6, 10)]);
  });

  it("re-run with an updated file adds and repairs, keeping every requirement and mapping", async () => {
    const file = await fresh();
    expect((await ismp(["framework", "add", file, ACME, "--key", "ACME-SEC"])).code).toBe(0);
    const suggested = JSON.parse((await ismp(["suggest", file, "--framework", "ACME-SEC", "--all", "--json"])).stdout.join("\n"));
    const control = suggested.controls[0];
    expect((await ismp(["suggest", file, "--framework", "ACME-SEC", "--all", "--accept", `${control.controlId}=${control.suggestions[0].requirementId}`, "--by", "Sam"])).code).toBe(0);

    const updated = dir.file("acme-sec-v2.csv");
    const lines = readFileSync(ACME, "utf8").split("\n").filter((line) => !line.startsWith("AS-3.2"));
    writeFileSync(updated, [...lines.filter(Boolean), "AS-4,Suppliers,,,", "AS-4.1,Security terms in supplier contracts,AS-4,,"].join("\n"));
    const rerun = await ismp(["framework", "add", file, updated, "--key", "ACME-SEC"]);
    expect(rerun.code).toBe(0);
    const out = rerun.stdout.join("\n");
    expect(out).toContain("updated from the file: 2 requirements added, 0 changed");
    expect(out).toContain("1 requirement of the stored catalog is not in the file and was kept (AS-3.2)");
    const ids = (await tableRows(file, "Requirements")).filter((r) => r.Framework === "ACME-SEC").map((r) => r["Requirement ID"]);
    expect(ids).toEqual(["AS-1.1", "AS-1.2", "AS-2.1", "AS-2.2", "AS-2.3", "AS-3.1", "AS-3.2", "AS-4.1"]);
    expect((await tableRows(file, "Mappings")).filter((r) => r.Framework === "ACME-SEC")).toHaveLength(1);
  });

  it("writes the user's own mapping file with the framework, only once every row is sound", async () => {
    const file = await fresh();
    const before = readFileSync(file);
    const bad = dir.file("acme-map-bad.csv");
    writeFileSync(bad, "Control ID,Requirement ID,Relationship,Rationale\nCRY-01,AS-2.1,Equal,Laptops encrypted\nNOPE-1,AS-2.2,,\nBCM-01,AS-2,,\nBCM-01,AS-2.2,Overlaps,\n");
    const refused = await ismp(["framework", "add", file, ACME, "--key", "ACME-SEC", "--mappings", bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.slice(1)).toEqual([
      "  row 3, acme-map-bad.csv Control ID: Control NOPE-1 is not in the Control Matrix.",
      "  row 4, acme-map-bad.csv Requirement ID: AS-2 is not assessable (it has children or is marked so); map its leaves.",
      '  row 5, acme-map-bad.csv Relationship: Relationship "Overlaps" is not one of Equal, Subset of, Superset of, Intersects (blank: Intersects).',
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);

    const good = dir.file("acme-map.csv");
    writeFileSync(good, "Control ID,Requirement ID,Relationship,Rationale\ncry-01,AS-2.1,Equal,Laptops encrypted\nBCM-01,as-2.2; AS-2.3,,Backups and logs\n");
    const added = await ismp(["framework", "add", file, ACME, "--key", "ACME-SEC", "--mappings", good]);
    expect(added.code).toBe(0);
    expect(added.stdout.join("\n")).toContain("3 mappings read from");
    const rows = (await tableRows(file, "Mappings")).filter((r) => r.Framework === "ACME-SEC");
    expect(rows.map((r) => [r["Control ID"], r["Requirement ID"], r.Relationship, r.Source])).toEqual([
      ["CRY-01", "AS-2.1", "Equal", "mapping file acme-map.csv"],
      ["BCM-01", "AS-2.2", "Intersects", "mapping file acme-map.csv"],
      ["BCM-01", "AS-2.3", "Intersects", "mapping file acme-map.csv"],
    ]);
    const controls = await tableRows(file, "Controls");
    expect(controls.find((c) => c["Control ID"] === "BCM-01")!["ACME-SEC"]).toBe("AS-2.2; AS-2.3");
    // Again: nothing doubles.
    expect((await ismp(["framework", "add", file, ACME, "--key", "ACME-SEC", "--mappings", good])).stdout.join("\n")).toContain("0 Mappings rows added");
    expect((await tableRows(file, "Mappings")).filter((r) => r.Framework === "ACME-SEC")).toHaveLength(3);
  });

  it("reads a JSON catalog; --dry-run validates and writes nothing", async () => {
    const file = await fresh();
    const before = readFileSync(file);
    const json = dir.file("catalog.json");
    writeFileSync(json, JSON.stringify({ requirements: [{ id: "P-1", label: "Policies" }, { id: "P-1.1", label: "Approved policy set", parent: "P-1" }, { id: "P-2", title: "Asset list kept current" }] }));
    const result = await ismp(["framework", "add", file, json, "--key", "POL", "--dry-run", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.join("\n"))).toMatchObject({ ok: true, dryRun: true, key: "POL", requirements: 3, assessable: 2 });
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
