/**
 * Risk score and rating. Pure: used by the custom functions, by Check and by tests.
 *
 * Convention for scale cells: the register's Likelihood/Impact cells hold plain numbers and the
 * drop-down lists show numbers. `parseScaleLevel` also accepts numeric strings and, for tolerance
 * with hand-typed or pasted data, "3 - Possible"-style labels (the leading number wins).
 */
import { MATRIX_SIZES, type RatingBand } from "./scales";

/** Highest level any supported scale has (the largest matrix size). */
export const MAX_SCALE_LEVEL: number = Math.max(...MATRIX_SIZES);
const SMALLEST_MATRIX = Math.min(...MATRIX_SIZES);

/** The part of a rating band that decides which scores it holds. */
export type BandRange = Pick<RatingBand, "rating" | "min" | "max">;

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

const LEVEL_LABEL = /^\s*(-?\d+(?:\.\d+)?)\s*(?:[-–—:]\s*\S.*)?$/s;

/**
 * Reads a scale level from a cell value: a number, a numeric string ("3") or a label that starts
 * with the number ("3 - Possible"). Returns undefined for anything else (including blanks).
 * Does not check the range; see `validateLevel`.
 */
export function parseScaleLevel(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = LEVEL_LABEL.exec(value);
  return match ? Number(match[1]) : undefined;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Shows a cell value inside a message: strings quoted, everything else as typed. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (value === null || value === undefined) return "a blank";
  return String(value);
}

/**
 * Checks a likelihood or impact cell. `argument` names it in the message the user sees, e.g.
 * "Likelihood must be a whole number from 1 to 5; got 7".
 */
export function validateLevel(value: unknown, argument: string, maxLevel: number): Validation<number> {
  const level = parseScaleLevel(value);
  if (level !== undefined && Number.isInteger(level) && level >= 1 && level <= maxLevel) {
    return { ok: true, value: level };
  }
  return { ok: false, message: `${argument} must be a whole number from 1 to ${maxLevel}; got ${describeValue(value)}` };
}

/**
 * Checks a lookup grid: square, 3x3 to 6x6, every cell a number.
 * Row = likelihood 1..N top to bottom, column = impact 1..N left to right.
 */
export function validateMatrix(grid: readonly (readonly unknown[])[]): Validation<number[][]> {
  const rows = grid.length;
  const columns = rows > 0 ? grid[0].length : 0;
  if (rows !== columns || rows < SMALLEST_MATRIX || rows > MAX_SCALE_LEVEL || grid.some((row) => row.length !== columns)) {
    return {
      ok: false,
      message: `Matrix must be a square grid from ${SMALLEST_MATRIX}x${SMALLEST_MATRIX} to ${MAX_SCALE_LEVEL}x${MAX_SCALE_LEVEL} (rows = likelihood, columns = impact); got ${count(rows, "row")} x ${count(columns, "column")}`,
    };
  }
  const scores: number[][] = [];
  for (let l = 0; l < rows; l++) {
    const row: number[] = [];
    for (let i = 0; i < columns; i++) {
      const cell = grid[l][i];
      const score = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : NaN;
      if (!Number.isFinite(score)) {
        return { ok: false, message: `Matrix must hold a number in every cell; row ${l + 1}, column ${i + 1} has ${describeValue(cell)}` };
      }
      row.push(score);
    }
    scores.push(row);
  }
  return { ok: true, value: scores };
}

/**
 * Checks rating bands: each has a name and min ≤ max, and no two bands overlap.
 * Bands may be given in any order; gaps between bands are allowed (see `ratingFor`).
 */
export function validateBands<B extends BandRange>(bands: readonly B[]): Validation<B[]> {
  if (bands.length === 0) return { ok: false, message: "Bands must list at least one rating with its Min Score and Max Score" };
  for (const band of bands) {
    if (band.rating.trim() === "") return { ok: false, message: `Bands must name every rating; the band ${band.min}-${band.max} has no name` };
    if (!Number.isFinite(band.min) || !Number.isFinite(band.max) || band.min > band.max) {
      return { ok: false, message: `Bands must have Min Score ≤ Max Score; "${band.rating}" has ${band.min}-${band.max}` };
    }
  }
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min <= sorted[i - 1].max) {
      return { ok: false, message: `Bands must not overlap; "${sorted[i - 1].rating}" (${sorted[i - 1].min}-${sorted[i - 1].max}) overlaps "${sorted[i].rating}" (${sorted[i].min}-${sorted[i].max})` };
    }
  }
  return { ok: true, value: sorted };
}

/**
 * Score of a risk: likelihood × impact, or `matrix[likelihood-1][impact-1]` when a lookup grid
 * is given. Levels are assumed valid (see `validateLevel`).
 */
export function riskScore(likelihood: number, impact: number, matrix?: readonly (readonly number[])[]): number {
  return matrix ? matrix[likelihood - 1][impact - 1] : likelihood * impact;
}

/**
 * The band a score falls in: the band with the highest Min Score not above the score. This is
 * what the workbook's INDEX/MATCH (approximate) formulas do, so a score in a gap between bands or
 * above the top band gets the band below it. Undefined when the score is below every band.
 */
export function ratingFor<B extends BandRange>(score: number, bands: readonly B[]): B | undefined {
  let best: B | undefined;
  for (const band of bands) {
    if (band.min <= score && (best === undefined || band.min > best.min)) best = band;
  }
  return best;
}
