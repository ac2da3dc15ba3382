/** A1-address arithmetic for the blueprint and the plan (0-based row and column indexes). */

export interface CellRef {
  row: number;
  column: number;
}

export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnIndex(letters: string): number {
  return letters.toUpperCase().split("").reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** "B7" or "$B$7" → { row: 6, column: 1 }. */
export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

export function cellAddress(ref: CellRef, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(ref.column)}${d}${ref.row + 1}`;
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

/** "Sheet!A1:C9", "'My sheet'!A1", "A1:C9" → sheet (if any) and corners. */
export function parseRange(address: string): RangeRef & { sheet?: string } {
  const bang = address.lastIndexOf("!");
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : undefined;
  const [a, b] = address.slice(bang + 1).split(":");
  const start = parseCell(a);
  return { sheet, start, end: b ? parseCell(b) : start };
}

export function rangeAddress(start: CellRef, end: CellRef, absolute = false): string {
  const a = cellAddress(start, absolute);
  const b = cellAddress(end, absolute);
  return a === b ? a : `${a}:${b}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
