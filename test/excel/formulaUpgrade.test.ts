/**
 * A workbook built before a calculated column's formula was redesigned for speed (#16) gets the new
 * formula on the next Build, row by row, while values the analyst typed over the old formula and
 * every input cell stay as they were.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISKS_TABLE, riskColumns } from "../../src/core/blueprint/riskRegister";
import { defaultScales } from "../../src/core/scales";

const TODAY = new Date(2026, 10, 23);
const OPTIONS = { ...defaultOptions("saas"), sample: true };

/** The formulas the previous release wrote (Next Review recomputed the current rating; High Asset 2 used one OR). */
const OLD_FORMULAS: Record<string, string> = {
  [RISK.nextReview]:
    '=IF(OR(IF(Risks[[#This Row],[Last Reviewed]]<>"",Risks[[#This Row],[Last Reviewed]],Risks[[#This Row],[Identified]])="",IF(Risks[[#This Row],[Residual Rating]]<>"",Risks[[#This Row],[Residual Rating]],Risks[[#This Row],[Inherent Rating]])=""),"",IFERROR(IF(Risks[[#This Row],[Last Reviewed]]<>"",Risks[[#This Row],[Last Reviewed]],Risks[[#This Row],[Identified]])+INDEX(RatingBands[[Review Every (days)]],MATCH(IF(Risks[[#This Row],[Residual Rating]]<>"",Risks[[#This Row],[Residual Rating]],Risks[[#This Row],[Inherent Rating]]),RatingBands[[Rating]],0)),""))',
  "High Asset 2":
    '=IF(OR(Risks[[#This Row],[Status]]="Closed",AND(Risks[[#This Row],[Current Rating]]<>INDEX(RatingBands[[Rating]],ROWS(RatingBands[[Rating]])),Risks[[#This Row],[Current Rating]]<>INDEX(RatingBands[[Rating]],ROWS(RatingBands[[Rating]])-1)),TRIM(MID(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(Risks[[#This Row],[Asset IDs]]," ",""),",",";"),CHAR(10),";"),";",REPT(" ",99)),100,99))=Risks[[#This Row],[High Asset 1]]),"",TRIM(MID(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(Risks[[#This Row],[Asset IDs]]," ",""),",",";"),CHAR(10),";"),";",REPT(" ",99)),100,99)))',
};

async function build(workbook: HeadlessWorkbook) {
  workbook.stats.reset();
  return run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
}

const cells = (workbook: HeadlessWorkbook, header: string) => {
  const table = workbook.getTable(RISKS_TABLE)!;
  const index = table.columnIndexOf(header);
  const body = table.bodyRect;
  return Array.from({ length: table.bodyRowCount }, (_, i) => table.sheet.cell(body.r0 + i, table.rect.c0 + index));
};

const newFormula = (header: string) => riskColumns(defaultScales()).find((c) => c.header === header)!.formula!;

describe("an upgrade repairs redesigned formulas without touching what the analyst typed", () => {
  it("writes the new Next Review and High Asset formulas, keeps a typed override and the inputs", async () => {
    const workbook = createWorkbook();
    await build(workbook);
    await run(workbook, async (context) => {
      const table = context.workbook.tables.getItem(RISKS_TABLE);
      for (const [header, formula] of Object.entries(OLD_FORMULAS)) {
        const body = table.columns.getItem(header).getDataBodyRange();
        body.load("rowCount");
        await context.sync();
        body.formulas = Array.from({ length: body.rowCount }, () => [formula]);
      }
      table.columns.getItem(RISK.nextReview).getDataBodyRange().getCell(2, 0).values = [[46100]];
      table.columns.getItem(RISK.title).getDataBodyRange().getCell(0, 0).values = [["Analyst's own title"]];
    });
    const titles = cells(workbook, RISK.title).map((cell) => cell?.value);
    expect(cells(workbook, RISK.nextReview)[0]?.formula).toBe(OLD_FORMULAS[RISK.nextReview]);

    const report = await build(workbook);
    expect(report.repaired).toEqual(expect.arrayContaining([`Restored the formula of ${RISKS_TABLE}[${RISK.nextReview}]`, `Restored the formula of ${RISKS_TABLE}[High Asset 2]`]));
    expect(report.notes).toContain(`Kept the value typed over the formula of ${RISKS_TABLE}[${RISK.nextReview}]; Check lists it.`);
    for (const header of Object.keys(OLD_FORMULAS)) {
      const column = cells(workbook, header);
      const formulas = column.map((cell, i) => (header === RISK.nextReview && i === 2 ? "typed" : cell?.formula));
      expect(formulas.filter((f) => f !== "typed").every((f) => f === newFormula(header))).toBe(true);
    }
    expect(cells(workbook, RISK.nextReview)[2]).toMatchObject({ value: 46100 });
    expect(cells(workbook, RISK.nextReview)[2]?.formula).toBeUndefined();
    expect(cells(workbook, RISK.title).map((cell) => cell?.value)).toEqual(titles);
    expect(titles[0]).toBe("Analyst's own title");

    // The repaired workbook is current: the next run restores nothing.
    expect((await build(workbook)).repaired).toEqual([]);
  });
});
