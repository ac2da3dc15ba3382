/**
 * A shared formula (ECMA-376 Part 1 §18.3.1.40: the master cell holds the text and the range, the
 * other cells only its index) whose master cell a command rewrites: the cells that shared it and that
 * the command did not touch get their own formula written out, so no cell is left pointing at a master
 * that is gone (Excel repairs such a file, dropping the formulas).
 */
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { XlsxPackage } from "../../src/headless/xlsx/charts/opcPackage";
import { minimalPackage } from "../support/minimalPackage";

const SHARED =
  `<sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c></row>` +
  `<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>` +
  `<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c></row></sheetData>`;

/** The saved worksheet after `address` is given `value` (Range.values). */
async function savedSheet(address: string, value: number): Promise<string> {
  const workbook = await readXlsx(await minimalPackage({ worksheet: SHARED }));
  await run(workbook, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange(address).values = [[value]];
    await context.sync();
  });
  const pkg = await XlsxPackage.open(await writeXlsx(workbook));
  return pkg.text((await pkg.worksheetParts()).get("Sheet1")!);
}

const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>[\\s\\S]*?</c>`).exec(xml)?.[0] ?? "";

describe("a shared formula whose master cell a command rewrites", () => {
  it("writes out the formula of each cell that shared it; their values and the rest stay", async () => {
    const xml = await savedSheet("B1", 10);
    expect(cell(xml, "B1")).not.toContain("<f");
    expect(cell(xml, "B2")).toBe(`<c r="B2"><f>A2*2</f><v>6</v></c>`);
    expect(cell(xml, "B3")).toBe(`<c r="B3"><f>A3*2</f><v>8</v></c>`);
  });

  it("leaves the shared formula as it is when only its other cells change", async () => {
    const xml = await savedSheet("B3", 1);
    expect(cell(xml, "B1")).toBe(`<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c>`);
    expect(cell(xml, "B2")).toBe(`<c r="B2"><f t="shared" si="0"/><v>6</v></c>`);
  });
});
