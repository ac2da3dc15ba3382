/** The plan sizes the rows a build writes to their wrapped text, and never the rows an analyst typed. */
import { ColumnSpec, SheetSpec, TableSpec, WorkbookBlueprint } from "../../../src/core/blueprint/types";
import { planBuild } from "../../../src/core/plan/planBuild";
import { EMPTY_SNAPSHOT, WorkbookSnapshot } from "../../../src/core/plan/snapshot";
import { PlanStep } from "../../../src/core/plan/steps";

const COLUMNS: ColumnSpec[] = [
  { header: "Risk ID", width: 50 },
  { header: "Description", width: 150, wrapText: true },
  { header: "Inherent Likelihood", width: 40 },
];
const LONG = "A published vulnerability in the VPN gateway or customer portal is exploited before the patch is applied, giving the attacker a foothold.";

function blueprint(seedRows: TableSpec["seedRows"], appendMissing = false): WorkbookBlueprint {
  const table: TableSpec = { name: "Risks", anchor: "A4", style: "TableStyleMedium2", columns: COLUMNS, seedRows, keyColumns: ["Risk ID"], appendMissing };
  const sheet: SheetSpec = { key: "risks", name: "Risk Register", tabColor: "#000000", ownerTable: "Risks", blocks: [], tables: [table], names: [] };
  return { sheets: [sheet] };
}

const heights = (steps: PlanStep[]) => steps.flatMap((s) => (s.kind === "rowHeights" ? [s] : []));

describe("row heights of a new table", () => {
  const plan = planBuild(blueprint([{ "Risk ID": "R-1", Description: "Short" }, { "Risk ID": "R-2", Description: LONG }, { "Risk ID": "R-3", Description: LONG }]), EMPTY_SNAPSHOT);
  const [step] = heights(plan.steps);

  it("makes a seeded row whose description wraps tall enough for every line, in one run per height", () => {
    expect(step.sheet).toBe("Risk Register");
    const body = step.runs.find((r) => r.address === "A6:A7");
    expect(body?.height).toBeGreaterThanOrEqual(45);
    expect(body!.height % 15).toBe(0);
    // The row with a short description keeps the default height: no run covers it.
    expect(step.runs.some((r) => r.address.startsWith("A5:"))).toBe(false);
  });

  it("wraps a header wider than its column and makes the header row tall enough", () => {
    expect(step.wrap).toEqual(["C4"]);
    expect(step.runs.find((r) => r.address === "A4:A4")?.height).toBeGreaterThanOrEqual(30);
  });

  it("comes after the column formats, so the wrap it sizes for is in place", () => {
    const kinds = plan.steps.map((s) => s.kind);
    expect(kinds.lastIndexOf("column")).toBeLessThan(kinds.indexOf("rowHeights"));
  });
});

describe("row heights of a calculated column", () => {
  // RiskQuant's Title looks the register's title up: the seed carries what the formula shows.
  const columns: ColumnSpec[] = [COLUMNS[0], { header: "Title", width: 150, wrapText: true, formula: "=INDEX(Risks[Title],1)" }];
  const table: TableSpec = { name: "RiskQuant", anchor: "A4", style: "TableStyleMedium2", columns, seedRows: [{ "Risk ID": "R-1", Title: LONG }], keyColumns: ["Risk ID"] };
  const plan = planBuild({ sheets: [{ key: "q", name: "Risk Quantification", tabColor: "#000000", ownerTable: "RiskQuant", blocks: [], tables: [table], names: [] }] }, EMPTY_SNAPSHOT);

  it("sizes a seeded row to the text its formula shows, and writes the formula, not the text", () => {
    expect(heights(plan.steps)[0].runs.find((r) => r.address === "A5:A5")?.height).toBeGreaterThanOrEqual(45);
    const create = plan.steps.find((s) => s.kind === "createTable");
    expect(JSON.stringify(create)).not.toContain("A published vulnerability");
  });
});

describe("row heights on a re-run", () => {
  const existing: WorkbookSnapshot = {
    readOnly: false,
    sheets: [{ name: "Risk Register", protected: false, usedRange: "A1:C6" }],
    tables: [{ name: "Risks", sheet: "Risk Register", headerRow: 3, firstColumn: 0, headers: COLUMNS.map((c) => c.header), bodyRows: 2, firstRowFormulas: ["R-1", LONG, 3], columns: { "Risk ID": ["R-1", "R-2"], Description: [LONG, LONG], "Inherent Likelihood": [3, 3] } }],
    names: [],
  };

  it("leaves the analyst's rows and the header as they are", () => {
    expect(heights(planBuild(blueprint([{ "Risk ID": "R-1", Description: LONG }], true), existing).steps)).toEqual([]);
  });

  it("sizes only the seed rows it appends, below the rows already there", () => {
    const [step] = heights(planBuild(blueprint([{ "Risk ID": "R-1", Description: LONG }, { "Risk ID": "R-9", Description: LONG }], true), existing).steps);
    expect(step.runs.map((r) => r.address)).toEqual(["A7:A7"]);
    expect(step.wrap).toBeUndefined();
  });
});
