import type { TableRow } from "../engineWorkbook";
import { text, type CheckContext } from "./context";
import type { Expectation, ExpectedValue } from "./expectation";

/**
 * The expected value of every formula cell one sheet scaffolds. A check returns nothing when its
 * sheet is not in the workbook (the SoA exists only with ISO 27001 in scope).
 */
export interface SheetCheck {
  sheet: string;
  expectations(context: CheckContext): Expectation[];
}

/** One expectation per column the `expected` record names, for every row of a table. */
export function rowExpectations(table: string, rows: readonly TableRow[], keyColumn: string, expected: (row: TableRow) => Partial<Record<string, ExpectedValue>>): Expectation[] {
  return rows.flatMap((row) =>
    Object.entries(expected(row)).map(([column, value]) => {
      const cell = row[column];
      if (!cell) throw new Error(`${table} has no column "${column}"`);
      return { cell, rule: `${table}[${column}] of ${text(row[keyColumn].value)}`, expected: value as ExpectedValue };
    }),
  );
}

