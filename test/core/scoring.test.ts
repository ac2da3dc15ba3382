import { defaultBands } from "../../src/core/scales";
import { parseScaleLevel, ratingFor, riskScore, validateBands, validateLevel, validateMatrix } from "../../src/core/scoring";

describe("parseScaleLevel", () => {
  it.each([
    [3, 3],
    ["3", 3],
    [" 4 ", 4],
    ["3 - Possible", 3],
    ["5: Almost certain", 5],
    ["2.5", 2.5],
  ])("reads %p as %p", (input, expected) => expect(parseScaleLevel(input)).toBe(expected));

  it.each([[""], ["Possible"], [null], [undefined], [true], [Number.NaN], ["3 apples"]])("rejects %p", (input) => {
    expect(parseScaleLevel(input)).toBeUndefined();
  });
});

describe("validateLevel", () => {
  it("accepts whole numbers in range, including labels", () => {
    expect(validateLevel("3 - Possible", "Likelihood", 5)).toEqual({ ok: true, value: 3 });
  });

  it.each([
    [7, "Likelihood must be a whole number from 1 to 5; got 7"],
    [0, "Likelihood must be a whole number from 1 to 5; got 0"],
    [2.5, "Likelihood must be a whole number from 1 to 5; got 2.5"],
    ["high", 'Likelihood must be a whole number from 1 to 5; got "high"'],
  ])("rejects %p with a message naming the argument and the range", (input, message) => {
    expect(validateLevel(input, "Likelihood", 5)).toEqual({ ok: false, message });
  });
});

describe("riskScore", () => {
  it("multiplies likelihood by impact without a matrix", () => {
    expect(riskScore(4, 5)).toBe(20);
  });

  it("reads matrix[likelihood-1][impact-1] with a matrix", () => {
    const matrix = [
      [1, 2, 3],
      [2, 5, 7],
      [4, 8, 9],
    ];
    expect(riskScore(2, 3, matrix)).toBe(7);
    expect(riskScore(3, 1, matrix)).toBe(4);
  });
});

describe("validateMatrix", () => {
  it("accepts square grids of numbers or numeric text", () => {
    expect(validateMatrix([["1", 2, 3], [2, 4, 6], [3, 6, 9]])).toEqual({ ok: true, value: [[1, 2, 3], [2, 4, 6], [3, 6, 9]] });
  });

  it("rejects a grid that is not square", () => {
    expect(validateMatrix([[1, 2, 3], [2, 4, 6]])).toEqual({
      ok: false,
      message: "Matrix must be a square grid from 3x3 to 6x6 (rows = likelihood, columns = impact); got 2 rows x 3 columns",
    });
  });

  it("names the cell that is not a number", () => {
    expect(validateMatrix([[1, 2, 3], [2, "", 6], [3, 6, 9]])).toEqual({ ok: false, message: 'Matrix must hold a number in every cell; row 2, column 2 has ""' });
  });
});

describe("ratingFor", () => {
  const bands = defaultBands(5);
  it.each([
    [1, "Low"],
    [4, "Low"],
    [5, "Medium"],
    [9, "Medium"],
    [10, "High"],
    [16, "High"],
    [17, "Critical"],
    [25, "Critical"],
  ])("rates %p as %p with the 5x5 defaults", (score, rating) => expect(ratingFor(score, bands)?.rating).toBe(rating));

  it("gives a score in a gap between bands the band below, as MATCH does", () => {
    expect(ratingFor(4.5, bands)?.rating).toBe("Low");
  });

  it("finds no band for a score below every band", () => {
    expect(ratingFor(0, bands)).toBeUndefined();
  });

  it("does not depend on band order", () => {
    expect(ratingFor(12, [...bands].reverse())?.rating).toBe("High");
  });
});

describe("validateBands", () => {
  it("sorts valid bands by Min Score", () => {
    const result = validateBands([{ rating: "High", min: 5, max: 9 }, { rating: "Low", min: 1, max: 4 }]);
    expect(result.ok && result.value.map((b) => b.rating)).toEqual(["Low", "High"]);
  });

  it("rejects overlapping bands, naming both", () => {
    expect(validateBands([{ rating: "Low", min: 1, max: 5 }, { rating: "High", min: 5, max: 9 }])).toEqual({
      ok: false,
      message: 'Bands must not overlap; "Low" (1-5) overlaps "High" (5-9)',
    });
  });

  it("rejects a band whose Min Score is above its Max Score", () => {
    expect(validateBands([{ rating: "Low", min: 4, max: 1 }])).toEqual({ ok: false, message: 'Bands must have Min Score ≤ Max Score; "Low" has 4-1' });
  });

  it("rejects an empty list", () => {
    expect(validateBands([]).ok).toBe(false);
  });
});
