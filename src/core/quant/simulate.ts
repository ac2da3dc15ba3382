/**
 * Monte Carlo annual losses of a portfolio of risks: each risk's events per year are Poisson with
 * its frequency as rate and each event's loss is lognormal from its 90% range (riskquant's model).
 *
 * Memory is bounded by the number of years, never by the number of events: losses are added to
 * their year's total as they are drawn, and each risk keeps only its running sum.
 *
 * A Poisson process split into blocks of years is exact: the block's event count is Poisson with
 * rate × block length and each event falls in a uniformly chosen year of the block, so the yearly
 * counts are independent Poisson(rate). Drawing per block costs time per event rather than per
 * risk-year, which is what makes 1,000 risks × 100,000 years fast.
 */
import { lognormalFromRange } from "./lognormal";
import { RandomStream, seededStreams } from "./random";

export interface RiskLossInput {
  /** Expected events per year, ≥ 0. */
  frequency: number;
  /** 5th and 95th percentile of the loss per event, 0 < low < high. */
  low: number;
  high: number;
}

export interface SimulationOptions {
  years: number;
  seed: number;
}

export const DEFAULT_YEARS = 100_000;
export const DEFAULT_SEED = 1;
export const MAX_YEARS = 10_000_000;

export interface SimulationResult {
  years: number;
  seed: number;
  /** Total loss of each simulated year. */
  annualLosses: Float64Array;
  /** Each risk's mean simulated annual loss (its share of the expected loss). */
  riskMeans: Float64Array;
}

/** Expected events per block: large enough that per-block overhead vanishes, small enough to yield often. */
const EVENTS_PER_BLOCK = 50_000;
const { exp, floor } = Math;
const MAX_BLOCK_YEARS = 10_000;

function blockYearsFor(frequency: number, years: number): number {
  const byEvents = frequency > 0 ? Math.floor(EVENTS_PER_BLOCK / frequency) : MAX_BLOCK_YEARS;
  return Math.max(1, Math.min(MAX_BLOCK_YEARS, years, byEvents));
}

/**
 * A simulation that runs in steps, so a caller can report progress, yield to the event loop and
 * cancel between steps. The draws do not depend on how the work is split into steps.
 */
export class PortfolioSimulation {
  private readonly annual: Float64Array;
  private readonly sums: Float64Array;
  private readonly streams: RandomStream[];
  private readonly blockYears: number[];
  private readonly totalUnits: number;
  private doneUnits = 0;
  private risk = 0;
  private blockStart = 0;

  constructor(
    private readonly risks: readonly RiskLossInput[],
    readonly options: SimulationOptions,
  ) {
    const { years } = options;
    if (!Number.isInteger(years) || years < 1 || years > MAX_YEARS) throw new RangeError(`years must be a whole number from 1 to ${MAX_YEARS}; got ${years}`);
    this.annual = new Float64Array(years);
    this.sums = new Float64Array(risks.length);
    this.streams = seededStreams(options.seed, risks.length);
    this.blockYears = risks.map((r) => blockYearsFor(r.frequency, years));
    this.totalUnits = this.blockYears.reduce((sum, block) => sum + Math.ceil(years / block), 0);
  }

  get done(): boolean {
    return this.risk >= this.risks.length;
  }

  /** Share of the work done, 0 to 1. */
  get progress(): number {
    return this.totalUnits === 0 ? 1 : this.doneUnits / this.totalUnits;
  }

  /** Simulates blocks until about `eventBudget` events have been drawn or the run is complete. */
  step(eventBudget = Number.POSITIVE_INFINITY): void {
    let events = 0;
    while (!this.done && events < eventBudget) {
      events += this.simulateBlock();
    }
  }

  private simulateBlock(): number {
    const { years } = this.options;
    const input = this.risks[this.risk];
    const length = Math.min(this.blockYears[this.risk], years - this.blockStart);
    let events = 0;
    if (input.frequency > 0) {
      const { mu, sigma } = lognormalFromRange(input.low, input.high);
      const stream = this.streams[this.risk];
      const annual = this.annual;
      const start = this.blockStart;
      events = stream.poisson(input.frequency * length);
      let sum = 0;
      for (let e = 0; e < events; e++) {
        const year = start + floor(stream.uniform32() * length);
        const loss = exp(mu + sigma * stream.normal());
        annual[year] += loss;
        sum += loss;
      }
      this.sums[this.risk] += sum;
    }
    this.doneUnits++;
    this.blockStart += length;
    if (this.blockStart >= years) {
      this.blockStart = 0;
      this.risk++;
    }
    return events;
  }

  result(): SimulationResult {
    if (!this.done) throw new Error("the simulation has not finished");
    const { years, seed } = this.options;
    return { years, seed, annualLosses: this.annual, riskMeans: this.sums.map((sum) => sum / years) };
  }
}

/** Runs a whole simulation at once (custom functions, tests); the pane and CLI step it instead. */
export function simulatePortfolio(risks: readonly RiskLossInput[], options: SimulationOptions): SimulationResult {
  const simulation = new PortfolioSimulation(risks, options);
  simulation.step();
  return simulation.result();
}
