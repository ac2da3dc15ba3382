import { annualLossExpectancy, LossDistribution, simulatePortfolio } from "../../src/core/quant";
import { aleFormula, lossAtFormula, lossCurveFormula } from "../../src/functions/lossFunctions";

/** The closed form written out here, independently of the core. */
function closedFormAle(frequency: number, low: number, high: number): number {
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * 1.6449);
  return frequency * Math.exp(mu + (sigma * sigma) / 2);
}

describe("ISMP.ALE", () => {
  it("computes one cell", () => {
    const [[value]] = aleFormula(0.5, 10_000, 1_000_000) as number[][];
    expect(value).toBeCloseTo(closedFormAle(0.5, 10_000, 1_000_000), 6);
  });

  it("computes ranges row by row, and a single cell pairs with every row", () => {
    const result = aleFormula([[1], [2], [""]], [[1000], [5000], [""]], [[10_000]]) as unknown[][];
    expect(result[0][0]).toBeCloseTo(closedFormAle(1, 1000, 10_000), 6);
    expect(result[1][0]).toBeCloseTo(closedFormAle(2, 5000, 10_000), 6);
    expect(result[2][0]).toEqual(expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(/^Frequency \(row 3\) must be a number/) }));
  });

  it("is blank where a whole row is blank", () => {
    expect(aleFormula([[null]], [[""]], [[undefined]])).toEqual([[""]]);
  });

  it("names the argument, the row and what is allowed", () => {
    expect(aleFormula([[1], [1]], [[0], [100]], [[10], [50]])).toEqual([
      [{ code: "#VALUE!", message: "Low (row 1) must be a loss above 0 (the 5th percentile of one event's loss); got 0" }],
      [{ code: "#VALUE!", message: "High (row 2) must be a loss above Low (row 2) (100), the 95th percentile of one event's loss; got 50" }],
    ]);
    expect(aleFormula(-1, 1, 2)).toEqual([[{ code: "#VALUE!", message: "Frequency must be a number of events per year, 0 or more; got -1" }]]);
    expect(aleFormula([[1], [2]], [[1], [2], [3]], 5)).toEqual({
      code: "#VALUE!",
      message: "Frequency, low and high must be single cells or ranges of the same size; got 2 rows x 1 column, 3 rows x 1 column, 1 row x 1 column",
    });
    expect(aleFormula({ code: "#N/A" }, 1, 2)).toEqual([[{ code: "#N/A", message: "Frequency is missing (#N/A)" }]]);
  });
});

describe("ISMP.LOSSAT", () => {
  const risk = { frequency: 0.8, low: 20_000, high: 600_000 };

  it("gives the loss exceeded with each probability, as the simulation does for the same seed", () => {
    const distribution = new LossDistribution(simulatePortfolio([risk], { years: 50_000, seed: 7 }).annualLosses);
    expect(lossAtFormula(0.8, 20_000, 600_000, [[0.1], [0.01]], 50_000, 7)).toEqual([[distribution.percentile(0.9)], [distribution.percentile(0.99)]]);
  });

  it("is reproducible: the same inputs and seed give the same figure; defaults are 100,000 years, seed 1", () => {
    const first = lossAtFormula(0.8, 20_000, 600_000, 0.05);
    expect(lossAtFormula(0.8, 20_000, 600_000, 0.05, 100_000, 1)).toEqual(first);
    expect(lossAtFormula(0.8, 20_000, 600_000, 0.05, undefined, 2)).not.toEqual(first);
  });

  it("simulates a portfolio from ranges, leaving blank rows out", () => {
    const portfolio = lossAtFormula([[0.8], [""], [2]], [[20_000], [""], [1_000]], [[600_000], [""], [9_000]], 0.5, 10_000, 3) as number[][];
    const distribution = new LossDistribution(simulatePortfolio([risk, { frequency: 2, low: 1_000, high: 9_000 }], { years: 10_000, seed: 3 }).annualLosses);
    expect(portfolio[0][0]).toBe(distribution.percentile(0.5));
  });

  it("names bad arguments and what is allowed", () => {
    expect(lossAtFormula(1, 10, 100, 1.5)).toEqual([[expect.objectContaining({ message: expect.stringMatching(/^Probability must be a probability between 0 and 1/) })]]);
    expect(lossAtFormula(1, 10, 100, undefined)).toEqual(expect.objectContaining({ code: "#N/A", message: expect.stringMatching(/^Probability is required/) }));
    expect(lossAtFormula(1, 10, 100, 0.1, 50)).toEqual(expect.objectContaining({ message: 'Years must be a whole number from 1,000 to 1,000,000 (simulated years, default 100,000); got 50' }));
    expect(lossAtFormula(1, 10, 100, 0.1, 1000, -3)).toEqual(expect.objectContaining({ message: expect.stringMatching(/^Seed must be a whole number from 0 to 2,147,483,647/) }));
    expect(lossAtFormula("", "", "", 0.1)).toEqual(expect.objectContaining({ code: "#N/A", message: expect.stringMatching(/^No risk to simulate/) }));
  });
});

describe("ISMP.LOSSCURVE", () => {
  const frequencies = [[1], [0.2]];
  const lows = [[10_000], [200_000]];
  const highs = [[100_000], [5_000_000]];

  it("gives the probability of exceeding each threshold", () => {
    const distribution = new LossDistribution(simulatePortfolio([{ frequency: 1, low: 10_000, high: 100_000 }, { frequency: 0.2, low: 200_000, high: 5_000_000 }], { years: 20_000, seed: 4 }).annualLosses);
    expect(lossCurveFormula(frequencies, lows, highs, [[0], [100_000], [1_000_000]], 20_000, 4)).toEqual([[distribution.exceedance(0)], [distribution.exceedance(100_000)], [distribution.exceedance(1_000_000)]]);
  });

  it("without thresholds, spills log-spaced thresholds beside falling probabilities", () => {
    const curve = lossCurveFormula(frequencies, lows, highs, undefined, 20_000, 4) as number[][];
    expect(curve[0][0]).toBe(10_000);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i][0]).toBeGreaterThan(curve[i - 1][0]);
      expect(curve[i][1]).toBeLessThanOrEqual(curve[i - 1][1]);
    }
    expect(curve[curve.length - 1][1]).toBe(0);
  });

  it("sums to the closed form: the area under the curve is the expected loss", () => {
    const ale = annualLossExpectancy(1, 10_000, 100_000) + annualLossExpectancy(0.2, 200_000, 5_000_000);
    const distribution = new LossDistribution(simulatePortfolio([{ frequency: 1, low: 10_000, high: 100_000 }, { frequency: 0.2, low: 200_000, high: 5_000_000 }], { years: 200_000, seed: 4 }).annualLosses);
    expect(Math.abs(distribution.mean / ale - 1)).toBeLessThan(0.02);
  });

  it("names a bad threshold", () => {
    expect(lossCurveFormula(1, 10, 100, [[5], ["lots"]], 1000)).toEqual([[expect.any(Number)], [expect.objectContaining({ message: 'Thresholds (row 2) must be an annual loss, 0 or more; got "lots"' })]]);
  });
});
