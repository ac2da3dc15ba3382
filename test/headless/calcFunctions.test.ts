/**
 * Formula results as Office.js `values` returns them when the workbook calculates: each function the
 * blueprint uses, criteria semantics, structured references, names and error values.
 */
import { formulaValue } from "./helpers";
import { createWorkbook, run } from "../../src/headless";
import type { HeadlessWorkbook } from "../../src/headless";

const ITEMS = [
  ["Name", "Status", "Score", "Owner", "Tags", "Check"],
  ["Alpha", "Open", 12, "ann", "A1, B2", ""],
  ["beta", "Closed", 4, "", "B2", ""],
  ["Gamma", "open", 20, "Bob", "", ""],
  ["Delta", "In treatment", "'7", "cy", "C3;A1", ""],
  ["Epsilon*", "", 9, "Dee", "A1", ""],
];

async function fixture(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook({ calculate: true });
  workbook.calculationClock = () => new Date(2026, 10, 23, 23, 30);
  await run(workbook, async (context) => {
    const data = context.workbook.worksheets.add("Risk Data");
    data.getRange("A1:F6").values = ITEMS;
    data.tables.add("'Risk Data'!A1:F6", true).name = "Items";
    data.getRange("H1:J3").values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    data.getRange("L1:L4").values = [[0], [5], [10], [20]];
    data.getRange("M1:M4").values = [["Low"], ["Medium"], ["High"], ["Critical"]];
    data.getRange("N1").values = [[15]];
    context.workbook.names.add("Limit", data.getRange("N1"));
    context.workbook.names.add("Grid", data.getRange("H1:J3"));
  });
  return workbook;
}

const value = formulaValue;

