/** ALE, LOSSAT and LOSSCURVE without the Excel runtime: inputs as Excel passes them, errors as data. */
// From the modules, not the quant index: the index also brings the portfolio's register and its sample risks.
import { annualLossExpectancy } from "../core/quant/lognormal";
import { DEFAULT_SEED, DEFAULT_YEARS, simulatePortfolio, type RiskLossInput } from "../core/quant/simulate";
import { LossDistribution } from "../core/quant/statistics";
import { logThresholds } from "../core/quant/thresholds";
import { asNumber, checkEstimate } from "../core/quant/validate";
import { asGrid, errorCodeOf, firstInputError, inputError, isBlank, isOmitted, isSingleCell, sameSize, sizeOf, type Grid } from "./cells";
import { invalidValue, notAvailable, type FormulaError } from "./formulaError";

export type LossCell = number | string | FormulaError;

/** Custom functions recalculate in Excel's time: enough years for stable percentiles, few enough to stay quick. */
export const FUNCTION_YEARS = { min: 1_000, max: 1_000_000 } as const;
export const MAX_SEED = 2_147_483_647;

const ARGUMENTS = ["Frequency", "Low", "High"] as const;

/** The value at row r, column c of a range, or the single cell's value for every position. */
const at = (grid: Grid, r: number, c: number): unknown => (isSingleCell(grid) ? grid[0][0] : grid[r][c]);

/** Frequency, low and high as ranges of one shape (single cells go with any shape). */
function estimateGrids(frequency: unknown, low: unknown, high: unknown): Grid[] | FormulaError {
  const grids = [asGrid(frequency), asGrid(low), asGrid(high)];
  const shaped = grids.filter((g) => !isSingleCell(g));
  for (let i = 1; i < shaped.length; i++) {
    if (!sameSize(shaped[0], shaped[i])) {
      return invalidValue(`Frequency, low and high must be single cells or ranges of the same size; got ${grids.map(sizeOf).join(", ")}`);
    }
  }
  return grids;
}

function shapeOf(grids: Grid[]): Grid {
  return grids.find((g) => !isSingleCell(g)) ?? grids[0];
}

const rowLabel = (argument: string, shape: Grid, r: number, c: number) =>
  isSingleCell(shape) ? argument : shape[0].length > 1 ? `${argument} (row ${r + 1}, column ${c + 1})` : `${argument} (row ${r + 1})`;

function estimateCell(values: unknown[], labels: string[]): RiskLossInput | "" | FormulaError {
  for (let i = 0; i < values.length; i++) {
    const code = errorCodeOf(values[i]);
    if (code !== undefined) return inputError(labels[i], code);
  }
  if (values.every(isBlank)) return "";
  const checked = checkEstimate(values[0], values[1], values[2], { frequency: labels[0], low: labels[1], high: labels[2] });
  return checked.ok ? checked.value : invalidValue(checked.message);
}

/** Annual loss expectancy of each row: frequency × the mean of the lognormal with Low and High at its 5th and 95th percentiles. */
export function aleFormula(frequency: unknown, low: unknown, high: unknown): LossCell[][] | FormulaError {
  const grids = estimateGrids(frequency, low, high);
  if ("code" in grids) return grids;
  const shape = shapeOf(grids);
  const [frequencies, lows, highs] = grids;
  return shape.map((row, r) =>
    row.map((_, c) => {
      // The common case, numbers in range, without building labels; anything else takes the checked path.
      const f = at(frequencies, r, c);
      const l = at(lows, r, c);
      const h = at(highs, r, c);
      if (typeof f === "number" && typeof l === "number" && typeof h === "number" && f >= 0 && l > 0 && h > l && Number.isFinite(f) && Number.isFinite(h)) {
        return annualLossExpectancy(f, l, h);
      }
      const estimate = estimateCell(
        grids.map((g) => at(g, r, c)),
        ARGUMENTS.map((a) => rowLabel(a, shape, r, c)),
      );
      return typeof estimate === "object" && "frequency" in estimate ? annualLossExpectancy(estimate.frequency, estimate.low, estimate.high) : estimate;
    }),
  );
}

/** The risks of a portfolio: every row with a frequency, low and high; blank rows are left out. */
function portfolioOf(frequency: unknown, low: unknown, high: unknown): RiskLossInput[] | FormulaError {
  const grids = estimateGrids(frequency, low, high);
  if ("code" in grids) return grids;
  const shape = shapeOf(grids);
  const risks: RiskLossInput[] = [];
  for (let r = 0; r < shape.length; r++) {
    for (let c = 0; c < shape[r].length; c++) {
      const estimate = estimateCell(
        grids.map((g) => at(g, r, c)),
        ARGUMENTS.map((a) => rowLabel(a, shape, r, c)),
      );
      if (estimate === "") continue;
      if ("code" in estimate) return estimate;
      risks.push(estimate);
    }
  }
  if (risks.length === 0) return notAvailable("No risk to simulate: every row of frequency, low and high is blank");
  return risks;
}

