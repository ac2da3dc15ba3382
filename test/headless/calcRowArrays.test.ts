/**
 * ROW(range) and COLUMN(range) as arrays inside SUMPRODUCT: the RiskQuant rank helper breaks ties by
 * row with (ROW(column)<ROW()), which must count the rows above, as Excel and LibreOffice do.
 */
import { createWorkbook, run } from "../../src/headless";

async function results(formulas: string[]): Promise<unknown[]> {
  const workbook = createWorkbook({ calculate: true });
  return run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A5").values = [[5], [""], [3], [5], [1]];
    const cells = sheet.getRange(`B1:B${formulas.length}`);
    cells.formulas = formulas.map((f) => [f]);
    cells.load("values");
    await context.sync();
    return cells.values.map(([v]) => v);
  });
}

describe("ROW and COLUMN over ranges", () => {
  it("give one number per row or column inside SUMPRODUCT", async () => {
    expect(await results(["=SUMPRODUCT((ROW($A$1:$A$5)<ROW())*1)", "=SUMPRODUCT(ROW($A$1:$A$5))", "=SUMPRODUCT(COLUMN($A$1:$D$1))"])).toEqual([0, 15, 10]);
  });

  it("rank with ties broken by row (a blank compares as 0; the RiskQuant helper leaves such rows blank)", async () => {
    const rank = (row: number) => `=SUMPRODUCT(ISNUMBER($A$1:$A$5)*($A$1:$A$5>A${row}))+SUMPRODUCT(ISNUMBER($A$1:$A$5)*($A$1:$A$5=A${row})*(ROW($A$1:$A$5)<${row}))+1`;
    expect(await results([rank(1), rank(2), rank(3), rank(4), rank(5)])).toEqual([1, 5, 3, 2, 4]);
  });

  it("still give the first row or column of a single cell", async () => {
    expect(await results(["=ROW(C7)", "=COLUMN(C7)"])).toEqual([7, 3]);
  });
});
