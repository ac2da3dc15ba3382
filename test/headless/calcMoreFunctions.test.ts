/**
 * The functions the operations registers, risk in money and coverage formulas reach for, against the
 * examples in Excel's function reference (support.microsoft.com, "<NAME> function" pages): the
 * documented result, rounded as the page shows it, unless a comment gives another source.
 */
import { formulaValue } from "./helpers";
import { createWorkbook, run, type HeadlessWorkbook } from "../../src/headless";

async function fixture(): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook({ calculate: true });
  workbook.calculationClock = () => new Date(2026, 10, 23, 18, 0);
  await run(workbook, async (context) => {
    const data = context.workbook.worksheets.add("Data");
    data.getRange("A1:C6").values = [["Name", "Status", "Score"], ["Alpha", "Open", 12], ["beta", "Closed", 4], ["Gamma", "open", 20], ["Delta", "", 9], ["Eps", "Closed", ""]];
    data.tables.add("Data!A1:C6", true).name = "Items";
    data.getRange("H1:J3").values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    data.getRange("L1:M4").values = [[0, "Low"], [5, "Medium"], [10, "High"], [20, "Critical"]];
    data.getRange("O1:O3").formulas = [["=DATE(2012,11,22)"], ["=DATE(2012,12,4)"], ["=DATE(2013,1,21)"]];
    data.getRange("P1:P3").formulas = [["=DATE(2008,11,26)"], ["=DATE(2008,12,4)"], ["=DATE(2009,1,21)"]];
  });
  return workbook;
}

const value = formulaValue;

type Case = [string, number | string | boolean];

