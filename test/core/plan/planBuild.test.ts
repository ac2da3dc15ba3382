/** planBuild on hand-made blueprints and snapshots: what a re-run adds, restores, reports and refuses. */
import fc from "fast-check";
import { cellAddress, parseRange } from "../../../src/core/a1";
import { ColumnSpec, SheetSpec, TableSpec, thisRow, WorkbookBlueprint } from "../../../src/core/blueprint/types";
import { planBuild } from "../../../src/core/plan/planBuild";
import { EMPTY_SNAPSHOT, TableSnapshot, WorkbookSnapshot } from "../../../src/core/plan/snapshot";
import { PlanStep } from "../../../src/core/plan/steps";

const SCORE_FORMULA = `=${thisRow("Risks", "Likelihood")}*${thisRow("Risks", "Impact")}`;

const RISK_COLUMNS: ColumnSpec[] = [
  { header: "Risk ID", width: 40 },
  { header: "Likelihood", width: 40 },
  { header: "Impact", width: 40 },
  { header: "Score", width: 40, formula: SCORE_FORMULA },
  { header: "Owner", width: 40 },
];

function tableSpec(name: string, anchor: string, columns: readonly ColumnSpec[], seedRows: TableSpec["seedRows"] = []): TableSpec {
  return { name, anchor, style: "TableStyleLight9", columns, seedRows };
}

function sheetSpec(key: string, name: string, tables: TableSpec[], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { key, name, tabColor: "#000000", ownerTable: tables[0]?.name, blocks: [], tables, names: [], ...extra };
}

const RISKS_SHEET = sheetSpec("risks", "Risk Register", [tableSpec("Risks", "A4", RISK_COLUMNS)], {
  names: [{ name: "FirstScore", formula: "={cell:Risks[Score]#1}", comment: "first score" }],
});
const BLUEPRINT: WorkbookBlueprint = { sheets: [RISKS_SHEET] };

function risksTable(overrides: Partial<TableSnapshot> = {}): TableSnapshot {
  return {
    name: "Risks",
    sheet: "Risk Register",
    headerRow: 3,
    firstColumn: 0,
    headers: RISK_COLUMNS.map((c) => c.header),
    bodyRows: 2,
    firstRowFormulas: ["R-1", 3, 4, SCORE_FORMULA, "Ann"],
    ...overrides,
  };
}

function snapshot(overrides: Partial<WorkbookSnapshot> = {}): WorkbookSnapshot {
  return {
    readOnly: false,
    sheets: [{ name: "Risk Register", protected: false, usedRange: "A1:E6" }],
    tables: [risksTable()],
    names: ["FirstScore"],
    ...overrides,
  };
}

const stepsOf = <K extends PlanStep["kind"]>(steps: PlanStep[], kind: K) => steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);

