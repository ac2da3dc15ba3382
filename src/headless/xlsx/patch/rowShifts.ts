/**
 * Rows a command inserted into a table move what the file keeps below them, as Excel's "shift cells
 * down" does when a table grows: hyperlinks, notes (the comment's cell, its threaded comment and the
 * VML shape's anchor), merges, the ranges of conditional formats and data validation (x14 ones in
 * extLst included), the sheet's autofilter and sort state, protected ranges, ignored-error ranges,
 * manual page breaks, and the anchors of pictures, charts and shapes. The model's own log of row
 * moves (SheetModel.rowShifts) is replayed on the original markup with the same rule the model used,
 * so kept and rewritten elements agree. References in formulas are moved by ./referenceShift.
 * Excel: "Insert or delete cells, rows, and columns" (support.microsoft.com, 0cb9c2f7) — hyperlinks,
 * notes and formats travel with the cells they belong to.
 */
import { parseRect, rectAddress, type Rect } from "../../addresses";
import { type LoggedShift, moveOf, shiftedRect } from "../../model/shift";
import { RELATIONSHIP_TYPES, type XlsxPackage } from "../charts/opcPackage";
import { movedRect } from "./referenceShift";
import { applyEdits, attributeOf, childSpans, rootSpan, textOf, type Edit } from "./xmlSpans";

const COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const THREADED_COMMENTS = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

const replay = (rect: Rect, shifts: readonly LoggedShift[]): Rect => shifts.reduce(shiftedRect, rect);

/** One range ("B20", "A3:C9", "A:A") after the shifts; anything else stays as written. */
function shiftedRange(range: string, shifts: readonly LoggedShift[]): string {
  const rect = parseRect(range.replace(/\$/g, ""));
  if (!rect || range.includes("$")) return range;
  const moved = replay(rect, shifts);
  return moved === rect || (moved.r0 === rect.r0 && moved.r1 === rect.r1 && moved.c0 === rect.c0 && moved.c1 === rect.c1) ? range : rectAddress(moved);
}

/** A space-separated list of ranges (sqref) after the shifts. */
export function shiftedSqref(sqref: string, shifts: readonly LoggedShift[]): string {
  return sqref.replace(/[^\s]+/g, (range) => shiftedRange(range, shifts));
}

