/**
 * The host is as strict as Excel's documentation. Each rule names its source in the test name:
 * a learn.microsoft.com / support.microsoft.com page, an [MS-*] file-format specification or an
 * office-js issue.
 */
import { createWorkbook, failure, run } from "./helpers";
import type { HeadlessContext } from "../../src/headless";

async function riskTable() {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.add("Risk Register");
    sheet.getRange("A1:E3").values = [
      ["Risk ID", "Likelihood", "Impact", "Score", "Cost ($)"],
      ["R1", 2, 3, "", 10],
      ["R2", 4, 5, "", 20],
    ];
    sheet.tables.add("'Risk Register'!A1:E3", true).name = "Risks";
  });
  return workbook;
}

async function formulasAt(workbook: ReturnType<typeof createWorkbook>, sheet: string, address: string): Promise<unknown[][]> {
  return run(workbook, async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("formulas");
    await context.sync();
    return range.formulas;
  });
}

describe("formulas are read back in Excel's display form (support.microsoft.com f5ed2452: Using structured references with Excel tables)", () => {
  it("shows this-row references inside their table as [@Col], with inner brackets when the header has a space or symbol", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("D2:D3").formulas = [
        ["=Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]]"],
        ["=Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]]"],
      ];
      context.workbook.worksheets.getItem("Risk Register").getRange("F1:F2").values = [["Note"], ["=Risks[[#This Row],[Cost ($)]]+1"]];
    });
    expect(await formulasAt(workbook, "Risk Register", "D2")).toEqual([["=[@Likelihood]*[@Impact]"]]);
    // F is outside the table: the table name stays.
    expect(await formulasAt(workbook, "Risk Register", "F2")).toEqual([["=Risks[@[Cost ($)]]+1"]]);
    // What is stored (and written to the file) is the spelling written.
    expect(workbook.sheet("Risk Register").formulaAt("D2")).toBe("=Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]]");
  });

  it("shows a whole column as Table[Col] (single brackets when the only special character is a space), Table[[Col $]] otherwise", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.add("Summary");
      sheet.getRange("A1:A3").formulas = [["=SUM(Risks[[Likelihood]])"], ['=COUNTIFS(Risks[[Risk ID]],"<>")'], ["=SUM(Risks[[Cost ($)]])"]];
    });
    expect(await formulasAt(workbook, "Summary", "A1:A3")).toEqual([["=SUM(Risks[Likelihood])"], ['=COUNTIFS(Risks[Risk ID],"<>")'], ["=SUM(Risks[[Cost ($)]])"]]);
  });

  it("leaves text inside string literals alone", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.worksheets.add("Summary").getRange("A1").formulas = [['="Risks[[Likelihood]]"&COUNT(Risks[[Likelihood]])']];
    });
    expect(await formulasAt(workbook, "Summary", "A1")).toEqual([['="Risks[[Likelihood]]"&COUNT(Risks[Likelihood])']]);
  });
});

const LIMITS = "learn.microsoft.com resource-limits-and-performance-optimization#excel-add-ins";

