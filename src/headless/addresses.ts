/** A1 addresses: column letters, parsing "Sheet!A1:B2" / "A:A" / "1:3", and formatting like Office.js. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Zero-based inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const fullColumns = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const fullRows = rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
  if (fullColumns && !fullRows) return `${columnLetters(rect.c0)}:${columnLetters(rect.c1)}`;
  if (fullRows && !fullColumns) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const start = cellAddress(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? start : `${start}:${cellAddress(rect.r1, rect.c1)}`;
}

export function absoluteRectAddress(rect: Rect): string {
  return rectAddress(rect).replace(/([A-Z]+)?(\d+)?/g, (match, col?: string, row?: string) =>
    match === "" ? "" : `${col ? `$${col}` : ""}${row ? `$${row}` : ""}`,
  );
}

/**
 * Each area of a comma-separated list ("A1:G60,J1:M50", "A:L") with every corner made absolute
 * ("$A$1:$G$60", "$A:$L"), as a print area's defined name holds it.
 */
export function absoluteAreas(list: string): string[] {
  return list.split(",").map((area) => area.replace(/\$/g, "").replace(/([A-Z]+)(\d*)/gi, (_m, column: string, row: string) => `$${column}${row ? `$${row}` : ""}`));
}

/** Sheet names need quotes unless they are a plain identifier (as Office.js writes addresses). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

type Corner = { row?: number; col?: number };

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const corner: Corner = {};
  if (m[1]) corner.col = columnIndex(m[1]);
  if (m[2]) corner.row = Number(m[2]) - 1;
  return corner;
}

/** Parses the local part of an address ("B2", "A1:C3", "A:C", "2:5"); null when it is not one. */
export function parseRect(local: string): Rect | null {
  const [first, second = first] = local.split(":");
  const a = parseCorner(first);
  const b = parseCorner(second);
  if (!a || !b) return null;
  if ((a.col === undefined) !== (b.col === undefined) || (a.row === undefined) !== (b.row === undefined)) return null;
  const rect: Rect = {
    r0: a.row ?? 0,
    c0: a.col ?? 0,
    r1: b.row ?? MAX_ROWS - 1,
    c1: b.col ?? MAX_COLUMNS - 1,
  };
  const ordered = {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (ordered.r0 < 0 || ordered.c0 < 0 || ordered.r1 >= MAX_ROWS || ordered.c1 >= MAX_COLUMNS) return null;
  return ordered;
}

export const rectRows = (rect: Rect): number => rect.r1 - rect.r0 + 1;
export const rectColumns = (rect: Rect): number => rect.c1 - rect.c0 + 1;

export function intersectRects(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export const rectContains = (outer: Rect, inner: Rect): boolean =>
  inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;

/** The parts of `from` outside `hole` (at most four rectangles). */
export function subtractRect(from: Rect, hole: Rect): Rect[] {
  const overlap = intersectRects(from, hole);
  if (!overlap) return [from];
  const parts: Rect[] = [];
  if (from.r0 < overlap.r0) parts.push({ ...from, r1: overlap.r0 - 1 });
  if (overlap.r1 < from.r1) parts.push({ ...from, r0: overlap.r1 + 1 });
  if (from.c0 < overlap.c0) parts.push({ r0: overlap.r0, r1: overlap.r1, c0: from.c0, c1: overlap.c0 - 1 });
  if (overlap.c1 < from.c1) parts.push({ r0: overlap.r0, r1: overlap.r1, c0: overlap.c1 + 1, c1: from.c1 });
  return parts;
}
