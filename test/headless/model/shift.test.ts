/**
 * When table rows or columns are inserted or deleted, the cells they push move, and the host follows
 * Excel: every reference to the moved cells (cell formulas on any sheet, defined names, other sheets'
 * validation and conditional-format formulas) follows them, a reference to only deleted cells becomes
 * #REF!, a range spanning an insertion grows (support.microsoft.com, "Insert or delete cells, rows,
 * and columns", 0cb9c2f7; "How to correct a #REF! error"); validation and formats travel with their
 * cells; a move that would cut another table is refused (office-scripts-docs #654).
 */
import { type HeadlessContext, type HeadlessWorkbook } from "../../../src/headless";
import { type ColumnShift, type RowShift, shiftedRect, shiftRowsInColumns } from "../../../src/headless/model/shift";
import { createWorkbook, failure, run } from "../helpers";
import { MAX_COLUMNS, MAX_ROWS } from "../../../src/headless/addresses";

/**
 * Sheet1: the Risks table A1:C5 (ID, Score, Owner) with the named block RatingChartData at A8:B10
 * below it, as the Dashboard lays it out; Report reads the block and the table's cells by address.
 */
async function tableWithBlockBelow(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C5").values = [["ID", "Score", "Owner"], ["R1", 1, "ann"], ["R2", 2, "bob"], ["R3", 3, "cy"], ["R4", 4, "di"]];
    sheet.tables.add("A1:C5", true).name = "Risks";
    sheet.getRange("A8:B10").values = [["Low", 1], ["Medium", 2], ["High", 3]];
    context.workbook.names.add("RatingChartData", sheet.getRange("A8:B10"));
    sheet.names.add("HighCount", "=Sheet1!$B$10");
    sheet.getRange("E8").formulas = [["=B8*2"]]; // beside the table's columns: stays, reads the moved cell
    sheet.getRange("A12").formulas = [["=SUM(B8:B10)+B3"]];
    const report = context.workbook.worksheets.add("Report");
    report.getRange("A1:A5").formulas = [["=SUM(Sheet1!B8:B10)"], ["=Sheet1!B4"], ["=SUM(Sheet1!$B$2:$B$5)"], ["=Sheet1!A1"], ["=SUM(Sheet1!B8:F8)"]];
    report.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "=Sheet1!$A$8:$A$10" } };
    const format = report.getRange("C1:C5").conditionalFormats.add("Custom");
    format.custom.rule.formula = "=C1>Sheet1!$B$10";
    format.custom.format.fill.color = "#FFC000";
  });
  return workbook;
}

const formulasOf = (workbook: HeadlessWorkbook, sheet: string, address: string) =>
  run(workbook, async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("formulas");
    await context.sync();
    return range.formulas.flat();
  });

const nameFormula = (workbook: HeadlessWorkbook, name: string) =>
  run(workbook, async (context) => {
    const item = context.workbook.names.getItem(name).load("formula");
    await context.sync();
    return item.formula;
  });

