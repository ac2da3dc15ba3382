/**
 * Worksheet, range, table, name, validation, conditional format and chart behaviour.
 * Docs: https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection (add/getItem),
 * https://learn.microsoft.com/javascript/api/excel/excel.range (values/formulas/format),
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation, .../excel.conditionalformatcollection,
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection.
 */
import { createWorkbook, failure, run } from "./helpers";

const score = "=Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]]";

async function riskTable() {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.add("Risk Register");
    sheet.getRange("A1:D1").values = [["ID", "Likelihood", "Impact", "Score"]];
    const table = sheet.tables.add("'Risk Register'!A1:D1", true);
    table.name = "Risks";
    table.rows.add(undefined, [["R1", 2, 3, score], ["R2", 4, 5, score]]);
  });
  return workbook;
}

describe("worksheets", () => {
  it("validates names: invalid characters and 32+ characters are InvalidArgument, duplicates ItemAlreadyExists", async () => {
    const workbook = createWorkbook();
    expect((await failure(workbook, async (c) => { c.workbook.worksheets.add("a/b"); await c.sync(); })).code).toBe("InvalidArgument");
    expect((await failure(workbook, async (c) => { c.workbook.worksheets.add("x".repeat(32)); await c.sync(); })).code).toBe("InvalidArgument");
    expect((await failure(workbook, async (c) => { c.workbook.worksheets.add("sheet1"); await c.sync(); })).code).toBe("ItemAlreadyExists");
  });

  it("renames, moves, hides, colours and freezes", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.add("Data");
      sheet.name = "Risk Data";
      sheet.position = 0;
      sheet.tabColor = "#00FF00";
      sheet.freezePanes.freezeRows(1);
      context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      const location = sheet.freezePanes.getLocationOrNullObject().load("address");
      sheet.load("name, position");
      await context.sync();
      expect(sheet.name).toBe("Risk Data");
      expect(sheet.position).toBe(0);
      expect(location.address).toBe("'Risk Data'!1:1");
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Risk Data", "Sheet1"]);
    expect(workbook.sheet("Risk Data").freeze).toEqual({ rows: 1, columns: 0 });
    expect(workbook.sheet("Sheet1").visibility).toBe("Hidden");
  });

  it("a write to a locked cell of a protected sheet fails with AccessDenied; unlocked cells stay editable", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true });
      sheet.getRange("B1").values = [["typed"]];
    });
    expect(workbook.sheet("Sheet1").valueAt("B1")).toBe("typed");
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["no"]];
      await context.sync();
    });
    expect(error.code).toBe("AccessDenied");
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe("");
  });
});

