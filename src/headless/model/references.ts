/**
 * Excel adjusts every reference to cells that move when cells are inserted or deleted ("shift cells
 * down/up/right/left": support.microsoft.com, "Insert or delete cells, rows, and columns", 0cb9c2f7;
 * Range.insert / Range.delete with Excel.InsertShiftDirection / DeleteShiftDirection,
 * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)):
 * - a reference wholly past the inserted cells moves with them; one that spans the insertion grows;
 * - a reference to deleted cells shrinks, and one to only deleted cells becomes #REF!
 *   (support.microsoft.com, "How to correct a #REF! error");
 * - only a reference whose cells all lie within the shifted band moves: the cells beside it stayed;
 * - absolute and relative references move alike ($ only matters when a formula is copied);
 * - a range over a whole column stays whole when rows move, as a whole row does when columns move.
 * The same rule serves the model (cell formulas on every sheet, defined names, validation and
 * conditional-format formulas) and the file layer, which replays the model's row moves on what it
 * keeps from the file (./xlsx/patch/referenceShift).
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect, columnIndex, columnLetters } from "../addresses";

/**
 * Cells moving on one sheet: `count` lines inserted (> 0) or deleted (< 0) at `at` along `axis`
 * ("rows": cells shift down/up; "columns": right/left), within the band of lines `from`..`to`
 * across it (the columns that shift down, or the rows that shift right).
 */
export interface CellMove {
  axis: "rows" | "columns";
  at: number;
  count: number;
  from: number;
  to: number;
}

type Span = { lo: number; hi: number };

/**
 * Where the span of lines lo..hi along the move's axis goes; null when it held only deleted lines.
 * A span over every line (a whole column A:A for a row move, a whole row for a column move) stays:
 * a sheet always has 1,048,576 rows and 16,384 columns (support.microsoft.com, "Excel worksheet
 * and workbook limits", c13798fc), so lines deleted are made up at the far end and lines inserted
 * push the last ones off, and the span still covers them all.
 */
function movedSpan({ lo, hi }: Span, at: number, count: number, limit: number): Span | null {
  if (lo === 0 && hi === limit - 1) return { lo, hi };
  const last = (n: number) => Math.min(limit - 1, n);
  if (count > 0) {
    if (lo >= at) return { lo: last(lo + count), hi: last(hi + count) };
    if (hi >= at) return { lo, hi: last(hi + count) };
    return { lo, hi };
  }
  const first = at;
  const end = at - count - 1;
  const place = (n: number, isEnd: boolean) => (n < first ? n : n > end ? n + count : isEnd ? first - 1 : first);
  const moved = { lo: place(lo, false), hi: place(hi, true) };
  return moved.hi < moved.lo ? null : moved;
}

/**
 * Where a referenced range is after the move: moved, grown or shrunk when its cells all lie within
 * the shifted band, the same otherwise; null when it held only deleted cells.
 */
export function movedReference(rect: Rect, move: CellMove): Rect | null {
  if (move.axis === "rows") {
    if (rect.c0 < move.from || rect.c1 > move.to) return rect;
    const span = movedSpan({ lo: rect.r0, hi: rect.r1 }, move.at, move.count, MAX_ROWS);
    return span && (span.lo !== rect.r0 || span.hi !== rect.r1) ? { ...rect, r0: span.lo, r1: span.hi } : span && rect;
  }
  if (rect.r0 < move.from || rect.r1 > move.to) return rect;
  const span = movedSpan({ lo: rect.c0, hi: rect.c1 }, move.at, move.count, MAX_COLUMNS);
  return span && (span.lo !== rect.c0 || span.hi !== rect.c1) ? { ...rect, c0: span.lo, c1: span.hi } : span && rect;
}

/**
 * Where the cells of an area (a validation's or a format's range, a merge) are after the move. The
 * area belongs to its cells, so unlike a reference it splits: the part within the shifted band moves
 * (or grows when the insertion falls inside it, or shrinks, or goes with deleted cells), the parts
 * beside the band stay. Each part is given as it was (`before`) and as it is (`after`, absent when
 * its cells were deleted).
 */
export function movedAreaParts(rect: Rect, move: CellMove): Array<{ before: Rect; after: Rect | null }> {
  const rows = move.axis === "rows";
  const lo = rows ? rect.c0 : rect.r0;
  const hi = rows ? rect.c1 : rect.r1;
  const from = Math.max(lo, move.from);
  const to = Math.min(hi, move.to);
  if (from > to) return [{ before: rect, after: rect }];
  const slice = (a: number, b: number): Rect => (rows ? { ...rect, c0: a, c1: b } : { ...rect, r0: a, r1: b });
  const inside = slice(from, to);
  const moved = movedReference(inside, move);
  // An area none of whose cells move stays whole.
  if (moved === inside) return [{ before: rect, after: rect }];
  const parts: Array<{ before: Rect; after: Rect | null }> = [];
  if (lo < from) parts.push({ before: slice(lo, from - 1), after: slice(lo, from - 1) });
  parts.push({ before: inside, after: moved });
  if (to < hi) parts.push({ before: slice(to + 1, hi), after: slice(to + 1, hi) });
  return parts;
}

