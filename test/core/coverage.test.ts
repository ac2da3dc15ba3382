import { controlCredit, isNotApplicable } from "../../src/core/coverage/credit";
import { coverageOf, gapsOf, type ControlState, type MappingRow } from "../../src/core/coverage/compute";
import { splitMappingCell } from "../../src/core/coverage/mappingCells";
import { toyFramework } from "./coverageFixture";

describe("splitMappingCell", () => {
  it('splits on ";" and tolerates "," and line breaks, dropping blanks', () => {
    expect(splitMappingCell(" A.1; A.2 ,A.3\nB.1\r\n;; ")).toEqual(["A.1", "A.2", "A.3", "B.1"]);
  });
  it("gives nothing for a blank cell", () => {
    expect(splitMappingCell("   ")).toEqual([]);
  });
});

describe("controlCredit", () => {
  it.each([
    ["Implemented", undefined, 1],
    ["  partially   IMPLEMENTED ", undefined, 0.5],
    ["Planned", undefined, 0],
    ["", undefined, 0],
    ["Implemented", "Effective", 1],
    ["Implemented", " ineffective ", 0],
    ["Partially implemented", "Ineffective", 0],
  ])("status %p, effectiveness %p gives %p", (status, effectiveness, credit) => {
    expect(controlCredit(status, effectiveness)).toBe(credit);
  });
});

describe("isNotApplicable", () => {
  it.each(["N", "no", " FALSE ", false, "Not applicable", "not  applicable"])("%p means not applicable", (value) => expect(isNotApplicable(value)).toBe(true));
  it.each(["Y", "Yes", true, "TRUE", "", null, undefined])("%p means applicable", (value) => expect(isNotApplicable(value)).toBe(false));
});

