import type { ExcelOperations } from "../../src/excel/operations";
import { createWorkbookHost, isExcelApiSupported, UnsupportedHostError, type ExcelRunner } from "../../src/taskpane/excelHost";
import { defaultOptions } from "../../src/core/blueprint/options";

const fakeContext = { marker: "context" } as unknown as Excel.RequestContext;

function fakeOperations(): ExcelOperations & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record = (name: string, result: unknown) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    return result;
  };
  return {
    calls,
    buildWorkbook: record("buildWorkbook", { created: ["Sheet Scales"], repaired: [], renamed: [], warnings: [], syncs: 2 }),
    checkWorkbook: record("checkWorkbook", []),
    selectRange: record("selectRange", undefined),
    readCoverage: record("readCoverage", []),
    addFramework: record("addFramework", { created: [], repaired: [], renamed: [], warnings: [], syncs: 1 }),
    readHeatmap: record("readHeatmap", undefined),
    filterRisksByCell: record("filterRisksByCell", 3),
    clearRiskFilter: record("clearRiskFilter", undefined),
    takeSnapshot: record("takeSnapshot", { date: "2026-01-01", rows: 4 }),
  } as ExcelOperations & { calls: unknown[][] };
}

const runner: ExcelRunner = { run: (batch) => batch(fakeContext) };
const officeReady = () => Promise.resolve();
/** A host whose newest ExcelApi is 1.<maxMinor>. */
const supportsUpTo = (maxMinor: number) => ({
  isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && Number(version.split(".")[1]) <= maxMinor,
});

describe("workbook host", () => {
  it("runs each operation inside Excel.run with the request context first", async () => {
    const ops = fakeOperations();
    const host = createWorkbookHost(ops, () => runner, () => supportsUpTo(17), officeReady);
    await expect(host.filterRisksByCell("residual", 4, 5)).resolves.toBe(3);
    await host.selectRange("Risk Register", "B7");
    expect(ops.calls).toEqual([
      ["filterRisksByCell", fakeContext, "residual", 4, 5],
      ["selectRange", fakeContext, "Risk Register", "B7"],
    ]);
  });

  it("refuses to build on hosts without ExcelApi 1.8", async () => {
    const ops = fakeOperations();
    const host = createWorkbookHost(ops, () => runner, () => supportsUpTo(7), officeReady);
    await expect(host.buildWorkbook(defaultOptions())).rejects.toBeInstanceOf(UnsupportedHostError);
    await expect(host.buildWorkbook(defaultOptions())).rejects.toMatchObject({ code: "Unsupported" });
    expect(ops.calls).toHaveLength(0);
  });

  it("holds an operation asked for before Office.onReady until Office is ready, then checks the requirement sets", async () => {
    const ops = fakeOperations();
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    // Before onReady there are no requirement sets to read (Office.context is not there yet).
    let requirementsReadable = false;
    const host = createWorkbookHost(ops, () => runner, () => (requirementsReadable ? supportsUpTo(8) : undefined), () => ready);
    const build = host.buildWorkbook(defaultOptions());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ops.calls).toHaveLength(0);
    requirementsReadable = true;
    markReady();
    await expect(build).resolves.toMatchObject({ syncs: 2 });
    expect(ops.calls.map(([name]) => name)).toEqual(["buildWorkbook"]);
  });

  it("reports support only when the requirement set is there", () => {
    expect(isExcelApiSupported(supportsUpTo(8))).toBe(true);
    expect(isExcelApiSupported(supportsUpTo(7))).toBe(false);
    expect(isExcelApiSupported(undefined)).toBe(false);
  });
});