describe("formula calculation", () => {
  let workbook: HeadlessWorkbook;
  beforeAll(async () => {
    workbook = await fixture();
  });

  const cases: Array<[string, unknown]> = [
    // operators and coercion
    ["=1+2*3-4/2", 5],
    ["=2^3^2", 64],
    ["=-2^2", 4],
    ["=50%", 0.5],
    ['="3"+1', 4],
    ['="a"&1.5&TRUE', "a1.5TRUE"],
    ['="abc"="ABC"', true],
    ['=1<"a"', true],
    ["=1/0", "#DIV/0!"],
    ['="x"*2', "#VALUE!"],
    ["='Risk Data'!Z99", 0],
    ['=\'Risk Data\'!Z99=""', true],
    ["=NoSuchName", "#NAME?"],
    ["=ISMP.COVERAGE(1)", "#NAME?"],
    ["=Limit*2", 30],
    // logical
    ["=IF(1>2,\"yes\",\"no\")", "no"],
    ["=IF(FALSE,1)", false],
    ['=IF(TRUE,"")', ""],
    ["=IFERROR(1/0,\"none\")", "none"],
    ["=IFERROR(7,\"none\")", 7],
    ["=AND(TRUE,1,'Risk Data'!H1:J1)", true],
    ["=AND(TRUE,0)", false],
    ["=OR(FALSE,0,'Risk Data'!H1)", true],
    ["=NOT(0)", true],
    ["=ISNUMBER('Risk Data'!C5)", false],
    ["=ISNUMBER(FIND(\"b\",\"abc\"))", true],
    ["=ISBLANK('Risk Data'!Z1)", true],
    ["=ISBLANK(\"\")", false],
    ["=CHOOSE(2,\"a\",\"b\",\"c\")", "b"],
    // lookup
    ["=INDEX(Grid,2,3)", 6],
    ["=INDEX('Risk Data'!H1:J1,2)", 2],
    ["=SUM(INDEX(Grid,0,2))", 15],
    ["=SUM(INDEX(Grid,3,0))", 24],
    ["=INDEX(Grid,4,1)", "#REF!"],
    ["=ROWS(INDEX(Grid,0,1))", 3],
    ["=INDEX(Items[[Name]],ROWS(Items[[Name]]))", "Epsilon*"],
    ["=MATCH(\"GAMMA\",Items[[Name]],0)", 3],
    ["=MATCH(\"Epsilon~*\",Items[[Name]],0)", 5],
    ["=MATCH(\"g*\",Items[[Name]],0)", 3],
    ["=MATCH(\"zeta\",Items[[Name]],0)", "#N/A"],
    ["=INDEX('Risk Data'!M1:M4,MATCH(12,'Risk Data'!L1:L4,1))", "High"],
    ["=INDEX('Risk Data'!M1:M4,MATCH(99,'Risk Data'!L1:L4,1))", "Critical"],
    ["=MATCH(-1,'Risk Data'!L1:L4,1)", "#N/A"],
    ["=MATCH(\"Score\",Items[[#Headers]],0)", 3],
    ["=COLUMNS(Items[#Headers])", 6],
    // aggregates
    ["=SUM(Items[Score],1,TRUE)", 47],
    ["=SUM(1,\"x\")", "#VALUE!"],
    ["=MAX(Items[Score])", 20],
    ["=MIN(Items[Score])", 4],
    ["=MAX('Risk Data'!Z1:Z9)", 0],
    ["=COUNT(Items[Score])", 4],
    ["=COUNTA(Items[Owner])", 4],
    ["=SUM('Risk Data'!H:H)", 12],
    ["=ROUND(2.345,2)", 2.35],
    ["=ROUND(-2.5,0)", -3],
    ["=ABS(-3)", 3],
    // SUMPRODUCT and arrays
    ["=SUMPRODUCT(Items[Score],(Items[Status]<>\"Closed\")*1)", 41],
    ["=SUMPRODUCT((Items[Status]=\"open\")*(Items[Score]>10))", 2],
    ["=SUMPRODUCT('Risk Data'!H1:J1*'Risk Data'!H1:H3)", 72],
    ["=SUMPRODUCT('Risk Data'!H1:J1,'Risk Data'!H1:H3)", "#VALUE!"],
    ["=SUMPRODUCT(ISNUMBER(FIND(\";A1;\",\";\"&SUBSTITUTE(SUBSTITUTE(Items[Tags],\" \",\"\"),\",\",\";\")&\";\"))*1)", 3],
    // conditional aggregates and criteria
    ["=COUNTIFS(Items[Status],\"<>Closed\")", 4],
    ["=COUNTIFS(Items[Status],\"open\")", 2],
    ["=COUNTIFS(Items[Status],\"\")", 1],
    ["=COUNTIFS('Risk Data'!L1:L4,'Risk Data'!Z1)", 1],
    ["=COUNTIFS(Items[Owner],\"<>\")", 4],
    ["=COUNTIFS(Items[Score],\">\"&Limit)", 1],
    ["=COUNTIFS(Items[Score],\">=9\",Items[Status],\"<>closed\")", 3],
    ["=COUNTIFS(Items[Score],7)", 1],
    ["=COUNTIFS(Items[Name],\"?amma\")", 1],
    ["=COUNTIFS(Items[Name],\"*~*\")", 1],
    ["=COUNTIF(Items[Status],\"In*\")", 1],
    ["=COUNTIFS(Items[Status],\"open\",Items[Score])", "#VALUE!"],
    ["=COUNTIFS(Items[Status],\"open\",'Risk Data'!H1:H2,\">0\")", "#VALUE!"],
    ["=SUMIFS(Items[Score],Items[Status],\"open\")", 32],
    ["=MAXIFS(Items[Score],Items[Status],\"<>Closed\")", 20],
    ["=MINIFS(Items[Score],Items[Status],\"open\")", 12],
    ["=MAXIFS(Items[Score],Items[Status],\"none\")", 0],
    // text
    ["=FIND(\"b\",\"ABCb\")", 4],
    ["=FIND(\"z\",\"abc\")", "#VALUE!"],
    ["=SEARCH(\"b\",\"ABCb\")", 2],
    ["=SEARCH(\"c?b\",\"abcxb\")", 3],
    ["=UPPER(\"aB\")&LOWER(\"Cd\")", "ABcd"],
    ["=SUBSTITUTE(\"a-b-c\",\"-\",\"+\")", "a+b+c"],
    ["=SUBSTITUTE(\"a-b-c\",\"-\",\"+\",2)", "a-b+c"],
    ["=TRIM(\"  a   b \")", "a b"],
    ["=LEN(\"héllo\")", 5],
    ["=LEFT(\"abcdef\",2)&RIGHT(\"abcdef\",2)&MID(\"abcdef\",3,2)&LEFT(\"xyz\")", "abefcdx"],
    ["=TEXT(46349,\"yyyy-mm-dd\")", "2026-11-23"],
    ["=TEXT(0.256,\"0%\")", "26%"],
    ["=TEXT(0.256,\"0.0%\")", "25.6%"],
    ["=VALUE(\"12.5\")", 12.5],
    ["=VALUE(\"x\")", "#VALUE!"],
    ["=TODAY()", 46349],
  ];

  it.each(cases)("%s is %p", async (formula, expected) => {
    const result = await value(workbook, formula);
    if (typeof expected === "number") expect(result).toBeCloseTo(expected, 10);
    else expect(result).toBe(expected);
  });

  it("evaluates [#This Row] in each body row and dependencies before dependants", async () => {
    await run(workbook, async (context) => {
      const check = context.workbook.tables.getItem("Items").columns.getItem("Check").getDataBodyRange();
      check.formulas = "=IF(Items[[#This Row],[Score]]>Limit,\"over\",Items[[#This Row],[Owner]]&\"\")";
    });
    // Delta's score is the text "7": text sorts after every number, so "7">15 is TRUE as in Excel.
    expect(workbook.getTable("Items")?.bodyValues().map((row) => row[5])).toEqual(["ann", "", "over", "over", "Dee"]);
    expect(await value(workbook, "=COUNTIFS(Items[Check],\"over\")")).toBe(2);
    // The criterion "" matches an empty-text formula result (beta has no owner) as it matches a blank cell.
    expect(await value(workbook, "=COUNTIFS(Items[Check],\"\")")).toBe(1);
    expect(await value(workbook, "=Items[[#This Row],[Score]]")).toBe("#VALUE!");
  });

  it("recalculates dependants when an input changes", async () => {
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Risk Data").getRange("N1").values = [[25]];
    });
    expect(workbook.getTable("Items")?.bodyValues().map((row) => row[5])).toEqual(["ann", "", "Bob", "over", "Dee"]);
  });
});

