import { parseBands, riskLevelFormula, riskScoreFormula } from "../../src/functions/riskFunctions";

const MATRIX_3X3 = [
  [1, 2, 4],
  [2, 5, 7],
  [4, 8, 9],
];
const NA = { code: "#N/A", message: "" };

describe("RISKSCORE", () => {
  it("multiplies single cells", () => {
    expect(riskScoreFormula(4, 5)).toEqual([[20]]);
    expect(riskScoreFormula([["3"]], [[" 2 "]])).toEqual([[6]]);
  });

  it("keeps the shape of equal-sized ranges", () => {
    expect(riskScoreFormula([[1], [2], [3]], [[5], [4], [3]])).toEqual([[5], [8], [9]]);
    expect(riskScoreFormula([[1, 2]], [[3, 4]])).toEqual([[3, 8]]);
  });

  it("pairs a single cell with every cell of a range", () => {
    expect(riskScoreFormula([[2]], [[1], [2], [3]])).toEqual([[2], [4], [6]]);
  });

  it("returns a blank where likelihood or impact is blank", () => {
    expect(riskScoreFormula([[null], [""], [2]], [[3], [3], [null]])).toEqual([[""], [""], [""]]);
  });

  it("allows levels up to 6 without a matrix", () => {
    expect(riskScoreFormula(6, 6)).toEqual([[36]]);
    expect(riskScoreFormula(7, 1)).toEqual([[{ code: "#VALUE!", message: "Likelihood must be a whole number from 1 to 6; got 7" }]]);
  });

  it("reads the matrix and limits levels to its size", () => {
    expect(riskScoreFormula([[2], [3]], [[3], [1]], MATRIX_3X3)).toEqual([[7], [4]]);
    expect(riskScoreFormula(1, 4, MATRIX_3X3)).toEqual([[{ code: "#VALUE!", message: "Impact must be a whole number from 1 to 3; got 4" }]]);
  });

  it("says which level is wrong in each bad cell and still scores the good ones", () => {
    expect(riskScoreFormula([[2], ["high"], [2.5]], [[2], [2], [1]])).toEqual([
      [4],
      [{ code: "#VALUE!", message: 'Likelihood must be a whole number from 1 to 6; got "high"' }],
      [{ code: "#VALUE!", message: "Likelihood must be a whole number from 1 to 6; got 2.5" }],
    ]);
  });

  it("rejects ranges of different sizes", () => {
    expect(riskScoreFormula([[1], [2], [3]], [[1], [2]])).toEqual({
      code: "#VALUE!",
      message: "Likelihood and impact must be ranges of the same size; got 3 rows x 1 column and 2 rows x 1 column",
    });
  });

  it("rejects a matrix that is not square", () => {
    expect(riskScoreFormula(1, 1, [[1, 2, 3, 4]])).toEqual({
      code: "#VALUE!",
      message: "Matrix must be a square grid from 3x3 to 6x6 (rows = likelihood, columns = impact); got 1 row x 4 columns",
    });
  });

  it("treats an omitted or blank matrix as no matrix", () => {
    expect(riskScoreFormula(2, 3, null)).toEqual([[6]]);
    expect(riskScoreFormula(2, 3, [[null]])).toEqual([[6]]);
  });

  it("returns #N/A for an #N/A input cell", () => {
    expect(riskScoreFormula([[{ code: "#N/A" }]], [[2]])).toEqual([[{ ...NA, message: "Likelihood is missing (#N/A)" }]]);
    expect(riskScoreFormula([[2]], [["#N/A"]])).toEqual([[{ ...NA, message: "Impact is missing (#N/A)" }]]);
  });

  it("returns #VALUE! for another error in an input cell", () => {
    expect(riskScoreFormula([[{ code: "#DIV/0!" }]], [[2]])).toEqual([[{ code: "#VALUE!", message: "Likelihood holds the error #DIV/0!" }]]);
  });
});

describe("RISKLEVEL", () => {
  it("rates scores with the 5x5 default bands", () => {
    expect(riskLevelFormula([[1], [4], [5], [12], [25]])).toEqual([["Low"], ["Low"], ["Medium"], ["High"], ["Critical"]]);
  });

  it("returns a blank for a blank score", () => {
    expect(riskLevelFormula([[null], [""]])).toEqual([[""], [""]]);
  });

  it("rejects a score that is not a number", () => {
    expect(riskLevelFormula("high")).toEqual([[{ code: "#VALUE!", message: 'Score must be a number; got "high"' }]]);
  });

  it("returns #N/A for a score below every band", () => {
    expect(riskLevelFormula(0)).toEqual([[{ code: "#N/A", message: "No band holds the score 0; the lowest band starts at 1" }]]);
  });

  const customBands = [
    ["Rating", "Min Score", "Max Score", "Colour"],
    ["Acceptable", 1, 3, "#00FF00"],
    ["Watch", 4, 6, "#FFFF00"],
    ["Act now", 7, 9, "#FF0000"],
    [null, null, null, null],
  ];

  it("uses custom bands laid out like RatingBands, with a header row", () => {
    expect(riskLevelFormula([[3], [4], [9]], customBands)).toEqual([["Acceptable"], ["Watch"], ["Act now"]]);
  });

  it("uses custom bands without a header row", () => {
    expect(riskLevelFormula(5, customBands.slice(1))).toEqual([["Watch"]]);
  });

  it("rejects bands with fewer than three columns", () => {
    expect(riskLevelFormula(5, [["Low", 1]])).toEqual({ code: "#VALUE!", message: "Bands must be a range with the columns Rating, Min Score, Max Score; got 2 columns" });
  });

  it("rejects overlapping bands", () => {
    expect(riskLevelFormula(5, [["Low", 1, 5], ["High", 4, 9]])).toEqual({ code: "#VALUE!", message: 'Bands must not overlap; "Low" (1-5) overlaps "High" (4-9)' });
  });

  it("rejects a band row without numbers below the header", () => {
    expect(parseBands([["Rating", "Min", "Max"], ["Low", "one", 4]])).toEqual({
      code: "#VALUE!",
      message: 'Bands row 2 must have numbers in Min Score and Max Score; got "one" and 4',
    });
  });
});
