/**
 * Risk in money (#14): the portfolio simulation at 100 and 1,000 risks × 100,000 years, its memory
 * (bounded by years, not events), and ISMP.ALE over 10,000 cells. The risks are the sample register's
 * loss estimates (5×5 scales), repeated: frequencies 0.05 to 2 a year, losses from $1k to $50M.
 */
import { defaultScales } from "../src/core/scales";
import { sampleRiskQuant, sampleRisks } from "../src/core/sample";
import { simulatePortfolio, type RiskLossInput } from "../src/core/quant";
import { ale } from "../src/functions/functions";
import { atMost, measured, MB, timed, type Measurement } from "./measurement";

const YEARS = 100_000;
const ALE_CELLS = 10_000;
const ALE_CALLS = 5;
/** Calls before measuring: the first few run before the JIT has compiled the loop. */
const ALE_WARM_UP_CALLS = 5;

function portfolio(size: number): RiskLossInput[] {
  const sample = sampleRiskQuant(sampleRisks(5, new Date(2026, 10, 23)), defaultScales(5)).map((row) => ({
    frequency: row["Annual Frequency"] as number,
    low: row["Loss Low"] as number,
    high: row["Loss High"] as number,
  }));
  return Array.from({ length: size }, (_, i) => sample[i % sample.length]);
}

async function simulation(risks: number, target: number): Promise<Measurement[]> {
  const inputs = portfolio(risks);
  const events = inputs.reduce((sum, r) => sum + r.frequency, 0) * YEARS;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const run = await timed(() => simulatePortfolio(inputs, { years: YEARS, seed: 1 }));
  const heapAfter = process.memoryUsage().heapUsed;
  const label = `${risks.toLocaleString("en")} risks × ${YEARS.toLocaleString("en")} years (~${Math.round(events / 1e6)} M events)`;
  // The target is on CPU time: on a machine shared with other processes wall time grows with their load.
  return [
    measured(`${label}: CPU time`, run.cpuMs, "ms", atMost(target)),
    measured(`${label}: wall time`, run.ms, "ms"),
    measured(`${label}: heap held by the result (annual totals + per-risk means)`, run.result.annualLosses.byteLength + run.result.riskMeans.byteLength, "bytes", atMost(2 * MB, "2 MB")),
    measured(`${label}: heap growth over the run`, Math.max(0, heapAfter - heapBefore), "bytes", atMost(64 * MB, "64 MB")),
  ];
}

export async function measureQuant(): Promise<Measurement[]> {
  const figures = [...(await simulation(100, 2_000)), ...(await simulation(1_000, 20_000))];
  const frequency = Array.from({ length: ALE_CELLS }, (_, i) => [0.05 + (i % 40) / 10]);
  const low = Array.from({ length: ALE_CELLS }, (_, i) => [1_000 * (1 + (i % 7))]);
  const high = Array.from({ length: ALE_CELLS }, (_, i) => [100_000 * (1 + (i % 5))]);
  const first = ale(frequency, low, high);
  for (let i = 1; i < ALE_WARM_UP_CALLS; i++) ale(frequency, low, high);
  if (typeof first[ALE_CELLS - 1][0] !== "number") throw new Error(`ISMP.ALE returned ${JSON.stringify(first[ALE_CELLS - 1][0])}`);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ALE_CALLS; i++) {
    const call = await timed(() => ale(frequency, low, high));
    wall.push(call.ms);
    cpu.push(call.cpuMs);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const label = `ISMP.ALE, ${ALE_CELLS.toLocaleString("en")}×1 ranges: one warm call (median of ${ALE_CALLS})`;
  figures.push(measured(`${label}, CPU time`, median(cpu), "ms", atMost(20)), measured(`${label}, wall time`, median(wall), "ms"));
  return figures;
}
