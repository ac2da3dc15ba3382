import { annualLossExpectancy, LossDistribution, logFactorial, PortfolioSimulation, seededStreams, shares, simulatePortfolio, summarise } from "../../../src/core/quant";

const RISK = { frequency: 2, low: 100_000, high: 1_000_000 };

/** Bit-for-bit equality of two runs (jest's toEqual is slow on arrays of this size). */
const sameBits = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe("one risk simulated over 100,000 years", () => {
  it.each([1, 7, 2026])("has a mean within 1%% of frequency × the lognormal mean (seed %d)", (seed) => {
    const { annualLosses } = simulatePortfolio([RISK], { years: 100_000, seed });
    const closedForm = annualLossExpectancy(RISK.frequency, RISK.low, RISK.high);
    expect(Math.abs(new LossDistribution(annualLosses).mean / closedForm - 1)).toBeLessThan(0.01);
  });

  it("has P90 and P99 within 3% of a 2,000,000-year reference run", () => {
    const run = new LossDistribution(simulatePortfolio([RISK], { years: 100_000, seed: 11 }).annualLosses);
    const reference = new LossDistribution(simulatePortfolio([RISK], { years: 2_000_000, seed: 99 }).annualLosses);
    for (const p of [0.9, 0.99]) expect(Math.abs(run.percentile(p) / reference.percentile(p) - 1)).toBeLessThan(0.03);
  });

  it("counts years without events: a rare risk's median year costs nothing", () => {
    const losses = new LossDistribution(simulatePortfolio([{ frequency: 0.1, low: 1000, high: 10_000 }], { years: 100_000, seed: 3 }).annualLosses);
    expect(losses.percentile(0.5)).toBe(0);
    // P(at least one event) = 1 − e^−0.1 ≈ 9.5%
    expect(losses.exceedance(0)).toBeCloseTo(1 - Math.exp(-0.1), 2);
  });
});

describe("reproducibility", () => {
  const portfolio = [RISK, { frequency: 0.2, low: 5_000, high: 80_000 }, { frequency: 30, low: 100, high: 2_000 }];

  it("gives identical output for the same seed", () => {
    const first = simulatePortfolio(portfolio, { years: 20_000, seed: 42 });
    const second = simulatePortfolio(portfolio, { years: 20_000, seed: 42 });
    expect(sameBits(second.annualLosses, first.annualLosses)).toBe(true);
    expect(sameBits(second.riskMeans, first.riskMeans)).toBe(true);
  });

  it("gives different output for another seed", () => {
    const first = simulatePortfolio(portfolio, { years: 1_000, seed: 42 });
    const other = simulatePortfolio(portfolio, { years: 1_000, seed: 43 });
    expect(sameBits(other.annualLosses, first.annualLosses)).toBe(false);
  });

  it("does not depend on how the work is split into steps", () => {
    const whole = simulatePortfolio(portfolio, { years: 20_000, seed: 5 });
    const stepped = new PortfolioSimulation(portfolio, { years: 20_000, seed: 5 });
    let steps = 0;
    while (!stepped.done) {
      stepped.step(1_000);
      steps++;
    }
    expect(steps).toBeGreaterThan(10);
    expect(stepped.progress).toBe(1);
    expect(sameBits(stepped.result().annualLosses, whole.annualLosses)).toBe(true);
  });

  it("draws the same numbers for a risk whatever the risks after it", () => {
    const alone = simulatePortfolio([RISK], { years: 5_000, seed: 8 });
    const withOthers = simulatePortfolio([RISK, ...portfolio], { years: 5_000, seed: 8 });
    expect(withOthers.riskMeans[0]).toBe(alone.riskMeans[0]);
  });
});

describe("a portfolio", () => {
  it("adds the risks' losses per year, and each risk's share follows its expected loss", () => {
    const risks = [
      { frequency: 1, low: 10_000, high: 100_000 },
      { frequency: 0.5, low: 200_000, high: 2_000_000 },
      { frequency: 0, low: 1, high: 2 },
    ];
    const result = simulatePortfolio(risks, { years: 200_000, seed: 1 });
    const distribution = new LossDistribution(result.annualLosses);
    const meanOfRisks = Array.from(result.riskMeans).reduce((a, b) => a + b, 0);
    expect(distribution.mean).toBeCloseTo(meanOfRisks, 3);
    const closed = risks.map((r) => annualLossExpectancy(r.frequency, r.low, r.high));
    const expectedShares = closed.map((ale) => ale / closed.reduce((a, b) => a + b, 0));
    shares(result.riskMeans).forEach((share, i) => expect(share).toBeCloseTo(expectedShares[i], 2));
    expect(result.riskMeans[2]).toBe(0);
  });

  it("summarises in order: median ≤ P90 ≤ P95 ≤ P99 ≤ worst", () => {
    const s = summarise(new LossDistribution(simulatePortfolio([RISK], { years: 10_000, seed: 2 }).annualLosses));
    expect(s.median).toBeLessThanOrEqual(s.p90);
    expect(s.p90).toBeLessThanOrEqual(s.p95);
    expect(s.p95).toBeLessThanOrEqual(s.p99);
    expect(s.p99).toBeLessThanOrEqual(s.p999);
    expect(s.p999).toBeLessThanOrEqual(s.worst);
  });

  it("refuses a number of years outside 1 to 10,000,000", () => {
    expect(() => simulatePortfolio([RISK], { years: 0, seed: 1 })).toThrow(/years must be a whole number from 1/);
    expect(() => simulatePortfolio([RISK], { years: 2.5, seed: 1 })).toThrow(/whole number/);
  });
});

describe("random draws", () => {
  it("Poisson draws have mean and variance equal to the rate, small and large", () => {
    const [stream] = seededStreams(4, 1);
    for (const rate of [0.3, 4, 25, 5_000]) {
      const n = 100_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const k = stream.poisson(rate);
        sum += k;
        squares += k * k;
      }
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      expect(Math.abs(mean / rate - 1)).toBeLessThan(0.02);
      expect(Math.abs(variance / rate - 1)).toBeLessThan(0.04);
    }
  });

  it("normal draws have mean 0, variance 1 and 5% beyond ±1.96", () => {
    const [stream] = seededStreams(9, 1);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const z = stream.normal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 1.96) beyond++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.01);
    expect(beyond / n).toBeCloseTo(0.05, 2);
  });

  it("ln(k!) matches the sum of logs above the table", () => {
    let exact = 0;
    for (let k = 1; k <= 200; k++) {
      exact += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(exact, 9);
    }
  });
});

describe("loss distribution", () => {
  const distribution = new LossDistribution(Float64Array.from([0, 0, 10, 20, 30, 40, 50, 60, 70, 100]));

  it("interpolates percentiles like PERCENTILE.INC and reads the loss exceeded with a probability", () => {
    expect(distribution.percentile(0.5)).toBe(35);
    expect(distribution.percentile(0.9)).toBeCloseTo(73, 9);
    expect(distribution.lossAt(0.1)).toBeCloseTo(73, 9);
    expect(distribution.worst).toBe(100);
  });

  it("gives the share of years strictly above a threshold", () => {
    expect(distribution.exceedance(0)).toBe(0.8);
    expect(distribution.exceedance(50)).toBe(0.3);
    expect(distribution.exceedance(100)).toBe(0);
    expect(distribution.exceedance(-1)).toBe(1);
  });
});
