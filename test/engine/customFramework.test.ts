/**
 * A framework added from the user's file (the made-up ACME-SEC standard of test/fixtures/frameworks),
 * recalculated by LibreOffice: the Requirements sheet credits its requirements from the analyst's
 * Mappings rows, the Coverage sheet's native figure is what the credit rule says, and ISMP.COVERAGE,
 * given the same tables, computes the same figure.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { COVERAGE, COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { MAPPING, MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { IMPLEMENTATION, REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { useCustomFrameworks } from "../../src/core/catalogs";
import { readWorkbookCatalogs } from "../../src/excel/settings";
import { readXlsx, run } from "../../src/headless";
import { coverageFormula } from "../../src/functions/frameworkFunctions";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { editControl, grid, ismp } from "./analystEdits";
import { EngineWorkbook } from "./engineWorkbook";

const RECALC_TIMEOUT_MS = 170_000;
const ACME = join(__dirname, "..", "fixtures", "frameworks", "acme-sec.csv");
const NAME = "ACME SEC";
const IMPLEMENTED = "CRY-01";

/** Implements one control and maps it to two ACME-SEC requirements (Equal and Intersects), as an analyst would. */
function edit(source: string, target: string): Promise<void> {
  const line = (requirementId: string, relationship: string) => ({
    [MAPPING.controlId]: IMPLEMENTED,
    [MAPPING.framework]: NAME,
    [MAPPING.requirementId]: requirementId,
    [MAPPING.relationship]: relationship,
    [MAPPING.jointlySufficient]: "No",
    [MAPPING.strength]: 7,
    [MAPPING.source]: "our own mapping",
    [MAPPING.rationale]: "Test mapping for a made-up standard.",
  });
  return editControl(source, target, {
    controlId: IMPLEMENTED,
    cells: { [CONTROL.status]: "Implemented", [NAME]: "AS-2.1; AS-2.2" },
    mappings: [line("AS-2.1", "Equal"), line("AS-2.2", "Intersects")],
  });
}

describeWith(sofficeDependency(), { suite: "engine", title: "a custom framework from a CSV, recalculated in LibreOffice" }, () => {
  let dir = "";
  let book: EngineWorkbook;
  let recalculatedPath = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-custom-"));
    const built = join(dir, "built.xlsx");
    await ismp(["new", built, "--frameworks", "ISO27001", "--org", "Custom Framework Ltd"]);
    await ismp(["framework", "add", built, ACME, "--key", "ACME-SEC", "--name", NAME]);
    await edit(built, join(dir, "custom.xlsx"));
    const [recalculated] = await recalculate([join(dir, "custom.xlsx")], { outDir: join(dir, "recalculated") });
    book = await EngineWorkbook.open(recalculated);
    recalculatedPath = recalculated;
    // What ISMP.COVERAGE knows in Excel: the catalog the workbook stores.
    useCustomFrameworks([]);
    await run(await readXlsx(readFileSync(recalculated)), readWorkbookCatalogs);
  }, RECALC_TIMEOUT_MS);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const requirement = (id: string) => book.table(REQUIREMENTS_TABLE).find((r) => r[REQUIREMENT.framework].value === NAME && r[REQUIREMENT.id].value === id)!;

  it("credits the analyst's Equal mapping in full and the Intersects one by half", () => {
    expect(requirement("AS-2.1")[REQUIREMENT.credit].value).toBe(1);
    expect(requirement("AS-2.1")[REQUIREMENT.creditedBy].value).toBe(IMPLEMENTED);
    expect(requirement("AS-2.2")[REQUIREMENT.credit].value).toBe(0.5);
    expect(requirement("AS-2.2")[REQUIREMENT.implementation].value).toBe(IMPLEMENTATION.partial);
    expect(requirement("AS-3.2")[REQUIREMENT.implementation].value).toBe(IMPLEMENTATION.notApplicable);
  });

  it("makes the Coverage sheet's native figure 1.5 of 6 applicable requirements, and ISMP.COVERAGE agree with it", () => {
    const summary = book.table(COVERAGE_TABLE).find((r) => r[COVERAGE.framework].value === NAME)!;
    expect(summary[COVERAGE.applicable].value).toBe(6);
    expect(summary[COVERAGE.coverage].value).toBeCloseTo(1.5 / 6, 12);
    const mappings = grid(book.table(MAPPINGS_TABLE), [MAPPING.controlId, MAPPING.framework, MAPPING.requirementId, MAPPING.relationship, MAPPING.jointlySufficient]);
    const controls = book.table(CONTROLS_TABLE);
    const applicability = grid(book.table(REQUIREMENTS_TABLE), [REQUIREMENT.id, REQUIREMENT.applicable]);
    const computed = coverageFormula("ACME-SEC", mappings, grid(controls, [CONTROL.id]), grid(controls, [CONTROL.status]), applicability, grid(controls, [CONTROL.effectiveness]));
    expect(computed).toBeCloseTo(summary[COVERAGE.coverage].value as number, 12);
  });

  it("plots the framework in the Dashboard's Coverage by framework chart, with the Coverage sheet's figure, as LibreOffice saves it", async () => {
    const chart = (await readXlsx(readFileSync(recalculatedPath))).sheet("Dashboard").charts.find((c) => c.name === "CoverageByFramework" || c.title.text === "Coverage by framework");
    expect(chart).toBeDefined();
    const [series] = chart!.series;
    // A series' cells, e.g. Coverage!$A$5:$A$6, read as the engine left them.
    const cells = (address: string) => {
      const [, sheet, column, first, last] = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(address)!;
      return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => book.cell(sheet, `${column}${Number(first) + i}`).value);
    };
    const plotted = cells(series.xValuesAddress!);
    const summary = book.table(COVERAGE_TABLE).find((r) => r[COVERAGE.framework].value === NAME)!;
    expect(plotted).toEqual(book.table(COVERAGE_TABLE).map((r) => r[COVERAGE.framework].value));
    expect(cells(series.valuesAddress!)[plotted.indexOf(NAME)]).toBeCloseTo(summary[COVERAGE.coverage].value as number, 12);
  });
});
