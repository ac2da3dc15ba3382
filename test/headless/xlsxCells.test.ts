/**
 * Cells read straight from <sheetData> and the shared strings part (ECMA-376 Part 1 §18.3.1.4,
 * §18.3.1.40, §18.4.8): every value type, shared formulas translated to each cell, rich text and
 * phonetic runs, rows and cells without references, and a shared strings part read in chunks.
 */
import { readXlsx } from "../../src/headless";
import { minimalPackage } from "../support/minimalPackage";

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

async function read(worksheet: string, sharedStrings?: string) {
  return readXlsx(await minimalPackage({ worksheet: `<sheetData>${worksheet}</sheetData>`, sharedStrings, styles: STYLES }));
}

describe("reading cells from sheetData", () => {
  it("reads every value type as Range.values gives it", async () => {
    const workbook = await read(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c>` +
        `<c r="E1" t="inlineStr"><is><t>typed &amp; kept</t></is></c><c r="F1" t="str"><v>text</v></c><c r="G1" t="d"><v>2024-03-01T00:00:00Z</v></c><c r="H1" t="b"><v>0</v></c></row>`,
      `<si><t>Laptop theft</t></si>`,
    );
    expect(workbook.sheet("Sheet1").valuesOf("A1:H1")).toEqual([["Laptop theft", 12.5, true, "#N/A", "typed & kept", "text", 45352, false]]);
  });

  it("keeps a date cell as its serial number and its format as the style", async () => {
    const workbook = await read(`<row r="1"><c r="A1" s="1"><v>45352.25</v></c><c r="B1" s="2" t="s"><v>0</v></c></row>`, `<si><t>Bold</t></si>`);
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.valueAt("A1")).toBe(45352.25);
    expect(sheet.cell(0, 0)?.style).toEqual({ numberFormat: "yyyy-mm-dd" });
    expect(sheet.cell(0, 1)?.style).toEqual({ fontBold: true });
  });

  it("reads formulas with their cached values, and translates a shared formula to each cell of its range", async () => {
    const workbook = await read(
      `<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c><c r="C1" t="str"><f>_xlfn.CONCAT("a",A1)</f><v>a2</v></c></row>` +
        `<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>` +
        `<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c><c r="C3"><f>$A$1+A3</f><v>0</v></c></row>`,
    );
    const sheet = workbook.sheet("Sheet1");
    expect([0, 1, 2].map((row) => sheet.cell(row, 1)?.formula)).toEqual(["=A1*2", "=A2*2", "=A3*2"]);
    expect([0, 1, 2].map((row) => sheet.cell(row, 1)?.value)).toEqual([4, 6, 8]);
    expect(sheet.cell(0, 2)).toMatchObject({ formula: '=CONCAT("a",A1)', value: "a2" });
    // A cached result of 0 is a value, not a blank.
    expect(sheet.cell(2, 2)).toMatchObject({ formula: "=$A$1+A3", value: 0 });
  });

  it("joins rich text runs, leaves phonetic runs out and decodes _xHHHH_ escapes", async () => {
    const workbook = await read(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">in </t></r><r><t>line</t></r></is></c></row>`,
      `<si><t>plain </t><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> tail</t></r></si>` +
        `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>` +
        `<si><t>one_x000D_two</t></si>`,
    );
    expect(workbook.sheet("Sheet1").valuesOf("A1:D1")).toEqual([["plain bold tail", "東京", "one\rtwo", "in line"]]);
  });

  it("places rows and cells without an r attribute after the previous one, as the schema says", async () => {
    const workbook = await read(`<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c><v>2</v></c><c r="D4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>`);
    expect(workbook.sheet("Sheet1").valuesOf("A1:E5")).toEqual([
      ["a", 1, "", "", ""],
      ["", "", "", "", ""],
      ["", "", "", "", ""],
      [2, "", "", 3, 4],
      [5, "", "", "", ""],
    ]);
  });

  it("reads row heights and hidden rows, and namespaced (prefixed) markup", async () => {
    const bytes = await minimalPackage({
      worksheet: `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="2" ht="30" customHeight="1" hidden="1"><x:c r="B2" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>`,
      sharedStrings: `<si><t>prefixed</t></si>`,
    });
    const sheet = (await readXlsx(bytes)).sheet("Sheet1");
    expect(sheet.valueAt("B2")).toBe("prefixed");
    expect(sheet.rowHeights.get(1)).toBe(30);
    expect(sheet.hiddenRows.has(1)).toBe(true);
  });

  it("reads a shared strings part much larger than one inflated chunk, string by string", async () => {
    const count = 40_000;
    const strings = Array.from({ length: count }, (_v, i) => `<si><r><t>Risk </t></r><r><t>${i} &lt;${"x".repeat(i % 7)}&gt;</t></r></si>`).join("");
    const bytes = await minimalPackage({
      worksheet: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>${count - 1}</v></c><c r="C1" t="s"><v>12345</v></c></row></sheetData>`,
      sharedStrings: strings,
      deflate: true,
    });
    const sheet = (await readXlsx(bytes)).sheet("Sheet1");
    expect(sheet.valuesOf("A1:C1")).toEqual([["Risk 0 <>", `Risk ${count - 1} <${"x".repeat((count - 1) % 7)}>`, `Risk 12345 <${"x".repeat(12345 % 7)}>`]]);
  });
});