describe("coverageOf (toy framework: A.1 A.2 A.3 B.1 B.2)", () => {
  const view = toyFramework();
  const controls: ControlState[] = [
    { id: "C1", status: "Implemented" },
    { id: "C2", status: "Partially implemented" },
    { id: "C3", status: "Implemented", effectiveness: "Ineffective" },
    { id: "C4", status: "  IMPLEMENTED " },
    { id: "C5", status: "Planned" },
  ];
  const map = (controlId: string, requirementId: string, relationship = "Equal", jointlySufficient = "No"): MappingRow => ({
    controlId, requirementId, relationship, jointlySufficient,
  });
  const rows: MappingRow[] = [
    map("C1", "A.1"),
    map("C1", "A.2", "Superset of"),
    map("C2", "a.2"),
    map("C2", "B.1", "Equal"),
    map("C3", "B.2"),
    map("C3", "A.3"),
    map("C4", "X.9"),
    map("C4", "A"),
  ];

  it("gives an Equal or Superset control its status credit and divides by the applicable count", () => {
    const result = coverageOf(view, rows, controls);
    expect(result.coverage).toBeCloseTo(2.5 / 5);
    expect(result).toMatchObject({ applicable: 5, covered: 2, partial: 1, gaps: 2, notApplicable: 0 });
    expect([...result.credits]).toEqual([["A.1", 1], ["A.2", 1], ["A.3", 0], ["B.1", 0.5], ["B.2", 0]]);
  });

  it("gives only partial credit, never full, from an implemented control that only intersects or is a subset", () => {
    for (const relationship of ["Intersects", "Subset of", "", "typo"]) {
      const result = coverageOf(view, [map("C1", "A.1", relationship)], controls);
      expect(result.credits.get("A.1")).toBe(0.5);
      expect(result).toMatchObject({ covered: 0, partial: 1 });
    }
    expect(coverageOf(view, [map("C2", "A.1", "Intersects")], controls).credits.get("A.1")).toBe(0.25);
  });

  it("gives full credit to a jointly sufficient set only once every member is Implemented", () => {
    const joint = [map("C1", "A.1", "Subset of", "Yes"), map("C4", "A.1", "Subset of", "yes")];
    expect(coverageOf(view, joint, controls).credits.get("A.1")).toBe(1);
    expect(coverageOf(view, joint, controls).creditedBy.get("A.1")).toEqual(["C1", "C4"]);
    const incomplete = [...joint, map("C5", "A.1", "Subset of", "Yes")];
    expect(coverageOf(view, incomplete, controls).credits.get("A.1")).toBe(0.5);
    const halfDone = [map("C1", "A.1", "Subset of", "Yes"), map("C2", "A.1", "Subset of", "Yes")];
    expect(coverageOf(view, halfDone, controls).credits.get("A.1")).toBe(0.5);
    expect(coverageOf(view, [map("C1", "A.1", "Subset of", "No"), map("C4", "A.1", "Subset of")], controls).credits.get("A.1")).toBe(0.5);
  });

  it("names the controls that give each requirement its credit", () => {
    const result = coverageOf(view, [...rows, map("C4", "A.1", "Intersects")], controls);
    expect(result.creditedBy.get("A.1")).toEqual(["C1"]);
    expect(result.creditedBy.get("B.1")).toEqual(["C2"]);
    expect(result.creditedBy.has("A.3")).toBe(false);
  });

  it("reports unknown IDs, parents that are not assessable and controls missing from the matrix, with their row", () => {
    const result = coverageOf(view, [...rows, map("C9", "B.1")], controls);
    expect(result.unknownIds).toEqual([{ row: 6, id: "X.9" }]);
    expect(result.notAssessableIds).toEqual([{ row: 7, id: "A" }]);
    expect(result.unknownControls).toEqual([{ row: 8, id: "C9" }]);
  });

  it("matches control IDs without regard to case or surrounding spaces, the first matrix row winning", () => {
    const result = coverageOf(view, [map(" c1 ", "A.1")], [...controls, { id: "C1", status: "Planned" }]);
    expect(result.credits.get("A.1")).toBe(1);
  });

  it("keeps the best credit when a better mapping follows a worse one", () => {
    const result = coverageOf(view, [map("C2", "B.1"), map("C1", "B.1"), map("C5", "B.1")], controls);
    expect(result.credits.get("B.1")).toBe(1);
  });

  it("leaves requirements marked not applicable out of the denominator", () => {
    const result = coverageOf(view, rows, controls, new Map([["b.2", false]]));
    expect(result.coverage).toBeCloseTo(2.5 / 4);
    expect(result).toMatchObject({ applicable: 4, gaps: 1, notApplicable: 1 });
    expect(result.credits.has("B.2")).toBe(false);
  });

  it("applies a parent's applicability to its children unless a child says otherwise", () => {
    const result = coverageOf(view, rows, controls, new Map([["B", false], ["B.1", true]]));
    expect(result).toMatchObject({ applicable: 4, notApplicable: 1 });
    expect(result.credits.has("B.1")).toBe(true);
  });

  it("reports zero applicable requirements as coverage 0 with applicable 0", () => {
    const result = coverageOf(view, rows, controls, new Map([["A", false], ["B", false]]));
    expect(result).toMatchObject({ coverage: 0, applicable: 0, notApplicable: 5 });
  });

  it("gives 0 for no mappings", () => {
    expect(coverageOf(view, [], controls).coverage).toBe(0);
  });
});

describe("gapsOf", () => {
  it("lists applicable requirements not fully covered, in catalog order, with label and credit", () => {
    const view = toyFramework();
    const controls: ControlState[] = [{ id: "P", status: "Partially implemented" }, { id: "I", status: "Implemented" }];
    const rows: MappingRow[] = [
      { controlId: "P", requirementId: "B.1", relationship: "Equal" },
      { controlId: "I", requirementId: "A.1", relationship: "Equal" },
      { controlId: "I", requirementId: "A.3", relationship: "Superset of" },
    ];
    const result = coverageOf(view, rows, controls, new Map([["B.2", false]]));
    expect(gapsOf(view, result)).toEqual([
      { id: "A.2", label: "Second in A", credit: 0 },
      { id: "B.1", label: "First in B", credit: 0.5 },
    ]);
  });
});