describe("references follow cells that table rows push (support.microsoft.com, \"Insert or delete cells, rows, and columns\")", () => {
  it("TableRow.delete moves the named block below up one row: RatingChartData, a sheet name, and formulas on any sheet that read it", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => context.workbook.tables.getItem("Risks").rows.getItemAt(3).delete());
    expect(await nameFormula(workbook, "RatingChartData")).toBe("=Sheet1!$A$7:$B$9");
    expect(workbook.sheet("Sheet1").names[0].formula).toBe("=Sheet1!$B$9");
    expect(await formulasOf(workbook, "Sheet1", "A11")).toEqual(["=SUM(B7:B9)+B3"]);
    expect(await formulasOf(workbook, "Sheet1", "E8")).toEqual(["=B7*2"]);
    expect(await formulasOf(workbook, "Report", "A1:A5")).toEqual(["=SUM(Sheet1!B7:B9)", "=Sheet1!B4", "=SUM(Sheet1!$B$2:$B$4)", "=Sheet1!A1", "=SUM(Sheet1!B8:F8)"]);
    expect(workbook.sheet("Sheet1").valuesOf("A7:B9")).toEqual([["Low", 1], ["Medium", 2], ["High", 3]]);
  });

  it("a reference to only the deleted row becomes #REF! (support.microsoft.com, \"How to correct a #REF! error\"); one that held it shrinks", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => context.workbook.tables.getItem("Risks").rows.getItemAt(2).delete());
    // Report!A2 read Sheet1!B4, the deleted row's Score.
    expect(await formulasOf(workbook, "Report", "A2:A3")).toEqual(["=Sheet1!#REF!", "=SUM(Sheet1!$B$2:$B$4)"]);
  });

  it("rows.add moves everything below in the table's columns: names, formulas, other sheets' validation list and format formula; a range spanning the insertion grows", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => void context.workbook.tables.getItem("Risks").rows.add(1, [["R9", 9, "ed"], ["R10", 10, "flo"]]));
    expect(await nameFormula(workbook, "RatingChartData")).toBe("=Sheet1!$A$10:$B$12");
    expect(await formulasOf(workbook, "Report", "A1:A5")).toEqual(["=SUM(Sheet1!B10:B12)", "=Sheet1!B6", "=SUM(Sheet1!$B$2:$B$7)", "=Sheet1!A1", "=SUM(Sheet1!B8:F8)"]);
    expect(await formulasOf(workbook, "Sheet1", "A14")).toEqual(["=SUM(B10:B12)+B5"]);
    const rule = await run(workbook, async (context) => {
      const validation = context.workbook.worksheets.getItem("Report").getRange("B1").dataValidation.load("rule");
      await context.sync();
      return validation.rule;
    });
    expect(rule.list?.source).toBe("=Sheet1!$A$10:$A$12");
    expect(workbook.sheet("Report").conditionalFormatsAt("C1")[0].rule.formula).toBe("=C1>Sheet1!$B$12");
  });

  it("a color scale's formula criterion on another sheet follows the cell it reads", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => {
      const scale = context.workbook.worksheets.getItem("Report").getRange("D1:D5").conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", formula: null as unknown as string, color: "#63BE7B" },
        maximum: { type: "Formula", formula: "=Sheet1!$B$10", color: "#F8696B" },
      };
    });
    await run(workbook, async (context) => void context.workbook.tables.getItem("Risks").rows.add(null, [["R5", 5, "eve"]]));
    const scale = workbook.sheet("Report").conditionalFormatsAt("D1").find((f) => f.type === "ColorScale");
    expect(scale?.colorScale?.maximum?.formula).toBe("=Sheet1!$B$11");
  });

  it("a reference only partly within the table's columns stays, as its cells beside the table did not move", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => void context.workbook.tables.getItem("Risks").rows.add(null, [["R5", 5, "eve"]]));
    expect(await formulasOf(workbook, "Report", "A5")).toEqual(["=SUM(Sheet1!B8:F8)"]);
    expect(await formulasOf(workbook, "Report", "A4")).toEqual(["=Sheet1!A1"]);
  });

  it("a calculated column whose formula reads moved cells stays one formula after rows.add (the new rows get the moved formula)", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => {
      const table = context.workbook.tables.getItem("Risks");
      table.columns.add(null, undefined, "Share");
      context.workbook.worksheets.getItem("Sheet1").getRange("D2").formulas = [["=[@Score]/$B$10"]]; // fills the column
    });
    await run(workbook, async (context) => void context.workbook.tables.getItem("Risks").rows.add(null, [["R5", 5, "eve", ""]]));
    expect(await formulasOf(workbook, "Sheet1", "D2:D6")).toEqual(Array(5).fill("=[@Score]/$B$11"));
  });
});

