/**
 * References the file keeps follow cells inserted or deleted with "shift cells down/up"
 * (Range.insert / Range.delete with Excel.InsertShiftDirection.down / DeleteShiftDirection.up,
 * learn.microsoft.com/javascript/api/excel/excel.insertshiftdirection): wholly below moves, spanning
 * grows or shrinks, above stays, beside the shifted columns stays, only deleted cells → #REF!.
 */
import type { RowShift } from "../../src/headless/model/shift";
import { shiftFormulaElements, shiftFormulaReferences } from "../../src/headless/xlsx/patch/referenceShift";

/** Three cells inserted at row 10 (1-based) in columns A:K. */
const insert: RowShift = { kind: "shift", row: 9, count: 3, c0: 0, c1: 10 };
const shifts = (list: RowShift[]) => new Map([["risks", list], ["my sheet", list]]);

describe("shifting the references of kept formulas", () => {
  it("moves what is below, grows what spans, leaves what is above or beside", () => {
    const s = shifts([insert]);
    expect(shiftFormulaReferences("SUM(Risks!$B$12:$C$14)", s)).toBe("SUM(Risks!$B$15:$C$17)");
    expect(shiftFormulaReferences("Risks!B2:B10", s)).toBe("Risks!B2:B13");
    expect(shiftFormulaReferences("Risks!B2:B9", s)).toBe("Risks!B2:B9");
    expect(shiftFormulaReferences("Risks!L20+Risks!A1:L20", s)).toBe("Risks!L20+Risks!A1:L20");
    expect(shiftFormulaReferences("'My Sheet'!$A$10&\"Risks!A10\"", s)).toBe("'My Sheet'!$A$13&\"Risks!A10\"");
  });

  it("leaves references to other sheets, other workbooks, 3-D ranges, structured references and unqualified ones alone", () => {
    const s = shifts([insert]);
    expect(shiftFormulaReferences("Other!A20", s)).toBe("Other!A20");
    expect(shiftFormulaReferences("[1]Risks!A20", s)).toBe("[1]Risks!A20");
    expect(shiftFormulaReferences("SUM(Risks:Other!A20)", s)).toBe("SUM(Risks:Other!A20)");
    expect(shiftFormulaReferences("Register[[#This Row],[A20]]", s)).toBe("Register[[#This Row],[A20]]");
    expect(shiftFormulaReferences("A20+LOG10(A20)", s)).toBe("A20+LOG10(A20)");
    expect(shiftFormulaReferences("A20", s, "risks")).toBe("A23");
  });

  it("turns a reference to deleted cells only into #REF! and shrinks one that spans them", () => {
    const s = shifts([{ kind: "shift", row: 9, count: -2, c0: 0, c1: 10 }]);
    expect(shiftFormulaReferences("Risks!$B$10", s)).toBe("Risks!#REF!");
    expect(shiftFormulaReferences("Risks!B5:B20", s)).toBe("Risks!B5:B18");
    expect(shiftFormulaReferences("Risks!B12", s)).toBe("Risks!B10");
  });
});

describe("shifting kept references for a table column added or deleted (shift cells right/left)", () => {
  const column = (count: number) => new Map([["risks", [{ kind: "columns" as const, col: 2, count, r0: 0, r1: 9 }]]]);
  it("moves what lies right of the column within the table's rows; what reaches above or below them stays; only deleted cells become #REF!", () => {
    expect(shiftFormulaReferences("Risks!$D$2:$E$10", column(1))).toBe("Risks!$E$2:$F$10");
    expect(shiftFormulaReferences("Risks!B2:D2", column(1))).toBe("Risks!B2:E2");
    expect(shiftFormulaReferences("Risks!D2:D11", column(1))).toBe("Risks!D2:D11");
    expect(shiftFormulaReferences("Risks!C5", column(-1))).toBe("Risks!#REF!");
    expect(shiftFormulaReferences("Risks!D5", column(-1))).toBe("Risks!C5");
  });
});

describe("a chart over a table column takes the rows appended to the table", () => {
  // Coverage!A5:J6 is the body of a table whose header is row 4; one row is appended (rows.add logs
  // the insertion below it, then the growth).
  const appended = new Map([["coverage", [{ kind: "shift", row: 6, count: 1, c0: 0, c1: 9 }, { kind: "grow", row: 5, count: 1, c0: 0, c1: 9, top: 4 }] as RowShift[]]]);
  const chart = (category: string, value: string, title: string) =>
    `<c:chart><c:title><c:tx><c:strRef><c:f>${title}</c:f></c:strRef></c:tx></c:title><c:ser><c:tx><c:strRef><c:f>Coverage!$I$4</c:f></c:strRef></c:tx>` +
    `<c:cat><c:strRef><c:f>${category}</c:f><c:strCache><c:ptCount val="2"/></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>${value}</c:f></c:numRef></c:val></c:ser></c:chart>`;

  it("grows a series' categories and values over the whole column, body or header and body", () => {
    expect(shiftFormulaElements(chart("Coverage!$A$5:$A$6", "Coverage!$I$4:$I$6", "Coverage!$A$6"), appended)).toBe(chart("Coverage!$A$5:$A$7", "Coverage!$I$4:$I$7", "Coverage!$A$6"));
  });

  it("turns the one cell of a one-row table's column into a range as the table grows", () => {
    const oneRow = new Map([["coverage", [{ kind: "shift", row: 5, count: 1, c0: 0, c1: 9 }, { kind: "grow", row: 4, count: 1, c0: 0, c1: 9, top: 4 }] as RowShift[]]]);
    expect(shiftFormulaElements(chart("Coverage!$A$5", "Coverage!I5", "x"), oneRow)).toBe(chart("Coverage!$A$5:$A$6", "Coverage!I5:I6", "x"));
  });

  it("leaves a series over part of the column, outside the table or in another sheet, and titles, as they are", () => {
    const kept = chart("Coverage!$A$6:$A$6", "Coverage!$K$5:$K$6", "Coverage!$A$5:$A$6");
    expect(shiftFormulaElements(kept, appended)).toBe(kept);
    expect(shiftFormulaReferences("Coverage!$A$5:$A$6", appended)).toBe("Coverage!$A$5:$A$6");
    const elsewhere = chart("Other!$A$5:$A$6", "Other!$I$5:$I$6", "x");
    expect(shiftFormulaElements(elsewhere, appended)).toBe(elsewhere);
  });
});