const exact: Case[] = [
  // math
  ["=SQRT(16)", 4], ["=SQRT(-16)", "#NUM!"], ["=POWER(5,2)", 25], ["=LN(0)", "#NUM!"], ["=LOG(10)", 1], ["=LOG(8,2)", 3], ["=LOG10(1E5)", 5],
  ["=ROUND(2.15,1)", 2.2], ["=ROUND(2.149,1)", 2.1], ["=ROUND(-1.475,2)", -1.48], ["=ROUND(21.5,-1)", 20], ["=ROUND(626.3,-3)", 1000], ["=ROUND(1.98,-1)", 0], ["=ROUND(-50.55,-2)", -100],
  ["=ROUNDUP(3.2,0)", 4], ["=ROUNDUP(76.9,0)", 77], ["=ROUNDUP(3.14159,3)", 3.142], ["=ROUNDUP(-3.14159,1)", -3.2], ["=ROUNDUP(31415.92654,-2)", 31500],
  ["=ROUNDDOWN(3.2,0)", 3], ["=ROUNDDOWN(76.9,0)", 76], ["=ROUNDDOWN(3.14159,3)", 3.141], ["=ROUNDDOWN(-3.14159,1)", -3.1], ["=ROUNDDOWN(31415.92654,-2)", 31400],
  ["=INT(8.9)", 8], ["=INT(-8.9)", -9], ["=TRUNC(8.9)", 8], ["=TRUNC(-8.9)", -8], ["=TRUNC(0.45)", 0],
  ["=MOD(3,2)", 1], ["=MOD(-3,2)", 1], ["=MOD(3,-2)", -1], ["=MOD(-3,-2)", -1], ["=MOD(3,0)", "#DIV/0!"],
  ["=CEILING(2.5,1)", 3], ["=CEILING(-2.5,-2)", -4], ["=CEILING(-2.5,2)", -2], ["=CEILING(1.5,0.1)", 1.5], ["=CEILING(0.234,0.01)", 0.24], ["=CEILING(2.5,-2)", "#NUM!"],
  ["=FLOOR(3.7,2)", 2], ["=FLOOR(-2.5,-2)", -2], ["=FLOOR(2.5,-2)", "#NUM!"], ["=FLOOR(1.58,0.1)", 1.5], ["=FLOOR(0.234,0.01)", 0.23],
  ["=CEILING.MATH(24.3,5)", 25], ["=CEILING.MATH(6.7)", 7], ["=CEILING.MATH(-8.1,2)", -8], ["=CEILING.MATH(-5.5,2,-1)", -6],
  ["=FLOOR.MATH(24.3,5)", 20], ["=FLOOR.MATH(6.7)", 6], ["=FLOOR.MATH(-8.1,2)", -10], ["=FLOOR.MATH(-5.5,2,-1)", -4],
  ["=MROUND(10,3)", 9], ["=MROUND(-10,-3)", -9], ["=MROUND(1.3,0.2)", 1.4], ["=MROUND(5,-2)", "#NUM!"],
  ["=ABS(-4)", 4], ["=SIGN(-0.00001)", -1], ["=NORM.S.INV(0)", "#NUM!"], ["=NORM.INV(0.5,40,0)", "#NUM!"], ["=LOGNORM.DIST(-1,3.5,1.2,TRUE)", "#NUM!"],
  // dates (serials: 1900 date system)
  ["=YEAR(DATE(2008,7,5))", 2008], ["=MONTH(DATE(2011,4,15))", 4], ["=DAY(DATE(2011,4,15))", 15],
  ["=EDATE(DATE(2011,1,15),1)", 40589], ["=EDATE(DATE(2011,1,15),-1)", 40527], ["=EDATE(DATE(2011,1,31),1)", 40602],
  ["=EOMONTH(DATE(2011,1,1),1)", 40602], ["=EOMONTH(DATE(2011,1,1),-3)", 40482],
  ["=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1))", 110], ["=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),Data!O1)", 109], ["=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),Data!O1:O3)", 107],
  ["=NETWORKDAYS(DATE(2013,3,1),DATE(2012,10,1))", -110],
  ["=WORKDAY(DATE(2008,10,1),151)", 39933], ["=WORKDAY(DATE(2008,10,1),151,Data!P1:P3)", 39938],
  ["=WEEKDAY(DATE(2008,2,14))", 5], ["=WEEKDAY(DATE(2008,2,14),2)", 4], ["=WEEKDAY(DATE(2008,2,14),3)", 3],
  ['=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),"Y")', 2], ['=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"D")', 440], ['=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"YD")', 75],
  ['=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"M")', 14], ['=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"YM")', 2], ['=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"MD")', 14],
  ['=DATEDIF(DATE(2003,1,1),DATE(2001,1,1),"Y")', "#NUM!"],
  ["=DAYS(DATE(2021,3,15),DATE(2021,2,1))", 42], ["=TODAY()", 46349], ["=NOW()", 46349.75], ["=HOUR(0.75)", 18], ["=MINUTE(TIME(12,45,0))", 45],
  // logical
  ['=IFNA(NA(),"x")', "x"], ['=IFNA(1/0,"x")', "#DIV/0!"], ['=IFS(1>2,"a",TRUE,"b")', "b"], ["=IFS(FALSE,1)", "#N/A"],
  ['=SWITCH(2,1,"a",2,"b","z")', "b"], ['=SWITCH(3,1,"a","z")', "z"], ['=SWITCH(3,1,"a")', "#N/A"],
  ["=XOR(TRUE,TRUE)", false], ["=XOR(1>0,2<1)", true], ["=TRUE()", true], ["=N(TRUE)", 1], ['=N("7")', 0],
  ["=ISEVEN(-1)", false], ["=ISEVEN(2.5)", true], ["=ISODD(5)", true], ["=ISERR(NA())", false], ["=ISERR(1/0)", true], ["=ISLOGICAL(TRUE)", true], ["=ISNONTEXT(1)", true],
  // lookup
  ['=VLOOKUP("gamma",Items,3,FALSE)', 20], ["=VLOOKUP(7,Data!L1:M4,2)", "Medium"], ["=VLOOKUP(7,Data!L1:M4,2,TRUE)", "Medium"], ["=VLOOKUP(-1,Data!L1:M4,2)", "#N/A"],
  ['=VLOOKUP("x",Items,9,FALSE)', "#REF!"], ['=VLOOKUP("x",Items,0,FALSE)', "#VALUE!"], ["=HLOOKUP(2,Data!H1:J3,3,FALSE)", 8], ["=LOOKUP(12,Data!L1:L4,Data!M1:M4)", "High"],
  ["=LOOKUP(12,Data!L1:M4)", "High"], ["=ROW()", 1], ["=ROW(C5)", 5], ["=COLUMN(C5)", 3],
  // aggregates
  ["=COUNTBLANK(Items[Status])", 1], ['=AVERAGEIF(Items[Status],"open",Items[Score])', 16], ['=AVERAGEIFS(Items[Score],Items[Status],"open")', 16],
  ['=AVERAGEIFS(Items[Score],Items[Status],"none")', "#DIV/0!"], ['=SUMIFS(Items[Score],Items[Status],"<>Closed")', 41], ['=MAXIFS(Items[Score],Items[Status],"closed")', 4],
  ["=MEDIAN(1,2,3,4,5)", 3], ["=MEDIAN(1,2,3,4,5,6)", 3.5], ["=LARGE(Data!H1:J3,2)", 8], ["=SMALL(Data!H1:J3,4)", 4], ["=SMALL(Data!H1:J3,10)", "#NUM!"],
  ["=PRODUCT(Data!H1:J1)", 6], ["=PERCENTILE.INC(Data!H1:J3,0.3)", 3.4], ["=MAX(Items[Score])", 20], ["=MIN(Items[Score])", 4],
  ["=SUMPRODUCT((Items[Status]=\"Closed\")*1,Items[Score])", 4], ["=SUMPRODUCT(--(Items[Score]>5))", 3],
  // text
  ['=PROPER("this is a TITLE")', "This Is A Title"], ['=PROPER("2-way street")', "2-Way Street"], ['=PROPER("76BudGet")', "76Budget"],
  ['=REPT("*-",3)', "*-*-*-"], ['=EXACT("word","Word")', false], ["=CONCAT(Data!H1:J1)", "123"], ['=TEXTJOIN(", ",TRUE,"a","","b")', "a, b"],
  ['=TEXTJOIN("-",FALSE,"a","","b")', "a--b"], ["=CHAR(65)", "A"], ['=CODE("A")', 65], ["=T(1)", ""], ['=T("x")', "x"],
];

