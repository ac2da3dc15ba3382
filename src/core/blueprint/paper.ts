/**
 * The paper the scaffolded sheets are laid out for, so a fixed print scale keeps text legible and
 * sections whole on both hosts and both common paper sizes:
 *   - the smaller of US Letter (612 × 792 pt) and A4 (595 × 842 pt) in each direction;
 *   - Excel's Normal margins (0.7 in left and right, 0.75 in top and bottom; the footer sits in the
 *     bottom one), or its Narrow ones (0.25 in left and right);
 *   - columns as wide as the wider host draws them: a column width is stored in characters of the
 *     default font, and LibreOffice (DejaVu Sans standing in for Calibri when Carlito is absent)
 *     draws a character about a third wider than Excel does, so a layout that fits there fits in Excel.
 */
import { DEFAULT_FONT_POINTS } from "./textFit";

/** The smallest effective text size allowed on paper (points), after the print scale. */
export const MIN_PRINTED_POINTS = 7;

export type Orientation = "Landscape" | "Portrait";

const SHORT_SIDE = 595;
const LONG_SIDE = 792;
const MARGIN = { left: 0.7 * 72, right: 0.7 * 72, top: 0.75 * 72, bottom: 0.75 * 72 };
/** Excel's Narrow margins left and right (points); top and bottom stay 0.75 in. */
export const NARROW_SIDE_MARGIN = 0.25 * 72;
/** Printed width of one point of column width, at most (LibreOffice: 4/3 pt, less about 5 pt per column). */
export const PRINTED_WIDTH_PER_POINT = 4 / 3;

/**
 * The smallest whole print scale (percent) at which 11 pt body text prints at 7 pt or more (64%).
 * Fixed-scale sheets print at this scale or larger.
 */
export const LEGIBLE_SCALE = Math.ceil((MIN_PRINTED_POINTS / DEFAULT_FONT_POINTS) * 100);

/**
 * Text sizes (points) for a chart on a sheet printed at a fixed scale (percent): the smallest whole size
 * that prints at 7 pt, and never under 10 pt, with a title a third larger. Set explicitly because
 * Excel's default chart style draws labels at 9 pt, which prints under 7 pt at any scale below 78%.
 */
export function chartTextSizes(scale: number): { textSize: number; titleSize: number } {
  const textSize = Math.max(10, Math.ceil((MIN_PRINTED_POINTS * 100) / scale));
  return { textSize, titleSize: Math.ceil(textSize * 1.3) };
}

/** The printable part of a page (paper points) inside the given margins, on the smaller of Letter and A4. */
export function printableArea(orientation: Orientation, margins: { left: number; right: number; top: number; bottom: number }): { width: number; height: number } {
  const [paperWidth, paperHeight] = orientation === "Landscape" ? [LONG_SIDE, SHORT_SIDE] : [SHORT_SIDE, LONG_SIDE];
  return { width: paperWidth - margins.left - margins.right, height: paperHeight - margins.top - margins.bottom };
}

/** What one printed page holds at a print scale (percent): column widths and row heights in sheet points. */
export function pageRoom(orientation: Orientation, scale: number, narrowMargins = false): { width: number; height: number } {
  const page = printableArea(orientation, narrowMargins ? { ...MARGIN, left: NARROW_SIDE_MARGIN, right: NARROW_SIDE_MARGIN } : MARGIN);
  const factor = scale / 100;
  return { width: page.width / factor / PRINTED_WIDTH_PER_POINT, height: page.height / factor };
}

/** Sheet points of column width a set of columns needs across a page. */
export const columnsWidth = (widths: readonly number[]): number => widths.reduce((sum, width) => sum + width, 0);

/** A part of a sheet that should not be split over two pages: its first row (0-based) and the height in points of its rows up to the next part. */
export interface PrintSection {
  row: number;
  height: number;
}

/**
 * Manual page breaks (0-based rows that start a page) that keep each section on one page: sections
 * are laid down in order, and one that would run past the page starts the next (a section taller
 * than a page starts its own and the host breaks it where it must).
 */
export function sectionBreaks(sections: readonly PrintSection[], pageHeight: number): number[] {
  const breaks: number[] = [];
  let used = 0;
  for (const section of sections) {
    if (used > 0 && used + section.height > pageHeight) {
      breaks.push(section.row);
      used = 0;
    }
    used += section.height;
  }
  return breaks;
}

/** Runs of equal heights ("A5:A9" at 15 pt) for rows 0..heights.length-1, as a rowHeights step takes them. */
export function heightRuns(heights: readonly number[]): Array<{ address: string; height: number }> {
  const runs: Array<{ address: string; height: number }> = [];
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1] === heights[i]) j++;
    runs.push({ address: `A${i + 1}:A${j + 1}`, height: heights[i] });
    i = j + 1;
  }
  return runs;
}

/** Sections from their first rows and the height of every row: each runs to the next one's first row (the last to the end). */
export function sectionsOf(firstRows: readonly number[], heights: readonly number[]): PrintSection[] {
  const rows = [...new Set(firstRows)].sort((a, b) => a - b);
  return rows.map((row, i) => ({ row, height: heights.slice(row, rows[i + 1] ?? heights.length).reduce((sum, h) => sum + h, 0) }));
}