describe("ranges", () => {
  it("rejects a 2D array of the wrong size, fills a range from one value, and turns '=' text into formulas", async () => {
    const workbook = createWorkbook();
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = 7;
      sheet.getRange("C1").values = [["=A1+B1"]];
      sheet.getRange("D1").values = [["12"]];
    });
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.valuesOf("A1:B2")).toEqual([[7, 7], [7, 7]]);
    expect(sheet.formulaAt("C1")).toBe("=A1+B1");
    expect(sheet.valueAt("C1")).toBe(""); // no calculation engine: uncalculated formulas read as ""
    expect(sheet.valueAt("D1")).toBe(12);
  });

  it("rejects [[v]] written to a multi-cell range: the array must have the range's shape (office-js #1025, InvalidArgument at Range.values); a scalar fills it", async () => {
    const workbook = createWorkbook();
    for (const property of ["values", "formulas", "numberFormat"] as const) {
      const error = await failure(workbook, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3")[property] = [["1"]];
        await context.sync();
      });
      expect([property, error.code, error.message]).toEqual([property, "InvalidArgument", expect.stringMatching(/doesn't match the size or dimensions of the range/)]);
    }
    expect(workbook.sheet("Sheet1").valuesOf("A1:A3")).toEqual([[""], [""], [""]]);
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").formulas = "=ROW()";
      sheet.getRange("B1").values = [[5]];
    });
    expect(workbook.sheet("Sheet1").formulaAt("A3")).toBe("=ROW()");
    expect(workbook.sheet("Sheet1").valueAt("B1")).toBe(5);
  });

  it("null in a 2D array leaves that cell unchanged; an empty string clears it (excel-add-ins-blank-null-values)", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.values = [["a", "b", "c"]];
      range.numberFormat = [["0.00", "0.00", "0.00"]];
      await context.sync();
      range.values = [[null, "", "z"]] as unknown as string[][];
      range.numberFormat = [[null, "", null]] as unknown as string[][];
    });
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.valuesOf("A1:C1")).toEqual([["a", "", "z"]]);
    expect(["A1", "B1", "C1"].map((a) => sheet.styleAt(a).numberFormat)).toEqual(["0.00", undefined, "0.00"]);
  });

  it("formats: fill, font, borders, alignment, widths, merge; mixed formats read as null", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const header = sheet.getRange("A1:C1");
      header.format.fill.color = "#1F4E78";
      header.format.font.bold = true;
      header.format.font.color = "white";
      header.format.borders.getItem("EdgeBottom").style = "Continuous";
      header.format.horizontalAlignment = "Center";
      header.format.wrapText = true;
      header.format.columnWidth = 120;
      sheet.getRange("A3:C3").merge();
      const mixed = sheet.getRange("A1:A2").format.fill.load("color");
      await context.sync();
      expect(mixed.color).toBeNull();
    });
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.styleAt("B1")).toMatchObject({ fillColor: "#1F4E78", fontBold: true, fontColor: "#FFFFFF", horizontalAlignment: "Center", wrapText: true });
    expect(sheet.styleAt("B1").borderBottom?.style).toBe("Continuous");
    expect(sheet.columnWidth(2)).toBe(120);
    expect(sheet.mergeAddresses()).toEqual(["A3:C3"]);
  });

  it("navigates: getCell, getOffsetRange, getResizedRange, entire column, last row, used range", async () => {
    await run(createWorkbook(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:C4").values = [[1, 2], [3, 4], [5, 6]];
      const base = sheet.getRange("B2:C4");
      const results = [
        base.getCell(1, 1), base.getOffsetRange(1, 0), base.getResizedRange(1, 1), base.getEntireColumn(), base.getLastRow(), sheet.getUsedRange(),
      ].map((r) => r.load("address"));
      await context.sync();
      expect(results.map((r) => r.address)).toEqual(["Sheet1!C3", "Sheet1!B3:C5", "Sheet1!B2:D5", "Sheet1!B:C", "Sheet1!B4:C4", "Sheet1!B2:C4"]);
    });
  });
});

describe("tables", () => {
  it("adds rows, fills calculated columns for new rows and exposes ranges", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      const table = context.workbook.tables.getItem("Risks");
      table.rows.add(undefined, [["R3", 1, 1, ""]]);
      const body = table.getDataBodyRange().load("address");
      const count = table.rows.getCount();
      await context.sync();
      expect(body.address).toBe("'Risk Register'!A2:D4");
      expect(count.value).toBe(3);
    });
    const sheet = workbook.sheet("Risk Register");
    expect(sheet.formulaAt("D4")).toBe(score);
    expect(workbook.getTable("Risks")?.address()).toBe("A1:D4");
  });

  it("adds columns with a header and values, and renames columns", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      const table = context.workbook.tables.getItem("Risks");
      table.columns.add(undefined, [["Owner"], ["Ann"], ["Bob"]]);
      table.columns.getItem("ID").name = "Risk ID";
      const columns = table.columns.load("items/name");
      await context.sync();
      expect(columns.items.map((c) => c.name)).toEqual(["Risk ID", "Likelihood", "Impact", "Score", "Owner"]);
    });
    expect(workbook.sheet("Risk Register").valuesOf("E1:E3")).toEqual([["Owner"], ["Ann"], ["Bob"]]);
  });

  it("refuses overlapping tables and names already used by a table or a defined name", async () => {
    const workbook = await riskTable();
    const overlap = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").tables.add("C2:F5", true);
      await context.sync();
    });
    expect(overlap.code).toBe("InvalidArgument");
    const nameTaken = await failure(workbook, async (context) => {
      context.workbook.names.add("Risks", "=Sheet1!$A$1");
      await context.sync();
    });
    expect(nameTaken.code).toBe("ItemAlreadyExists");
    await run(workbook, async (context) => {
      context.workbook.names.add("Levels", "=Sheet1!$A$1:$A$5", "scale");
    });
    const tableTaken = await failure(workbook, async (context) => {
      context.workbook.tables.getItem("Risks").name = "levels";
      await context.sync();
    });
    expect(tableTaken.code).toBe("ItemAlreadyExists");
  });

  it("values filters hide body rows; clearFilters shows them again", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.tables.getItem("Risks").columns.getItem("Likelihood").filter.applyValuesFilter(["4"]);
      const hidden = context.workbook.tables.getItem("Risks").getDataBodyRange().getRow(0).load("rowHidden");
      await context.sync();
      expect(hidden.rowHidden).toBe(true);
    });
    expect(workbook.getTable("Risks")?.visibleBodyRows()).toEqual([1]);
    await run(workbook, async (context) => context.workbook.tables.getItem("Risks").clearFilters());
    expect(workbook.getTable("Risks")?.visibleBodyRows()).toEqual([0, 1]);
  });
});

