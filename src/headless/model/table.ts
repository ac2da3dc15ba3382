import { type Rect, rectAddress } from "../addresses";
import type { SheetModel } from "./sheet";
import type { CellValue } from "./types";

/** A table (ListObject). `rect` spans header row, body and totals row. */
export class TableModel {
  style = "TableStyleMedium2";
  showHeaders = true;
  showTotals = false;
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  /** Values filter per column index; rows whose text is not listed are hidden. */
  readonly filters = new Map<number, string[]>();

  constructor(
    public name: string,
    readonly id: string,
    public sheet: SheetModel,
    public rect: Rect,
    /** Stable Office.js column ids, one per column. */
    public columnIds: number[],
  ) {}

  get columnCount(): number {
    return this.rect.c1 - this.rect.c0 + 1;
  }

  get headerRow(): number {
    return this.rect.r0;
  }

  /** Body rows (possibly zero: then r1 < r0). */
  get bodyRect(): Rect {
    return { ...this.rect, r0: this.rect.r0 + 1, r1: this.rect.r1 - (this.showTotals ? 1 : 0) };
  }

  get bodyRowCount(): number {
    const body = this.bodyRect;
    return Math.max(0, body.r1 - body.r0 + 1);
  }

  columnNames(): string[] {
    const names: string[] = [];
    for (let col = this.rect.c0; col <= this.rect.c1; col++) names.push(String(this.sheet.cell(this.headerRow, col)?.value ?? ""));
    return names;
  }

  columnIndexOf(name: string): number {
    const wanted = name.toLowerCase();
    return this.columnNames().findIndex((n) => n.toLowerCase() === wanted);
  }

  address(): string {
    return rectAddress(this.rect);
  }

  /** Body values of the table as a grid (tests). */
  bodyValues(): CellValue[][] {
    const body = this.bodyRect;
    return this.bodyRowCount === 0 ? [] : this.sheet.valuesOf(rectAddress(body));
  }

  /** Zero-based body row indexes not hidden by a filter (tests). */
  visibleBodyRows(): number[] {
    const rows: number[] = [];
    for (let i = 0; i < this.bodyRowCount; i++) if (!this.sheet.hiddenRows.has(this.bodyRect.r0 + i)) rows.push(i);
    return rows;
  }
}

/** Header names made unique within a table the way Excel does it: "Name", "Name2", ... */
export function uniqueHeaders(raw: CellValue[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, index) => {
    const base = value === "" || value === undefined ? `Column${index + 1}` : String(value);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