describe("planBuild on a workbook it built before", () => {
  it("changes nothing structural and reports nothing when everything is in place", () => {
    const plan = planBuild(BLUEPRINT, snapshot());
    expect(plan.blockers).toEqual([]);
    expect(plan.report).toEqual({ created: [], repaired: [], renamed: [], warnings: [], notes: [] });
    expect(plan.steps.map((s) => s.kind).filter((k) => k !== "column")).toEqual([]);
  });

  it("appends a missing column after the columns the user added, and lays its formats out there", () => {
    const headers = ["Risk ID", "Likelihood", "Impact", "Score", "My notes", "My rank"];
    const plan = planBuild(BLUEPRINT, snapshot({ tables: [risksTable({ headers, firstRowFormulas: ["R-1", 3, 4, SCORE_FORMULA, "x", 1] })] }));

    expect(stepsOf(plan.steps, "appendColumns")).toEqual([{ kind: "appendColumns", table: "Risks", headers: ["Owner"] }]);
    const owner = stepsOf(plan.steps, "column").find((s) => s.widthColumn !== undefined);
    expect(owner?.widthColumn).toBe("G:G");
    expect(owner?.body).toBe("G5:G6");
    expect(plan.report.repaired).toEqual(["Added column Owner to table Risks"]);
  });

  it("never writes to a user column: column steps cover only the blueprint's columns", () => {
    const headers = ["Risk ID", "My notes", "Likelihood", "Impact", "Score", "Owner"];
    const plan = planBuild(BLUEPRINT, snapshot({ tables: [risksTable({ headers, firstRowFormulas: ["R-1", "x", 3, 4, SCORE_FORMULA, "Ann"] })] }));
    const bodies = stepsOf(plan.steps, "column").map((s) => s.body);
    expect(bodies).toEqual(["A5:A6", "C5:C6", "D5:D6", "E5:E6", "F5:F6"]);
  });

  it("restores a deleted name, resolved to where the table is now", () => {
    const plan = planBuild(BLUEPRINT, snapshot({ names: [], tables: [risksTable({ headerRow: 9, firstColumn: 2 })] }));
    expect(stepsOf(plan.steps, "name")).toEqual([{ kind: "name", name: "FirstScore", formula: "='Risk Register'!$F$11", comment: "first score" }]);
    expect(plan.report.repaired).toContain("Restored the name FirstScore");
  });

  it.each([
    ["the long form", SCORE_FORMULA],
    ["Excel's display form", "=[@Likelihood]*[@Impact]"],
    ["Excel's bracketed display form with spaces", "= [@[Likelihood]] * [@[Impact]]"],
    ["the table-qualified display form", "=Risks[@[Likelihood]]*Risks[@[Impact]]"],
  ])("does not report a formula repair when the workbook holds %s", (_label, formula) => {
    const plan = planBuild(BLUEPRINT, snapshot({ tables: [risksTable({ firstRowFormulas: ["R-1", 3, 4, formula, "Ann"] })] }));
    expect(plan.report.repaired).toEqual([]);
  });

  it.each([
    ["a typed value", 12],
    ["another formula", "=[@Likelihood]+[@Impact]"],
    ["a blank", ""],
  ])("reports the formula repair when the workbook holds %s", (_label, value) => {
    const plan = planBuild(BLUEPRINT, snapshot({ tables: [risksTable({ firstRowFormulas: ["R-1", 3, 4, value, "Ann"] })] }));
    expect(plan.report.repaired).toEqual(["Restored the formula of Risks[Score]"]);
    expect(stepsOf(plan.steps, "column").find((s) => s.formula)?.body).toBe("D5:D6");
  });
});

describe("planBuild and sheet names", () => {
  it("builds beside a user's sheet that has our name but not our table, and says so", () => {
    const plan = planBuild(BLUEPRINT, { ...EMPTY_SNAPSHOT, sheets: [{ name: "risk register", protected: false, usedRange: "A1:C3" }] });
    expect(plan.sheetNames.risks).toBe("Risk Register (ISMP)");
    expect(plan.report.renamed).toEqual([{ wanted: "Risk Register", actual: "Risk Register (ISMP)" }]);
    expect(stepsOf(plan.steps, "addSheet").map((s) => s.sheet)).toEqual(["Risk Register (ISMP)"]);
    expect(stepsOf(plan.steps, "createTable").map((s) => s.sheet)).toEqual(["Risk Register (ISMP)"]);
    expect(stepsOf(plan.steps, "write").filter((s) => s.sheet === "risk register")).toEqual([]);
  });

  it("finds our sheet by its table, whatever it is called now", () => {
    const plan = planBuild(BLUEPRINT, snapshot({ sheets: [{ name: "Our risks", protected: false, usedRange: "A1:E6" }], tables: [risksTable({ sheet: "Our risks" })] }));
    expect(plan.sheetNames.risks).toBe("Our risks");
    expect(stepsOf(plan.steps, "addSheet")).toEqual([]);
    expect(plan.report.renamed).toEqual([]);
  });

  it("points a restored name that names a sheet at the sheet holding our table", () => {
    const grid = sheetSpec("grid", "Grid", [tableSpec("Cells", "A1", [{ header: "Value", width: 40 }])], {
      names: [{ name: "GridCorner", formula: "='Grid'!$C$3", comment: "" }],
    });
    const plan = planBuild({ sheets: [grid] }, { ...EMPTY_SNAPSHOT, sheets: [{ name: "Grid", protected: false, usedRange: "A1:B2" }] });
    expect(stepsOf(plan.steps, "name")[0].formula).toBe("='Grid (ISMP)'!$C$3");
  });
});