/**
 * String literals, bracketed parts (structured references, external workbook indexes) or a cell
 * reference with its optional sheet: 'Sheet name'!$A$1:$B$9, Sheet1!A1, A1. A reference must not
 * follow a name character, "!" (handled with its sheet), ":" (a 3-D range) or "]" (another workbook).
 */
const TOKEN = /"(?:[^"]|"")*"|\[(?:[^[\]]|\[[^[\]]*\])*\]|(?<![\w.!:\]$'])((?:'(?:[^']|'')+'|[A-Za-z_\u00A1-\uFFFF][\w.\u00A1-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w.(!:[\]])/g;

/** The lower-case sheet name a formula's qualifier names ('It''s' → it's). */
export const sheetKeyOf = (qualifier: string): string => (qualifier.startsWith("'") ? qualifier.slice(1, -1).replace(/''/g, "'") : qualifier).toLowerCase();

/**
 * The formula with each A1 reference replaced by where `place` says its cells are now (a null place
 * is #REF!, the sheet qualifier kept as Excel shows it: Sheet2!#REF!). `home` is the lower-case name
 * of the sheet unqualified references point at (the formula's own sheet), or null where they point
 * at no sheet in particular (defined names, chart series), which leaves them alone. Corners keep the
 * order and the $ marks they were written with.
 */
export function mapFormulaReferences(formula: string, home: string | null, place: (sheetKey: string, rect: Rect) => Rect | null): string {
  return formula.replace(TOKEN, (whole, sheet: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
    if (r1 === undefined) return whole; // a literal or a bracketed part
    const target = sheet ? sheetKeyOf(sheet.slice(0, -1)) : home;
    if (target === null) return whole;
    const top = Number(r1) - 1;
    const bottom = r2 === undefined ? top : Number(r2) - 1;
    const left = columnIndex(c1.toUpperCase());
    const right = c2 === undefined ? left : columnIndex(c2!.toUpperCase());
    if (top >= MAX_ROWS || bottom >= MAX_ROWS || left >= MAX_COLUMNS || right >= MAX_COLUMNS) return whole;
    const rect = { r0: Math.min(top, bottom), r1: Math.max(top, bottom), c0: Math.min(left, right), c1: Math.max(left, right) };
    const moved = place(target, rect);
    if (!moved) return `${sheet ?? ""}#REF!`;
    if (moved.r0 === rect.r0 && moved.r1 === rect.r1 && moved.c0 === rect.c0 && moved.c1 === rect.c1) return whole;
    const [firstRow, secondRow] = top <= bottom ? [moved.r0, moved.r1] : [moved.r1, moved.r0];
    const [firstCol, secondCol] = left <= right ? [moved.c0, moved.c1] : [moved.c1, moved.c0];
    const start = `${sheet ?? ""}${d1}${columnLetters(firstCol)}${d2}${firstRow + 1}`;
    // A single cell only becomes a range by growing (a chart series over a one-row table column).
    const single = moved.r0 === moved.r1 && moved.c0 === moved.c1;
    return r2 === undefined && single ? start : `${start}:${d3 ?? d1}${columnLetters(secondCol)}${d4 ?? d2}${secondRow + 1}`;
  });
}

/** The largest run of digits in the text (0 when none): no A1 reference in it names a later row. */
function largestNumber(text: string): number {
  let largest = 0;
  let current = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) current = (current < 0 ? 0 : current * 10) + (code - 48);
    else if (current >= 0) {
      if (current > largest) largest = current;
      current = -1;
    }
  }
  return current > largest ? current : largest;
}

/**
 * Whether a formula may reference cells the move shifts on the sheet `sheetKey` (lower case): cheap
 * tests before the tokenizer runs, since most formulas of a large workbook hold no reference into
 * the moved cells (for a row move, no row number at or past the move's row).
 */
export function mayReference(formula: string, sheetKey: string, home: string | null, move: CellMove): boolean {
  if (home !== sheetKey && !(formula.includes("!") && sheetMention(sheetKey).test(formula))) return false;
  return move.axis === "rows" ? largestNumber(formula) > move.at : /\d/.test(formula);
}

let mention: { key: string; pattern: RegExp } | undefined;
/** A case-insensitive test for the sheet's name as a formula writes it (quotes doubled), compiled once per sheet. */
function sheetMention(sheetKey: string): RegExp {
  if (mention?.key !== sheetKey) {
    const escaped = sheetKey.replace(/'/g, "''").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    mention = { key: sheetKey, pattern: new RegExp(escaped, "i") };
  }
  return mention.pattern;
}

/** The formula with its references to `sheetKey` moved by `move`; the same string when none moved. */
export function movedFormula(formula: string, home: string | null, sheetKey: string, move: CellMove): string {
  return mayReference(formula, sheetKey, home, move) ? withMovedReferences(formula, home, sheetKey, move) : formula;
}

/** movedFormula for a formula mayReference has already let through: the tokenizer runs at once. */
export function withMovedReferences(formula: string, home: string | null, sheetKey: string, move: CellMove): string {
  return mapFormulaReferences(formula, home, (target, rect) => (target === sheetKey ? movedReference(rect, move) : rect));
}