describe("calculation mode", () => {
  it("is Manual by default: formula values stay as they were (\"\" when never calculated)", async () => {
    const workbook = createWorkbook();
    expect(workbook.calculationMode).toBe("Manual");
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[2, "=A1*3"]];
    });
    expect(workbook.sheet("Sheet1").valueAt("B1")).toBe("");
    workbook.calculate();
    expect(workbook.sheet("Sheet1").valueAt("B1")).toBe(6);
  });

  it("turning Automatic on calculates at the next request", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[2, "=A1*3"]];
    });
    workbook.calculationMode = "Automatic";
    const values = await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values,text,valueTypes");
      await context.sync();
      return [range.values, range.valueTypes];
    });
    expect(values).toEqual([[[2, 6]], [["Double", "Double"]]]);
  });

  it("reports error results as Office.js does", async () => {
    const workbook = createWorkbook({ calculate: true });
    const types = await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.formulas = [["=1/0", "=NA()", '=""']];
      range.load("values,valueTypes");
      await context.sync();
      return [range.values, range.valueTypes];
    });
    expect(types).toEqual([[["#DIV/0!", "#N/A", ""]], [["Error", "Error", "Empty"]]]);
  });
});

describe("recalculation order", () => {
  it("computes a 5,000-cell chain whose every cell needs the one below it", async () => {
    const workbook = createWorkbook({ calculate: true });
    const rows = 5000;
    await run(workbook, async (context) => {
      const chain = Array.from({ length: rows }, (_, i) => [i === rows - 1 ? 1 : `=A${i + 2}+1`]);
      context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`).values = chain;
    });
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe(rows);
  });

  it("reads a circular reference as 0 instead of failing", async () => {
    const workbook = createWorkbook({ calculate: true });
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["=B1+1", "=A1+1"]];
    });
    expect(workbook.sheet("Sheet1").valuesOf("A1:B1")).toEqual([[2, 1]]);
  });
});
