import { assessableRequirements, getFramework, normalizeRequirementId } from "../../src/core/catalogs";
import { CONTROL_LIBRARY } from "../../src/core/controls";
import { FRAMEWORK_KEYS } from "../../src/core/frameworkKeys";
import { coverageFormula, crosswalkFormula, gapsFormula, requirementsFormula } from "../../src/functions/frameworkFunctions";

// GLBA 314.4 has 17 assessable requirements: (a), (b), (c)(1)-(8), (d)-(j).
const GLBA_LEAVES = 17;
/** Mappings[[Control ID]:[Jointly Sufficient]] of three controls; one ISO row that GLBA must skip. */
const MAPPINGS = [
  ["C1", "GLBA", "314.4(a)", "Equal", "No"],
  ["C1", "GLBA", "314.4(b)", "Superset of", "No"],
  ["C2", "GLBA", "314.4(c)(1)", "Equal", "No"],
  ["C3", "ISO 27001", "A.5.1", "Equal", "No"],
  ["", "", "", "", ""],
];
const IDS = [["C1"], ["C2"], ["C3"]];
const STATUSES = [["Implemented"], ["Partially implemented"], ["Implemented"]];
const VALID_KEYS = "ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171, NIST800171R3, CMMCL1, GLBA, GDPR";

describe("COVERAGE", () => {
  it("counts the catalog fixture as expected", () => {
    expect(assessableRequirements("GLBA")).toHaveLength(GLBA_LEAVES);
  });

  it("divides the credits by the number of assessable requirements, reading only the framework's rows", () => {
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES)).toBeCloseTo(2.5 / GLBA_LEAVES);
  });

  it("gives an implemented control that only intersects a requirement partial credit, not full", () => {
    const intersecting = [["C1", "GLBA", "314.4(a)", "Intersects", "No"]];
    expect(coverageFormula("GLBA", intersecting, IDS, STATUSES)).toBeCloseTo(0.5 / GLBA_LEAVES);
    expect(gapsFormula("GLBA", intersecting, IDS, STATUSES)).toContainEqual(["314.4(a)", expect.any(String), 0.5]);
  });

  it("gives a jointly sufficient set full credit once all its members are implemented (4 columns read as not jointly sufficient)", () => {
    const joint = [["C1", "GLBA", "314.4(a)", "Subset of", "Yes"], ["C3", "GLBA", "314.4(a)", "Subset of", "Yes"]];
    expect(coverageFormula("GLBA", joint, IDS, STATUSES)).toBeCloseTo(1 / GLBA_LEAVES);
    expect(coverageFormula("GLBA", joint.map((row) => row.slice(0, 4)), IDS, STATUSES)).toBeCloseTo(0.5 / GLBA_LEAVES);
  });

  it("accepts framework names and aliases", () => {
    expect(coverageFormula("glba", MAPPINGS, IDS, STATUSES)).toBeCloseTo(2.5 / GLBA_LEAVES);
    expect(coverageFormula("ISO 27001", MAPPINGS, IDS, STATUSES)).toBeCloseTo(1 / assessableRequirements("ISO27001").length);
  });

  it("leaves out requirements marked not applicable, including everything under a parent", () => {
    const applicability = [["Requirement ID", "Applicable"], ["314.4(c)", "N"], ["314.4(j)", "Not applicable"], ["314.4(a)", "Y"]];
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES, applicability)).toBeCloseTo(2 / (GLBA_LEAVES - 9));
  });

  it("gives ineffective controls no credit", () => {
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES, null, [["Ineffective"], ["Effective"], [""]])).toBeCloseTo(0.5 / GLBA_LEAVES);
  });

  it("rejects an unknown framework, listing the valid keys", () => {
    expect(coverageFormula("PCI", MAPPINGS, IDS, STATUSES)).toEqual({ code: "#VALUE!", message: `Framework "PCI" is not supported; use one of: ${VALID_KEYS}` });
  });

  it("returns #N/A when the framework is blank", () => {
    expect(coverageFormula("", MAPPINGS, IDS, STATUSES)).toEqual({ code: "#N/A", message: `Framework is required; use one of: ${VALID_KEYS}` });
  });

  it("rejects a one-column mapping range (the former Control Matrix form), saying which columns it needs", () => {
    expect(coverageFormula("GLBA", [["314.4(a)"]], IDS, STATUSES)).toEqual({
      code: "#VALUE!",
      message:
        "Mappings must be Control ID, Framework, Requirement ID, Relationship and optionally Jointly Sufficient (4 or 5 columns, e.g. Mappings[[Control ID]:[Jointly Sufficient]]); got 1 column",
    });
  });

  it("rejects control IDs and statuses of different sizes", () => {
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES.slice(0, 2))).toEqual({
      code: "#VALUE!",
      message: "Control IDs and statuses must be ranges of the same size; got 3 rows x 1 column and 2 rows x 1 column",
    });
  });

  it("rejects effectiveness of a different size", () => {
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES, null, [["Effective"]])).toEqual({
      code: "#VALUE!",
      message: "Control IDs and effectiveness must be ranges of the same size; got 3 rows x 1 column and 1 row x 1 column",
    });
  });

  it("rejects an applicability range that is not two columns", () => {
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES, [["314.4(a)", "Y", "note"]])).toEqual({
      code: "#VALUE!",
      message: "Applicability must be a two-column range (Requirement ID, Applicable Y/N); got 3 columns",
    });
  });

  it("returns #N/A when nothing is applicable", () => {
    const everything = getFramework("GLBA").requirements.filter((r) => r.parent === null).map((r) => [r.id, "N"]);
    expect(coverageFormula("GLBA", MAPPINGS, IDS, STATUSES, everything)).toEqual({ code: "#N/A", message: "No requirement of GLBA is applicable: every one is marked not applicable" });
  });

  it("returns #N/A when an input cell is #N/A", () => {
    expect(coverageFormula("GLBA", MAPPINGS, IDS, [["Implemented"], [{ code: "#N/A" }], [""]])).toEqual({ code: "#N/A", message: "Statuses (row 2) is missing (#N/A)" });
  });

  it("returns #N/A when a required range is missing", () => {
    expect(coverageFormula("GLBA", undefined, IDS, STATUSES)).toEqual({
      code: "#N/A",
      message: "Mappings is required: the Mappings table's columns Control ID, Framework, Requirement ID, Relationship and optionally Jointly Sufficient",
    });
  });
});

