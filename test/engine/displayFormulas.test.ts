/**
 * Formulas in Excel's display form survive the file: Range.formulas returns `[@Qty]`, `[@[Unit Price]]`
 * and `Items[Total]` (support.microsoft.com f5ed2452, "Using structured references with Excel tables"),
 * so code that reads formulas back and writes them writes that form. The .xlsx writer expands it to the
 * file's long form (ECMA-376 Part 1, 18.17.6.4), which LibreOffice calculates; `[@Qty]` in a file shows
 * #N/A there. The workbook is written by the headless host, recalculated by LibreOffice and read back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { recalculate } from "../../scripts/recalc";
import { createWorkbook, readXlsx, run, writeXlsx, type HeadlessWorkbook } from "../../src/headless";
import { describeWith, sofficeDependency } from "../support/systemDeps";

const RECALC_TIMEOUT_MS = 170_000;

/** Items(Qty, Unit Price, Total) with Total written in display form, a row added by copying Total's read-back formula, and references from outside. */
async function orders(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = "Orders";
    sheet.getRange("A1:C3").values = [["Qty", "Unit Price", "Total"], [2, 10, ""], [3, 7.5, ""]];
    const table = sheet.tables.add("A1:C3", true);
    table.name = "Items";
    table.columns.getItem("Total").getDataBodyRange().formulas = "=[@Qty]*[@[Unit Price]]";
    await context.sync();

    const total = table.columns.getItem("Total").getDataBodyRange().load("formulas");
    await context.sync();
    const shown = String(total.formulas[0][0]);
    // Copies Excel's display form, as code that reads formulas and writes them does.
    table.rows.add(undefined, [[4, 2.25, shown]]);
    sheet.getRange("E1:E3").formulas = [["=SUM(Items[Total])"], ["=Items[@Qty]"], ["=10*Items[@Qty]*Items[@[Unit Price]]"]];
  });
  return workbook;
}

describeWith(sofficeDependency(), { suite: "engine", title: "display-form formulas written to .xlsx and recalculated in LibreOffice" }, () => {
  let dir = "";
  let sheetXml = "";
  let shownFormula = "";
  let recalculated: HeadlessWorkbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-display-"));
    const workbook = await orders();
    await run(workbook, async (context) => {
      const range = context.workbook.tables.getItem("Items").columns.getItem("Total").getDataBodyRange().load("formulas");
      await context.sync();
      shownFormula = String(range.formulas[2][0]);
    });
    const file = join(dir, "orders.xlsx");
    writeFileSync(file, await writeXlsx(workbook));
    sheetXml = await (await JSZip.loadAsync(readFileSync(file))).file("xl/worksheets/sheet1.xml")!.async("string");
    const [output] = await recalculate([file], { outDir: join(dir, "recalculated") });
    recalculated = await readXlsx(readFileSync(output));
  }, RECALC_TIMEOUT_MS);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads the copied formula back in display form, as Excel does", () => {
    expect(shownFormula).toBe("=[@Qty]*[@[Unit Price]]");
  });

  it("writes only the file's long form: no @ and no reference without its table", () => {
    expect(sheetXml).not.toContain("[@");
    expect(sheetXml).toContain("Items[[#This Row],[Qty]]*Items[[#This Row],[Unit Price]]");
    expect(sheetXml).toContain("SUM(Items[Total])");
    expect(sheetXml).toContain("10*Items[[#This Row],[Qty]]*Items[[#This Row],[Unit Price]]");
  });

  it("calculates every copied formula in LibreOffice", () => {
    const orders = recalculated.sheet("Orders");
    expect(orders.valuesOf("C2:C4")).toEqual([[20], [22.5], [9]]);
    expect(orders.valuesOf("E1:E3")).toEqual([[51.5], [2], [10 * 3 * 7.5]]);
  });
});
