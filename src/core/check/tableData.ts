/** A table's contents as Check reads them, with the way back from a row and column to a cell. */
import { cellAddress } from "../a1";
import { CellValue } from "../blueprint/types";

export interface TableData {
  name: string;
  sheet: string;
  /** 0-based sheet row of the header row and column of the first table column. */
  headerRow: number;
  firstColumn: number;
  headers: string[];
  rows: CellValue[][];
}

export interface RowView {
  /** 0-based index among the body rows. */
  index: number;
  get(header: string): CellValue;
  text(header: string): string;
  address(header: string): string;
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Body rows with anything typed in them (Excel keeps an empty row in new tables). */
export function filledRows(table: TableData): RowView[] {
  return rowViews(table).filter((view) => !table.rows[view.index].every(isBlank));
}

/** Every body row, blank ones included. */
export function rowViews(table: TableData): RowView[] {
  const column = new Map(table.headers.map((h, i) => [h.toLowerCase(), i]));
  const position = (header: string) => column.get(header.toLowerCase()) ?? -1;
  return table.rows.flatMap((row, index) => {
    const view: RowView = {
      index,
      get: (header) => {
        const i = position(header);
        return i < 0 ? null : (row[i] ?? null);
      },
      text: (header) => {
        const v = view.get(header);
        return isBlank(v) ? "" : String(v).trim();
      },
      address: (header) =>
        cellAddress({ row: table.headerRow + 1 + index, column: table.firstColumn + Math.max(position(header), 0) }),
    };
    return [view];
  });
}

export { isBlank };