describe("GAPS", () => {
  it("spills ID, label and credit of requirements not fully covered, in catalog order", () => {
    const gaps = gapsFormula("GLBA", MAPPINGS, IDS, STATUSES) as unknown[][];
    expect(gaps).toHaveLength(GLBA_LEAVES - 2);
    expect(gaps[0]).toEqual(["314.4(c)(1)", expect.any(String), 0.5]);
    expect(gaps[1]).toEqual(["314.4(c)(2)", expect.any(String), 0]);
    expect(gaps.map((row) => row[0])).not.toContain("314.4(a)");
  });

  it("spills one blank row when everything applicable is covered", () => {
    const all = assessableRequirements("GLBA").map((r) => ["C1", "GLBA", r.id, "Equal", "No"]);
    expect(gapsFormula("GLBA", all, [["C1"]], [["Implemented"]])).toEqual([["", "", ""]]);
  });

  it("reports the same errors as COVERAGE", () => {
    expect(gapsFormula("nope", MAPPINGS, IDS, STATUSES)).toMatchObject({ code: "#VALUE!" });
  });
});

describe("REQUIREMENTS", () => {
  it("spills every requirement with its parent, blank at the top level", () => {
    const rows = requirementsFormula("GLBA") as unknown[][];
    expect(rows).toHaveLength(getFramework("GLBA").requirements.length);
    expect(rows[0]).toEqual(["314.4(a)", expect.any(String), ""]);
    expect(rows.find((row) => row[0] === "314.4(c)(1)")?.[2]).toBe("314.4(c)");
  });

  it("rejects an unknown framework", () => {
    expect(requirementsFormula("SOX")).toEqual({ code: "#VALUE!", message: `Framework "SOX" is not supported; use one of: ${VALID_KEYS}` });
  });
});

describe("CROSSWALK", () => {
  const iso = CONTROL_LIBRARY.find((control) => (control.mappings.ISO27001?.length ?? 0) > 0 && (control.mappings.NIST80053?.length ?? 0) > 0);

  it("spills the other framework's IDs mapped by the same library controls", () => {
    expect(iso).toBeDefined();
    const fromId = iso!.mappings.ISO27001![0];
    const column = crosswalkFormula("ISO27001", fromId, "NIST80053") as unknown[][];
    expect(column.every((row) => row.length === 1)).toBe(true);
    expect(column.map((row) => row[0])).toEqual(expect.arrayContaining([...new Set(iso!.mappings.NIST80053)]));
  });

  it("is symmetric over the whole library for every framework pair", () => {
    for (const control of CONTROL_LIBRARY) {
      for (const from of FRAMEWORK_KEYS) {
        for (const to of FRAMEWORK_KEYS) {
          const fromId = control.mappings[from]?.[0];
          const toId = control.mappings[to]?.[0];
          if (from === to || !fromId || !toId) continue;
          expect((crosswalkFormula(from, fromId, to) as unknown[][]).flat()).toContain(normalizeRequirementId(to, toId));
          expect((crosswalkFormula(to, toId, from) as unknown[][]).flat()).toContain(normalizeRequirementId(from, fromId));
        }
      }
    }
  });

  it("rejects a requirement the framework does not have", () => {
    expect(crosswalkFormula("ISO27001", "A.99", "NISTCSF")).toEqual({ code: "#VALUE!", message: 'Requirement ID "A.99" is not in ISO 27001' });
  });

  it("returns a blank for a blank requirement ID", () => {
    expect(crosswalkFormula("ISO27001", "", "NISTCSF")).toEqual([[""]]);
  });

  it("names the target framework argument when it is unknown", () => {
    expect(crosswalkFormula("ISO27001", "A.5.1", "XYZ")).toEqual({ code: "#VALUE!", message: `To framework "XYZ" is not supported; use one of: ${VALID_KEYS}` });
  });
});
