/** Series ranges: the model keeps Office.js addresses ("Dashboard!Q22:Q24"), chart parts absolute ones. */
import { absoluteRectAddress, parseRect, qualifiedAddress, quoteSheetName, splitSheet } from "../../addresses";
import type { CellValue } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";

/** "Dashboard!Q22:Q24" → "Dashboard!$Q$22:$Q$24"; null when the address is not a sheet-qualified range. */
export function toChartFormula(address: string): string | null {
  const { sheet, local } = splitSheet(address);
  const rect = parseRect(local);
  return sheet && rect ? `${quoteSheetName(sheet)}!${absoluteRectAddress(rect)}` : null;
}

/** "'Risk Register'!$A$5:$A$9" → "'Risk Register'!A5:A9", as Office.js reports series ranges. */
export function fromChartFormula(formula: string): string | null {
  const { sheet, local } = splitSheet(formula.trim().replace(/^\(|\)$/g, ""));
  const rect = parseRect(local);
  return sheet && rect ? qualifiedAddress(sheet, rect) : null;
}

export interface CachedPoint {
  value: CellValue;
  numberFormat: string;
}

/** The cells a series range covers, in order, as the model holds them now (for the part's caches). */
export function pointsOf(workbook: HeadlessWorkbook, address: string): CachedPoint[] {
  const { sheet: sheetName, local } = splitSheet(address);
  const sheet = sheetName === undefined ? undefined : workbook.getSheet(sheetName);
  const rect = parseRect(local);
  if (!sheet || !rect) return [];
  const points: CachedPoint[] = [];
  for (let row = rect.r0; row <= rect.r1; row++) {
    for (let col = rect.c0; col <= rect.c1; col++) {
      const cell = sheet.cell(row, col);
      points.push({ value: cell?.value ?? "", numberFormat: cell?.style?.numberFormat ?? "General" });
    }
  }
  return points;
}
