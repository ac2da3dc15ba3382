/**
 * What an import reads: a grid of cells from a CSV file or a worksheet, with the header row found
 * and every data row remembering its row number in the source (problems name it).
 */
import Papa from "papaparse";
import { unescapeCsvCell } from "./csvEscape";

/** A source cell: CSV cells are text; worksheet cells may be numbers (dates as Excel serials) or booleans. */
export type SourceCell = string | number | boolean | null;

export interface SourceTable {
  /** File or sheet name, for messages. */
  name: string;
  headers: string[];
  rows: SourceCell[][];
  /** 1-based source row number of each data row (blank rows are left out, so numbers can jump). */
  rowNumbers: number[];
  /** 1-based source row number of the header row. */
  headerRowNumber: number;
}

/** How many rows from the top may hold titles or notes before the header row. */
const HEADER_SEARCH_ROWS = 20;

export const isBlankCell = (cell: SourceCell | undefined): boolean => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** Cells of a CSV text: any common delimiter (comma, semicolon, tab, pipe), quoted cells across lines. */
export function parseCsvGrid(text: string): SourceCell[][] {
  // Trailing newlines are dropped first: papaparse's delimiter guess counts the empty last line
  // and then takes a tab-separated file for a one-column comma file.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").replace(/[\r\n]+$/, ""), {
    delimiter: "",
    delimitersToGuess: [",", ";", "\t", "|"],
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  return parsed.data.map((row) => row.map(unescapeCsvCell));
}

/**
 * The grid as a table: the header row is the row among the first twenty whose cells look most like
 * the register's headers (`scoreHeader` rates one header cell, 0 to 1); rows above it are titles.
 */
export function toSourceTable(name: string, grid: SourceCell[][], scoreHeader: (header: string) => number): SourceTable {
  let headerIndex = -1;
  let best = 0;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const cells = grid[i].filter((c) => !isBlankCell(c));
    if (cells.length === 0) continue;
    if (headerIndex < 0) headerIndex = i;
    const score = cells.reduce<number>((sum, c) => sum + (typeof c === "string" ? scoreHeader(c) : 0), 0);
    if (score > best) {
      best = score;
      headerIndex = i;
    }
  }
  if (headerIndex < 0) return { name, headers: [], rows: [], rowNumbers: [], headerRowNumber: 0 };
  const width = Math.max(...grid.slice(headerIndex).map((row) => row.length));
  const headers = Array.from({ length: width }, (_, c) => String(grid[headerIndex][c] ?? "").trim());
  const rows: SourceCell[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    if (grid[i].every(isBlankCell)) continue;
    rows.push(Array.from({ length: width }, (_, c) => grid[i][c] ?? null));
    rowNumbers.push(i + 1);
  }
  return { name, headers, rows, rowNumbers, headerRowNumber: headerIndex + 1 };
}