describe("validation and conditional formats travel with the cells they belong to", () => {
  async function formatsBelow(): Promise<HeadlessWorkbook> {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B8:B10").dataValidation.rule = { wholeNumber: { formula1: "=$F$1", formula2: "=B8+10", operator: "Between" } };
      const format = sheet.getRange("A8:E10").conditionalFormats.add("Custom");
      format.custom.rule.formula = "=$B8>E8";
      format.custom.format.fill.color = "#C00000";
    });
    return workbook;
  }

  it("below a table that grows, a validation moves with its cells and its formulas follow the cells they read", async () => {
    const workbook = await formatsBelow();
    await run(workbook, async (context) => void context.workbook.tables.getItem("Risks").rows.add(null, [["R5", 5, "eve"]]));
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.validationAt("B8")).toBeUndefined();
    expect(sheet.validationAt("B9")?.rule.wholeNumber).toEqual({ formula1: "=$F$1", formula2: "=B9+10", operator: "Between" });
    expect(sheet.validations.map((v) => v.rect)).toContainEqual({ r0: 8, r1: 10, c0: 1, c1: 1 });
  });

  it("TableRow.delete of the first row a format and a validation cover re-anchors their formulas on the first row left (their top-left cell: ECMA-376 Part 1 §18.3.1.10), not #REF!", async () => {
    const workbook = await tableWithBlockBelow();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C2:C5").dataValidation.rule = { custom: { formula: "=LEN($C2)>1" } };
      const format = sheet.getRange("B2:B5").conditionalFormats.add("Custom");
      format.custom.rule.formula = "=$B2>2";
      format.custom.format.fill.color = "#C00000";
    });
    await run(workbook, async (context) => context.workbook.tables.getItem("Risks").rows.getItemAt(0).delete());
    const sheet = workbook.sheet("Sheet1");
    const format = sheet.conditionalFormats.find((f) => f.style.fillColor === "#C00000");
    expect({ rect: format?.rect, formula: format?.rule.formula }).toEqual({ rect: { r0: 1, r1: 3, c0: 1, c1: 1 }, formula: "=$B2>2" });
    expect(sheet.validationAt("C2")?.rule.custom).toEqual({ formula: "=LEN($C2)>1" });
  });

  it("a format reaching beside the table splits: the part in the table's columns moves, the part beside stays, each with its own formula", async () => {
    const workbook = await formatsBelow();
    await run(workbook, async (context) => void context.workbook.tables.getItem("Risks").rows.add(null, [["R5", 5, "eve"]]));
    const formats = workbook.sheet("Sheet1").conditionalFormats.filter((f) => f.type === "Custom" && f.style.fillColor === "#C00000");
    const parts = formats.map((f) => ({ rect: f.rect, formula: f.rule.formula })).sort((a, b) => a.rect.c0 - b.rect.c0);
    // A9:C11 (moved): its B reads B9 and E8 (E did not move); D8:E10 (stayed) reads $B8 there, now B9.
    expect(parts).toEqual([
      { rect: { r0: 8, r1: 10, c0: 0, c1: 2 }, formula: "=$B9>E8" },
      { rect: { r0: 7, r1: 9, c0: 3, c1: 4 }, formula: "=$B9>H8" },
    ]);
  });

  it("TableColumn add and delete move the validation and formats of the cells to the right within the table's rows", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").values = [["ID", "Score"], ["R1", 1], ["R2", 2]];
      sheet.tables.add("A1:B3", true).name = "Left";
      sheet.getRange("D2:D3").dataValidation.rule = { list: { inCellDropDown: true, source: "Yes,No" } };
      const format = sheet.getRange("D2:D3").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=D2="Yes"';
      format.custom.format.fill.color = "#00B050";
      sheet.getRange("D5").dataValidation.rule = { list: { inCellDropDown: true, source: "Up,Down" } };
      context.workbook.worksheets.add("Report").getRange("A1").formulas = [["=COUNTIF(Sheet1!D2:D3,\"Yes\")"]];
    });
    await run(workbook, async (context) => void context.workbook.tables.getItem("Left").columns.add(1, undefined, "Due"));
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.validationAt("E2")?.rule.list?.source).toBe("Yes,No");
    expect(sheet.validationAt("D2")).toBeUndefined();
    expect(sheet.validationAt("D5")?.rule.list?.source).toBe("Up,Down"); // below the table's rows: stays
    expect(sheet.conditionalFormatsAt("E2")[0].rule.formula).toBe('=E2="Yes"');
    expect(await formulasOf(workbook, "Report", "A1")).toEqual(['=COUNTIF(Sheet1!E2:E3,"Yes")']);

    await run(workbook, async (context) => context.workbook.tables.getItem("Left").columns.getItem("Due").delete());
    expect(sheet.validationAt("D2")?.rule.list?.source).toBe("Yes,No");
    expect(await formulasOf(workbook, "Report", "A1")).toEqual(['=COUNTIF(Sheet1!D2:D3,"Yes")']);
  });

  it("TableColumn.delete turns an A1 reference to only the deleted column's cells into #REF!", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C3").values = [["ID", "Owner", "Score"], ["R1", "ann", 3], ["R2", "bob", 4]];
      sheet.tables.add("A1:C3", true).name = "Left";
      sheet.getRange("A6:A7").formulas = [["=COUNTA(B2:B3)"], ["=SUM(C2:C3)"]];
    });
    await run(workbook, async (context) => context.workbook.tables.getItem("Left").columns.getItem("Owner").delete());
    expect(await formulasOf(workbook, "Sheet1", "A6:A7")).toEqual(["=COUNTA(#REF!)", "=SUM(B2:B3)"]);
  });
});

