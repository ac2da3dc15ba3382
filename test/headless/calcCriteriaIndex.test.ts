/**
 * COUNTIFS/SUMIFS look equality criteria up in an index of the range instead of testing every cell
 * (recalculation cost grows with matches, not rows × rows). The index must match exactly the cells
 * the criterion itself matches: numbers and numeric text, case-insensitive text, escaped wildcards,
 * booleans.
 */
import fc from "fast-check";
import { cellKeys, criterionKey, parseCriterion } from "../../src/headless/calc/criteria";
import { createWorkbook, run } from "../../src/headless";

const cellValue = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, 1e3, -0),
  fc.boolean(),
  fc.constantFrom("", "a", "A", "ab", " 2 ", "2", "1e3", "50%", "TRUE", "false", "x*y", "x?y", "x~y", "Closed", "closed ", "A-01", "a-01"),
  fc.string({ maxLength: 3 }),
);
const criterion = fc.oneof(
  cellValue,
  fc.constantFrom("=a", "=A-01", "=x~*y", "x~?y", "x~~y", "=2", "=1000", "0.5", "=TRUE", "true", "=", "<>a", ">1", "a*", "?"),
  fc.string({ maxLength: 3 }).map((s) => `=${s}`),
);

describe("the criteria index", () => {
  it("files each cell under a criterion's key exactly when the criterion matches it", () => {
    fc.assert(
      fc.property(cellValue, criterion, (cell, wanted) => {
        const key = criterionKey(wanted);
        if (key === undefined) return true;
        return cellKeys(cell).includes(key) === parseCriterion(wanted)(cell);
      }),
      { numRuns: 5000 },
    );
  });

  it("leaves comparisons, <>, wildcards and empty criteria to the full scan", () => {
    for (const wanted of ["<>a", ">1", "a*", "?", "", "=", "<>", null]) expect(criterionKey(wanted)).toBeUndefined();
  });

  it("gives COUNTIFS and SUMIFS the same results through the index as a scan would", async () => {
    const workbook = createWorkbook({ calculate: true });
    const rows = Array.from({ length: 200 }, (_, i) => [`A-${i % 7}`, i % 3 === 0 ? "Closed" : "Open", i]);
    const results = await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C200").values = rows;
      const cells = sheet.getRange("E1:E4");
      cells.formulas = [['=COUNTIFS(A1:A200,"a-3",B1:B200,"open")'], ['=SUMIFS(C1:C200,A1:A200,"=A-3",B1:B200,"<>Closed")'], ['=COUNTIF(A1:A200,"A-3*")'], ['=COUNTIFS(A1:A200,"A-9")']];
      cells.load("values");
      await context.sync();
      return cells.values.map((row) => row[0]);
    });
    const open3 = rows.filter(([id, status]) => id === "A-3" && status === "Open");
    expect(results).toEqual([open3.length, open3.reduce((sum, row) => sum + Number(row[2]), 0), rows.filter(([id]) => id === "A-3").length, 0]);
  });
});
