/**
 * Credit that means what it says, recalculated by LibreOffice: in a workbook where the only
 * implemented control merely intersects an ISO 27001 Annex A control, that requirement shows
 * partial credit (not full) on the Requirements sheet and the Statement of Applicability, and
 * ISMP.COVERAGE, given the same tables, computes the same coverage as the native Coverage sheet.
 * A mapping row the analyst adds (Equal) counts like a library row.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { COVERAGE, COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { MAPPING, MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { IMPLEMENTATION, REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { SOA, SOA_TABLE } from "../../src/core/blueprint/soaSheet";
import { LIBRARY_MAPPINGS } from "../../src/core/controls";
import { main } from "../../src/cli/main";
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { coverageFormula, gapsFormula } from "../../src/functions/frameworkFunctions";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { EngineWorkbook, type TableRow } from "./engineWorkbook";
import { summaryLine, verified, verifyOrExplain, type Verification } from "./verify";

const RECALC_TIMEOUT_MS = 170_000;

/** An ISO 27001 Annex A mapping of the library whose relationship is Intersects: its control is the one implemented. */
const INTERSECTING = LIBRARY_MAPPINGS.find((r) => r.framework === "ISO27001" && r.relationship === "Intersects" && r.requirementId.startsWith("A."))!;
const ownAnnexA = new Set(LIBRARY_MAPPINGS.filter((r) => r.controlId === INTERSECTING.controlId && r.framework === "ISO27001").map((r) => r.requirementId));
/** An Annex A control the implemented control does not map in the library: the analyst maps it (Equal). */
const USER_MAPPED = ["A.5.1", "A.5.2", "A.5.3", "A.5.4"].find((id) => !ownAnnexA.has(id))!;

async function build(file: string): Promise<void> {
  const output: string[] = [];
  const code = await main(["new", file, "--frameworks", "ISO27001", "--org", "Partial Credit Ltd"], { log: (l) => void output.push(l), error: (l) => void output.push(l) });
  if (code !== 0) throw new Error(`ismp new exited ${code}:\n${output.join("\n")}`);
}

/** Implements the one control and adds the analyst's own mapping row, through Office.js calls on the headless host. */
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
    const row = controlBody.values.findIndex((values) => values[names.indexOf(CONTROL.id)] === INTERSECTING.controlId);
    controlBody.getCell(row, names.indexOf(CONTROL.status)).values = [["Implemented"]];
    controlBody.getCell(row, names.indexOf(CONTROL.effectiveness)).values = [["Effective"]];
    const typed: Record<string, string | number> = {
      [MAPPING.controlId]: INTERSECTING.controlId,
      [MAPPING.framework]: "ISO 27001",
      [MAPPING.requirementId]: USER_MAPPED,
      [MAPPING.relationship]: "Equal",
      [MAPPING.jointlySufficient]: "No",
      [MAPPING.strength]: 8,
      [MAPPING.source]: "project judgement",
      [MAPPING.rationale]: "Our own review: this control is how we meet it.",
      [MAPPING.origin]: "",
    };
    // Blank cells in calculated columns: Excel (and the host) fill the column's formula in the new row.
    // Copying the first row's formulas would copy Excel's display form ([@Col]), which is not file syntax.
    const headers = mappingHeaders.values[0].map(String);
    mappings.rows.add(undefined, [headers.map((h) => (h in typed ? typed[h] : ""))]);
    await context.sync();
  });
  writeFileSync(target, await writeXlsx(workbook));
}

const grid = (rows: readonly TableRow[], columns: readonly string[]) => rows.map((row) => columns.map((c) => row[c].value));

describeWith(sofficeDependency(), { suite: "engine", title: "partial credit from an intersecting control, recalculated in LibreOffice" }, () => {
  let dir = "";
  let book: EngineWorkbook;
  let verification: Verification | Error;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-partial-"));
    await build(join(dir, "built.xlsx"));
    await edit(join(dir, "built.xlsx"), join(dir, "partial-credit.xlsx"));
    const [recalculated] = await recalculate([join(dir, "partial-credit.xlsx")], { outDir: join(dir, "recalculated") });
    book = await EngineWorkbook.open(recalculated);
    verification = verifyOrExplain(book);
  }, RECALC_TIMEOUT_MS);

  afterAll(() => {
    console.log(summaryLine("partial credit", [verification], `${INTERSECTING.controlId} intersects ISO ${INTERSECTING.requirementId}`));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const requirement = (id: string) => book.table(REQUIREMENTS_TABLE).find((r) => r[REQUIREMENT.id].value === id)!;
  const soa = (id: string) => book.table(SOA_TABLE).find((r) => r[SOA.control].value === id)!;

  it("every formula cell, the analyst's mapping row included, equals the core's value", () => {
    const result = verified(verification, "partial credit");
    expect(result.mismatches).toEqual([]);
    expect(result.unchecked).toEqual([]);
  });

  it("gives the requirement only the intersecting control's partial credit on the Requirements sheet", () => {
    const row = requirement(INTERSECTING.requirementId);
    expect(row[REQUIREMENT.credit].value).toBe(0.5);
    expect(row[REQUIREMENT.implementation].value).toBe(IMPLEMENTATION.partial);
    expect(row[REQUIREMENT.creditedBy].value).toBe(INTERSECTING.controlId);
  });

  it("shows it partially implemented in the Statement of Applicability, implemented by that control", () => {
    expect(soa(INTERSECTING.requirementId)[SOA.status].value).toBe(IMPLEMENTATION.partial);
    expect(soa(INTERSECTING.requirementId)[SOA.controls].value).toBe(INTERSECTING.controlId);
  });

  it("counts the analyst's Equal mapping row in full", () => {
    expect(requirement(USER_MAPPED)[REQUIREMENT.credit].value).toBe(1);
    expect(soa(USER_MAPPED)[SOA.status].value).toBe(IMPLEMENTATION.full);
  });

  it("makes ISMP.COVERAGE and ISMP.GAPS, given the recalculated tables, agree with the native Coverage sheet", () => {
    const mappings = grid(book.table(MAPPINGS_TABLE), [MAPPING.controlId, MAPPING.framework, MAPPING.requirementId, MAPPING.relationship, MAPPING.jointlySufficient]);
    const controls = book.table(CONTROLS_TABLE);
    const ids = grid(controls, [CONTROL.id]);
    const statuses = grid(controls, [CONTROL.status]);
    const effectiveness = grid(controls, [CONTROL.effectiveness]);
    const applicability = grid(book.table(REQUIREMENTS_TABLE), [REQUIREMENT.id, REQUIREMENT.applicable]);
    const native = book.table(COVERAGE_TABLE)[0][COVERAGE.coverage].value;
    expect(native).toBeGreaterThan(0);
    expect(coverageFormula("ISO27001", mappings, ids, statuses, applicability, effectiveness)).toBeCloseTo(native as number, 12);
    const gaps = gapsFormula("ISO27001", mappings, ids, statuses, applicability, effectiveness) as unknown[][];
    expect(gaps).toContainEqual([INTERSECTING.requirementId, expect.any(String), 0.5]);
  });
});
