/** Chart parts in corner cases: every chart type, awkward names, sizes without cells, a sheet that already has a drawing. */
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { createWorkbook, readXlsx, run, writeXlsx, type HeadlessWorkbook } from "../../src/headless";
import { readChartParts, writeChartParts, type ChartWithAxisFormat } from "../../src/headless/xlsx/charts";
import { withDrawingReference } from "../../src/headless/xlsx/charts/worksheetDrawing";
import { parseXml } from "../../src/headless/xlsx/charts/xml";
import { openSaved } from "./xlsxChartsPackage";
import type { Worksheet } from "../../src/excel/officeApi";

const SHEET = "Risk's Data";

/** A sheet with categories in A2:A4 and two value columns, and one chart per call of `addCharts`. */
async function workbookWith(addCharts: (sheet: Worksheet) => void): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = SHEET;
    sheet.getRange("A1:C4").values = [["Rating", "Inherent", "Residual"], ["Low", 3, 11], ["High & <Critical>", 17, 3], ["Medium", 10, 18]];
    addCharts(sheet);
  });
  return workbook;
}

describe("chart types and settings survive a file", () => {
  const types = ["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "LineStacked", "Area", "AreaStacked", "Pie"];

  it.each(types)("%s", async (type) => {
    const workbook = await workbookWith((sheet) => {
      const chart = sheet.charts.add(type as Excel.ChartType, sheet.getRange("B1:C4"), "Columns");
      chart.name = `${type} chart`;
      chart.title.text = `"${type}" & <friends>`;
      chart.setPosition("E2", "J15");
    });
    const [chart] = (await readXlsx(await writeXlsx(workbook))).sheet(SHEET).charts;
    expect(chart).toMatchObject({ name: `${type} chart`, chartType: type, title: { text: `"${type}" & <friends>`, visible: true }, position: { startCell: "E2", endCell: "J15" } });
    expect(chart.series).toEqual(workbook.sheet(SHEET).charts[0].series);
  });

  it("writes sheet names that need quotes as quoted absolute references, and series names as literals", async () => {
    const workbook = await workbookWith((sheet) => {
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B2:B4"), "Columns");
      const series = chart.series.getItemAt(0);
      series.setValues(sheet.getRange("B2:B4"));
      series.name = "Inherent <before>";
      series.setXAxisValues(sheet.getRange("A2:A4"));
    });
    const [chart] = await (await openSaved(await writeXlsx(workbook))).chartsOn(SHEET);
    expect(chart.series).toEqual([{ name: "Inherent <before>", categories: "'Risk''s Data'!$A$2:$A$4", values: "'Risk''s Data'!$B$2:$B$4" }]);
  });

  it("keeps a hidden title and legend hidden, axis titles, and the value axis number format", async () => {
    const workbook = await workbookWith((sheet) => {
      const chart = sheet.charts.add("BarClustered", sheet.getRange("B1:B4"), "Columns");
      chart.legend.visible = false;
      chart.axes.valueAxis.title.text = "Risks";
      chart.axes.categoryAxis.title.text = "Rating";
    });
    (workbook.sheet(SHEET).charts[0] as ChartWithAxisFormat).valueAxisNumberFormat = "0%";
    const saved = (await openSaved(await writeXlsx(workbook)));
    expect((await saved.chartsOn(SHEET))[0].valueAxisFormat).toBe("0%");
    const [chart] = (await readXlsx(await writeXlsx(workbook))).sheet(SHEET).charts as ChartWithAxisFormat[];
    expect(chart).toMatchObject({ title: { visible: false }, legend: { visible: false }, axisTitles: { value: "Risks", category: "Rating" }, valueAxisNumberFormat: "0%" });
  });

  it("keeps the chart's text size and its title's size (ChartAreaFormat.font, ChartTitleFormat.font) through a file", async () => {
    const workbook = await workbookWith((sheet) => {
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B1:C4"), "Columns");
      chart.format.font.size = 10.5;
      chart.title.text = "Risks by rating";
      chart.title.format.font.size = 13;
      chart.axes.valueAxis.title.text = "Risks";
    });
    const [chart] = (await readXlsx(await writeXlsx(workbook))).sheet(SHEET).charts;
    expect(chart).toMatchObject({ textSize: 10.5, title: { text: "Risks by rating", size: 13, visible: true } });
  });

  it("reads Excel's default chart sizes where none was set, and refuses a size outside 1 to 4000 points", async () => {
    const workbook = await workbookWith((sheet) => {
      sheet.charts.add("Line", sheet.getRange("B1:B4"), "Columns").name = "plain";
    });
    const sizes = await run(workbook, async (context) => {
      const chart = context.workbook.worksheets.getItem(SHEET).charts.getItem("plain");
      const [text, title] = [chart.format.font, chart.title.format.font];
      text.load("size");
      title.load("size");
      await context.sync();
      return [text.size, title.size];
    });
    expect(sizes).toEqual([9, 14]);
    const error = await run(workbook, async (context) => {
      context.workbook.worksheets.getItem(SHEET).charts.getItem("plain").format.font.size = 0;
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
    expect(workbook.sheet(SHEET).charts[0].textSize).toBeUndefined();
  });

  it("keeps the size in points of a chart placed without cells, or with a start cell only", async () => {
    const workbook = await workbookWith((sheet) => {
      const free = sheet.charts.add("Line", sheet.getRange("B1:B4"), "Columns");
      Object.assign(free, { name: "free", top: 30, left: 45, width: 400, height: 250 });
      const started = sheet.charts.add("Line", sheet.getRange("C1:C4"), "Columns");
      started.name = "started";
      started.setPosition("F20");
    });
    const charts = (await readXlsx(await writeXlsx(workbook))).sheet(SHEET).charts;
    expect(charts.map(({ name, position, top, left, width, height }) => ({ name, position, top, left, width, height }))).toEqual([
      { name: "free", position: {}, top: 30, left: 45, width: 400, height: 250 },
      { name: "started", position: { startCell: "F20" }, top: 0, left: 0, width: 360, height: 216 },
    ]);
  });
});

describe("the worksheet's <drawing> element", () => {
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  it("goes before the first element the schema puts after it, never into a nested extLst", () => {
    const sheet = `<worksheet xmlns="main" xmlns:r="${R}"><sheetData/><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule><extLst><ext uri="x"/></extLst></conditionalFormatting><pageMargins/><legacyDrawing r:id="rId1"/><tableParts count="0"/><extLst/></worksheet>`;
    const result = withDrawingReference(sheet, parseXml(sheet), "rId9");
    expect(result).toContain(`<pageMargins/><drawing r:id="rId9"/><legacyDrawing r:id="rId1"/>`);
  });

  it("goes last when nothing follows it, with the root's prefix and a relationships namespace it can use", () => {
    const sheet = `<x:worksheet xmlns:x="main"><x:sheetData/><x:pageSetup/></x:worksheet>`;
    expect(withDrawingReference(sheet, parseXml(sheet), "rId2")).toBe(`<x:worksheet xmlns:x="main"><x:sheetData/><x:pageSetup/><x:drawing xmlns:r="${R}" r:id="rId2"/></x:worksheet>`);
  });
});

describe("a sheet that already has a drawing (a picture exceljs wrote)", () => {
  async function packageWithPicture(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(SHEET);
    sheet.getCell("A1").value = "Rating";
    const png = PNG.sync.write(new PNG({ width: 2, height: 2 }));
    sheet.addImage(book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), "E2:F4");
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("gets the charts added to that drawing, with shape ids of their own, and reads them back", async () => {
    const workbook = await workbookWith((sheet) => {
      sheet.charts.add("ColumnClustered", sheet.getRange("B1:B4"), "Columns").name = "first";
      sheet.charts.add("Pie", sheet.getRange("C1:C4"), "Columns").name = "second";
    });
    const bytes = await writeChartParts(await packageWithPicture(), workbook);
    const saved = await openSaved(bytes);
    const sheetXml = await saved.text(saved.sheetParts.get(SHEET) ?? "");
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
    const drawings = Object.keys(saved.zip.files).filter((part) => /^xl\/drawings\/drawing\d+\.xml$/.test(part));
    expect(drawings).toHaveLength(1);
    const drawingXml = await saved.text(drawings[0]);
    expect(drawingXml).toContain("<xdr:pic>");
    const ids = [...drawingXml.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
    expect((await saved.chartsOn(SHEET)).map((c) => [c.name, c.plot])).toEqual([["first", "barChart"], ["second", "pieChart"]]);

    const reread = createWorkbook();
    reread.sheet("Sheet1").name = SHEET;
    await readChartParts(bytes, reread);
    expect(reread.sheet(SHEET).charts.map((c) => c.chartType)).toEqual(["ColumnClustered", "Pie"]);
  });
});
