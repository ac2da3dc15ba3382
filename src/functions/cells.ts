/** Reading cell values and ranges as Excel hands them to custom functions. */
import { invalidValue, notAvailable, type FormulaError } from "./formulaError";

export type Grid = unknown[][];

/** An empty cell arrives as null or "" depending on the host; an omitted argument as undefined. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** An optional argument left out arrives as undefined, null or a range of blanks. */
export function isOmitted(value: unknown): boolean {
  return asGrid(value).every((row) => row.every(isBlank));
}

/** The Excel error code carried by an error cell (an error object or an error literal), if any. */
export function errorCodeOf(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && "code" in value) {
    const code = (value as { code: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return code;
  }
  if (value === "#N/A") return value;
  return undefined;
}

/** The error to return when an input cell holds an error: #N/A stays #N/A; other errors become #VALUE!. */
export function inputError(argument: string, code: string): FormulaError {
  return code === "#N/A"
    ? notAvailable(`${argument} is missing (#N/A)`)
    : invalidValue(`${argument} holds the error ${code}`);
}

/** A single cell or a range, always as rows of cells. */
export function asGrid(value: unknown): Grid {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

export function sizeOf(grid: Grid): string {
  const rows = grid.length;
  const columns = rows > 0 ? grid[0].length : 0;
  return `${rows} ${rows === 1 ? "row" : "rows"} x ${columns} ${columns === 1 ? "column" : "columns"}`;
}

export function sameSize(a: Grid, b: Grid): boolean {
  return a.length === b.length && a.every((row, r) => row.length === b[r].length);
}

export function isSingleCell(grid: Grid): boolean {
  return grid.length === 1 && grid[0].length === 1;
}

/** The first error cell in a range, as the error the function should return. */
export function firstInputError(argument: string, grid: Grid): FormulaError | undefined {
  for (let r = 0; r < grid.length; r++) {
    for (const cell of grid[r]) {
      const code = errorCodeOf(cell);
      if (code !== undefined) return inputError(grid.length > 1 ? `${argument} (row ${r + 1})` : argument, code);
    }
  }
  return undefined;
}

/** Cells of a range read row by row, as text ("" for blanks; numbers as typed, e.g. 4.1). */
export function cellsAsText(grid: Grid): string[] {
  const texts: string[] = [];
  for (const row of grid) for (const cell of row) texts.push(isBlank(cell) ? "" : String(cell).trim());
  return texts;
}
