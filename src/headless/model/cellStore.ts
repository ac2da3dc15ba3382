import type { Cell } from "./types";

/**
 * How a sheet's cells are held: rows (SheetRows) of cells by column (RowCells), both in order.
 * About 110 bytes a cell on a sheet of one cell per row, besides the cell and its value; a Map of
 * Maps took about 300.
 */

/**
 * The cells of one row by column, in column order. A row of one cell (most rows of a long list) is
 * held in the object itself; longer rows in two arrays sorted by column. A Map per row cost about
 * 220 bytes before its first cell, which on 300,000 one-cell rows was over half the model (59 of
 * 112 MB); this costs 56. Reads see it as a ReadonlyMap; the sheet (SheetModel) changes it.
 *
 * Iterating while the row changes behaves as a Map's iterator does for deletes: a deleted cell not
 * yet visited is skipped, the others are each visited once; a cell added behind the iterator's
 * column is not visited, one ahead of it is.
 */
export class RowCells implements ReadonlyMap<number, Cell> {
  /** Column and cell when the row holds exactly one. */
  private onlyColumn = -1;
  private onlyCell: Cell | undefined = undefined;
  /** Columns ascending, and their cells, when it holds more. */
  private columns: number[] | undefined = undefined;
  private cells: Cell[] | undefined = undefined;

  get size(): number {
    return this.columns ? this.columns.length : this.onlyCell ? 1 : 0;
  }

  get(col: number): Cell | undefined {
    if (!this.columns) return this.onlyColumn === col ? this.onlyCell : undefined;
    const at = this.indexOf(col);
    return at >= 0 ? this.cells![at] : undefined;
  }

  has(col: number): boolean {
    return this.get(col) !== undefined;
  }

  /** Puts `cell` at `col`, replacing what was there. */
  set(col: number, cell: Cell): this {
    if (!this.columns) {
      if (!this.onlyCell || this.onlyColumn === col) {
        this.onlyColumn = col;
        this.onlyCell = cell;
        return this;
      }
      // Array literals allocate exactly two slots; they grow as cells are added.
      const before = this.onlyColumn < col;
      this.columns = before ? [this.onlyColumn, col] : [col, this.onlyColumn];
      this.cells = before ? [this.onlyCell, cell] : [cell, this.onlyCell];
      this.onlyColumn = -1;
      this.onlyCell = undefined;
      return this;
    }
    const columns = this.columns;
    const last = columns.length - 1;
    if (col > columns[last]) {
      columns.push(col);
      this.cells!.push(cell);
      return this;
    }
    const at = this.insertionPoint(col);
    if (columns[at] === col) this.cells![at] = cell;
    else {
      columns.splice(at, 0, col);
      this.cells!.splice(at, 0, cell);
    }
    return this;
  }

  delete(col: number): boolean {
    if (!this.columns) {
      if (!this.onlyCell || this.onlyColumn !== col) return false;
      this.onlyColumn = -1;
      this.onlyCell = undefined;
      return true;
    }
    const at = this.indexOf(col);
    if (at < 0) return false;
    this.columns.splice(at, 1);
    this.cells!.splice(at, 1);
    if (this.columns.length === 1) {
      this.onlyColumn = this.columns[0];
      this.onlyCell = this.cells![0];
      this.columns = undefined;
      this.cells = undefined;
    }
    return true;
  }

  forEach(visit: (cell: Cell, col: number, row: ReadonlyMap<number, Cell>) => void): void {
    for (const [col, cell] of this) visit(cell, col, this);
  }

  /** Every cell in column order, as the cells of row `row`, without allocating; `visit` must not add or remove cells. */
  forEachCell(row: number, visit: (cell: Cell, row: number, col: number) => void): void {
    const { columns, cells } = this;
    if (!columns) {
      if (this.onlyCell) visit(this.onlyCell, row, this.onlyColumn);
      return;
    }
    for (let i = 0; i < columns.length; i++) visit(cells![i], row, columns[i]);
  }

  *entries(): IterableIterator<[number, Cell]> {
    let visited = -1;
    let at = 0;
    for (;;) {
      if (!this.columns) {
        // One cell (or none) left: it is next when it lies ahead of the last one visited.
        if (!this.onlyCell || this.onlyColumn <= visited) return;
        visited = this.onlyColumn;
        yield [visited, this.onlyCell];
        at = 1;
        continue;
      }
      // Where the iterator stands, found again when the row changed under it.
      if (at >= this.columns.length || this.columns[at] <= visited || (at > 0 && this.columns[at - 1] > visited)) at = this.insertionPoint(visited + 1);
      if (at >= this.columns.length) return;
      visited = this.columns[at];
      yield [visited, this.cells![at]];
      at++;
    }
  }

  *keys(): IterableIterator<number> {
    for (const [col] of this.entries()) yield col;
  }

  *values(): IterableIterator<Cell> {
    for (const [, cell] of this.entries()) yield cell;
  }

  [Symbol.iterator](): IterableIterator<[number, Cell]> {
    return this.entries();
  }

  /** The first and last column holding a cell, or undefined for an empty row. */
  firstColumn(): number | undefined {
    return this.columns ? this.columns[0] : this.onlyCell ? this.onlyColumn : undefined;
  }