const approximate: Array<[string, number, number]> = [
  ["=LN(86)", 4.4543473, 7], ["=EXP(1)", 2.71828183, 8], ["=EXP(2)", 7.3890561, 7], ["=POWER(98.6,3.2)", 2401077.222, 3], ["=POWER(4,5/4)", 5.656854249, 9],
  ["=LOG(86,2.7182818)", 4.4543473, 7], ["=LOG10(86)", 1.9344985, 7],
  ["=NORM.S.INV(0.908789)", 1.3333347, 7], ["=NORM.S.DIST(1.333333,TRUE)", 0.908788726, 9], ["=NORM.S.DIST(1.333333,FALSE)", 0.164010148, 9],
  ["=NORM.DIST(42,40,1.5,TRUE)", 0.9087888, 7], ["=NORM.DIST(42,40,1.5,FALSE)", 0.10934, 5], ["=NORM.INV(0.908789,40,1.5)", 42.000002, 6],
  ["=LOGNORM.DIST(4,3.5,1.2,TRUE)", 0.0390836, 7], ["=LOGNORM.DIST(4,3.5,1.2,FALSE)", 0.0176176, 7], ["=LOGNORM.INV(0.039084,3.5,1.2)", 4.0000252, 7],
  // Quantiles to full precision (R qnorm / pnorm): the risk-in-money sheets' percentiles rest on them.
  ["=NORM.S.INV(0.975)", 1.959963984540054, 13], ["=NORM.S.INV(0.5)", 0, 14], ["=NORM.S.INV(0.001)", -3.090232306167813, 12],
  ["=NORM.S.INV(1E-10)", -6.361340902404056, 11], ["=NORMSDIST(-5)", 2.866515718791939e-7, 18], ["=NORM.S.DIST(3,TRUE)", 0.9986501019683699, 14],
  ["=STDEV.S(Data!H1:J3)", 2.7386127875258306, 12], ["=STDEV.P(Data!H1:J3)", 2.581988897471611, 12], ["=VAR.S(Data!H1:J3)", 7.5, 12],
];

describe("more worksheet functions, as Excel documents them", () => {
  let workbook: HeadlessWorkbook;
  beforeAll(async () => {
    workbook = await fixture();
  });

  it.each(exact)("%s is %p", async (formula, expected) => {
    expect(await value(workbook, formula)).toBe(expected);
  });

  it.each(approximate)("%s is %p", async (formula, expected, digits) => {
    const result = await value(workbook, formula);
    expect(typeof result).toBe("number");
    expect(result as number).toBeCloseTo(expected, digits);
  });
});
