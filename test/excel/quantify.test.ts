/**
 * Quantify on the headless host: the Loss Exceedance sheet gets the simulation's figures as values,
 * the chart follows the run's rows, a re-run replaces only those figures, progress reaches 1, and a
 * cancelled run changes nothing.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { quantifyWorkbook } from "../../src/excel/quantify";
import { defaultOptions } from "../../src/core/blueprint/options";
import { LOSS_CHART, LOSS_LAYOUT, LOSS_SHEET, RUN_FIELDS, SUMMARY_FIGURES } from "../../src/core/blueprint/lossExceedanceSheet";
import { QUANT, RISK_QUANT_TABLE } from "../../src/core/blueprint/riskQuantSheet";
import { cellAddress } from "../../src/core/a1";
import { LossDistribution, moneyFormat, simulatePortfolio } from "../../src/core/quant";

const TODAY = new Date(2026, 10, 23);
const immediately = () => Promise.resolve();

async function sampleWorkbook(): Promise<HeadlessWorkbook> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample: true }, TODAY));
  return wb;
}

const value = (wb: HeadlessWorkbook, row: number, column: number) => wb.sheet(LOSS_SHEET).cell(row, column)?.value;

function quantRisks(wb: HeadlessWorkbook) {
  const table = wb.getTable(RISK_QUANT_TABLE)!;
  const headers = table.columnNames();
  return table.bodyValues().map((row) => {
    const at = (h: string) => row[headers.indexOf(h)] as number | null;
    const or = (typed: string, inherent: string) => (at(typed) === null || (at(typed) as unknown) === "" ? at(inherent) : at(typed));
    return {
      inherent: { frequency: at(QUANT.frequency)!, low: at(QUANT.low)!, high: at(QUANT.high)! },
      residual: { frequency: or(QUANT.residualFrequency, QUANT.frequency)!, low: or(QUANT.residualLow, QUANT.low)!, high: or(QUANT.residualHigh, QUANT.high)! },
    };
  });
}

describe("Quantify", () => {
  it("writes the simulation's summary, run metadata, curve and shares as values", async () => {
    const wb = await sampleWorkbook();
    const progress: number[] = [];
    const summary = await run(wb, (ctx) => quantifyWorkbook(ctx, { years: 20_000, seed: 7, onProgress: (p) => progress.push(p), yieldToHost: immediately, today: TODAY }));
    const risks = quantRisks(wb);
    expect(summary.risks).toBe(risks.length);
    expect(summary.syncs).toBeLessThanOrEqual(6);
    const inherent = new LossDistribution(simulatePortfolio(risks.map((r) => r.inherent), { years: 20_000, seed: 7 }).annualLosses);
    const residual = new LossDistribution(simulatePortfolio(risks.map((r) => r.residual), { years: 20_000, seed: 7 }).annualLosses);
    const top = LOSS_LAYOUT.summaryHeaderRow + 1;
    const p90 = SUMMARY_FIGURES.findIndex((f) => f.key === "p90");
    expect(value(wb, top, 1)).toBeCloseTo(inherent.mean, 6);
    expect(value(wb, top, 2)).toBeCloseTo(residual.mean, 6);
    expect(value(wb, top + p90, 1)).toBe(inherent.percentile(0.9));
    expect(value(wb, top + p90, 2)).toBe(residual.percentile(0.9));
    expect([value(wb, LOSS_LAYOUT.runFirstRow, 1), value(wb, LOSS_LAYOUT.runFirstRow + 1, 1)]).toEqual([20_000, 7]);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);

    // The curve: thresholds rising, inherent exceedance as the simulation gives it, a tolerance formula beside each.
    const first = LOSS_LAYOUT.curveHeaderRow + 1;
    const threshold = value(wb, first + 5, 0) as number;
    expect(value(wb, first + 5, 1)).toBe(inherent.exceedance(threshold));
    expect(wb.sheet(LOSS_SHEET).cell(first + 5, 3)?.formula).toMatch(/^=IF\(OR\(A\d+="",COUNT/);
    const [chart] = wb.sheet(LOSS_SHEET).charts.filter((c) => c.name === LOSS_CHART);
    expect(chart.series[0].xValuesAddress).toBe(`'${LOSS_SHEET}'!A${first + 1}:A${first + summary.thresholds}`);
    expect(chart.series[2].valuesAddress).toBe(`'${LOSS_SHEET}'!D${first + 1}:D${first + summary.thresholds}`);
  });

  it("re-run replaces only the sheet's figures: typed tolerance points stay, a shorter curve leaves no old rows", async () => {
    const wb = await sampleWorkbook();
    await run(wb, (ctx) => quantifyWorkbook(ctx, { years: 5_000, yieldToHost: immediately }));
    const tolerance = cellAddress({ row: LOSS_LAYOUT.toleranceFirstRow + 1, column: 0 });
    await run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem(LOSS_SHEET).getRange(tolerance).values = [[2_000_000]];
      // Small losses everywhere: a much shorter curve than the sample's.
      const table = ctx.workbook.tables.getItem(RISK_QUANT_TABLE);
      const body = table.getDataBodyRange().load("rowCount");
      await ctx.sync();
      for (const header of [QUANT.low, QUANT.residualLow]) table.columns.getItem(header).getDataBodyRange().values = Array.from({ length: body.rowCount }, () => [1000]);
      for (const header of [QUANT.high, QUANT.residualHigh]) table.columns.getItem(header).getDataBodyRange().values = Array.from({ length: body.rowCount }, () => [2000]);
      await ctx.sync();
    });
    const firstRun = wb.sheet(LOSS_SHEET).cell(LOSS_LAYOUT.curveHeaderRow + 30, 0)?.value;
    expect(typeof firstRun).toBe("number");
    const before = wb.sheet(LOSS_SHEET).charts.length;
    const second = await run(wb, (ctx) => quantifyWorkbook(ctx, { years: 5_000, seed: 2, yieldToHost: immediately }));
    expect(value(wb, LOSS_LAYOUT.toleranceFirstRow + 1, 0)).toBe(2_000_000);
    expect(value(wb, LOSS_LAYOUT.runFirstRow + 1, 1)).toBe(2);
    const first = LOSS_LAYOUT.curveHeaderRow + 1;
    expect(second.thresholds).toBeLessThan(29);
    expect(value(wb, first + second.thresholds, 0) ?? null).toBeNull();
    expect(value(wb, LOSS_LAYOUT.curveHeaderRow + 30, 0) ?? null).toBeNull();
    expect(wb.sheet(LOSS_SHEET).charts.length).toBe(before);
  });

  it.each([
    [" eur ", "EUR"],
    ["", "USD"],
    ["Euro", "USD"],
  ])("a Currency setting of %p shows the run's figures in %p, as the rest of the workbook does", async (setting, shown) => {
    const wb = await sampleWorkbook();
    await run(wb, async (ctx) => {
      ctx.workbook.names.getItem("Currency").getRange().values = [[setting]];
      await ctx.sync();
    });
    const summary = await run(wb, (ctx) => quantifyWorkbook(ctx, { years: 2_000, yieldToHost: immediately }));
    expect(summary.currency).toBe(shown);
    expect(value(wb, LOSS_LAYOUT.runFirstRow + RUN_FIELDS.indexOf("Currency"), 1)).toBe(shown);
    expect(wb.sheet(LOSS_SHEET).cell(LOSS_LAYOUT.summaryHeaderRow + 1, 1)?.style?.numberFormat).toBe(moneyFormat(shown));
  });

  it("changes nothing when cancelled", async () => {
    const wb = await sampleWorkbook();
    const summaryCell = () => value(wb, LOSS_LAYOUT.summaryHeaderRow + 1, 1) ?? null;
    const before = summaryCell();
    await expect(run(wb, (ctx) => quantifyWorkbook(ctx, { years: 200_000, yieldToHost: immediately, cancelled: () => true }))).rejects.toMatchObject({ code: "Cancelled" });
    expect(summaryCell()).toBe(before);
  });

  it("says what to do when no risk is quantified yet", async () => {
    const wb = createWorkbook();
    await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("saas"), TODAY));
    await expect(run(wb, (ctx) => quantifyWorkbook(ctx, { yieldToHost: immediately }))).rejects.toMatchObject({
      code: "OperationBlocked",
      message: expect.stringMatching(/^No risk on the Risk Quantification sheet has an Annual Frequency, Loss Low and Loss High yet/),
    });
  });
});
