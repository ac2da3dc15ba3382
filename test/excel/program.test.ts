import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { readProgram } from "../../src/excel/program";
import { createSyncCounter } from "../../src/excel/syncCounter";
import { defaultOptions } from "../../src/core/blueprint/options";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../src/core/blueprint/operationsScales";
import { PROGRAM_ELEMENT_NAMES } from "../../src/core/program/elements";
import { ROADMAP, ROADMAP_TABLE } from "../../src/core/registers/roadmap";

const TODAY = new Date(2026, 10, 23);

async function sampleWorkbook(): Promise<HeadlessWorkbook> {
  const wb = createWorkbook({ calculate: true });
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample: true }, TODAY));
  return wb;
}

/** Writes `value` into `column` of the KpiTargets row for `indicator`, as an analyst would. */
async function setTarget(wb: HeadlessWorkbook, indicator: string, value: number): Promise<void> {
  const table = wb.getTable(OPERATIONS_SCALE_TABLES.kpiTargets)!;
  const headers = table.columnNames();
  const row = table.bodyValues().findIndex((r) => r[headers.indexOf(OPS_SCALE.indicator)] === indicator);
  expect(row).toBeGreaterThanOrEqual(0);
  await run(wb, async (ctx) => {
    ctx.workbook.tables.getItem(table.name).getDataBodyRange().getCell(row, headers.indexOf(OPS_SCALE.target)).values = [[value]];
    await ctx.sync();
  });
}

describe("Program view's read", () => {
  it("reads the eight elements' health, links and the roadmap phase in two syncs", async () => {
    const wb = await sampleWorkbook();
    const sync = createSyncCounter();
    const overview = await run(wb, (ctx) => readProgram(ctx, sync));
    expect(sync.count).toBe(2);
    expect(overview.elements.map((e) => e.element)).toEqual(PROGRAM_ELEMENT_NAMES);
    const of = (name: string) => overview.elements.find((e) => e.element === name)!;
    expect(of("Risk management").sheet).toBe("Risk Register");
    expect(of("Incident response").sheet).toBe("Incidents");
    expect(of("Governance").sheet).toBe("Program");
    expect(of("Governance").indicators.map((i) => i.label)).toEqual(expect.arrayContaining(["Leadership reviews in the last 90 days", "Roadmap progress"]));
    expect(of("Training and awareness").indicators.map((i) => i.label)).toEqual(expect.arrayContaining(["Security training completion"]));
    // The sample's risk KPIs have figures but KpiTargets has no rows for them: the view says so instead of "No data".
    expect(of("Risk management")).toMatchObject({ health: "no target", summary: expect.stringMatching(/with a figure and no target yet/) });
    for (const element of overview.elements) {
      const states = element.indicators.map((i) => i.health);
      expect(element.health).toBe(states.includes("off target") ? "off target" : states.includes("on target") ? "on target" : states.includes("no target") ? "no target" : "no data");
    }
    expect(overview.hasRoadmap).toBe(true);
    expect(overview.roadmapSheet).toBe("Program");
    const roadmap = wb.getTable(ROADMAP_TABLE)!;
    const phases = roadmap.bodyValues().map((r) => String(r[roadmap.columnNames().indexOf(ROADMAP.phase)]));
    if (overview.phase) expect(phases).toContain(overview.phase.phase);
  });

  it("follows the analyst's targets: a reachable target puts the element on target, an unreachable one off target", async () => {
    const wb = await sampleWorkbook();
    const training = async () => (await run(wb, (ctx) => readProgram(ctx))).elements.find((e) => e.element === "Training and awareness")!;
    for (const k of (await training()).indicators) await setTarget(wb, k.label, k.better === "Lower" ? 1e9 : -1);
    expect((await training()).health).toBe("on target");
    await setTarget(wb, "Security training completion", 2);
    const off = await training();
    expect(off.health).toBe("off target");
    expect(off.indicators.find((i) => i.label === "Security training completion")).toMatchObject({ health: "off target", target: 2, percent: true });
  });
});
