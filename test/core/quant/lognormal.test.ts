import { annualLossExpectancy, annualTreatmentCost, lognormalFromRange, lognormalMean, rosi, Z90 } from "../../../src/core/quant";

describe("a lognormal fitted to a 90% range", () => {
  it("puts Low and High at the 5th and 95th percentiles", () => {
    const { mu, sigma } = lognormalFromRange(10_000, 1_000_000);
    expect(Math.exp(mu - Z90 * sigma)).toBeCloseTo(10_000, 6);
    expect(Math.exp(mu + Z90 * sigma)).toBeCloseTo(1_000_000, 4);
    expect(Math.exp(mu)).toBeCloseTo(100_000, 6); // the median is the geometric mean of Low and High
  });

  it("has the mean exp(μ + σ²/2), written out independently", () => {
    const low = 50_000;
    const high = 2_000_000;
    const mu = (Math.log(low) + Math.log(high)) / 2;
    const sigma = (Math.log(high) - Math.log(low)) / (2 * 1.6449);
    expect(lognormalMean(lognormalFromRange(low, high))).toBeCloseTo(Math.exp(mu + (sigma * sigma) / 2), 6);
    expect(annualLossExpectancy(0.3, low, high)).toBeCloseTo(0.3 * Math.exp(mu + (sigma * sigma) / 2), 6);
  });

  it("gives no expected loss for a risk that never happens", () => {
    expect(annualLossExpectancy(0, 1, 2)).toBe(0);
  });
});

describe("treatment cost and ROSI", () => {
  it("spreads the one-off cost over the amortisation years", () => {
    expect(annualTreatmentCost({ oneOff: 90_000, annual: 10_000, amortiseYears: 3 })).toBe(40_000);
    expect(annualTreatmentCost({ oneOff: 90_000, annual: 10_000 })).toBe(100_000);
    expect(annualTreatmentCost({ oneOff: 90_000, annual: 10_000, amortiseYears: 0 })).toBe(100_000);
  });

  it("returns (reduction − cost) ÷ cost, and nothing when nothing is spent", () => {
    expect(rosi(150_000, 50_000)).toBe(2);
    expect(rosi(20_000, 50_000)).toBeCloseTo(-0.6);
    expect(rosi(20_000, 0)).toBeUndefined();
  });
});
