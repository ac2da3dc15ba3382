/**
 * Reads stay under Excel on the web's 5 MB response limit (learn.microsoft.com
 * resource-limits-and-performance-optimization#excel-add-ins): readTables slices by cells and halves
 * a slice Excel refuses with ResponsePayloadSizeLimitExceeded.
 */
import { createWorkbook, run, HeadlessWorkbook } from "../../src/headless";
import { readTables } from "../../src/excel/readTables";
import { createSyncCounter } from "../../src/excel/syncCounter";
import { TableSnapshot } from "../../src/core/plan/snapshot";

const LIMIT = 5 * 1024 * 1024;

/** A table "Notes" of `rows` rows whose Text column holds `length` characters per row. */
async function notesTable(rows: number, length: number): Promise<{ workbook: HeadlessWorkbook; layout: TableSnapshot }> {
  const workbook = createWorkbook();
  const text = "n".repeat(length);
  await run(workbook, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["ID", "Text", "Size"]];
  });
  for (let start = 0; start < rows; start += 500) {
    const count = Math.min(500, rows - start);
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange(`A${start + 2}:C${start + 1 + count}`).values = Array.from({ length: count }, (_, i) => [`N${start + i + 1}`, text, length]);
    });
  }
  await run(workbook, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").tables.add(`A1:C${rows + 1}`, true).name = "Notes";
  });
  workbook.stats.reset();
  return { workbook, layout: { name: "Notes", sheet: "Sheet1", headerRow: 0, firstColumn: 0, headers: ["ID", "Text", "Size"], bodyRows: rows, firstRowFormulas: [] } };
}

describe("readTables", () => {
  it("reads a 9 MB table in several syncs, each response under 5 MB, every row in order", async () => {
    const { workbook, layout } = await notesTable(3000, 3000);
    const tables = await run(workbook, (context) => readTables(context, [layout], createSyncCounter()));
    const rows = tables.get("notes")!.rows;
    expect(rows).toHaveLength(3000);
    expect(rows[2999][0]).toBe("N3000");
    expect(rows.every((row, i) => row[0] === `N${i + 1}`)).toBe(true);
    // The first guess (3000 rows at once) was refused; the halves were delivered.
    const refused = workbook.stats.responseBytes.filter((bytes) => bytes > LIMIT);
    const delivered = workbook.stats.responseBytes.filter((bytes) => bytes <= LIMIT);
    expect(refused).toHaveLength(1);
    expect(delivered.length).toBeGreaterThan(1);
  });

  it("reads small tables in one sync", async () => {
    const { workbook, layout } = await notesTable(200, 20);
    const sync = createSyncCounter();
    await run(workbook, (context) => readTables(context, [layout], sync));
    expect(sync.count).toBe(1);
  });
});
