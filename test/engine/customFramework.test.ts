/**
 * A framework added from the user's file (the made-up ACME-SEC standard of test/fixtures/frameworks),
 * recalculated by LibreOffice: the Requirements sheet credits its requirements from the analyst's
 * Mappings rows, the Coverage sheet's native figure is what the credit rule says, and ISMP.COVERAGE,
 * given the same tables, computes the same figure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { COVERAGE, COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { MAPPING, MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { IMPLEMENTATION, REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { useCustomFrameworks } from "../../src/core/catalogs";
import { main } from "../../src/cli/main";
import { readWorkbookCatalogs } from "../../src/excel/settings";
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { coverageFormula } from "../../src/functions/frameworkFunctions";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { EngineWorkbook, type TableRow } from "./engineWorkbook";

const RECALC_TIMEOUT_MS = 170_000;
const ACME = join(__dirname, "..", "fixtures", "frameworks", "acme-sec.csv");
const NAME = "ACME SEC";
const IMPLEMENTED = "CRY-01";

async function ismp(args: string[]): Promise<void> {
  const output: string[] = [];
  const code = await main(args, { log: (l) => void output.push(l), error: (l) => void output.push(l) });
  if (code !== 0) throw new Error(`ismp ${args[0]} exited ${code}:\n${output.join("\n")}`);
}

/** Implements one control and maps it to two ACME-SEC requirements (Equal and Intersects), as an analyst would. */
async function edit(source: string, target: string): Promise<void> {
  const workbook = await readXlsx(readFileSync(source));
  await run(workbook, async (context) => {
    const controls = context.workbook.tables.getItem(CONTROLS_TABLE);
    const controlHeaders = controls.getHeaderRowRange().load("values");
    const controlBody = controls.getDataBodyRange().load("values");
    const mappings = context.workbook.tables.getItem(MAPPINGS_TABLE);
    const mappingHeaders = mappings.getHeaderRowRange().load("values");
    await context.sync();
    const names = controlHeaders.values[0].map(String);
    const row = controlBody.values.findIndex((values) => values[names.indexOf(CONTROL.id)] === IMPLEMENTED);
    controlBody.getCell(row, names.indexOf(CONTROL.status)).values = [["Implemented"]];
    controlBody.getCell(row, names.indexOf(NAME)).values = [["AS-2.1; AS-2.2"]];
    const headers = mappingHeaders.values[0].map(String);
    const line = (requirementId: string, relationship: string) => {
      const typed: Record<string, string | number> = {
        [MAPPING.controlId]: IMPLEMENTED,
        [MAPPING.framework]: NAME,
        [MAPPING.requirementId]: requirementId,
        [MAPPING.relationship]: relationship,
        [MAPPING.jointlySufficient]: "No",
        [MAPPING.strength]: 7,
        [MAPPING.source]: "our own mapping",
        [MAPPING.rationale]: "Test mapping for a made-up standard.",
      };
      return headers.map((h) => (h in typed ? typed[h] : ""));
    };
    mappings.rows.add(undefined, [line("AS-2.1", "Equal"), line("AS-2.2", "Intersects")]);
    await context.sync();
  });
  writeFileSync(target, await writeXlsx(workbook));
}

const grid = (rows: readonly TableRow[], columns: readonly string[]) => rows.map((row) => columns.map((c) => row[c].value));

describeWith(sofficeDependency(), { suite: "engine", title: "a custom framework from a CSV, recalculated in LibreOffice" }, () => {
  let dir = "";
  let book: EngineWorkbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-custom-"));
    const built = join(dir, "built.xlsx");
    await ismp(["new", built, "--frameworks", "ISO27001", "--org", "Custom Framework Ltd"]);
    await ismp(["framework", "add", built, ACME, "--key", "ACME-SEC", "--name", NAME]);
    await edit(built, join(dir, "custom.xlsx"));
    const [recalculated] = await recalculate([join(dir, "custom.xlsx")], { outDir: join(dir, "recalculated") });
    book = await EngineWorkbook.open(recalculated);
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
});
