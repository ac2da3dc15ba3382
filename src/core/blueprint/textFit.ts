/**
 * Row heights that fit wrapped text, computed from the column width, the font size and the text, so
 * the file carries them (Excel keeps a row's height when a file is opened, and so does LibreOffice for
 * rows the file sizes; neither re-fits rows to wrapped text reliably on open, so a register printed
 * with fixed 15 pt rows draws each wrapped line over the row below).
 *
 * Widths are measured with DejaVu Sans advance widths (the font LibreOffice prints Calibri with when
 * Calibri is absent): they are wider than Calibri's, so Excel gets a line to spare rather than one short.
 */

/** Excel's default: Calibri 11 pt in 15 pt rows. */
export const DEFAULT_FONT_POINTS = 11;
export const DEFAULT_ROW_HEIGHT = 15;
/** Points of row height per point of font size per line: 15 pt rows for 11 pt text. */
const LINE_HEIGHT_PER_POINT = DEFAULT_ROW_HEIGHT / DEFAULT_FONT_POINTS;
/** Cell padding left and right (Excel and LibreOffice indent text about 2 pt from each edge). */
const CELL_PADDING = 5;
/** Bold text is wider: DejaVu Sans Bold averages about 10% wider than Book. */
const BOLD_FACTOR = 1.1;
/** Excel's largest row height. */
const MAX_ROW_HEIGHT = 409;

/** Advance widths in em (DejaVu Sans, units per em 2048), by character. */
const EM: Record<string, number> = {};
const assign = (chars: string, em: number) => {
  for (const c of chars) EM[c] = em;
};
assign(" ", 0.318);
assign("ijl'|", 0.278);
assign("!.,:;", 0.4);
assign("ftI()[]{}/\\J", 0.39);
assign("r-", 0.411);
assign("sz\"", 0.53);
assign("cvxyk?_", 0.6);
assign("abdeghnopqu0123456789$", 0.64);
assign("LFTPYZ", 0.62);
assign("ESBKRX", 0.7);
assign("ACV", 0.7);
assign("DGHNOQU&#+=<>~", 0.8);
assign("mwM", 0.98);
assign("W%@—", 1.0);
const DEFAULT_EM = 0.7;

/** Printed width of `text` in points at `points` size. */
export function textWidth(text: string, points = DEFAULT_FONT_POINTS, bold = false): number {
  let em = 0;
  for (const c of text) em += EM[c] ?? DEFAULT_EM;
  return em * points * (bold ? BOLD_FACTOR : 1);
}

/** Lines `text` takes when wrapped to a column `width` points wide (greedy, word by word; a word longer than a line breaks). */
export function wrappedLines(text: string, width: number, points = DEFAULT_FONT_POINTS, bold = false): number {
  const room = Math.max(width - CELL_PADDING, points);
  const space = textWidth(" ", points, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      let w = textWidth(word, points, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

export interface FittedCell {
  text: string;
  /** Column width in points. */
  width: number;
  wrap: boolean;
  points?: number;
  bold?: boolean;
}

/** Height of one line of `points`-size text. */
export const lineHeight = (points = DEFAULT_FONT_POINTS): number => Math.ceil(points * LINE_HEIGHT_PER_POINT);

/** The row height that shows every wrapped cell of a row in full: at least the default height. */
export function fittedRowHeight(cells: readonly FittedCell[]): number {
  let height = DEFAULT_ROW_HEIGHT;
  for (const cell of cells) {
    const points = cell.points ?? DEFAULT_FONT_POINTS;
    const lines = cell.wrap && cell.text !== "" ? wrappedLines(cell.text, cell.width, points, cell.bold) : 1;
    height = Math.max(height, lines * lineHeight(points));
  }
  return Math.min(height, MAX_ROW_HEIGHT);
}

/** A cell value as the text a reader sees ("" for formulas: their results are not known here). */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.startsWith("=") ? "" : value;
  return String(value);
}