  lastColumn(): number | undefined {
    return this.columns ? this.columns[this.columns.length - 1] : this.onlyCell ? this.onlyColumn : undefined;
  }

  private indexOf(col: number): number {
    const at = this.insertionPoint(col);
    return this.columns![at] === col ? at : -1;
  }

  /** The index of the first column ≥ `col` (the length when there is none). */
  private insertionPoint(col: number): number {
    return insertionPoint(this.columns!, col);
  }
}

/** Rows per block: a block is one array of this many slots (8 KB), allocated when a row in it holds a cell. */
const BLOCK_ROWS = 1024;
const BLOCK_SHIFT = 10;

/**
 * The rows of a sheet that hold cells, by row number, in row order: blocks of 1,024 consecutive
 * rows, each an array of slots. A Map of 300,000 rows kept a hash table of about 14 MB; the blocks
 * of the same rows take 2.4 MB. Iterating while rows are added or removed behaves as RowCells does.
 */
export class SheetRows implements ReadonlyMap<number, RowCells> {
  private readonly blocks = new Map<number, Array<RowCells | undefined>>();
  /** How many rows each block holds, to free a block when its last row goes. */
  private readonly counts = new Map<number, number>();
  /** Block numbers ascending. */
  private order: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number): RowCells | undefined {
    return this.blocks.get(row >> BLOCK_SHIFT)?.[row & (BLOCK_ROWS - 1)];
  }

  has(row: number): boolean {
    return this.get(row) !== undefined;
  }

  set(row: number, cells: RowCells): this {
    const number = row >> BLOCK_SHIFT;
    let block = this.blocks.get(number);
    if (!block) {
      block = new Array<RowCells | undefined>(BLOCK_ROWS);
      this.blocks.set(number, block);
      this.counts.set(number, 0);
      const at = insertionPoint(this.order, number);
      this.order.splice(at, 0, number);
    }
    const slot = row & (BLOCK_ROWS - 1);
    if (block[slot] === undefined) {
      this.count++;
      this.counts.set(number, this.counts.get(number)! + 1);
    }
    block[slot] = cells;
    return this;
  }

  delete(row: number): boolean {
    const number = row >> BLOCK_SHIFT;
    const block = this.blocks.get(number);
    const slot = row & (BLOCK_ROWS - 1);
    if (!block || block[slot] === undefined) return false;
    block[slot] = undefined;
    this.count--;
    const left = this.counts.get(number)! - 1;
    if (left > 0) this.counts.set(number, left);
    else {
      this.blocks.delete(number);
      this.counts.delete(number);
      this.order = this.order.filter((n) => n !== number);
    }
    return true;
  }

  forEach(visit: (cells: RowCells, row: number, rows: ReadonlyMap<number, RowCells>) => void): void {
    for (const [row, cells] of this) visit(cells, row, this);
  }

  /** The last row that holds a cell, or -1. */
  lastRow(): number {
    if (this.order.length === 0) return -1;
    const number = this.order[this.order.length - 1];
    const block = this.blocks.get(number)!;
    let slot = BLOCK_ROWS - 1;
    while (slot > 0 && block[slot] === undefined) slot--;
    return (number << BLOCK_SHIFT) + slot;
  }

  /** Every cell in row then column order, without allocating; `visit` must not add or remove cells. */
  forEachCell(visit: (cell: Cell, row: number, col: number) => void): void {
    for (const number of this.order) {
      const block = this.blocks.get(number)!;
      const base = number << BLOCK_SHIFT;
      for (let slot = 0; slot < BLOCK_ROWS; slot++) block[slot]?.forEachCell(base + slot, visit);
    }
  }

  entries(): IterableIterator<[number, RowCells]> {
    return this.between(0, Number.MAX_SAFE_INTEGER);
  }

  /** Rows from `first` to `last`, both included, in order: only the blocks there are visited. */
  *between(first: number, last: number): IterableIterator<[number, RowCells]> {
    let visited = first - 1;
    while (visited < last) {
      // The block holding the next row after the last one visited, found again each time: blocks may come and go.
      const at = insertionPoint(this.order, (visited + 1) >> BLOCK_SHIFT);
      if (at >= this.order.length) return;
      const number = this.order[at];
      const block = this.blocks.get(number)!;
      const base = number << BLOCK_SHIFT;
      let slot = Math.max(0, visited + 1 - base);
      for (; slot < BLOCK_ROWS && base + slot <= last; slot++) {
        const cells = block[slot];
        if (cells === undefined) continue;
        visited = base + slot;
        yield [visited, cells];
        if (this.blocks.get(number) !== block) break;
      }
      if (slot >= BLOCK_ROWS || base + slot > last) visited = Math.min(last, base + BLOCK_ROWS - 1);
    }
  }

  *keys(): IterableIterator<number> {
    for (const [row] of this.entries()) yield row;
  }

  *values(): IterableIterator<RowCells> {
    for (const [, cells] of this.entries()) yield cells;
  }

  [Symbol.iterator](): IterableIterator<[number, RowCells]> {
    return this.entries();
  }
}

/** The index of the first entry ≥ `value` in an ascending array (its length when there is none). */
function insertionPoint(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
