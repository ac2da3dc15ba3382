/**
 * Further Office.js behaviours: tables without headers, used ranges, selection, deleting sheets,
 * table autoFilter, page layout, and the Excel namespace stand-in.
 * Docs: https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.autofilter, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout.
 */
import JSZip from "jszip";
import { createExcelNamespace, readXlsx, writeXlsx } from "../../src/headless";

async function sheetXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
}
import { createWorkbook, run } from "./helpers";

describe("more worksheet and table behaviour", () => {
  it("a table without headers gets Column1.. headers and its data moves down a row", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [[1, 2], [3, 4]];
      sheet.tables.add("A1:B2", false);
    });
    expect(workbook.sheet("Sheet1").valuesOf("A1:B3")).toEqual([["Column1", "Column2"], [1, 2], [3, 4]]);
    expect(workbook.getTable("Table1")?.address()).toBe("A1:B3");
  });

  it("getUsedRangeOrNullObject is null on an empty sheet; getUsedRange falls back to A1", async () => {
    await run(createWorkbook(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const none = sheet.getUsedRangeOrNullObject();
      const fallback = sheet.getUsedRange().load("address");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(fallback.address).toBe("Sheet1!A1");
    });
  });

  it("select() moves the selection and the active sheet", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.add("Controls").getRange("B3:C4").select();
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.getActiveCell().load("address");
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(selected.address).toBe("Controls!B3:C4");
      expect(active.address).toBe("Controls!B3");
      expect(sheet.name).toBe("Controls");
    });
  });

  it("deleting a sheet removes its tables; the last visible sheet cannot be deleted", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.add("Temp");
      sheet.tables.add("Temp!A1:B1", true);
      await context.sync();
      sheet.delete();
      const count = context.workbook.tables.getCount();
      await context.sync();
      expect(count.value).toBe(0);
      context.workbook.worksheets.getItem("Sheet1").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  it("table.autoFilter applies and clears values filters", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["Rating", "ID"]];
      const table = sheet.tables.add("A1:B1", true);
      table.rows.add(undefined, [["High", 1], ["Low", 2], ["High", 3]]);
      table.autoFilter.apply(table.getRange(), 0, { filterOn: "Values", values: ["High"] });
      const filtered = table.autoFilter.load("isDataFiltered");
      await context.sync();
      expect(filtered.isDataFiltered).toBe(true);
    });
    expect(workbook.getTable("Table1")?.visibleBodyRows()).toEqual([0, 2]);
    await run(workbook, async (context) => context.workbook.tables.getItem("Table1").autoFilter.clearCriteria());
    expect(workbook.getTable("Table1")?.visibleBodyRows()).toEqual([0, 1, 2]);
  });

  it("page layout: orientation, fit to pages, print titles and print area", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const layout = context.workbook.worksheets.getItem("Sheet1").pageLayout;
      layout.orientation = "Landscape";
      // null: as many pages tall as needed (excel.pagelayoutzoomoptions documents null, not 0).
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
      layout.setPrintTitleRows("$1:$1");
      layout.setPrintArea("A1:F20");
    });
    expect(workbook.sheet("Sheet1").pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$1:$1",
      printArea: "$A$1:$F$20",
    });
  });

  it("getPrintAreaOrNullObject: a null object without a print area, the area's address with one (ExcelApi 1.9, excel.pagelayout)", async () => {
    const workbook = createWorkbook();
    const read = () =>
      run(workbook, async (context) => {
        const area = context.workbook.worksheets.getItem("Sheet1").pageLayout.getPrintAreaOrNullObject().load("address");
        await context.sync();
        return area.isNullObject ? null : area.address;
      });
    expect(await read()).toBeNull();
    await run(workbook, async (context) => context.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintArea("A1:F20"));
    expect(await read()).toBe("Sheet1!A1:F20");
  });

  it("a print area of several ranges: each kept, read back as RangeAreas, and saved in one _xlnm.Print_Area (excel.pagelayout setPrintArea: 'the range or ranges')", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => context.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintArea("A1:G60, J1:M50"));
    expect(workbook.sheet("Sheet1").pageLayout.printArea).toBe("$A$1:$G$60,$J$1:$M$50");
    const address = await run(workbook, async (context) => {
      const area = context.workbook.worksheets.getItem("Sheet1").pageLayout.getPrintAreaOrNullObject().load("address");
      await context.sync();
      return area.address;
    });
    expect(address).toBe("Sheet1!A1:G60,Sheet1!J1:M50");
    const bytes = await writeXlsx(workbook);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">&apos;Sheet1&apos;!$A$1:$G$60,&apos;Sheet1&apos;!$J$1:$M$50</definedName>");
    expect((await readXlsx(bytes)).sheet("Sheet1").pageLayout.printArea).toBe("$A$1:$G$60,$J$1:$M$50");
  });

  it("page layout: margins in points and manual page breaks, kept in the saved file", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A40").values = Array.from({ length: 40 }, (_, i) => [i]);
      sheet.pageLayout.leftMargin = 18;
      sheet.pageLayout.rightMargin = 18;
      sheet.horizontalPageBreaks.add("A21");
    });
    expect(workbook.sheet("Sheet1").pageLayout).toMatchObject({ margins: { left: 18, right: 18, top: 54, bottom: 54 }, rowBreaks: [20] });
    const xml = await sheetXml(await writeXlsx(workbook));
    // Margins are inches in the file (0.25" = 18 pt); a break after row 20 starts the page at row 21.
    expect(xml).toMatch(/<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75"/);
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"\/><\/rowBreaks>/);
    const reread = await readXlsx(await writeXlsx(workbook));
    expect(reread.sheet("Sheet1").pageLayout.margins).toMatchObject({ left: 18, right: 18 });
  });

  it("createExcelNamespace runs batches like Excel.run", async () => {
    const workbook = createWorkbook();
    const excel = createExcelNamespace(workbook);
    const name = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Sheet1");
    expect(workbook.stats.syncs).toBe(1);
  });
});
