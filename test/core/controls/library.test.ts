import { CONTROL_LIBRARY, ISMP_ELEMENTS, type IsmpElement } from "../../../src/core/controls";
import { HAND_WRITTEN_CONTROLS, withParentStandards } from "../../../src/core/controls/library";
import { computeCoverage } from "../../../src/core/coverage";
import { FRAMEWORK_KEYS, type FrameworkKey } from "../../../src/core/frameworkKeys";

const CORE_ELEMENTS: readonly IsmpElement[] = [
  "Governance", "Risk management", "Policies", "Asset management",
  "Access control", "Incident response", "Vendor management", "Training & awareness",
];
const CORE_FRAMEWORKS: readonly FrameworkKey[] = ["SOC2", "ISO27001", "NISTCSF", "HIPAA"];

/** What an assessable (leaf) requirement ID looks like in each framework; grouping rows do not match. */
const LEAF_ID_PATTERN: Record<FrameworkKey, RegExp> = {
  ISO27001: /^(A\.[5-8]\.\d+|(4|5|7|8|10)\.\d|6\.(1\.\d|2|3)|7\.5\.\d|9\.1|9\.[23]\.\d)$/,
  NISTCSF: /^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/,
  SOC2: /^(CC\d|A1|C1|PI1|P\d)\.\d$/,
  HIPAA: /^§164\.3(08|10|12|14|16)(\([a-zA-Z0-9]+\))+$/,
  NIST80053: /^[A-Z]{2}-\d{1,2}$/,
  NIST800171: /^3\.\d{1,2}\.\d{1,2}$/,
  GLBA: /^314\.4(\([abd-j]\)|\(c\)\([1-8]\))$/,
  GDPR: /^Art\.(5\(1\)\(f\)|24|25|28|30|32\(1\)\([a-d]\)|32\([2-4]\)|33|34|35)$/,
};

const mappedFrameworks = (control: (typeof CONTROL_LIBRARY)[number]) =>
  FRAMEWORK_KEYS.filter((key) => (control.mappings[key]?.length ?? 0) > 0);

describe("baseline control library", () => {
  it("offers at least a hundred controls with unique IDs", () => {
    expect(CONTROL_LIBRARY.length).toBeGreaterThanOrEqual(100);
    const ids = CONTROL_LIBRARY.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every ISMP element at least three controls and uses no other element", () => {
    const sparse = ISMP_ELEMENTS.filter((element) => CONTROL_LIBRARY.filter((c) => c.element === element).length < 3);
    expect(sparse).toEqual([]);
    const unknown = CONTROL_LIBRARY.filter((c) => !ISMP_ELEMENTS.includes(c.element));
    expect(unknown).toEqual([]);
  });

  it("describes every control and names it", () => {
    const undescribed = CONTROL_LIBRARY.filter((c) => c.name.trim() === "" || c.description.trim().length < 30);
    expect(undescribed.map((c) => c.id)).toEqual([]);
  });

  it("maps every control to at least two frameworks", () => {
    const thin = CONTROL_LIBRARY.filter((c) => mappedFrameworks(c).length < 2);
    expect(thin.map((c) => c.id)).toEqual([]);
  });

  it("maps every control of the eight core elements to SOC 2, ISO 27001, NIST CSF and HIPAA at once", () => {
    const incomplete = CONTROL_LIBRARY
      .filter((c) => CORE_ELEMENTS.includes(c.element))
      .filter((c) => CORE_FRAMEWORKS.some((key) => !c.mappings[key]?.length))
      .map((c) => c.id);
    expect(incomplete).toEqual([]);
  });

  it("is written with leaf requirement IDs only, never grouping rows, and lists each ID once", () => {
    const bad: string[] = [];
    for (const control of HAND_WRITTEN_CONTROLS) {
      for (const key of FRAMEWORK_KEYS) {
        const ids = control.mappings[key] ?? [];
        if (new Set(ids).size !== ids.length) bad.push(`${control.id} repeats a ${key} ID`);
        for (const id of ids) if (!LEAF_ID_PATTERN[key].test(id)) bad.push(`${control.id} -> ${key} ${id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("rejects grouping rows such as A.5, GV.OC, CC1, 3.1 and §164.308 as leaf IDs", () => {
    const groupingRows: [FrameworkKey, string][] = [
      ["ISO27001", "A.5"], ["NISTCSF", "GV.OC"], ["SOC2", "CC1"], ["NIST800171", "3.1"], ["HIPAA", "§164.308"], ["NIST80053", "AC"],
      ["GLBA", "314.4(c)"], ["GDPR", "Art.32(1)"],
    ];
    for (const [key, id] of groupingRows) expect(LEAF_ID_PATTERN[key].test(id)).toBe(false);
  });
});

describe("parent standards derived from the hand-written mappings", () => {
  it("lists a specification's standard once, just before its first specification", () => {
    expect(
      withParentStandards({
        HIPAA: ["§164.308(a)(1)(ii)(A)", "§164.308(a)(1)(ii)(B)", "§164.308(a)(2)"],
        GLBA: ["314.4(a)", "314.4(c)(5)"],
        GDPR: ["Art.32(1)(b)", "Art.32(2)", "Art.33"],
        ISO27001: ["A.5.1"],
      }),
    ).toEqual({
      HIPAA: ["§164.308(a)(1)", "§164.308(a)(1)(ii)(A)", "§164.308(a)(1)(ii)(B)", "§164.308(a)(2)"],
      GLBA: ["314.4(a)", "314.4(c)", "314.4(c)(5)"],
      GDPR: ["Art.32(1)", "Art.32(1)(b)", "Art.32(2)", "Art.33"],
      ISO27001: ["A.5.1"],
    });
  });

  it("never adds a section or article that only groups (§164.308, Art.32) or a parent in other frameworks (A.5)", () => {
    const derived = withParentStandards({ HIPAA: ["§164.310(b)"], GDPR: ["Art.32(3)"], ISO27001: ["A.5.1"], NIST800171: ["3.1.1"] });
    expect(derived).toEqual({ HIPAA: ["§164.310(b)"], GDPR: ["Art.32(3)"], ISO27001: ["A.5.1"], NIST800171: ["3.1.1"] });
  });

  it("changes no coverage figure: the same statuses give the same coverage with or without the parents", () => {
    const statuses = ["Implemented", "Partially implemented", "Not implemented"];
    const rowsOf = (controls: readonly (typeof CONTROL_LIBRARY)[number][], key: FrameworkKey) =>
      controls.map((control, i) => ({ mapping: (control.mappings[key] ?? []).join("; "), status: statuses[i % statuses.length] }));
    for (const key of ["HIPAA", "GLBA", "GDPR"] as const) {
      const withParents = computeCoverage(key, rowsOf(CONTROL_LIBRARY, key));
      const leavesOnly = computeCoverage(key, rowsOf(HAND_WRITTEN_CONTROLS, key));
      expect(rowsOf(CONTROL_LIBRARY, key)).not.toEqual(rowsOf(HAND_WRITTEN_CONTROLS, key));
      expect(withParents).toEqual(leavesOnly);
      expect(withParents.unknownIds).toEqual([]);
      expect(withParents.coverage).toBeGreaterThan(0);
    }
  });
});
