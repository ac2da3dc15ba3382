/**
 * The paper the scaffolded sheets are laid out for, so a fixed print scale keeps text legible and
 * sections whole on both hosts and both common paper sizes:
 *   - the smaller of US Letter (612 × 792 pt) and A4 (595 × 842 pt) in each direction;
 *   - Excel's Normal margins (0.7 in left and right, 0.75 in top and bottom; the footer sits in the bottom one);
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
/** Printed width of one point of column width, at most (LibreOffice: 4/3 pt, less about 5 pt per column). */
export const PRINTED_WIDTH_PER_POINT = 4 / 3;

/**
 * The smallest whole print scale (percent) at which 11 pt body text prints at 7 pt or more (64%).
 * Fixed-scale sheets print at this scale or larger.
 */
export const LEGIBLE_SCALE = Math.ceil((MIN_PRINTED_POINTS / DEFAULT_FONT_POINTS) * 100);

/** What one printed page holds at a print scale (percent): column widths and row heights in sheet points. */
export function pageRoom(orientation: Orientation, scale: number): { width: number; height: number } {
  const [paperWidth, paperHeight] = orientation === "Landscape" ? [LONG_SIDE, SHORT_SIDE] : [SHORT_SIDE, LONG_SIDE];
  const factor = scale / 100;
  return {
    width: (paperWidth - MARGIN.left - MARGIN.right) / factor / PRINTED_WIDTH_PER_POINT,
    height: (paperHeight - MARGIN.top - MARGIN.bottom) / factor,
  };
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
