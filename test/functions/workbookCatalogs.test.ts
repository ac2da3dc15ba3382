/** ISMP.COVERAGE with the key of a framework added from a file: the catalog is read from the workbook on first use. */
import { useCustomFrameworks } from "../../src/core/catalogs";
import { catalogTable, readCustomCatalog } from "../../src/core/catalogs/customFramework";
import { parseCsvGrid } from "../../src/core/import";
import { MEMORY_SHEET, memoryRows, SCHEMA_VERSION } from "../../src/core/plan/workbookMemory";
import { coverage, requirements } from "../../src/functions/functions";
import { resetWorkbookCatalogs } from "../../src/functions/workbookCatalogs";
import { createExcelNamespace, createWorkbook, run } from "../../src/headless";

const CSV = "ID,Label,Parent\nAS-1,Area,\nAS-1.1,Named owner,AS-1\nAS-1.2,Yearly review,AS-1\n";

async function workbookWithCatalog() {
  const read = readCustomCatalog(catalogTable("acme.csv", parseCsvGrid(CSV)), { key: "ACME-SEC", name: "ACME SEC", source: "acme.csv" }, { existing: [], reservedHeaders: [] });
  if (!read.ok) throw new Error("fixture");
  const rows = memoryRows({
    schemaVersion: SCHEMA_VERSION, profile: "general", frameworks: [read.framework.key], matrixSize: 5, method: "multiply",
    organisation: "", client: "", tables: {}, customFrameworks: [read.framework],
  });
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.add(MEMORY_SHEET);
    sheet.getRange(`A1:B${rows.length}`).values = rows as string[][];
    await context.sync();
  });
  return workbook;
}

describe("custom functions and the workbook's own frameworks", () => {
  const global = globalThis as { Excel?: unknown };
  afterEach(() => {
    delete global.Excel;
    useCustomFrameworks([]);
    resetWorkbookCatalogs();
  });

  it("reads the stored catalog through Excel.run once, then computes ISMP.COVERAGE and ISMP.REQUIREMENTS", async () => {
    const workbook = await workbookWithCatalog();
    const namespace = createExcelNamespace(workbook);
    const runs = jest.fn(namespace.run);
    global.Excel = { run: runs };
    const mappings = [["C-1", "ACME SEC", "AS-1.1", "Equal", "No"]];
    const first = coverage("ACME-SEC", mappings, [["C-1"]], [["Implemented"]]);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe(0.5);
    expect(coverage("acme-sec", mappings, [["C-1"]], [["Implemented"]])).toBe(0.5);
    expect(await requirements("ACME-SEC")).toEqual([["AS-1", "Area", ""], ["AS-1.1", "Named owner", "AS-1"], ["AS-1.2", "Yearly review", "AS-1"]]);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  it("still says which keys it knows when the workbook stores no such framework", async () => {
    global.Excel = createExcelNamespace(createWorkbook());
    expect(await coverage("PCI", [["C1", "PCI", "1.1", "Equal"]], [["C1"]], [["Implemented"]])).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('Framework "PCI" is not supported') });
  });
});
