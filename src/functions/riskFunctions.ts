/** RISKSCORE and RISKLEVEL without the Excel runtime: inputs as Excel passes them, errors as data. */
import { defaultBands, DEFAULT_MATRIX_SIZE } from "../core/scales";
import { describeValue, MAX_SCALE_LEVEL, ratingFor, riskScore, validateBands, validateLevel, validateMatrix, type BandRange } from "../core/scoring";
import { asGrid, isOmitted, errorCodeOf, firstInputError, inputError, isBlank, isSingleCell, sameSize, sizeOf, type Grid } from "./cells";
import { invalidValue, notAvailable, type FormulaError } from "./formulaError";

export type CellResult = number | string | FormulaError;

const DEFAULT_BANDS: readonly BandRange[] = defaultBands(DEFAULT_MATRIX_SIZE);

/** Pairs up two ranges of the same size; a single cell pairs with every cell of the other range. */
function pairCells(first: Grid, second: Grid, describe: () => string): Array<Array<[unknown, unknown]>> | FormulaError {
  if (!sameSize(first, second) && !isSingleCell(first) && !isSingleCell(second)) return invalidValue(describe());
  const shape = isSingleCell(first) ? second : first;
  return shape.map((row, r) =>
    row.map((_, c): [unknown, unknown] => [isSingleCell(first) ? first[0][0] : first[r][c], isSingleCell(second) ? second[0][0] : second[r][c]]),
  );
}

function scoreCell(likelihood: unknown, impact: unknown, maxLevel: number, matrix: number[][] | undefined): CellResult {
  for (const [argument, value] of [["Likelihood", likelihood], ["Impact", impact]] as const) {
    const code = errorCodeOf(value);
    if (code !== undefined) return inputError(argument, code);
  }
  if (isBlank(likelihood) || isBlank(impact)) return "";
  const l = validateLevel(likelihood, "Likelihood", maxLevel);
  if (!l.ok) return invalidValue(l.message);
  const i = validateLevel(impact, "Impact", maxLevel);
  if (!i.ok) return invalidValue(i.message);
  return riskScore(l.value, i.value, matrix);
}

/**
 * Score of each likelihood/impact pair. Without a matrix: likelihood × impact, levels 1..6.
 * With a matrix (an N×N grid, row = likelihood, column = impact): the grid's cell, levels 1..N.
 */
export function riskScoreFormula(likelihood: unknown, impact: unknown, matrix?: unknown): CellResult[][] | FormulaError {
  let grid: number[][] | undefined;
  if (!isOmitted(matrix)) {
    const matrixError = firstInputError("Matrix", asGrid(matrix));
    if (matrixError) return matrixError;
    const checked = validateMatrix(asGrid(matrix));
    if (!checked.ok) return invalidValue(checked.message);
    grid = checked.value;
  }
  const maxLevel = grid ? grid.length : MAX_SCALE_LEVEL;
  const likelihoods = asGrid(likelihood);
  const impacts = asGrid(impact);
  const pairs = pairCells(likelihoods, impacts, () => `Likelihood and impact must be ranges of the same size; got ${sizeOf(likelihoods)} and ${sizeOf(impacts)}`);
  if ("code" in pairs) return pairs;
  return pairs.map((row) => row.map(([l, i]) => scoreCell(l, i, maxLevel, grid)));
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Reads a RatingBands-style range (Rating, Min Score, Max Score, ...), with or without a header row. */
export function parseBands(value: unknown): BandRange[] | FormulaError {
  const grid = asGrid(value);
  const inputError = firstInputError("Bands", grid);
  if (inputError) return inputError;
  const columns = grid[0]?.length ?? 0;
  if (columns < 3) return invalidValue(`Bands must be a range with the columns Rating, Min Score, Max Score; got ${columns} ${columns === 1 ? "column" : "columns"}`);
  const bands: BandRange[] = [];
  for (let r = 0; r < grid.length; r++) {
    const [rating, min, max] = grid[r];
    if (isBlank(rating) && isBlank(min) && isBlank(max)) continue;
    const minScore = toNumber(min);
    const maxScore = toNumber(max);
    if (minScore === undefined || maxScore === undefined) {
      if (r === 0) continue; // header row
      return invalidValue(`Bands row ${r + 1} must have numbers in Min Score and Max Score; got ${describeValue(min)} and ${describeValue(max)}`);
    }
    bands.push({ rating: isBlank(rating) ? "" : String(rating).trim(), min: minScore, max: maxScore });
  }
  const checked = validateBands(bands);
  return checked.ok ? checked.value : invalidValue(checked.message);
}

function ratingCell(score: unknown, bands: readonly BandRange[]): CellResult {
  const code = errorCodeOf(score);
  if (code !== undefined) return inputError("Score", code);
  if (isBlank(score)) return "";
  const value = toNumber(score);
  if (value === undefined) return invalidValue(`Score must be a number; got ${describeValue(score)}`);
  const band = ratingFor(value, bands);
  if (!band) {
    const lowest = Math.min(...bands.map((b) => b.min));
    return notAvailable(`No band holds the score ${value}; the lowest band starts at ${lowest}`);
  }
  return band.rating;
}

/** Rating of each score, by the default 5×5 bands or by a bands range. */
export function riskLevelFormula(score: unknown, bands?: unknown): CellResult[][] | FormulaError {
  let ratingBands = DEFAULT_BANDS;
  if (!isOmitted(bands)) {
    const parsed = parseBands(bands);
    if ("code" in parsed) return parsed;
    ratingBands = parsed;
  }
  return asGrid(score).map((row) => row.map((cell) => ratingCell(cell, ratingBands)));
}
