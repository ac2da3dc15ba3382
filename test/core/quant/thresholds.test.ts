import { checkEstimate, logThresholds, toleranceAt } from "../../../src/core/quant";

describe("loss thresholds", () => {
  it("are round numbers, six a decade, from the decade below to the decade above", () => {
    expect(logThresholds(15_000, 800_000)).toEqual([10_000, 15_000, 20_000, 30_000, 50_000, 70_000, 100_000, 150_000, 200_000, 300_000, 500_000, 700_000, 1_000_000]);
  });

  it("are evenly spread on a log axis (no step more than 1.5× another)", () => {
    const t = logThresholds(1_000, 1e9);
    const ratios = t.slice(1).map((v, i) => Math.log(v / t[i]));
    expect(Math.max(...ratios) / Math.min(...ratios)).toBeLessThan(2);
  });
});

describe("tolerance curve through two points", () => {
  const points = [
    { loss: 1_000_000, probability: 0.1 },
    { loss: 10_000_000, probability: 0.01 },
  ] as const;

  it("passes through both points and continues on the same log-log line", () => {
    expect(toleranceAt(1_000_000, points)).toBeCloseTo(0.1, 12);
    expect(toleranceAt(10_000_000, points)).toBeCloseTo(0.01, 12);
    expect(toleranceAt(100_000_000, points)).toBeCloseTo(0.001, 12);
  });

  it("never exceeds certainty", () => {
    expect(toleranceAt(1_000, points)).toBe(1);
  });
});

describe("loss estimate inputs", () => {
  it("accepts frequency ≥ 0, Low > 0 and High > Low", () => {
    expect(checkEstimate(0, 1, 2)).toEqual({ ok: true, value: { frequency: 0, low: 1, high: 2 } });
    expect(checkEstimate("0.5", "1000", " 5000 ")).toEqual({ ok: true, value: { frequency: 0.5, low: 1000, high: 5000 } });
  });

  it("names the field and what is allowed", () => {
    expect(checkEstimate(-1, 1, 2)).toEqual({ ok: false, message: "Frequency must be a number of events per year, 0 or more; got -1" });
    expect(checkEstimate(1, 0, 2)).toMatchObject({ ok: false, message: expect.stringMatching(/^Low must be a loss above 0/) });
    expect(checkEstimate(1, 10, 10)).toMatchObject({ ok: false, message: expect.stringMatching(/^High must be a loss above Low \(10\)/) });
    expect(checkEstimate(1, 10, "lots")).toMatchObject({ ok: false, message: expect.stringContaining('got "lots"') });
  });
});

import { currencyCode, moneyFormat } from "../../../src/core/quant";

describe("currency", () => {
  it("knows the common ISO 4217 codes, in any case", () => {
    for (const code of ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR", "BRL"]) expect(currencyCode(code.toLowerCase())).toBe(code);
    expect(currencyCode("EURO")).toBeUndefined();
  });

  it("formats money as whole units behind the code", () => {
    expect(moneyFormat("eur")).toBe('"EUR "#,##0;-"EUR "#,##0');
    expect(moneyFormat("nope")).toBe('"USD "#,##0;-"USD "#,##0');
  });
});