describe("table rows refuse to cut another table (\"This won't work because it would move cells in a table on your worksheet\", office-scripts-docs #654)", () => {
  async function tableBelow(range: string): Promise<HeadlessWorkbook> {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C3").values = [["ID", "Score", "Owner"], ["R1", 1, "ann"], ["R2", 2, "bob"]];
      sheet.tables.add("A1:C3", true).name = "Top";
      const [left, right] = range.replace(/\d/g, "").split(":");
      const width = right.charCodeAt(0) - left.charCodeAt(0) + 1;
      sheet.getRange(range).values = [Array.from({ length: width }, (_v, i) => `H${i}`), Array.from({ length: width }, (_v, i) => i)];
      sheet.tables.add(range, true).name = "Below";
    });
    return workbook;
  }

  const changes: Array<[string, (context: HeadlessContext) => void]> = [
    ["rows.add", (context) => void context.workbook.tables.getItem("Top").rows.add(null, [["R3", 3, "cy"]])],
    ["TableRow.delete", (context) => context.workbook.tables.getItem("Top").rows.getItemAt(0).delete()],
  ];

  it.each(changes)("%s is refused when a table below reaches beside the table's columns, and nothing changes", async (_label, change) => {
    const workbook = await tableBelow("B6:E7");
    const error = await failure(workbook, async (context) => {
      change(context);
      await context.sync();
    });
    expect([error.code, error.message]).toEqual(["InvalidOperation", "This won't work because it would move cells in a table on your worksheet."]);
    expect(workbook.getTable("Top")?.address()).toBe("A1:C3");
    expect(workbook.getTable("Below")?.address()).toBe("B6:E7");
    expect(workbook.sheet("Sheet1").valuesOf("A2:C3")).toEqual([["R1", 1, "ann"], ["R2", 2, "bob"]]);
  });

  it.each(changes)("%s moves a table below that lies within the table's columns, with the references to it", async (label, change) => {
    const workbook = await tableBelow("A6:B7");
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("F1").formulas = [["=SUM(B7)"]];
      await context.sync();
      change(context);
    });
    const moved = label === "rows.add" ? 1 : -1;
    expect(workbook.getTable("Below")?.address()).toBe(`A${6 + moved}:B${7 + moved}`);
    expect(await formulasOf(workbook, "Sheet1", "F1")).toEqual([`=SUM(B${7 + moved})`]);
  });

  it("a table beside, outside the table's columns, does not stop rows.add and stays", async () => {
    const workbook = await tableBelow("E2:F3");
    await run(workbook, async (context) => void context.workbook.tables.getItem("Top").rows.add(null, [["R3", 3, "cy"]]));
    expect(workbook.getTable("Top")?.address()).toBe("A1:C4");
    expect(workbook.getTable("Below")?.address()).toBe("E2:F3");
  });
});

/**
 * One rule moves an area (a validation or format range, a merge, a note's cell, a table beside) for
 * row and column moves alike (model/references movedReference): Excel moves what lies past inserted
 * cells, grows a range the insertion falls inside, shrinks one that held deleted cells and drops one
 * that held only deleted cells (support.microsoft.com, "Insert or delete cells, rows, and columns",
 * 0cb9c2f7; "How to correct a #REF! error"). Inserting at a range's first row moves it rather than
 * growing it: only an insertion inside a range expands it (Range.insert shifts the range's own
 * cells down, learn.microsoft.com/javascript/api/excel/excel.insertshiftdirection).
 */
