/**
 * Someone else's .xlsx read for import: the header row found under title rows, date cells as Excel
 * serials whatever way the sheet holds them (a date cell, a serial number, text in the European form),
 * formulas as their results and rich text as its text.
 */
import ExcelJS from "exceljs";
import { readSourceGrid } from "../../../src/headless/xlsx/sourceGrid";
import { prepareImport, WorkbookFacts } from "../../../src/core/import";
import { registerByTable } from "../../../src/core/registers";
import { defaultScales } from "../../../src/core/scales";

/** Excel serial of 2026-11-23. */
const NOV_23_2026 = 46349;

async function sourceWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Risks 2026");
  sheet.addRow(["Risk workshop, November 2026"]);
  sheet.addRow([]);
  sheet.addRow(["Risk Title", "Owner", "Date Identified", "Last Reviewed", "Description"]);
  sheet.addRow(["Supplier fraud", { richText: [{ text: "Dana " }, { text: "Smith", font: { bold: true } }] }, new Date(Date.UTC(2026, 10, 23)), NOV_23_2026, { formula: "\"From \"&\"the workshop\"", result: "From the workshop" }]);
  sheet.getCell("D4").numFmt = "dd/mm/yyyy";
  sheet.addRow(["Lost laptop", "Lee Park", "23.11.2026", "2026-11-23", "Left on a train"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("an .xlsx source for import", () => {
  it("reads date cells, serials, rich text and formula results, and the import finds the header row under the title", async () => {
    const { sheet, grid } = await readSourceGrid(await sourceWorkbook(), "workshop.xlsx");
    expect(sheet).toBe("Risks 2026");
    expect(grid[3]).toEqual(["Supplier fraud", "Dana Smith", NOV_23_2026, NOV_23_2026, "From the workshop"]);

    const risks = registerByTable("Risks")!;
    const facts: WorkbookFacts = { existingIds: [], knownIds: new Map(), lists: new Map(), labels: new Map() };
    const { source, preview } = prepareImport(risks, risks.fields({ scales: defaultScales(), frameworks: [] }), "workshop.xlsx", grid, { mode: "add", dateOrder: "dmy" }, facts);
    expect(source.headerRowNumber).toBe(3);
    expect(preview.problems).toEqual([]);
    expect(preview.adds.map((row) => [row.values.Title, row.values.Owner, row.values.Identified, row.values["Last Reviewed"], row.values.Description])).toEqual([
      ["Supplier fraud", "Dana Smith", NOV_23_2026, NOV_23_2026, "From the workshop"],
      ["Lost laptop", "Lee Park", NOV_23_2026, NOV_23_2026, "Left on a train"],
    ]);
  });
});
