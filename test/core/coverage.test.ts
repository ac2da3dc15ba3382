import { controlCredit, isNotApplicable } from "../../src/core/coverage/credit";
import { coverageOf, gapsOf, type ControlRow } from "../../src/core/coverage/compute";
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
  const rows: ControlRow[] = [
    { mapping: "A.1; A.2", status: "Implemented" },
    { mapping: "a.2, B.1", status: "Partially implemented" },
    { mapping: "B.2\nA.3", status: "Implemented", effectiveness: "Ineffective" },
    { mapping: "", status: "Implemented" },
    { mapping: "X.9; A.1; A.1", status: "  IMPLEMENTED " },
    { mapping: "A", status: "Implemented" },
  ];

  it("credits each requirement with its best control and divides by the applicable count", () => {
    const result = coverageOf(view, rows);
    expect(result.coverage).toBeCloseTo(2.5 / 5);
    expect(result).toMatchObject({ applicable: 5, covered: 2, partial: 1, gaps: 2, notApplicable: 0 });
    expect([...result.credits]).toEqual([["A.1", 1], ["A.2", 1], ["A.3", 0], ["B.1", 0.5], ["B.2", 0]]);
  });

  it("reports IDs the framework does not know with their row, but not headings", () => {
    expect(coverageOf(view, rows).unknownIds).toEqual([{ row: 4, id: "X.9" }]);
  });

  it("counts a requirement mapped twice in one cell once", () => {
    const result = coverageOf(view, [{ mapping: "A.1; A.1; a.1", status: "Implemented" }]);
    expect(result.coverage).toBeCloseTo(1 / 5);
  });

  it("keeps the best credit when a better control follows a worse one", () => {
    const result = coverageOf(view, [
      { mapping: "B.1", status: "Partially implemented" },
      { mapping: "B.1", status: "Implemented" },
      { mapping: "B.1", status: "Planned" },
    ]);
    expect(result.credits.get("B.1")).toBe(1);
  });

  it("leaves requirements marked not applicable out of the denominator", () => {
    const result = coverageOf(view, rows, new Map([["b.2", false]]));
    expect(result.coverage).toBeCloseTo(2.5 / 4);
    expect(result).toMatchObject({ applicable: 4, gaps: 1, notApplicable: 1 });
    expect(result.credits.has("B.2")).toBe(false);
  });

  it("applies a parent's applicability to its children unless a child says otherwise", () => {
    const result = coverageOf(view, rows, new Map([["B", false], ["B.1", true]]));
    expect(result).toMatchObject({ applicable: 4, notApplicable: 1 });
    expect(result.credits.has("B.1")).toBe(true);
  });

  it("reports zero applicable requirements as coverage 0 with applicable 0", () => {
    const result = coverageOf(view, rows, new Map([["A", false], ["B", false]]));
    expect(result).toMatchObject({ coverage: 0, applicable: 0, notApplicable: 5 });
  });

  it("gives 0 for an empty control matrix", () => {
    expect(coverageOf(view, []).coverage).toBe(0);
  });

  it("gives the same answer when called again with the same cells (parsed-cell cache)", () => {
    expect(coverageOf(view, rows)).toEqual(coverageOf(view, rows));
  });
});

describe("gapsOf", () => {
  it("lists applicable requirements not fully covered, in catalog order, with label and credit", () => {
    const view = toyFramework();
    const rows: ControlRow[] = [
      { mapping: "B.1", status: "Partially implemented" },
      { mapping: "A.1; A.3", status: "Implemented" },
    ];
    const result = coverageOf(view, rows, new Map([["B.2", false]]));
    expect(gapsOf(view, result)).toEqual([
      { id: "A.2", label: "Second in A", credit: 0 },
      { id: "B.1", label: "First in B", credit: 0.5 },
    ]);
  });
});
