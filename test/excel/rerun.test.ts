/**
 * Re-running Build in the situations a user can put a workbook in: a sheet of theirs already has our
 * name, one of our sheets is protected, the workbook is read-only, Set up asks for another matrix size.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { OperationBlockedError } from "../../src/excel/errors";
import { BuildReport } from "../../src/excel/operations";
import { BuildOptions, defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISK_REGISTER_SHEET, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { SCALE_TABLES, SCALES_SHEET, SCORE_MATRIX_NAME } from "../../src/core/blueprint/scalesSheet";
import { defaultScales, MATRIX_SIZES } from "../../src/core/scales";
import { columnLetter } from "../../src/core/a1";

const TODAY = new Date(2026, 10, 23);
const OPTIONS: BuildOptions = { ...defaultOptions("general"), sample: true };

async function build(workbook: HeadlessWorkbook, options: BuildOptions = OPTIONS): Promise<BuildReport> {
  workbook.stats.reset();
  return run(workbook, (context) => buildWorkbook(context, options, TODAY));
}

/** The whole model as text (cells, styles, tables, names, validation, formats, protection), request stats aside. */
function modelDump(workbook: HeadlessWorkbook): string {
  return JSON.stringify(workbook, (key, value: unknown) => {
    if (key === "stats") return undefined;
    if (value instanceof Map) return [...value];
    if (value instanceof Set) return [...value];
    return value;
  });
}

async function builtWorkbook(options: BuildOptions = OPTIONS): Promise<HeadlessWorkbook> {
  const workbook = createWorkbook();
  await build(workbook, options);
  return workbook;
}

async function expectBlocked(workbook: HeadlessWorkbook, message: RegExp): Promise<void> {
  const before = modelDump(workbook);
  const failure = await build(workbook).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(OperationBlockedError);
  expect((failure as Error).message).toMatch(message);
  expect(modelDump(workbook)).toBe(before);
}

describe("A user sheet already has the name of one of ours", () => {
  const USER_ROWS = [
    ["Supplier", "Risk", "Notes"],
    ["Acme", "Late delivery", "watch"],
  ];

  async function workbookWithUserSheet(name: string): Promise<HeadlessWorkbook> {
    const workbook = createWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.add(name).getRange("A1:C2").values = USER_ROWS;
    });
    return workbook;
  }

  it("leaves the user's Risk Register alone and builds ours beside it", async () => {
    const workbook = await workbookWithUserSheet(RISK_REGISTER_SHEET);
    const userSheetBefore = JSON.stringify([...workbook.sheet(RISK_REGISTER_SHEET).rows].map(([r, cells]) => [r, [...cells]]));

    const report = await build(workbook);

    expect(report.renamed).toEqual([{ wanted: RISK_REGISTER_SHEET, actual: "Risk Register (ISMP)" }]);
    expect(JSON.stringify([...workbook.sheet(RISK_REGISTER_SHEET).rows].map(([r, cells]) => [r, [...cells]]))).toBe(userSheetBefore);
    expect(workbook.tablesOn(workbook.sheet(RISK_REGISTER_SHEET))).toEqual([]);
    expect(workbook.getTable(RISKS_TABLE)?.sheet.name).toBe("Risk Register (ISMP)");
  });

  it("finds ours by its table on the next run instead of creating a third sheet", async () => {
    const workbook = await workbookWithUserSheet(RISK_REGISTER_SHEET);
    await build(workbook);
    const sheets = workbook.sheets.map((s) => s.name);
    const before = JSON.stringify([...workbook.sheet(RISK_REGISTER_SHEET).rows].map(([r, cells]) => [r, [...cells]]));

    const again = await build(workbook);

    expect(workbook.sheets.map((s) => s.name)).toEqual(sheets);
    expect(again.renamed).toEqual([]);
    expect(again.created).toEqual([]);
    expect(JSON.stringify([...workbook.sheet(RISK_REGISTER_SHEET).rows].map(([r, cells]) => [r, [...cells]]))).toBe(before);
  });

  it("points the score grid's name at our Scales sheet, not the user's", async () => {
    const workbook = await workbookWithUserSheet(SCALES_SHEET);
    const report = await build(workbook);

    expect(report.renamed).toEqual([{ wanted: SCALES_SHEET, actual: "Scales (ISMP)" }]);
    expect(workbook.getName(SCORE_MATRIX_NAME)?.formula).toMatch(/^='Scales \(ISMP\)'!/);
    expect(workbook.sheet(SCALES_SHEET).valuesOf("A1:C2")).toEqual(USER_ROWS);
  });
});

