/**
 * Clearing cells removes the conditional formats of those cells only: a format that also covers
 * other cells keeps them (Excel stores a format's range as a list of areas, sqref, and
 * ConditionalFormatCollection.clearAll "clears all conditional formats active on the current
 * specified range", learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection).
 * The host keeps one rectangle per entry, so the rest becomes one entry per remaining rectangle,
 * each with its formulas moved to its own top-left cell (a format's formula is relative to it).
 */
import { type Rect, intersectRects, subtractRect } from "../addresses";
import { shiftFormula } from "./calculatedColumns";
import type { SheetModel } from "./sheet";
import type { ConditionalFormatEntry } from "./types";

export function trimConditionalFormats(sheet: SheetModel, cleared: Rect, newId: () => string): void {
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((entry) => {
    if (!intersectRects(entry.rect, cleared)) return [entry];
    return subtractRect(entry.rect, cleared).map((rect, i) => moved(entry, rect, i === 0 ? entry.id : newId()));
  });
}

function moved(entry: ConditionalFormatEntry, rect: Rect, id: string): ConditionalFormatEntry {
  const rows = rect.r0 - entry.rect.r0;
  const cols = rect.c0 - entry.rect.c0;
  const shift = (formula: string | undefined) => (formula === undefined ? undefined : shiftFormula(formula, rows, cols));
  const rule = { ...entry.rule };
  for (const key of ["formula", "formula1", "formula2"] as const) if (rule[key] !== undefined) rule[key] = shift(rule[key]);
  return { ...structuredClone(entry), id, rect, rule };
}
