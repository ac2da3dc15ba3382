import type { BuildReport, Problem } from "../../src/excel/operations";
import { buildHeadline, cellReference, describeBuildReport, groupProblems, percentText } from "../../src/taskpane/summaries";

const report = (patch: Partial<BuildReport>): BuildReport => ({ created: [], repaired: [], renamed: [], warnings: [], notes: [], syncs: 2, ...patch });

describe("build report wording", () => {
  it("explains a renamed sheet the way the analyst sees it", () => {
    const lines = describeBuildReport(report({ renamed: [{ wanted: "Risk Register", actual: "Risk Register (ISMP)" }] }));
    expect(lines).toEqual([
      { kind: "renamed", text: "A sheet named Risk Register already exists and isn't ours; ours is 'Risk Register (ISMP)'." },
    ]);
  });

  it("summarises what changed", () => {
    expect(buildHeadline(report({}))).toBe("The workbook was already up to date.");
    expect(buildHeadline(report({ created: ["Sheet Risks", "Table Risks"], repaired: ["Formula in Risks"] }))).toBe("Done: 2 created, 1 repaired.");
    expect(describeBuildReport(report({ created: ["Sheet Scales"], warnings: ["Sample data skipped"] })).map((l) => l.text)).toEqual([
      "Created Sheet Scales",
      "Sample data skipped",
    ]);
  });
});

describe("problem list", () => {
  const problem = (severity: Problem["severity"], address: string): Problem => ({ code: "X", severity, sheet: "Risk Register", address, message: "m" });

  it("groups errors before warnings and drops empty groups", () => {
    const groups = groupProblems([problem("warning", "A1"), problem("error", "B2"), problem("error", "C3")]);
    expect(groups.map((g) => [g.title, g.problems.map((p) => p.address)])).toEqual([
      ["Errors", ["B2", "C3"]],
      ["Warnings", ["A1"]],
    ]);
    expect(groupProblems([problem("warning", "A1")]).map((g) => g.severity)).toEqual(["warning"]);
  });

  it("writes sheet!cell references like Excel", () => {
    expect(cellReference("Risk Register", "B7")).toBe("'Risk Register'!B7");
    expect(cellReference("Assets", "A2")).toBe("Assets!A2");
    expect(cellReference("Bob's", "A2")).toBe("'Bob''s'!A2");
  });

  it("rounds coverage to whole percent within 0-100", () => {
    expect(percentText(0.634)).toBe("63%");
    expect(percentText(1.2)).toBe("100%");
  });
});

import { parseWholeField } from "../../src/taskpane/summaries";

describe("whole-number fields (Quantify's years and seed)", () => {
  it("accepts thousands separators and names the field and range otherwise", () => {
    expect(parseWholeField("100,000", "Years", 1, 10_000_000)).toEqual({ ok: true, value: 100_000 });
    expect(parseWholeField("2.5", "Years", 1, 10_000_000)).toEqual({ ok: false, message: "Years must be a whole number from 1 to 10,000,000." });
    expect(parseWholeField("", "Seed", 0, 9)).toMatchObject({ ok: false });
  });
});
