/**
 * Credit that means what it says, recalculated by LibreOffice: in a workbook where the only
 * implemented control merely intersects an ISO 27001 Annex A control, that requirement shows
 * partial credit (not full) on the Requirements sheet and the Statement of Applicability, and
 * ISMP.COVERAGE, given the same tables, computes the same coverage as the native Coverage sheet.
 * A mapping row the analyst adds (Equal) counts like a library row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { COVERAGE, COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { MAPPING, MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { IMPLEMENTATION, REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { SOA, SOA_TABLE } from "../../src/core/blueprint/soaSheet";
import { LIBRARY_MAPPINGS } from "../../src/core/controls";
import { coverageFormula, gapsFormula } from "../../src/functions/frameworkFunctions";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { editControl, grid, ismp } from "./analystEdits";
import { EngineWorkbook } from "./engineWorkbook";
import { summaryLine, verified, verifyOrExplain, type Verification } from "./verify";

const RECALC_TIMEOUT_MS = 170_000;

/** An ISO 27001 Annex A mapping of the library whose relationship is Intersects: its control is the one implemented. */
const INTERSECTING = LIBRARY_MAPPINGS.find((r) => r.framework === "ISO27001" && r.relationship === "Intersects" && r.requirementId.startsWith("A."))!;
const ownAnnexA = new Set(LIBRARY_MAPPINGS.filter((r) => r.controlId === INTERSECTING.controlId && r.framework === "ISO27001").map((r) => r.requirementId));
/** An Annex A control the implemented control does not map in the library: the analyst maps it (Equal). */
const USER_MAPPED = ["A.5.1", "A.5.2", "A.5.3", "A.5.4"].find((id) => !ownAnnexA.has(id))!;

/** Implements the one control and adds the analyst's own mapping row. */
function edit(source: string, target: string): Promise<void> {
  return editControl(source, target, {
    controlId: INTERSECTING.controlId,
    cells: { [CONTROL.status]: "Implemented", [CONTROL.effectiveness]: "Effective" },
    mappings: [
      {
        [MAPPING.controlId]: INTERSECTING.controlId,
        [MAPPING.framework]: "ISO 27001",
        [MAPPING.requirementId]: USER_MAPPED,
        [MAPPING.relationship]: "Equal",
        [MAPPING.jointlySufficient]: "No",
        [MAPPING.strength]: 8,
        [MAPPING.source]: "project judgement",
        [MAPPING.rationale]: "Our own review: this control is how we meet it.",
        [MAPPING.origin]: "",
      },
    ],
  });
}

describeWith(sofficeDependency(), { suite: "engine", title: "partial credit from an intersecting control, recalculated in LibreOffice" }, () => {
  let dir = "";
  let book: EngineWorkbook;
  let verification: Verification | Error;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-partial-"));
    await ismp(["new", join(dir, "built.xlsx"), "--frameworks", "ISO27001", "--org", "Partial Credit Ltd"]);
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