function wholeArgument(value: unknown, argument: string, fallback: number, min: number, max: number, what: string): number | FormulaError {
  const code = errorCodeOf(value);
  if (code !== undefined) return inputError(argument, code);
  if (isOmitted(value)) return fallback;
  const grid = asGrid(value);
  if (!isSingleCell(grid)) return invalidValue(`${argument} must be a single cell; got ${sizeOf(grid)}`);
  const n = asNumber(grid[0][0]);
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    return invalidValue(`${argument} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")} (${what}); got ${JSON.stringify(grid[0][0])}`);
  }
  return n;
}

interface RunArguments {
  years: number;
  seed: number;
}

function runArguments(years: unknown, seed: unknown): RunArguments | FormulaError {
  const y = wholeArgument(years, "Years", DEFAULT_YEARS, FUNCTION_YEARS.min, FUNCTION_YEARS.max, `simulated years, default ${DEFAULT_YEARS.toLocaleString("en")}`);
  if (typeof y !== "number") return y;
  const s = wholeArgument(seed, "Seed", DEFAULT_SEED, 0, MAX_SEED, `the same seed gives the same figures, default ${DEFAULT_SEED}`);
  if (typeof s !== "number") return s;
  return { years: y, seed: s };
}

/**
 * The last few simulations, by their inputs: a sheet asking LOSSAT for P90, P95 and P99 of one
 * portfolio simulates it once. Results are pure functions of the inputs, so a hit is always right.
 */
const CACHE_SIZE = 8;
const cache = new Map<string, LossDistribution>();

function distributionOf(risks: RiskLossInput[], run: RunArguments): LossDistribution {
  const key = `${run.years}|${run.seed}|${risks.map((r) => `${r.frequency},${r.low},${r.high}`).join(";")}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const distribution = new LossDistribution(simulatePortfolio(risks, run).annualLosses);
  cache.set(key, distribution);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return distribution;
}

function probabilityCell(value: unknown, label: string): number | "" | FormulaError {
  const code = errorCodeOf(value);
  if (code !== undefined) return inputError(label, code);
  if (isBlank(value)) return "";
  const p = asNumber(value);
  if (p === undefined || p <= 0 || p >= 1) {
    return invalidValue(`${label} must be a probability between 0 and 1, e.g. 0.1 for the loss exceeded one year in ten (the 90th percentile); got ${JSON.stringify(value)}`);
  }
  return p;
}

/** The annual loss of the portfolio exceeded with each probability (0.1 gives the 90th percentile). */
export function lossAtFormula(frequency: unknown, low: unknown, high: unknown, probability: unknown, years?: unknown, seed?: unknown): LossCell[][] | FormulaError {
  if (isOmitted(probability)) return notAvailable("Probability is required: the chance of a worse year, between 0 and 1 (0.1 gives the 90th percentile)");
  const risks = portfolioOf(frequency, low, high);
  if ("code" in risks) return risks;
  const run = runArguments(years, seed);
  if ("code" in run) return run;
  const probabilities = asGrid(probability);
  const checked = probabilities.map((row, r) => row.map((cell, c) => probabilityCell(cell, rowLabel("Probability", probabilities, r, c))));
  if (checked.every((row) => row.every((p) => typeof p !== "number"))) return checked;
  const distribution = distributionOf(risks, run);
  return checked.map((row) => row.map((p) => (typeof p === "number" ? distribution.lossAt(p) : p)));
}

/**
 * The portfolio's probability of an annual loss above each threshold. Without thresholds: two
 * columns, log-spaced thresholds from the smallest Low to the worst simulated year and their probabilities.
 */
export function lossCurveFormula(frequencies: unknown, lows: unknown, highs: unknown, thresholds?: unknown, years?: unknown, seed?: unknown): LossCell[][] | FormulaError {
  const risks = portfolioOf(frequencies, lows, highs);
  if ("code" in risks) return risks;
  const run = runArguments(years, seed);
  if ("code" in run) return run;
  if (!isOmitted(thresholds)) {
    const grid = asGrid(thresholds);
    const error = firstInputError("Thresholds", grid);
    if (error) return error;
    const values = grid.map((row, r) =>
      row.map((cell, c): number | "" | FormulaError => {
        if (isBlank(cell)) return "";
        const t = asNumber(cell);
        return t === undefined || t < 0 ? invalidValue(`${rowLabel("Thresholds", grid, r, c)} must be an annual loss, 0 or more; got ${JSON.stringify(cell)}`) : t;
      }),
    );
    const distribution = distributionOf(risks, run);
    return values.map((row) => row.map((t) => (typeof t === "number" ? distribution.exceedance(t) : t)));
  }
  const distribution = distributionOf(risks, run);
  const smallest = Math.min(...risks.map((r) => r.low));
  return logThresholds(smallest, distribution.worst).map((t) => [t, distribution.exceedance(t)]);
}