const REF_ATTRIBUTE = /(\s(?:sq)?ref\s*=\s*)(["'])([^"']*)\2/g;
const X14_SQREF = /(<(\w+:)?sqref>)([^<]*)(<\/\2?sqref>)/g;
const SHIFTED_ELEMENTS = new Set(["hyperlinks", "mergeCells", "conditionalFormatting", "dataValidations", "extLst"]);
/** Ranges that only move with cells that move ("grow" entries extend validation and formats alone). */
const MOVED_ELEMENTS = new Set(["autoFilter", "sortState", "protectedRanges", "ignoredErrors"]);
const insertsAndDeletes = (shifts: readonly LoggedShift[]) => shifts.filter((s) => s.kind !== "grow");

export function withShiftedRefs(text: string, shifts: readonly LoggedShift[]): string {
  return text
    .replace(REF_ATTRIBUTE, (_m, name: string, quote: string, value: string) => `${name}${quote}${shiftedSqref(value, shifts)}${quote}`)
    .replace(X14_SQREF, (_m, open: string, _prefix: string, value: string, close: string) => `${open}${shiftedSqref(value, shifts)}${close}`);
}

/** The worksheet part with the ranges of the elements it keeps moved; <sheetData> is left to the cell patch. */
export function shiftWorksheetXml(xml: string, shifts: readonly LoggedShift[]): string {
  if (shifts.length === 0) return xml;
  const edits: Edit[] = [];
  const moves = insertsAndDeletes(shifts);
  for (const span of childSpans(xml, rootSpan(xml))) {
    const before = textOf(xml, span);
    let after = before;
    if (SHIFTED_ELEMENTS.has(span.local)) after = withShiftedRefs(before, shifts);
    else if (MOVED_ELEMENTS.has(span.local)) after = withShiftedRefs(before, moves);
    else if (span.local === "rowBreaks") after = shiftedBreaks(before, moves);
    else continue;
    if (after !== before) edits.push({ start: span.start, end: span.end, text: after });
  }
  return edits.length === 0 ? xml : applyEdits(xml, edits);
}

/**
 * Manual page breaks (<brk id> is the 0-based row below the break; min..max the columns the break
 * spans, MS-XLS HorzBrk: "the first/last column on the page") move when the cells they span moved.
 * A break Excel draws across the whole sheet (max 16383) spans columns beside the table that did not
 * move, so it stays where it is, as a row's height does: shift cells down moves cells, not rows.
 */
function shiftedBreaks(text: string, shifts: readonly LoggedShift[]): string {
  return text.replace(/<(\w+:)?brk\b[^>]*>/g, (tag) => {
    const id = Number(attributeOf(tag, "id") ?? NaN);
    if (!Number.isInteger(id)) return tag;
    const rect = { r0: id, r1: id, c0: Number(attributeOf(tag, "min") ?? 0), c1: Number(attributeOf(tag, "max") ?? 16383) };
    let at: Rect | null = rect;
    for (const shift of shifts) if (at) at = movedRect(at, shift);
    return at && at.r0 !== id ? tag.replace(/\bid\s*=\s*(["'])\d+\1/, `id="${at.r0}"`) : tag;
  });
}

/** A note's shape in the VML part: its cell (x:Row, x:Column, 0-based) and anchor (left column, top row, right column, bottom row at 0, 2, 4, 6) follow the cell. */
function shiftVml(vml: string, shifts: readonly LoggedShift[]): string {
  return vml.replace(/<x:ClientData\b[\s\S]*?<\/x:ClientData>/g, (data) => {
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(data);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(data);
    if (!row || !col) return data;
    const r = Number(row[1]);
    const c = Number(col[1]);
    const moved = replay({ r0: r, r1: r, c0: c, c1: c }, shifts);
    const [down, right] = [moved.r0 - r, moved.c0 - c];
    if (down === 0 && right === 0) return data;
    return data
      .replace(/<x:Row>\s*\d+\s*<\/x:Row>/, `<x:Row>${r + down}</x:Row>`)
      .replace(/<x:Column>\s*\d+\s*<\/x:Column>/, `<x:Column>${c + right}</x:Column>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_m, anchor: string) => {
        const numbers = anchor.split(",").map((n) => n.trim());
        if (numbers.length !== 8) return _m;
        for (const i of [2, 6]) numbers[i] = String(Number(numbers[i]) + down);
        for (const i of [0, 4]) numbers[i] = String(Number(numbers[i]) + right);
        return `<x:Anchor>${numbers.join(", ")}</x:Anchor>`;
      });
  });
}

/** The notes of a worksheet part (comments, threaded comments, VML shapes) moved with their cells. */
export async function shiftSheetNotes(pkg: XlsxPackage, sheetPart: string, shifts: readonly LoggedShift[]): Promise<void> {
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

interface Marker {
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
}

const markerValue = (body: string, name: string): number => Number(new RegExp(`<(?:\\w+:)?${name}>\\s*(-?\\d+)\\s*<`).exec(body)?.[1] ?? 0);
const markerOf = (body: string): Marker => ({ col: markerValue(body, "col"), colOff: markerValue(body, "colOff"), row: markerValue(body, "row"), rowOff: markerValue(body, "rowOff") });
const withMarker = (body: string, name: "row" | "col", value: number): string =>
  body.replace(new RegExp(`(<(\\w+:)?${name}>)\\s*-?\\d+\\s*(</\\2?${name}>)`), `$1${value}$3`);

/**
 * Where one drawing anchor goes. Its placement decides (ST_EditAs, ECMA-376 Part 1 §20.5.3.2;
 * Excel's "Move and size with cells" / "Move but don't size with cells" / "Don't move or size with
 * cells", XlPlacement, learn.microsoft.com/office/vba/api/excel.xlplacement): twoCell (the default)
 * moves when it lies past the inserted cells and grows when they fall inside it; oneCell (and a
 * oneCellAnchor) moves with its top-left cell and keeps its size; absolute stays put. The anchor moves
 * only when it lies across within the shifted band (the columns that shift down, the rows that shift
 * right), as any range does.
 */
function shiftedAnchor(from: Marker, to: Marker | undefined, editAs: string, shifts: readonly LoggedShift[]): { from: Marker; to?: Marker } {
  const start = { ...from };
  const end = to && { ...to };
  if (editAs === "absolute") return { from: start, to: end };
  for (const shift of shifts) {
    const move = moveOf(shift);
    if (!move) continue;
    const [line, across] = move.axis === "rows" ? (["row", "col"] as const) : (["col", "row"] as const);
    const offset = (m: Marker, of: "row" | "col") => (of === "row" ? m.rowOff : m.colOff);
    // An end marker at offset 0 ends the object at the top (left) edge of that cell.
    const lastAcross = end ? Math.max(start[across], offset(end, across) === 0 ? end[across] - 1 : end[across]) : start[across];
    if (start[across] < move.from || lastAcross > move.to) continue;
    const lastLine = end ? Math.max(start[line], offset(end, line) === 0 ? end[line] - 1 : end[line]) : start[line];
    if (move.count < 0) {
      // Deleted cells: what lies wholly past them moves back; an object over them is left where it is.
      if (start[line] >= move.at - move.count) {
        start[line] += move.count;
        if (end) end[line] += move.count;
      }
    } else if (start[line] >= move.at) {
      start[line] += move.count;
      if (end) end[line] += move.count;
    } else if (end && editAs === "twoCell" && lastLine >= move.at) end[line] += move.count;
  }
  return { from: start, to: end };
}

const ANCHOR = /<((?:\w+:)?)(twoCellAnchor|oneCellAnchor)\b([^>]*)>([\s\S]*?)<\/\1\2>/g;
const FROM = /(<(\w+:)?from>)([\s\S]*?)(<\/\2?from>)/;
const TO = /(<(\w+:)?to>)([\s\S]*?)(<\/\2?to>)/;

/** A drawing part (xl/drawings/drawingN.xml) with its cell anchors moved by the shifts. */
export function shiftDrawingXml(xml: string, shifts: readonly LoggedShift[]): string {
  return xml.replace(ANCHOR, (whole, prefix: string, kind: string, attributes: string, body: string) => {
    const fromMatch = FROM.exec(body);
    if (!fromMatch) return whole;
    const toMatch = kind === "twoCellAnchor" ? TO.exec(body) : null;
    const editAs = kind === "oneCellAnchor" ? "oneCell" : (attributeOf(`<a${attributes}>`, "editAs") ?? "twoCell");
    const from = markerOf(fromMatch[3]);
    const to = toMatch ? markerOf(toMatch[3]) : undefined;
    const moved = shiftedAnchor(from, to, editAs, shifts);
    const same = (a: Marker, b: Marker) => a.row === b.row && a.col === b.col;
    if (same(moved.from, from) && (!to || !moved.to || same(moved.to, to))) return whole;
    const placed = (inner: string, marker: Marker) => withMarker(withMarker(inner, "row", marker.row), "col", marker.col);
    let next = body.replace(FROM, (_m, open: string, _p: string, inner: string, close: string) => `${open}${placed(inner, moved.from)}${close}`);
    if (toMatch && moved.to) next = next.replace(TO, (_m, open: string, _p: string, inner: string, close: string) => `${open}${placed(inner, moved.to!)}${close}`);
    return `<${prefix}${kind}${attributes}>${next}</${prefix}${kind}>`;
  });
}

/** The sheet's drawing part (pictures, charts, shapes) with its anchors moved with the cells. */
export async function shiftSheetDrawing(pkg: XlsxPackage, sheetPart: string, shifts: readonly LoggedShift[]): Promise<void> {
  if (!shifts.some((s) => s.kind !== "grow")) return;
  for (const rel of await pkg.relationships(sheetPart)) {
    if (rel.external || rel.type !== RELATIONSHIP_TYPES.drawing || !pkg.has(rel.target)) continue;
    const before = await pkg.text(rel.target);
    const after = shiftDrawingXml(before, shifts);
    if (after !== before) pkg.set(rel.target, after);
  }
}
