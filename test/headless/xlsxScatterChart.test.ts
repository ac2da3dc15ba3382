/**
 * XY scatter charts with a logarithmic axis (the loss exceedance curve): Office.js ChartAxis
 * scaleType/logBase (ExcelApi 1.7) on the headless host, written as DrawingML c:scatterChart with
 * c:xVal/c:yVal and c:logBase, and read back so a re-saved workbook keeps them.
 */
import { createWorkbook, readXlsx, run, writeXlsx } from "../../src/headless";
import { openSaved } from "./xlsxChartsPackage";

async function scatterWorkbook() {
  const model = createWorkbook();
  await run(model, async (context) => {
    const sheet = context.workbook.worksheets.add("Curve");
    sheet.getRange("A1:C4").values = [
      ["Loss", "Inherent", "Residual"],
      [1000, 0.9, 0.5],
      [10000, 0.4, 0.1],
      [100000, 0.05, 0.01],
    ];
    const chart = sheet.charts.add("XYScatterLinesNoMarkers", sheet.getRange("B2:B4"), "Columns");
    chart.name = "Curve";
    const inherent = chart.series.getItemAt(0);
    inherent.setValues(sheet.getRange("B2:B4"));
    inherent.name = "Inherent";
    inherent.setXAxisValues(sheet.getRange("A2:A4"));
    const residual = chart.series.add("Residual");
    residual.setValues(sheet.getRange("C2:C4"));
    residual.setXAxisValues(sheet.getRange("A2:A4"));
    chart.axes.categoryAxis.scaleType = "Logarithmic";
    chart.axes.categoryAxis.logBase = 10;
    await context.sync();
  });
  return model;
}

describe("a scatter chart with a logarithmic loss axis", () => {
  it("reads back its scale type and base through Office.js", async () => {
    const model = await scatterWorkbook();
    const read = await run(model, async (context) => {
      const axis = context.workbook.worksheets.getItem("Curve").charts.getItem("Curve").axes.categoryAxis.load("scaleType,logBase");
      const value = context.workbook.worksheets.getItem("Curve").charts.getItem("Curve").axes.valueAxis.load("scaleType");
      await context.sync();
      return { category: [axis.scaleType, axis.logBase], value: value.scaleType };
    });
    expect(read).toEqual({ category: ["Logarithmic", 10], value: "Linear" });
  });

  it("refuses a base of 0 or less, as Excel does (Axis.LogBase, Excel VBA reference)", async () => {
    const model = await scatterWorkbook();
    await expect(
      run(model, async (context) => {
        context.workbook.worksheets.getItem("Curve").charts.getItem("Curve").axes.categoryAxis.logBase = 0;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("is written as c:scatterChart with xVal/yVal series, two value axes and c:logBase first in c:scaling", async () => {
    const saved = await openSaved(await writeXlsx(await scatterWorkbook()));
    const [chart] = await saved.chartsOn("Curve");
    const xml = await saved.text(chart.part);
    expect(xml).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>');
    expect(xml).toMatch(/<c:xVal><c:numRef><c:f>Curve!\$A\$2:\$A\$4<\/c:f>/);
    expect(xml).toMatch(/<c:yVal><c:numRef><c:f>Curve!\$C\$2:\$C\$4<\/c:f>/);
    expect(xml).not.toContain("<c:catAx>");
    expect(xml.match(/<c:valAx>/g)).toHaveLength(2);
    expect(xml).toContain('<c:scaling><c:logBase val="10"/><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>');
  });

  it("survives a read and a re-save", async () => {
    const again = await readXlsx(await writeXlsx(await scatterWorkbook()));
    const [chart] = again.sheet("Curve").charts;
    expect(chart).toMatchObject({ chartType: "XYScatterLinesNoMarkers", categoryAxisLogBase: 10 });
    expect(chart.valueAxisLogBase).toBeUndefined();
    expect(chart.series.map((s) => [s.name, s.xValuesAddress, s.valuesAddress])).toEqual([
      ["Inherent", "Curve!A2:A4", "Curve!B2:B4"],
      ["Residual", "Curve!A2:A4", "Curve!C2:C4"],
    ]);
  });
});
