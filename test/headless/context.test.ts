/**
 * Request context contract: queued commands, load paths, PropertyNotLoaded, ItemNotFound, null objects.
 * Docs: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts (load/sync),
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (error object).
 */
import { HeadlessOfficeError } from "../../src/headless";
import { createWorkbook, failure, run } from "./helpers";

describe("load and sync", () => {
  it("reading a property that was not loaded throws PropertyNotLoaded with the Office.js message", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["", ""], ["", ""]]);
      let error: unknown;
      try {
        void range.address;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HeadlessOfficeError);
      expect((error as HeadlessOfficeError).code).toBe("PropertyNotLoaded");
      expect((error as HeadlessOfficeError).message).toContain("The property 'address' is not available");
    });
  });

  it("writes are queued and applied only at sync", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[42]];
      expect(workbook.sheet("Sheet1").valueAt("A1")).toBe("");
      await context.sync();
      expect(workbook.sheet("Sheet1").valueAt("A1")).toBe(42);
    });
  });

  it("accepts strings, arrays, property paths and objects in load()", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const range = sheet.getRange("B2:C3");
      range.format.fill.color = "#FF0000";
      range.values = [[1, 2], [3, 4]];
      await context.sync();
      const a = sheet.getRange("B2:C3").load("values, address");
      const b = sheet.getRange("B2:C3").load(["rowCount", "format/fill/color"]);
      const c = sheet.getRange("B2:C3").load({ select: "columnCount" });
      const d = sheet.getRange("B2:C3").load({ format: { fill: { color: true } }, rowIndex: true });
      const sheets = context.workbook.worksheets.load("items/name");
      const everything = context.workbook.worksheets.load("items");
      const tables = context.workbook.worksheets.getItem("Sheet1").load("tables/items/name");
      await context.sync();
      expect(everything.items[0].visibility).toBe("Visible");
      expect(tables.tables.items).toEqual([]);
      expect(a.address).toBe("Sheet1!B2:C3");
      expect(a.values).toEqual([[1, 2], [3, 4]]);
      expect(b.rowCount).toBe(2);
      expect(b.format.fill.color).toBe("#FF0000");
      expect(c.columnCount).toBe(2);
      expect(d.format.fill.color).toBe("#FF0000");
      expect(d.rowIndex).toBe(1);
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
    });
  });

  it("getItem on a missing item fails at sync with ItemNotFound and debugInfo", async () => {
    const error = await failure(createWorkbook(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Nope");
      await context.sync();
      void sheet;
    });
    expect(error.code).toBe("ItemNotFound");
    expect(error.debugInfo.code).toBe("ItemNotFound");
    expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
  });

  it("getItemOrNullObject gives a null object after sync", async () => {
    await run(createWorkbook(), async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("a failing command rejects sync: earlier commands stay applied, later ones are not", async () => {
    const workbook = createWorkbook();
    const error = await failure(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["before"]];
      context.workbook.worksheets.add("Bad:Name");
      sheet.getRange("A2").values = [["after"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe("before");
    expect(workbook.sheet("Sheet1").valueAt("A2")).toBe("");
  });

  it("collections expose getCount, getItemAt and items", async () => {
    await run(createWorkbook(), async (context) => {
      context.workbook.worksheets.add("Two");
      context.workbook.worksheets.getItem("Two").getRange("A1:B2").values = [["a", "b"], [1, 2]];
      context.workbook.tables.add("Two!A1:B2", true);
      const count = context.workbook.worksheets.getCount();
      const sheets = context.workbook.worksheets.load("items/name");
      const table = context.workbook.tables.getItemAt(0).load("name");
      const missing = context.workbook.tables.getItemAt(1);
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(count.value).toBe(2);
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Two"]);
      expect(table.name).toBe("Table1");
      void missing;
    });
  });
});

describe("round trips and payloads", () => {
  it("counts each sync that sends something and measures its payload", async () => {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["a", "b"]];
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      sheet.getRange("A1:B100").values = Array.from({ length: 100 }, (_v, i) => [`row ${i}`, i]);
      await context.sync();
    });
    expect(workbook.stats.syncs).toBe(2);
    expect(workbook.stats.requestBytes[1]).toBeGreaterThan(workbook.stats.requestBytes[0] * 10);
    expect(workbook.stats.largestRequestBytes).toBe(workbook.stats.requestBytes[1]);
    workbook.stats.reset();
    expect(workbook.stats.syncs).toBe(0);
  });

  it("rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const workbook = createWorkbook();
    const bigText = "x".repeat(1000);
    const error = await failure(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("Z1").values = [["small write first"]];
      sheet.getRange("A1:A6000").values = Array.from({ length: 6000 }, () => [bigText]);
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(workbook.sheet("Sheet1").valueAt("Z1")).toBe("");
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe("");
  });

  it("applies a 10,000 x 35 table write in one batch (its cost is measured in npm run bench, not here)", async () => {
    const workbook = createWorkbook();
    const rows = Array.from({ length: 10000 }, (_v, r) => Array.from({ length: 35 }, (_w, c) => (c % 2 ? r * c : `R${r}C${c}`)));
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:AI1").values = [Array.from({ length: 35 }, (_v, c) => `Col${c}`)];
      const table = sheet.tables.add("A1:AI1", true);
      table.rows.add(undefined, rows);
      await context.sync();
    });
    expect(workbook.stats.syncs).toBe(1);
    expect(workbook.getTable("Table1")?.bodyRowCount).toBe(10000);
    expect(workbook.sheet("Sheet1").valueAt("AI10001")).toBe("R9999C34");
    expect(workbook.sheet("Sheet1").valueAt("AH10001")).toBe(9999 * 33);
  });
});

describe("read-only workbook", () => {
  it("fails every write at sync with AccessDenied, reads still work", async () => {
    const workbook = createWorkbook();
    workbook.readOnly = true;
    await run(workbook, async (context) => {
      const book = context.workbook.load("readOnly");
      await context.sync();
      expect(book.readOnly).toBe(true);
    });
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(error.code).toBe("AccessDenied");
    expect(workbook.sheet("Sheet1").valueAt("A1")).toBe("");
  });
});
