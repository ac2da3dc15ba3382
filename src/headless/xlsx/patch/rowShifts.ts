/**
 * Rows a command inserted into a table move what the file keeps below them, as Excel's "shift cells
 * down" does when a table grows: hyperlinks, notes (the comment's cell, its threaded comment and the
 * VML shape's anchor), merges, and the ranges of conditional formats and data validation, x14 ones
 * in extLst included. The model's own log of row moves (SheetModel.rowShifts) is replayed on the
 * original markup with the same rule the model used, so kept and rewritten elements agree.
 * Excel: "Insert or delete cells, rows, and columns" (support.microsoft.com, 0cb9c2f7) — hyperlinks,
 * notes and formats travel with the cells they belong to.
 */
import { parseRect, rectAddress, type Rect } from "../../addresses";
import { type RowShift, shiftedRect } from "../../model/shift";
import type { XlsxPackage } from "../charts/opcPackage";
import { applyEdits, childSpans, rootSpan, textOf, type Edit } from "./xmlSpans";

const COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const THREADED_COMMENTS = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

const replay = (rect: Rect, shifts: readonly RowShift[]): Rect => shifts.reduce(shiftedRect, rect);

/** One range ("B20", "A3:C9", "A:A") after the shifts; anything else stays as written. */
function shiftedRange(range: string, shifts: readonly RowShift[]): string {
  const rect = parseRect(range.replace(/\$/g, ""));
  if (!rect || range.includes("$")) return range;
  const moved = replay(rect, shifts);
  return moved === rect || (moved.r0 === rect.r0 && moved.r1 === rect.r1) ? range : rectAddress(moved);
}

/** A space-separated list of ranges (sqref) after the shifts. */
export function shiftedSqref(sqref: string, shifts: readonly RowShift[]): string {
  return sqref.replace(/[^\s]+/g, (range) => shiftedRange(range, shifts));
}

const REF_ATTRIBUTE = /(\s(?:sq)?ref\s*=\s*)(["'])([^"']*)\2/g;
const X14_SQREF = /(<(\w+:)?sqref>)([^<]*)(<\/\2?sqref>)/g;
const SHIFTED_ELEMENTS = new Set(["hyperlinks", "mergeCells", "conditionalFormatting", "dataValidations", "extLst"]);

function withShiftedRefs(text: string, shifts: readonly RowShift[]): string {
  return text
    .replace(REF_ATTRIBUTE, (_m, name: string, quote: string, value: string) => `${name}${quote}${shiftedSqref(value, shifts)}${quote}`)
    .replace(X14_SQREF, (_m, open: string, _prefix: string, value: string, close: string) => `${open}${shiftedSqref(value, shifts)}${close}`);
}

/** The worksheet part with the ranges of the elements it keeps moved; <sheetData> is left to the cell patch. */
export function shiftWorksheetXml(xml: string, shifts: readonly RowShift[]): string {
  if (shifts.length === 0) return xml;
  const edits: Edit[] = [];
  for (const span of childSpans(xml, rootSpan(xml))) {
    if (!SHIFTED_ELEMENTS.has(span.local)) continue;
    const before = textOf(xml, span);
    const after = withShiftedRefs(before, shifts);
    if (after !== before) edits.push({ start: span.start, end: span.end, text: after });
  }
  return edits.length === 0 ? xml : applyEdits(xml, edits);
}

/** A note's shape in the VML part: its cell (x:Row, x:Column, 0-based) and anchor rows follow the cell. */
function shiftVml(vml: string, shifts: readonly RowShift[]): string {
  return vml.replace(/<x:ClientData\b[\s\S]*?<\/x:ClientData>/g, (data) => {
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(data);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(data);
    if (!row || !col) return data;
    const r = Number(row[1]);
    const c = Number(col[1]);
    const delta = replay({ r0: r, r1: r, c0: c, c1: c }, shifts).r0 - r;
    if (delta === 0) return data;
    return data
      .replace(/<x:Row>\s*\d+\s*<\/x:Row>/, `<x:Row>${r + delta}</x:Row>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_m, anchor: string) => {
        const numbers = anchor.split(",").map((n) => n.trim());
        if (numbers.length !== 8) return _m;
        for (const i of [2, 6]) numbers[i] = String(Number(numbers[i]) + delta);
        return `<x:Anchor>${numbers.join(", ")}</x:Anchor>`;
      });
  });
}

/** The notes of a worksheet part (comments, threaded comments, VML shapes) moved with their cells. */
export async function shiftSheetNotes(pkg: XlsxPackage, sheetPart: string, shifts: readonly RowShift[]): Promise<void> {
  if (shifts.length === 0) return;
  for (const rel of await pkg.relationships(sheetPart)) {
    if (rel.external || !pkg.has(rel.target)) continue;
    const isComments = rel.type === COMMENTS || rel.type === THREADED_COMMENTS;
    if (!isComments && rel.type !== VML_DRAWING) continue;
    const before = await pkg.text(rel.target);
    const after = isComments ? before.replace(REF_ATTRIBUTE, (_m, name: string, quote: string, value: string) => `${name}${quote}${shiftedSqref(value, shifts)}${quote}`) : shiftVml(before, shifts);
    if (after !== before) pkg.set(rel.target, after);
  }
}