describe("names, validation, conditional formats, charts", () => {
  it("stores workbook and worksheet names and resolves their ranges", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("Levels", sheet.getRange("A1:A5"), "Scale levels");
      sheet.names.add("Local", "=Sheet1!$B$1");
      const range = context.workbook.names.getItem("Levels").getRange().load("address");
      const missing = context.workbook.names.getItemOrNullObject("Nope");
      await context.sync();
      expect(range.address).toBe("Sheet1!A1:A5");
      expect(missing.isNullObject).toBe(true);
    });
    expect(workbook.getName("Levels")).toEqual({ name: "Levels", formula: "=Sheet1!$A$1:$A$5", comment: "Scale levels", visible: true });
    expect(workbook.sheet("Sheet1").names[0].name).toBe("Local");
  });

  it("stores data validation rules, prompts and alerts", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B50");
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "Low,Medium,High" } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Pick one", message: "Choose from the list" };
      range.dataValidation.prompt = { showPrompt: true, title: "Level", message: "Low, Medium or High" };
      context.workbook.worksheets.getItem("Sheet1").getRange("C2:C50").dataValidation.rule = {
        wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
      };
    });
    const validation = workbook.sheet("Sheet1").validationAt("B10");
    expect(validation?.rule).toEqual({ list: { inCellDropDown: true, source: "Low,Medium,High" } });
    expect(validation?.errorAlert.title).toBe("Pick one");
    expect(validation?.prompt.message).toBe("Low, Medium or High");
    expect(workbook.sheet("Sheet1").validationAt("C2")?.rule.wholeNumber?.formula2).toBe(5);
  });

  it("stores conditional formats of each kind", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A2:A20");
      const custom = range.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=$A2>=15";
      custom.custom.format.fill.color = "#C00000";
      custom.custom.format.font.color = "#FFFFFF";
      const cellValue = range.conditionalFormats.add("CellValue");
      cellValue.cellValue.rule = { formula1: "=5", formula2: "=9", operator: "Between" };
      cellValue.cellValue.format.fill.color = "#FFC000";
      const scale = range.conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", formula: null as unknown as string, color: "#63BE7B" },
        maximum: { type: "HighestValue", formula: null as unknown as string, color: "#F8696B" },
      };
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(3);
    });
    const formats = workbook.sheet("Sheet1").conditionalFormatsAt("A5");
    expect(formats.map((f) => f.type)).toEqual(["ColorScale", "CellValue", "Custom"]);
    expect(formats[2]).toMatchObject({ rule: { formula: "=$A2>=15" }, style: { fillColor: "#C00000", fontColor: "#FFFFFF" } });
    expect(formats[1].rule).toEqual({ formula1: "=5", formula2: "=9", operator: "Between" });
  });

  it("keeps chart source and series ranges as addresses", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").values = [["Framework", "Coverage"], ["ISO", 0.5], ["SOC 2", 0.7]];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns");
      chart.title.text = "Coverage";
      chart.setPosition("D2", "J15");
      const series = chart.series.add("Target");
      series.setValues(sheet.getRange("B2:B3"));
      await context.sync();
      const loaded = sheet.charts.getItemAt(0).load("name, chartType");
      await context.sync();
      expect(loaded.chartType).toBe("ColumnClustered");
    });
    const [chart] = workbook.sheet("Sheet1").charts;
    expect(chart.sourceAddress).toBe("Sheet1!A1:B3");
    expect(chart.title.text).toBe("Coverage");
    expect(chart.position).toEqual({ startCell: "D2", endCell: "J15" });
    expect(chart.series).toEqual([
      { name: "Coverage", valuesAddress: "Sheet1!B2:B3", xValuesAddress: "Sheet1!A2:A3" },
      { name: "Target", valuesAddress: "Sheet1!B2:B3" },
    ]);
  });
});