describe(`payload and read limits (${LIMITS}; error codes: application-specific-api-error-handling)`, () => {
  const longText = "x".repeat(3000);

  it("fails a sync whose response is over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const workbook = createWorkbook();
    for (let start = 0; start < 2000; start += 1000) {
      await run(workbook, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A${start + 1}:A${start + 1000}`).values = Array.from({ length: 1000 }, () => [longText]);
      });
    }
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").load("values");
      await context.sync();
    });
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    const half = await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A1000").load("values");
      await context.sync();
      return range.values.length;
    });
    expect(half).toBe(1000);
    expect(workbook.stats.largestResponseBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("refuses to read more than 5,000,000 cells in one range (RangeExceedsLimit), but gives its address", async () => {
    const workbook = createWorkbook();
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
      await context.sync();
    });
    expect(error.code).toBe("RangeExceedsLimit");
    const address = await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("Sheet1!A:E");
  });

  it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const workbook = createWorkbook();
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").values = Array.from({ length: 2000 }, () => [longText]);
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(workbook.sheet("Sheet1").valueAt("A1")).not.toBe(longText);
  });
});

describe("calculated columns (office-js #5909, #2093, #6745; support.microsoft.com 873fbac6 Use calculated columns in an Excel table)", () => {
  it("refuses formulas that differ by row in one table column, explaining Excel's AutoCorrect (#5909, #2093)", async () => {
    const workbook = await riskTable();
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("D2:D3").formulas = [["=1+1"], ["=2+2"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidOperation");
    expect(error.message).toMatch(/Risks\[Score\].*calculated column/);
  });

  it("takes a filled-down formula (=B2*C2, =B3*C3) as one formula", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("D2:D3").formulas = [["=B2*C2"], ["=B3*C3"]];
    });
    expect(workbook.sheet("Risk Register").formulaAt("D3")).toBe("=B3*C3");
  });

  it("refuses rows.add whose rows hold different formulas in one column (#6745)", async () => {
    const workbook = await riskTable();
    const error = await failure(workbook, async (context) => {
      context.workbook.tables.getItem("Risks").rows.add(undefined, [["R3", 1, 1, "=1+1", 0], ["R4", 1, 1, "=1+3", 0]]);
      await context.sync();
    });
    expect(error.code).toBe("InvalidOperation");
    expect(workbook.getTable("Risks")!.bodyRowCount).toBe(2);
  });

  it("fills an empty table column when one formula is written into one of its cells, moving relative references (873fbac6)", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("D2").formulas = [["=B2*C2+$E$2"]];
    });
    expect(workbook.sheet("Risk Register").formulaAt("D3")).toBe("=B3*C3+$E$2");
  });

  it("does not fill a column that already holds values (only the written cell changes)", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("E2").formulas = [["=B2*10"]];
    });
    expect(workbook.sheet("Risk Register").valueAt("E3")).toBe(20);
  });

  it("lets a range that is not a table hold a different formula in every row", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [["=1+1"], ["=2+2"]];
    });
    expect(workbook.sheet("Sheet1").formulaAt("A2")).toBe("=2+2");
  });
});

describe("data validation text limits ([MS-XLSB] 2.5.37 DValStrings: titles 32, input message 255, error message 225)", () => {
  async function validate(text: { title?: string; message?: string }, which: "errorAlert" | "prompt") {
    const workbook = createWorkbook();
    const error = await failure(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      range.dataValidation.rule = { wholeNumber: { formula1: "1", formula2: "5", operator: "Between" } };
      if (which === "errorAlert") range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: text.title ?? "T", message: text.message ?? "M" };
      else range.dataValidation.prompt = { showPrompt: true, title: text.title ?? "T", message: text.message ?? "M" };
      await context.sync();
    }).catch((e: unknown) => e as Error);
    return error;
  }

  it.each([
    ["an error title of 33 characters", { title: "t".repeat(33) }, "errorAlert"],
    ["an error message of 226 characters", { message: "m".repeat(226) }, "errorAlert"],
    ["an input title of 33 characters", { title: "t".repeat(33) }, "prompt"],
    ["an input message of 256 characters", { message: "m".repeat(256) }, "prompt"],
  ] as const)("refuses %s", async (_label, text, which) => {
    const error = await validate(text, which);
    expect((error as { code?: string }).code).toBe("InvalidArgument");
    expect((error as Error).message).toMatch(/Excel allows (32|225|255)/);
  });

  it("accepts text at the limits", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      range.dataValidation.rule = { wholeNumber: { formula1: "1", formula2: "5", operator: "Between" } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "t".repeat(32), message: "m".repeat(225) };
      range.dataValidation.prompt = { showPrompt: true, title: "t".repeat(32), message: "m".repeat(255) };
    });
    expect(workbook.sheet("Sheet1").validationAt("A3")?.errorAlert?.message).toHaveLength(225);
  });
});

describe("data validation rules read back as Excel returns them (learn.microsoft.com Excel.BasicDataValidation / DateTimeDataValidation: formula1 and formula2 'will always be returned as a string formula, for example: \"=10\"')", () => {
  it("returns whole-number, decimal, text-length and date bounds as formulas, and list and custom rules as written", async () => {
    const workbook = createWorkbook();
    const rules = await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A5").dataValidation.rule = { wholeNumber: { formula1: 1, formula2: "5", operator: "Between" } };
      sheet.getRange("B1:B5").dataValidation.rule = { decimal: { formula1: 0.5, operator: "GreaterThanOrEqualTo" } };
      sheet.getRange("C1:C5").dataValidation.rule = { textLength: { formula1: "=$Z$1", operator: "LessThanOrEqualTo" } };
      sheet.getRange("D1:D5").dataValidation.rule = { date: { formula1: "2024-01-31", operator: "GreaterThan" } };
      sheet.getRange("E1:E5").dataValidation.rule = { list: { inCellDropDown: true, source: "Low,High" } };
      sheet.getRange("F1:F5").dataValidation.rule = { custom: { formula: "=LEN(F1)>2" } };
      const read = ["A2", "B2", "C2", "D2", "E2", "F2"].map((address) => sheet.getRange(address).dataValidation.load("rule"));
      await context.sync();
      return read.map((validation) => validation.rule);
    });
    expect(rules).toEqual([
      { wholeNumber: { formula1: "=1", formula2: "=5", operator: "Between" } },
      { decimal: { formula1: "=0.5", operator: "GreaterThanOrEqualTo" } },
      { textLength: { formula1: "=$Z$1", operator: "LessThanOrEqualTo" } },
      { date: { formula1: "=45322", operator: "GreaterThan" } },
      { list: { inCellDropDown: true, source: "Low,High" } },
      { custom: { formula: "=LEN(F1)>2" } },
    ]);
    // The file keeps the bounds as written.
    expect(workbook.sheet("Sheet1").validationAt("A3")?.rule.wholeNumber?.formula1).toBe(1);
  });
});

describe("data validation type of a range (learn.microsoft.com Excel.DataValidationType: MixedCriteria when only some cells are validated, Inconsistent when cells have different rules)", () => {
  it("reads one rule's type for a uniform range, MixedCriteria when part of it was cleared, Inconsistent when part has another rule, None when none has any", async () => {
    const workbook = createWorkbook();
    const types = await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (const column of ["A", "B", "C"]) sheet.getRange(`${column}1:${column}5`).dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
      sheet.getRange("B3").dataValidation.clear();
      sheet.getRange("C4:C5").dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 9, operator: "Between" } };
      const read = ["A1:A5", "B1:B5", "C1:C5", "C1:C3", "D1:D5"].map((address) => sheet.getRange(address).dataValidation.load("type"));
      await context.sync();
      return read.map((validation) => validation.type);
    });
    expect(types).toEqual(["WholeNumber", "MixedCriteria", "Inconsistent", "WholeNumber", "None"]);
  });
});

describe("Table.convertToRange turns structured references into cell references (support.microsoft.com, \"Convert an Excel table to a range of data\")", () => {
  it("rewrites column, special-item and this-row references on every sheet and in names; other tables' references stay", async () => {
    const workbook = createWorkbook();
    const formulas = await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C4").values = [["Item", "Qty", "Total"], ["a", 1, ""], ["b", 2, ""], ["c", 3, ""]];
      const kpis = sheet.tables.add("A1:C4", true);
      kpis.name = "Kpis";
      sheet.getRange("E1:E2").values = [["Other"], [5]];
      sheet.tables.add("E1:E2", true).name = "Other";
      kpis.columns.getItem("Total").getDataBodyRange().formulas = "=[@Qty]*2";
      const report = context.workbook.worksheets.add("Report Sheet");
      report.getRange("A1:A3").formulas = [["=SUM(Kpis[Qty])"], ["=ROWS(Kpis[#All])+SUM(Other[Other])"], ["=COUNTA(Kpis[[#Headers],[Item]:[Qty]])"]];
      context.workbook.names.add("QtyList", "=Kpis[Qty]");
      await context.sync();
      kpis.convertToRange();
      const read = [sheet.getRange("C2:C4").load("formulas"), report.getRange("A1:A3").load("formulas")];
      const name = context.workbook.names.getItem("QtyList").load("formula");
      await context.sync();
      return [...read.map((range) => range.formulas.flat()), name.formula];
    });
    expect(formulas).toEqual([
      ["=$B2*2", "=$B3*2", "=$B4*2"],
      ["=SUM(Sheet1!$B$2:$B$4)", "=ROWS(Sheet1!$A$1:$C$4)+SUM(Other[Other])", "=COUNTA(Sheet1!$A$1:$B$1)"],
      "=Sheet1!$B$2:$B$4",
    ]);
    expect(workbook.getTable("Kpis")).toBeUndefined();
  });
});

describe("table columns shift the cells beside them as Excel's Insert/Delete Table Columns do", () => {
  async function sideBySide(belowRows = 0) {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C3").values = [["ID", "Owner", "Score"], ["R1", "ann", 3], ["R2", "bob", 4]];
      sheet.tables.add("A1:C3", true).name = "Left";
      sheet.getRange(`E1:F${3 + belowRows}`).values = [["Key", "Value"], ...Array.from({ length: 2 + belowRows }, (_v, i) => [`k${i}`, i])];
      sheet.tables.add(`E1:F${3 + belowRows}`, true).name = "Right";
      sheet.getRange("H1").formulas = [["=SUM(Left[Score])+COUNTA(Left[Owner])"]];
    });
    return workbook;
  }

  it("TableColumn.delete moves the columns to its right (cells, formulas and the table beside it) one column left; references to the deleted column become #REF! (support.microsoft.com, \"How to correct a #REF! error\")", async () => {
    const workbook = await sideBySide();
    await run(workbook, async (context) => context.workbook.tables.getItem("Left").columns.getItem("Owner").delete());
    const sheet = workbook.sheet("Sheet1");
    expect(sheet.valuesOf("A1:B3")).toEqual([["ID", "Score"], ["R1", 3], ["R2", 4]]);
    expect(workbook.getTable("Left")?.address()).toBe("A1:B3");
    expect(workbook.getTable("Right")?.address()).toBe("D1:E3");
    expect(sheet.valuesOf("D1:E1")).toEqual([["Key", "Value"]]);
    expect(sheet.formulaAt("G1")).toBe("=SUM(Left[Score])+COUNTA(#REF!)");
  });

  it("adding a table column moves a table beside it right when that table lies within the table's rows", async () => {
    const workbook = await sideBySide();
    await run(workbook, async (context) => void context.workbook.tables.getItem("Left").columns.add(1, undefined, "Due"));
    expect(workbook.getTable("Left")?.address()).toBe("A1:D3");
    expect(workbook.getTable("Right")?.address()).toBe("F1:G3");
    expect(workbook.sheet("Sheet1").valuesOf("A1:G1")).toEqual([["ID", "Due", "Owner", "Score", "", "Key", "Value"]]);
  });

  it.each([
    ["adding", (context: HeadlessContext) => void context.workbook.tables.getItem("Left").columns.add(null, undefined, "Due")],
    ["deleting", (context: HeadlessContext) => context.workbook.tables.getItem("Left").columns.getItem("Owner").delete()],
  ])("%s a table column is refused when it would cut a taller table beside it (\"This won't work because it would move cells in a table on your worksheet\", office-scripts-docs #654)", async (_label, change) => {
    const workbook = await sideBySide(2);
    const error = await failure(workbook, async (context) => {
      change(context);
      await context.sync();
    });
    expect([error.code, error.message]).toEqual(["InvalidOperation", "This won't work because it would move cells in a table on your worksheet."]);
    expect(workbook.getTable("Left")?.address()).toBe("A1:C3");
    expect(workbook.getTable("Right")?.address()).toBe("E1:F5");
  });
});

describe("enum strings are checked (learn.microsoft.com/javascript/api/excel: Excel.ChartType, HorizontalAlignment, PageOrientation, ...)", () => {
  it.each([
    ["chart type", (c: HeadlessContext) => void c.workbook.worksheets.getItem("Sheet1").charts.add("ColumnClusterd" as Excel.ChartType, c.workbook.worksheets.getItem("Sheet1").getRange("A1:B3"), "Auto")],
    ["horizontal alignment", (c: HeadlessContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment)],
    ["vertical alignment", (c: HeadlessContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").format.verticalAlignment = "Middle" as Excel.VerticalAlignment)],
    ["page orientation", (c: HeadlessContext) => void (c.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "landscape" as Excel.PageOrientation)],
    ["conditional format type", (c: HeadlessContext) => void c.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("Formula" as Excel.ConditionalFormatType)],
    ["validation alert style", (c: HeadlessContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.errorAlert = { showAlert: true, style: "Error" as Excel.DataValidationAlertStyle, title: "", message: "" })],
    ["validation operator", (c: HeadlessContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { wholeNumber: { formula1: 1, operator: "Between " as Excel.DataValidationOperator } })],
    ["legend position", (c: HeadlessContext) => {
      const sheet = c.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Pie", sheet.getRange("A1:B3"), "Auto").legend.position = "Below" as Excel.ChartLegendPosition;
    }],
  ])("refuses a misspelt %s with InvalidArgument", async (_label, act) => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3").values = [["Band", "Risks"], ["High", 2], ["Low", 5]];
    });
    const error = await failure(workbook, async (context) => {
      act(context);
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("page fitting takes documented values (learn.microsoft.com excel.pagelayoutzoomoptions: pages or null; scale 10 to 400)", () => {
  it.each([
    ["verticalFitToPages 0", { horizontalFitToPages: 1, verticalFitToPages: 0 }],
    ["scale 5", { scale: 5 }],
  ])("refuses %s", async (_label, zoom) => {
    const error = await failure(createWorkbook(), async (context) => {
      context.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = zoom;
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("page margins are points, 0 or more (learn.microsoft.com excel.pagelayout leftMargin), and a page break needs a row above it", () => {
  it.each([
    ["a negative margin", (c: HeadlessContext) => void (c.workbook.worksheets.getItem("Sheet1").pageLayout.leftMargin = -1)],
    ["a break before row 1", (c: HeadlessContext) => void c.workbook.worksheets.getItem("Sheet1").horizontalPageBreaks.add("A1")],
  ])("refuses %s", async (_label, act) => {
    const error = await failure(createWorkbook(), async (context) => {
      act(context);
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("cell-edit mode (learn.microsoft.com excel.runoptions delayForCellEdit; InvalidOperationInCellEditMode in application-specific-api-error-handling)", () => {
  it("fails every request while the user edits a cell", async () => {
    const workbook = createWorkbook();
    workbook.startCellEdit();
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidOperationInCellEditMode");
    expect(workbook.sheet("Sheet1").valueAt("A1")).not.toBe(1);
  });

  it("waits for the edit to end with delayForCellEdit", async () => {
    const workbook = createWorkbook();
    workbook.startCellEdit();
    const done = run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    }, { delayForCellEdit: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(workbook.sheet("Sheet1").valueAt("A1")).not.toBe(1);
    workbook.endCellEdit();
    await done;
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe(1);
  });
});

describe("conditional formats are trimmed, not deleted, when part of their range is cleared (learn.microsoft.com excel.conditionalformatcollection clearAll)", () => {
  async function formatted() {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=$A1>5";
      cf.custom.format.fill.color = "#FFC7CE";
    });
    return workbook;
  }

  it("keeps the rest of a format's range, its formula moved to the new top-left cell", async () => {
    const workbook = await formatted();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats.clearAll();
    });
    const [entry] = workbook.sheet("Sheet1").conditionalFormats;
    expect(workbook.sheet("Sheet1").conditionalFormats).toHaveLength(1);
    expect(entry.rect).toEqual({ r0: 3, r1: 9, c0: 0, c1: 0 });
    expect(entry.rule.formula).toBe("=$A4>5");
  });

  it("splits a format when the middle of its range is cleared with Range.clear", async () => {
    const workbook = await formatted();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A4:A5").clear("All");
    });
    const entries = workbook.sheet("Sheet1").conditionalFormats.map((e) => [e.rect.r0 + 1, e.rect.r1 + 1, e.rule.formula]);
    expect(entries).toEqual([[1, 3, "=$A1>5"], [6, 10, "=$A6>5"]]);
  });
});

describe("formulas are parsed on write (support.microsoft.com f5ed2452 structured references; Excel refuses what it cannot parse, #NAME? for unknown names)", () => {
  it.each([
    ["an unclosed parenthesis", "=SUM("],
    ["an operator with nothing after it", "=1+"],
    ["an unclosed string", '=IF(A1="x,1,2)'],
    ["a table that does not exist", "=SUM(Riskz[[Likelihood]])"],
    ["a column the table does not have", "=SUM(Risks[[Likelihod]])"],
    ["a this-row reference outside any table", "=[@Likelihood]*2"],
  ])("refuses %s", async (_label, formula) => {
    const workbook = await riskTable();
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("H2").formulas = [[formula]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  it("accepts an unknown defined name, which shows #NAME? (as Excel does)", async () => {
    const workbook = createWorkbook({ calculate: true });
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=NoSuchName*2"]];
    });
    expect(workbook.sheet("Sheet1").formulaAt("A1")).toBe("=NoSuchName*2");
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe("#NAME?");
  });

  it("accepts the display form inside the table ([@Likelihood]) and sheet-qualified references", async () => {
    const workbook = await riskTable();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Register").getRange("D2:D3").formulas = [["=[@Likelihood]*[@Impact]"], ["=[@Likelihood]*[@Impact]"]];
      context.workbook.worksheets.getItem("Risk Register").getRange("H2").formulas = [["=SUM('Risk Register'!B2:B3)+COUNTA(Risks[Risk ID])"]];
    });
    expect(workbook.sheet("Risk Register").formulaAt("H2")).toBe("=SUM('Risk Register'!B2:B3)+COUNTA(Risks[Risk ID])");
  });

  it("takes back every display form it returns ([@[Cost ($)]], [@[A]:[B]]) and calculates it", async () => {
    const workbook = await riskTable();
    workbook.calculationMode = "Automatic";
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Risk Register");
      sheet.getRange("D2:D3").formulas = [["=[@[Cost ($)]]*SUM([@[Likelihood]:[Impact]])"], ["=[@[Cost ($)]]*SUM([@[Likelihood]:[Impact]])"]];
      sheet.getRange("H3").formulas = [["=Risks[@[Cost ($)]]"]];
    });
    expect(workbook.sheet("Risk Register").valuesOf("D2:D3")).toEqual([[50], [180]]);
    expect(workbook.sheet("Risk Register").valueAt("H3")).toBe(20);
  });
});

export { failure };
