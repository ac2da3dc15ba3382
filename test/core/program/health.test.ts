import { currentPhase, indicatorHealth, programHealth, tablesReadBy } from "../../../src/core/program/health";
import { PROGRAM_ELEMENT_NAMES } from "../../../src/core/program/elements";
import { REGISTERS } from "../../../src/core/registers";

const targets = [
  { indicator: "Security training completion", target: 0.95, better: "Higher" },
  { indicator: "Open incidents", target: 0, better: "Lower" },
  { indicator: "Mean time to detect (hours)", target: 24, better: "Lower" },
];

describe("Program health from indicators and targets", () => {
  it("finds the tables a formula reads, in the workbook's display form and the long form", () => {
    expect(tablesReadBy(`=IFERROR(SUM(Training[Completed])/SUM(Training[Assigned]),"")`)).toEqual(["Training"]);
    expect(tablesReadBy(`=COUNTIFS(Incidents[[#This Row],[Status]],"Open",Assets[Owner],"")`)).toEqual(["Incidents", "Assets"]);
  });

  it("judges an indicator by its target in the Better direction, and says when there is no data or no target", () => {
    expect(indicatorHealth({ label: "Open incidents", value: 2, formula: "" }, targets)).toMatchObject({ health: "off target", target: 0, better: "Lower" });
    expect(indicatorHealth({ label: "open incidents ", value: 0, formula: "" }, targets).health).toBe("on target");
    expect(indicatorHealth({ label: "Security training completion", value: "", formula: "" }, targets).health).toBe("no data");
    expect(indicatorHealth({ label: "Assets without an owner", value: 3, formula: "" }, targets).health).toBe("no target");
    expect(indicatorHealth({ label: "Security training completion", value: 0.96, formula: "", numberFormat: "0%" }, targets)).toMatchObject({ health: "on target", percent: true });
  });

  it("gives all eight elements in order; an element is off target when any indicator is, no target when it has figures but no targets, no data when its register is missing", () => {
    const tables = new Map([["incidents", "Incidents"], ["training", "Training"], ["risks", "Risk Register"]]);
    const health = programHealth(REGISTERS, tables, ["Incidents", "Training", "Risk Register"], [
      { label: "Open incidents", value: 1, formula: "=COUNTIFS(Incidents[Status],\"Open\")" },
      { label: "Mean time to detect (hours)", value: 3, formula: "=AVERAGEIFS(Incidents[Hours to Detect],Incidents[Occurred],\"<>\")" },
      { label: "Security training completion", value: 0.97, formula: "=IFERROR(SUM(Training[Completed])/SUM(Training[Assigned]),\"\")" },
      { label: "Open High risks", value: 4, formula: "=COUNTIFS(Risks[Status],\"<>Closed\")" },
    ], targets);
    expect(health.map((e) => e.element)).toEqual(PROGRAM_ELEMENT_NAMES);
    const of = (name: string) => health.find((e) => e.element === name)!;
    expect(of("Incident response")).toMatchObject({ health: "off target", sheet: "Incidents", summary: "1 of 2 indicators with a target on target." });
    expect(of("Training and awareness")).toMatchObject({ health: "on target", sheet: "Training" });
    expect(of("Risk management")).toMatchObject({ health: "no target", sheet: "Risk Register", summary: "1 indicator with a figure and no target yet: add its row to KpiTargets on the Scales sheet." });
    expect(of("Vendor management")).toMatchObject({ health: "no data", sheet: undefined, summary: "No register for this element in the workbook yet." });
    expect(of("Access control")).toMatchObject({ health: "no data", indicators: [] });
  });

  it("takes the first phase in progress as the current one, else the first not complete", () => {
    const rows = [
      { phase: "Establish governance", status: "Complete", done: 1 },
      { phase: "Risk assessment", status: "Not started", done: 0 },
      { phase: "Policies", status: "In progress", done: 0.4 },
    ];
    expect(currentPhase(rows)?.phase).toBe("Policies");
    expect(currentPhase(rows.slice(0, 2))?.phase).toBe("Risk assessment");
    expect(currentPhase(rows.slice(0, 1))).toBeUndefined();
  });
});
