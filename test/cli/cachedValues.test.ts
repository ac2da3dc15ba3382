/**
 * Files the CLI writes read right without a spreadsheet engine (#17): exceljs, which never
 * recalculates, finds every formula's cached value — the Dashboard's KPIs included — and those values
 * are what the TypeScript core computes from the file's own rows (the engine suite's oracle).
 */
import { DASHBOARD_SHEET } from "../../src/core/blueprint/dashboardSheet";
import { EngineWorkbook } from "../engine/engineWorkbook";
import { checkContext, holds, mismatchOf } from "../engine/oracle";
import { dashboardCheck } from "../engine/oracle/dashboardCheck";
import { verify } from "../engine/verify";
import { ismp, tempDir } from "./helpers";

const isCustomFunction = (formula: string | undefined): boolean => /(^|[^A-Z0-9_.])ISMP\./i.test(formula ?? "");

describe("ismp new writes cached values a non-calculating reader sees", () => {
  const dir = tempDir();
  const file = dir.file("client.xlsx");
  let json: { cachedValues: { formulaCells: number; withValue: number; withoutValue: number; withoutValueBy: Record<string, number> } };
  let book: EngineWorkbook;

  beforeAll(async () => {
    const result = await ismp(["new", file, "--profile", "saas", "--sample", "--org", "Acme Ltd", "--json"]);
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout.join("\n"));
    book = await EngineWorkbook.open(file);
  }, 60_000);
  afterAll(() => dir.cleanup());

  it("reports in --json how many formula cells have no value, and why", () => {
    const customFunctionCells = book.formulaCells().filter((cell) => isCustomFunction(cell.formula));
    expect(customFunctionCells.length).toBeGreaterThan(0);
    expect(json.cachedValues).toEqual({
      formulaCells: book.formulaCells().length,
      withValue: book.formulaCells().length - customFunctionCells.length,
      withoutValue: customFunctionCells.length,
      withoutValueBy: { "custom function ISMP.COVERAGE": customFunctionCells.length },
    });
  });

  it("gives every formula cell outside ISMP.* functions the value the core computes; ISMP.* cells have none", () => {
    const verification = verify(book);
    expect(verification.checked).toBe(verification.formulaCells);
    // The oracle expects LibreOffice's #NAME? for the custom function; the file has no value there.
    const customFunctionCells = new Set(book.formulaCells().filter((cell) => isCustomFunction(cell.formula)).map((cell) => `'${cell.sheet}'!${cell.address}`));
    expect(verification.mismatches.filter((m) => !customFunctionCells.has(m.at))).toEqual([]);
    for (const cell of book.formulaCells().filter((c) => isCustomFunction(c.formula))) expect({ at: cell.address, value: cell.value, error: cell.error }).toEqual({ at: cell.address, value: "", error: undefined });
  });

  it("shows the Dashboard's KPI values to exceljs (values only, no recalculation), equal to the core's KPIs", () => {
    // The engine oracle's Dashboard rules: each KPI and tile against computeKpis over the file's own rows.
    const expectations = dashboardCheck.expectations(checkContext(book));
    const kpis = expectations.filter((e) => e.cell.sheet === DASHBOARD_SHEET && typeof e.expected === "number");
    expect(kpis.length).toBeGreaterThan(10);
    expect(kpis.filter((e) => !holds(e)).map(mismatchOf)).toEqual([]);
    expect(kpis.every((e) => typeof e.cell.value === "number" && e.cell.formula !== undefined)).toBe(true);
    expect(kpis.some((e) => e.cell.value !== 0)).toBe(true);
  });

  it("upgrade saves the values again and says so in its report", async () => {
    const upgraded = await ismp(["upgrade", file]);
    expect(upgraded.code).toBe(0);
    const customFunctionCells = book.formulaCells().filter((cell) => isCustomFunction(cell.formula)).length;
    expect(upgraded.stdout).toContainEqual(expect.stringMatching(new RegExp(`^  = Saved \\d+ of \\d+ formula values; ${customFunctionCells} left for Excel to calculate on open \\(custom function ISMP\\.COVERAGE: ${customFunctionCells}\\)$`)));
    const again = await EngineWorkbook.open(file);
    const verification = verify(again);
    const customFunction = new Set(again.formulaCells().filter((cell) => isCustomFunction(cell.formula)).map((cell) => `'${cell.sheet}'!${cell.address}`));
    expect(verification.mismatches.filter((m) => !customFunction.has(m.at))).toEqual([]);
  });
});