describe("planBuild refuses before changing anything", () => {
  it("when the workbook is read-only", () => {
    expect(planBuild(BLUEPRINT, snapshot({ readOnly: true })).blockers).toEqual([expect.stringMatching(/read-only/)]);
  });

  it("when one of our sheets is protected, naming it; a protected user sheet does not matter", () => {
    const sheets = [
      { name: "Risk Register", protected: true, usedRange: "A1:E6" },
      { name: "Private", protected: true },
    ];
    expect(planBuild(BLUEPRINT, snapshot({ sheets })).blockers).toEqual([expect.stringMatching(/^Sheet "Risk Register" is protected/)]);
  });
});

describe("A table created on a sheet that already has content", () => {
  const extraColumns: ColumnSpec[] = [
    { header: "Level", width: 40 },
    { header: "Label", width: 40 },
  ];
  const seeds = [1, 2, 3].map((level) => ({ Level: level, Label: `L${level}` }));
  /** Our sheet (found by its first table) lost two tables the blueprint places side by side. */
  const blueprint: WorkbookBlueprint = {
    sheets: [sheetSpec("scales", "Scales", [tableSpec("Owner", "A4", [{ header: "Key", width: 40 }]), tableSpec("Left", "D4", extraColumns, seeds), tableSpec("Right", "G4", extraColumns, seeds)])],
  };
  const owner: TableSnapshot = { name: "Owner", sheet: "Scales", headerRow: 3, firstColumn: 0, headers: ["Key"], bodyRows: 1, firstRowFormulas: ["k"] };

  type Box = { r0: number; r1: number; c0: number; c1: number };
  const box = (address: string): Box => {
    const { start, end } = parseRange(address);
    return { r0: start.row, r1: end.row, c0: start.column, c1: end.column };
  };
  const meet = (a: Box, b: Box) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

  it("never overlaps the used range or another new table", () => {
    const lastUsedCell = fc.record({ row: fc.integer({ min: 0, max: 30 }), column: fc.integer({ min: 0, max: 30 }) });
    fc.assert(
      fc.property(lastUsedCell, (last) => {
        const used = `A1:${cellAddress(last)}`;
        const plan = planBuild(blueprint, { ...EMPTY_SNAPSHOT, sheets: [{ name: "Scales", protected: false, usedRange: used }], tables: [owner] });
        const created = stepsOf(plan.steps, "createTable").map((s) => box(s.address));
        expect(created).toHaveLength(2);
        for (const table of created) expect(meet(table, box(used))).toBe(false);
        expect(meet(created[0], created[1])).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the blueprint's place when the sheet is empty there", () => {
    const plan = planBuild(blueprint, { ...EMPTY_SNAPSHOT, sheets: [{ name: "Scales", protected: false, usedRange: "A1:A5" }], tables: [owner] });
    expect(stepsOf(plan.steps, "createTable").map((s) => s.address)).toEqual(["D4:E7", "G4:H7"]);
  });
});

describe("Tables on a new sheet", () => {
  it("never cover the sheet's own blocks (a grid the blueprint writes where a long table would reach)", () => {
    const grid = { address: "C8:E10", values: [[1, 2, 3], [2, 4, 6], [3, 6, 9]] };
    const long = tableSpec("Long", "D4", [{ header: "Item", width: 40 }], Array.from({ length: 10 }, (_, i) => ({ Item: `i${i}` })));
    const plan = planBuild({ sheets: [sheetSpec("s", "S", [long], { blocks: [grid] })] }, EMPTY_SNAPSHOT);
    expect(stepsOf(plan.steps, "createTable").map((s) => s.address)).toEqual(["G4:G14"]);
  });
});
