/**
 * The writer contract (OWNERS.md, #9/#17): a formula cell whose model cell has `value` set is written
 * with that cached result in <v> and Excel's cell type (t="str" text, t="b" boolean, t="e" error, none
 * for numbers and dates); a formula without a value gets no <v>; the model's fullCalcOnLoad flag is
 * calcPr fullCalcOnLoad="1". Runs against whatever writeXlsx is, so a new writer keeps the contract.
 * ECMA-376 Part 1, 18.3.1.4 (c: t attribute, ST_CellType) and 18.2.2 (calcPr fullCalcOnLoad).
 */
import { child, childrenNamed, deepText, parseXml, type XmlElement } from "../../src/headless/xlsx/charts/xml";
import { createWorkbook, readXlsx, run, writeXlsx, writeXlsxWithValues, type HeadlessWorkbook } from "../../src/headless";
import { openSaved } from "./xlsxChartsPackage";

const SHEET = "Values";

/** Formula cells with a value of every kind, set directly on the model (no calculation). */
function modelWithCachedValues(): HeadlessWorkbook {
  const workbook = createWorkbook();
  const sheet = workbook.sheets[0];
  sheet.name = SHEET;
  const formulaCell = (address: string, formula: string, value?: string | number | boolean, numberFormat?: string) => {
    const [col, row] = [address.charCodeAt(0) - 65, Number(address.slice(1)) - 1];
    sheet.setCellContent(row, col, { formula });
    const cell = sheet.ensureCell(row, col);
    if (value !== undefined) cell.value = value;
    if (numberFormat) cell.style = { numberFormat };
  };
  formulaCell("A1", "=1+1", 2);
  formulaCell("A2", "=1-1", 0);
  formulaCell("A3", '="a"&"b"', "ab");
  formulaCell("A4", '=""', "");
  formulaCell("A5", "=1=1", true);
  formulaCell("A6", "=1=2", false);
  formulaCell("A7", "=NA()", "#N/A");
  formulaCell("A8", "=1/0", "#DIV/0!");
  formulaCell("A9", "=DATE(2026,11,23)", 46349, "yyyy-mm-dd");
  formulaCell("A10", "=ISMP.COVERAGE(1)");
  return workbook;
}

interface WrittenCell {
  type?: string;
  formula: string;
  value?: string;
}

async function writtenCells(bytes: Uint8Array): Promise<Map<string, WrittenCell>> {
  const saved = await openSaved(bytes);
  const sheet = parseXml(await saved.text(saved.sheetParts.get(SHEET) ?? ""));
  const cells = new Map<string, WrittenCell>();
  for (const row of childrenNamed(child(sheet, "sheetData"), "row")) {
    for (const c of childrenNamed(row, "c")) {
      const v: XmlElement | undefined = child(c, "v");
      cells.set(c.attributes.r, { type: c.attributes.t, formula: deepText(child(c, "f")), value: v ? deepText(v) : undefined });
    }
  }
  return cells;
}

describe("the writer contract: cached values and fullCalcOnLoad", () => {
  let cells: Map<string, WrittenCell>;
  let workbookXml: string;

  beforeAll(async () => {
    const workbook = modelWithCachedValues();
    workbook.fullCalcOnLoad = true;
    const bytes = await writeXlsx(workbook);
    cells = await writtenCells(bytes);
    workbookXml = await (await openSaved(bytes)).text("xl/workbook.xml");
  });

  it.each([
    ["A1", undefined, "2"],
    ["A2", undefined, "0"],
    ["A3", "str", "ab"],
    ["A4", "str", ""],
    ["A5", "b", "1"],
    ["A6", "b", "0"],
    ["A7", "e", "#N/A"],
    ["A8", "e", "#DIV/0!"],
    ["A9", undefined, "46349"],
  ])("%s is written with t=%s and <v>%s</v>", (address, type, value) => {
    expect(cells.get(address)).toMatchObject({ type, value });
    expect(cells.get(address)?.formula).not.toBe("");
  });

  it("writes a formula without a value with no <v> and no type", () => {
    expect(cells.get("A10")).toEqual({ type: undefined, formula: "ISMP.COVERAGE(1)", value: undefined });
  });

  it("emits calcPr fullCalcOnLoad when the model asks for it, and not otherwise", async () => {
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="(1|true)"/);
    const plain = await (await openSaved(await writeXlsx(modelWithCachedValues()))).text("xl/workbook.xml");
    expect(plain).not.toMatch(/fullCalcOnLoad="(1|true)"/);
  });

  it("reads the cached values back as the model held them", async () => {
    const copy = (await readXlsx(await writeXlsx(modelWithCachedValues()))).sheet(SHEET);
    expect(copy.valuesOf("A1:A10").map((row) => row[0])).toEqual([2, 0, "ab", "", true, false, "#N/A", "#DIV/0!", 46349, ""]);
  });

  it("keeps cached values in table bodies too (0, empty text and FALSE included)", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C3").values = [["N", "Zero", "Flag"], [1, "", ""], [2, "", ""]];
      sheet.tables.add("A1:C3", true).name = "T";
      // One formula per table column (Excel's calculated columns): FALSE in the first row, empty text in the second.
      const flag = '=IF(T[[#This Row],[N]]>1,"",T[[#This Row],[N]]>5)';
      sheet.getRange("B2:C3").formulas = [["=T[[#This Row],[N]]*0", flag], ["=T[[#This Row],[N]]*0", flag]];
    });
    const { bytes } = await writeXlsxWithValues(workbook);
    const saved = await openSaved(bytes);
    const xml = await saved.text(saved.sheetParts.get("Sheet1") ?? "");
    expect(xml).toMatch(/<c r="B2"[^>]*><f>[^<]+<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C2"[^>]*t="b"[^>]*><f>[^<]+<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C3"[^>]*t="str"[^>]*><f>[^<]+<\/f><v><\/v><\/c>|<c r="C3"[^>]*t="str"[^>]*><f>[^<]+<\/f><v\/><\/c>/);
  });
});

describe("writeXlsxWithValues: the calculate-before-write step", () => {
  it("caches what it computes, leaves custom functions and their dependants without a value, and counts them by reason", async () => {
    const workbook = createWorkbook();
    workbook.calculationClock = () => new Date(2026, 10, 23);
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").formulas = [["=TODAY()"], ["=ISMP.COVERAGE(1)"], ["=A2*2"], ["=NOSUCHFUNCTION(1)"], ["=A1+1"]];
    });
    const { bytes, cachedValues } = await writeXlsxWithValues(workbook);
    expect(cachedValues).toEqual({
      formulaCells: 5,
      withValue: 2,
      withoutValue: 3,
      withoutValueBy: {
        "custom function ISMP.COVERAGE": 1,
        "depends on a cell whose value cannot be computed headlessly": 1,
        "function NOSUCHFUNCTION is not supported headlessly": 1,
      },
    });
    const copy = await readXlsx(bytes);
    expect(copy.sheet("Sheet1").valuesOf("A1:A5").map((row) => row[0])).toEqual([46349, "", "", "", 46350]);
    expect(copy.sheet("Sheet1").formulaAt("A2")).toBe("=ISMP.COVERAGE(1)");
  });
});