describe("shiftedRect: a logged row or column move follows the one reference-move rule", () => {
  /** 0-based rect from an A1 area within columns A:K. */
  const area = (r0: number, r1: number, c0 = 0, c1 = 2) => ({ r0, r1, c0, c1 });
  const deleteRows = (row: number, count: number): RowShift => ({ kind: "shift", row, count: -count, c0: 0, c1: 10 });
  const insertRows = (row: number, count: number): RowShift => ({ kind: "shift", row, count, c0: 0, c1: 10 });

  it("a row delete drops an area holding only deleted rows", () => {
    expect(shiftedRect(area(4, 5), deleteRows(4, 2))).toBeNull();
    expect(shiftedRect(area(5, 5), deleteRows(4, 3))).toBeNull();
  });

  it("a row delete shrinks an area partly within the deleted rows, from either side", () => {
    expect(shiftedRect(area(2, 7), deleteRows(4, 2))).toEqual(area(2, 5));
    expect(shiftedRect(area(2, 4), deleteRows(4, 2))).toEqual(area(2, 3));
    expect(shiftedRect(area(5, 9), deleteRows(4, 2))).toEqual(area(4, 7));
  });

  it("a row delete moves an area below the deleted rows up, and leaves one above or beside the shifted columns", () => {
    expect(shiftedRect(area(9, 11), deleteRows(4, 2))).toEqual(area(7, 9));
    expect(shiftedRect(area(0, 3), deleteRows(4, 2))).toEqual(area(0, 3));
    expect(shiftedRect(area(4, 5, 9, 12), deleteRows(4, 2))).toEqual(area(4, 5, 9, 12));
  });

  it("a row insert inside an area grows it; at its first row or above it, moves it", () => {
    expect(shiftedRect(area(2, 7), insertRows(4, 2))).toEqual(area(2, 9));
    expect(shiftedRect(area(4, 7), insertRows(4, 2))).toEqual(area(6, 9));
    expect(shiftedRect(area(9, 9), insertRows(4, 2))).toEqual(area(11, 11));
    expect(shiftedRect(area(0, 3), insertRows(4, 2))).toEqual(area(0, 3));
  });

  it("a column delete drops an area holding only deleted columns, like a row delete", () => {
    const deleteColumn: ColumnShift = { kind: "columns", col: 2, count: -1, r0: 0, r1: 9 };
    expect(shiftedRect(area(1, 3, 2, 2), deleteColumn)).toBeNull();
    expect(shiftedRect(area(1, 3, 1, 4), deleteColumn)).toEqual(area(1, 3, 1, 3));
  });

  it("an area over every row (A:C) stays whole under a row delete or insert, and one over every column under a column move, as a sheet always has 1,048,576 rows and 16,384 columns (support.microsoft.com c13798fc); one that only reaches the last row moves", () => {
    const wholeColumns = area(0, MAX_ROWS - 1);
    expect(shiftedRect(wholeColumns, deleteRows(4, 2))).toEqual(wholeColumns);
    expect(shiftedRect(wholeColumns, insertRows(0, 2))).toEqual(wholeColumns);
    expect(shiftedRect(area(1, MAX_ROWS - 1), deleteRows(4, 2))).toEqual(area(1, MAX_ROWS - 3));
    const wholeRows = area(1, 3, 0, MAX_COLUMNS - 1);
    expect(shiftedRect(wholeRows, { kind: "columns", col: 0, count: -1, r0: 0, r1: 9 })).toEqual(wholeRows);
    expect(shiftedRect(area(1, 3, 0, 4), { kind: "columns", col: 0, count: -1, r0: 0, r1: 9 })).toEqual(area(1, 3, 0, 3));
  });

  it("a table's growth extends only the areas ending on its last row", () => {
    const grow: RowShift = { kind: "grow", row: 4, count: 2, c0: 0, c1: 10 };
    expect(shiftedRect(area(1, 4), grow)).toEqual(area(1, 6));
    expect(shiftedRect(area(1, 3), grow)).toEqual(area(1, 3));
  });
});

describe("merges travel with the moved cells", () => {
  it("a merge of only deleted rows goes with them; one below moves up (shiftRowsInColumns, as TableRow.delete calls it)", () => {
    const workbook = createWorkbook();
    const sheet = workbook.sheet("Sheet1");
    sheet.merges = [{ r0: 4, r1: 5, c0: 0, c1: 1 }, { r0: 9, r1: 9, c0: 0, c1: 1 }, { r0: 4, r1: 5, c0: 12, c1: 13 }];
    shiftRowsInColumns(workbook, sheet, [], 4, -2, 0, 10);
    expect(sheet.merges).toEqual([{ r0: 7, r1: 7, c0: 0, c1: 1 }, { r0: 4, r1: 5, c0: 12, c1: 13 }]);
  });
});