describe("Re-running after the user reorganised the workbook", () => {
  it("keeps a filter and the rows it hides", async () => {
    const workbook = await builtWorkbook();
    await run(workbook, async (context) => {
      context.workbook.tables.getItem(RISKS_TABLE).columns.getItem("Owner").filter.applyValuesFilter(["CISO"]);
    });
    const risks = workbook.getTable(RISKS_TABLE)!;
    const visible = risks.visibleBodyRows();
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(risks.bodyRowCount);

    await build(workbook);

    expect(risks.filters.get(risks.columnIndexOf("Owner"))).toEqual(["CISO"]);
    expect(risks.visibleBodyRows()).toEqual(visible);
  });

  it("adds a new profile's frameworks without touching the controls and requirements the user edited", async () => {
    const workbook = await builtWorkbook();
    await run(workbook, async (context) => {
      const controls = context.workbook.tables.getItem("Controls");
      controls.getDataBodyRange().getCell(0, 7).values = [["Implemented"]];
      controls.columns.add(undefined, undefined, "Auditor notes");
      context.workbook.tables.getItem("Requirements").getDataBodyRange().getCell(1, 5).values = [["Out of scope: no cardholder data"]];
    });
    const before = (name: string) => workbook.getTable(name)!.bodyValues();
    const controls = before("Controls");
    const requirements = before("Requirements");

    const report = await build(workbook, { ...defaultOptions("defense"), sample: true });

    expect(report.syncs).toBeLessThanOrEqual(4);
    const controlsAfter = workbook.getTable("Controls")!;
    expect(controlsAfter.columnNames().indexOf("Auditor notes")).toBeLessThan(controlsAfter.columnCount - 1);
    expect(controlsAfter.bodyValues().map((row) => row.slice(0, controls[0].length))).toEqual(controls);
    const requirementsAfter = workbook.getTable("Requirements")!.bodyValues();
    expect(requirementsAfter.length).toBeGreaterThan(requirements.length);
    expect(requirementsAfter.slice(0, requirements.length).map((row) => row.slice(0, 6))).toEqual(requirements.map((row) => row.slice(0, 6)));
  });

  it("builds a deleted sheet of ours again and leaves the others as they were", async () => {
    const workbook = await builtWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Coverage").delete();
    });
    const risksBefore = workbook.getTable(RISKS_TABLE)!.bodyValues();

    const report = await build(workbook);

    expect(report.created).toEqual(["Sheet Coverage", "Table CoverageSummary"]);
    expect(workbook.getTable("CoverageSummary")?.sheet.name).toBe("Coverage");
    expect(workbook.getTable(RISKS_TABLE)!.bodyValues()).toEqual(risksBefore);
  });
});

describe("Build refuses, changing nothing, when it cannot finish", () => {
  it("names a protected sheet of ours that needs repair", async () => {
    const workbook = await builtWorkbook();
    await run(workbook, async (context) => {
      context.workbook.names.getItem("RiskAppetite").delete();
      context.workbook.worksheets.getItem(SCALES_SHEET).protection.protect();
    });
    await expectBlocked(workbook, /Sheet "Scales" is protected/);
    expect(workbook.getName("RiskAppetite")).toBeUndefined();
  });

  it("is not stopped by a protected sheet of the user's", async () => {
    const workbook = await builtWorkbook();
    await run(workbook, async (context) => {
      context.workbook.worksheets.add("Private").protection.protect();
      context.workbook.names.getItem("RiskAppetite").delete();
    });
    const report = await build(workbook);
    expect(report.repaired).toContain("Restored the name RiskAppetite");
  });

  it("says a read-only workbook is read-only, on a first build and on a re-run", async () => {
    const empty = createWorkbook();
    empty.readOnly = true;
    await expectBlocked(empty, /read-only/);

    const built = await builtWorkbook();
    await run(built, async (context) => {
      context.workbook.tables.getItem(RISKS_TABLE).columns.getItem("Inherent Score").getDataBodyRange().getCell(0, 0).values = [[7]];
    });
    built.readOnly = true;
    await expectBlocked(built, /read-only/);
  });
});

