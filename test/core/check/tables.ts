import { columnLetter } from "../../../src/core/a1";
import type { CellValue } from "../../../src/core/blueprint/types";
import type { TableData } from "../../../src/core/check/tableData";

/** A hand-made table whose header row is sheet row 4 (0-based 3) starting in column A, as Build lays them out. */
export function tableOf(name: string, sheet: string, rows: Array<Record<string, CellValue>>, headers: string[]): TableData {
  return { name, sheet, headerRow: 3, firstColumn: 0, headers, rows: rows.map((row) => headers.map((h) => row[h] ?? null)) };
}

/** The column letter of a header in a table made by `tableOf`. */
export function columnOf(table: TableData, header: string): string {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`No column "${header}" in table ${table.name}`);
  return columnLetter(index);
}
