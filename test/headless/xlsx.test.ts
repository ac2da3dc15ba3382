/**
 * .xlsx round trip (build through the API -> writeXlsx -> readXlsx -> same model) and a LibreOffice open check.
 * File formulas carry the _xlfn. prefix for post-2007 functions (ECMA-376 / MS-XLSX "future functions").
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromFileFormula, readXlsx, toFileFormula, writeXlsx, type HeadlessWorkbook } from "../../src/headless";
import { createWorkbook, run } from "./helpers";

const score = "=Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]]";

async function buildSample(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.add("Risk Register");
    sheet.getRange("A1:D1").values = [["ID", "Likelihood", "Impact", "Score"]];
    const table = sheet.tables.add("'Risk Register'!A1:D1", true);
    table.name = "Risks";
    table.style = "TableStyleMedium9";
    table.rows.add(undefined, [["R1", 2, 3, score], ["R2", 4, 5, score]]);
    const header = sheet.getRange("A1:D1");
    header.format.fill.color = "#1F4E78";
    header.format.font.bold = true;
    header.format.font.color = "#FFFFFF";
    header.format.borders.getItem("EdgeBottom").style = "Continuous";
    header.format.horizontalAlignment = "Center";
    header.format.wrapText = true;
    sheet.getRange("A:A").format.columnWidth = 60;
    sheet.getRange("1:1").format.rowHeight = 30;
    sheet.getRange("F1").values = [["=MAXIFS(Risks[Score],Risks[Likelihood],\">1\")"]];
    sheet.getRange("F2").numberFormat = [["0.0%"]];
    sheet.getRange("F2").values = [[0.25]];
    sheet.getRange("H1:I1").merge();
    sheet.freezePanes.freezeRows(1);
    sheet.tabColor = "#C00000";
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
    sheet.pageLayout.setPrintTitleRows("$1:$1");
    const likelihood = sheet.getRange("B2:B3");
    likelihood.dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
    likelihood.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Likelihood", message: "1 to 5" };
    likelihood.dataValidation.prompt = { showPrompt: true, title: "Likelihood", message: "1 (rare) to 5" };
    sheet.getRange("A2:A3").dataValidation.rule = { custom: { formula: "=COUNTIF($A:$A,A2)=1" } };
    const lists = context.workbook.worksheets.add("Lists");
    lists.getRange("A1:A3").values = [["Low"], ["Medium"], ["High"]];
    lists.visibility = "Hidden";
    context.workbook.names.add("Levels", lists.getRange("A1:A3"), "");
    sheet.names.add("FirstRisk", "='Risk Register'!$A$2");
    sheet.getRange("C2:C3").dataValidation.rule = { list: { inCellDropDown: true, source: "=Levels" } };
    const custom = sheet.getRange("D2:D3").conditionalFormats.add("Custom");
    custom.custom.rule.formula = "=$D2>=15";
    custom.custom.format.fill.color = "#C00000";
    custom.custom.format.font.color = "#FFFFFF";
    const between = sheet.getRange("D2:D3").conditionalFormats.add("CellValue");
    between.cellValue.rule = { formula1: "5", formula2: "9", operator: "Between" };
    between.cellValue.format.fill.color = "#FFC000";
    const scale = sheet.getRange("B2:B3").conditionalFormats.add("ColorScale");
    scale.colorScale.criteria = {
      minimum: { type: "LowestValue", color: "#63BE7B" } as Excel.ConditionalColorScaleCriterion,
      maximum: { type: "HighestValue", color: "#F8696B" } as Excel.ConditionalColorScaleCriterion,
    };
    sheet.protection.protect({ allowFormatColumns: true });
  });
  return workbook;
}

/** The parts of the model a file keeps (ids and chart models are not written). */
function snapshot(workbook: HeadlessWorkbook) {
  return {
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      freeze: sheet.freeze,
      protection: sheet.protection.protected,
      cells: [...sheet.rows].map(([row, cells]) => [row, [...cells]]),
      widths: [...sheet.columnWidths],
      heights: [...sheet.rowHeights],
      merges: sheet.mergeAddresses(),
      validations: [...sheet.validations].sort((a, b) => a.rect.r0 - b.rect.r0 || a.rect.c0 - b.rect.c0),
      conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest),
      names: sheet.names,
      pageLayout: sheet.pageLayout,
    })),
    tables: workbook.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: t.address(), style: t.style, columns: t.columnNames() })),
    names: workbook.names,
  };
}

/** soffice with its own profile, so concurrent LibreOffice runs (other suites) do not collide. */
function soffice(dir: string, ...args: string[]): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", ...args], { stdio: "pipe", timeout: 110000 });
}

describe("formula syntax", () => {
  it("adds and strips _xlfn. for newer functions, leaving strings and classic functions alone", () => {
    expect(toFileFormula('=MAXIFS(A:A,B:B,"IFS(")+SUM(A1)')).toBe('_xlfn.MAXIFS(A:A,B:B,"IFS(")+SUM(A1)');
    expect(toFileFormula("=IFNA(TEXTJOIN(\",\",TRUE,A1:A3),\"\")")).toBe('_xlfn.IFNA(_xlfn.TEXTJOIN(",",TRUE,A1:A3),"")');
    expect(fromFileFormula("_xlfn.MINIFS(A:A,B:B,1)")).toBe("=MINIFS(A:A,B:B,1)");
  });
});

describe("xlsx", () => {
  it("round-trips the model through writeXlsx and readXlsx", async () => {
    const workbook = await buildSample();
    const copy = await readXlsx(await writeXlsx(workbook));
    expect(snapshot(copy)).toEqual(snapshot(workbook));
    expect(copy.sheet("Risk Register").formulaAt("F1")).toBe('=MAXIFS(Risks[Score],Risks[Likelihood],">1")');
  });

  it("reads cached formula results", async () => {
    const workbook = createWorkbook();
    workbook.sheet("Sheet1").setCellContent(0, 0, { formula: "=1+1" });
    workbook.sheet("Sheet1").ensureCell(0, 0).value = 2;
    const copy = await readXlsx(await writeXlsx(workbook));
    expect(copy.sheet("Sheet1").valueAt("A1")).toBe(2);
    expect(copy.sheet("Sheet1").formulaAt("A1")).toBe("=1+1");
  });

  it("writes a file LibreOffice opens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "headless-xlsx-"));
    const file = join(dir, "sample.xlsx");
    writeFileSync(file, await writeXlsx(await buildSample()));
    soffice(dir, "--convert-to", "pdf", "--outdir", dir, file);
    expect(existsSync(join(dir, "sample.pdf"))).toBe(true);
  });

  it("reads a file LibreOffice saved, with its calculated results cached in formula cells", async () => {
    const dir = mkdtempSync(join(tmpdir(), "headless-xlsx-"));
    const file = join(dir, "sample.xlsx");
    writeFileSync(file, await writeXlsx(await buildSample()));
    const out = join(dir, "saved");
    soffice(dir, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, file);
    const saved = await readXlsx(readFileSync(join(out, "sample.xlsx")));
    const sheet = saved.sheet("Risk Register");
    expect(sheet.formulaAt("D3")).toBe(score);
    expect(sheet.valueAt("D3")).toBe(20);
    expect(sheet.formulaAt("F1")).toBe('=MAXIFS(Risks[Score],Risks[Likelihood],">1")');
    expect(sheet.valueAt("F1")).toBe(20);
    expect(saved.getTable("Risks")?.columnNames()).toEqual(["ID", "Likelihood", "Impact", "Score"]);
  });
});
