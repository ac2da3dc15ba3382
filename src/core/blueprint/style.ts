/** Shared visual language of the scaffolded sheets. */
import { CellFormat, ConditionalFormatSpec } from "./types";

export const TITLE: CellFormat = { bold: true, fontSize: 16, fontColor: "#1F3864" };
export const SUBTITLE: CellFormat = { italic: true, fontColor: "#404040", wrapText: false };
export const SECTION: CellFormat = { bold: true, fontSize: 12, fontColor: "#1F3864" };
export const TABLE_STYLE = "TableStyleMedium2";
/** Header row of a per-row block (not a table): the look of TABLE_STYLE's header. */
export const BLOCK_HEADER: CellFormat = { bold: true, fontColor: "#FFFFFF", fill: "#4472C4" };

/** Light red with dark red text: Excel's "bad" style, readable in grayscale thanks to bold. */
export const ALERT: Omit<ConditionalFormatSpec, "formula"> = { fill: "#FFC7CE", fontColor: "#9C0006", bold: true };

/** Width in points for a column that holds about `chars` characters. */
export function widthFor(chars: number): number {
  return Math.round(chars * 6.5 + 8);
}