describe("Re-running with another matrix size", () => {
  it("keeps the Scales sheet's scale and says so", async () => {
    const workbook = await builtWorkbook({ ...OPTIONS, matrixSize: 5 });
    const likelihood = workbook.getTable(SCALE_TABLES.likelihood)!.bodyValues();
    const grid = workbook.getName(SCORE_MATRIX_NAME)?.formula;
    const risks = workbook.getTable(RISKS_TABLE)!.bodyValues();

    const report = await build(workbook, { ...OPTIONS, matrixSize: 3 });

    expect(workbook.getTable(SCALE_TABLES.likelihood)!.bodyValues()).toEqual(likelihood);
    expect(workbook.getName(SCORE_MATRIX_NAME)?.formula).toBe(grid);
    expect(workbook.getTable(RISKS_TABLE)!.bodyValues()).toEqual(risks);
    expect(report.created).toEqual([]);
    expect(report.warnings.join(" ")).toMatch(/5x5.*Scales/);
    const likelihoodColumn = columnLetter(workbook.getTable(RISKS_TABLE)!.columnNames().indexOf(RISK.inherentLikelihood));
    expect(workbook.sheet("Risk Register").validationAt(`${likelihoodColumn}5`)?.rule.list?.source).toBe("=Scales!$A$5:$A$9");
  });
});

describe("The Scales sheet's score grid", () => {
  it.each(MATRIX_SIZES)("holds every score of the %ix%i matrix after Build and after a re-run", async (size) => {
    const workbook = await builtWorkbook({ ...OPTIONS, matrixSize: size });
    const grid = () => workbook.sheet(SCALES_SHEET).valuesOf(workbook.getName(SCORE_MATRIX_NAME)!.formula.split("!")[1].replace(/\$/g, ""));
    expect(grid()).toEqual(defaultScales(size).matrix);
    await build(workbook, { ...OPTIONS, matrixSize: size });
    expect(grid()).toEqual(defaultScales(size).matrix);
  });
});

describe("Re-running Build on a just-built workbook, formulas read back in Excel's display form ([@Col], Table[Col])", () => {
  it("reports nothing restored, added or created", async () => {
    const workbook = await builtWorkbook();
    const formulas = await run(workbook, async (context) => {
      const range = context.workbook.tables.getItem(RISKS_TABLE).getDataBodyRange().getRow(0).load("formulas");
      await context.sync();
      return range.formulas[0].filter((f) => typeof f === "string" && f.startsWith("="));
    });
    expect(formulas.join(" ")).toMatch(/\[@\[Inherent Likelihood\]\]/);
    expect(formulas.join(" ")).not.toMatch(/#This Row/);
    const report = await build(workbook);
    expect(report.repaired).toEqual([]);
    expect(report.created).toEqual([]);
  });
});

describe("Validation text built from scale labels the analyst edited ([MS-XLSB] 2.5.37: error message <= 225, input message <= 255)", () => {
  it("is capped with an ellipsis, so the re-run is not refused", async () => {
    const workbook = await builtWorkbook();
    const longLabel = "Almost certain to happen within the next reporting period unless controls change".repeat(2);
    await run(workbook, async (context) => {
      const body = context.workbook.tables.getItem(SCALE_TABLES.likelihood).getDataBodyRange();
      body.load("rowCount");
      await context.sync();
      body.getColumn(1).values = Array.from({ length: body.rowCount }, () => [longLabel]);
    });
    await build(workbook);
    const sheet = workbook.sheet(RISK_REGISTER_SHEET);
    const risks = workbook.getTable(RISKS_TABLE)!;
    const messages = risks.columnNames().flatMap((_, i) => {
      const validation = sheet.validationAt(`${columnLetter(i)}5`);
      return validation ? [validation.errorAlert?.message ?? "", validation.prompt?.message ?? ""] : [];
    });
    expect(messages.some((m) => m.endsWith("…"))).toBe(true);
    expect(Math.max(...messages.map((m) => m.length))).toBeLessThanOrEqual(255);
    for (const validation of risks.columnNames().map((_, i) => sheet.validationAt(`${columnLetter(i)}5`))) {
      expect(validation?.errorAlert?.message.length ?? 0).toBeLessThanOrEqual(225);
    }
  });
});
