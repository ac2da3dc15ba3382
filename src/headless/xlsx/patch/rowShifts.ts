/**
 * Rows a command inserted into or deleted from a table move what the file keeps below them, as Excel's
 * "shift cells down/up" does when a table grows or shrinks (and a table column moves what is beside it): hyperlinks, notes (the comment's cell, its threaded comment and the
 * VML shape's anchor), merges, the ranges of conditional formats and data validation (x14 ones in
 * extLst included), the sheet's autofilter and sort state, protected ranges, ignored-error ranges,
 * manual page breaks, and the anchors of pictures, charts and shapes. The model's own log of row
 * moves (SheetModel.rowShifts) is replayed on the original markup with the same rule the model used
 * (model/references movedReference, and movedAreaParts for a list of areas), so kept and rewritten
 * elements agree: what held only deleted cells goes with them, element and all. References in
 * formulas are moved by ./referenceShift, with the same rule: those of the file's formulas and those
 * in the worksheet's extensions (<xm:f> of x14 formats, validation and sparklines: [MS-XLSX] 2.4.3 f).
 * Excel: "Insert or delete cells, rows, and columns" (support.microsoft.com, 0cb9c2f7) — hyperlinks,
 * notes and formats travel with the cells they belong to.
 */
import { parseRect, rectAddress, type Rect } from "../../addresses";
import { movedAreaParts } from "../../model/references";
import { type LoggedShift, moveOf, movedAreaFormula, shiftedRect, type SurvivingPart } from "../../model/shift";
import { RELATIONSHIP_TYPES, type XlsxPackage } from "../charts/opcPackage";
import { rewriteEscapedFormula, shiftEscapedFormula, shiftFormulaReferences, type ShiftsBySheet } from "./referenceShift";
import { applyEdits, attributeOf, childSpans, innerOf, rootSpan, startTagOf, withAttribute, type Edit, type Span } from "./xmlSpans";

const COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const THREADED_COMMENTS = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

const insertsAndDeletes = (shifts: readonly LoggedShift[]) => shifts.filter((s) => s.kind !== "grow");

/**
 * Where one range (a merge, a hyperlink's or a note's cell, a filter) is after the shifts; null once
 * it held only deleted cells. A table growing does not stretch it: a hyperlink or note belongs to its
 * cell, and only formats and validation (sqref lists, replayArea) extend into appended rows.
 */
const replay = (rect: Rect, shifts: readonly LoggedShift[]): Rect | null =>
  insertsAndDeletes(shifts).reduce<Rect | null>((at, shift) => at && shiftedRect(at, shift), rect);

/**
 * Where the cells of an area of a list (a format's or validation's sqref) are after the shifts: split
 * where it reaches beside a shifted band, as the model splits its own (model/references movedAreaParts).
 */
function replayArea(rect: Rect, shifts: readonly LoggedShift[]): Rect[] {
  let parts = [rect];
  for (const shift of shifts) {
    const move = moveOf(shift);
    parts = parts.flatMap((part) => (move ? movedAreaParts(part, move).flatMap(({ after }) => (after ? [after] : [])) : [shiftedRect(part, shift) ?? part]));
  }
  return parts;
}

const sameRect = (a: Rect, b: Rect) => a.r0 === b.r0 && a.r1 === b.r1 && a.c0 === b.c0 && a.c1 === b.c1;

/** One range ("B20", "A3:C9", "A:A") after the shifts, "" when its cells were deleted; anything else stays as written. */
function shiftedRange(range: string, shifts: readonly LoggedShift[], split: boolean): string {
  const rect = parseRect(range.replace(/\$/g, ""));
  if (!rect || range.includes("$")) return range;
  const parts = split ? replayArea(rect, shifts) : [replay(rect, shifts)].filter((part): part is Rect => part !== null);
  return parts.length === 1 && sameRect(parts[0], rect) ? range : parts.map(rectAddress).join(" ");
}

/** A space-separated list of ranges (sqref) after the shifts; "" when all their cells were deleted. */
export function shiftedSqref(sqref: string, shifts: readonly LoggedShift[]): string {
  const ranges = sqref.trim().split(/\s+/);
  const moved = ranges.map((range) => shiftedRange(range, shifts, true));
  return moved.every((range, i) => range === ranges[i]) ? sqref : moved.filter((range) => range !== "").join(" ");
}

const REF_ATTRIBUTE = /(\s(?:sq)?ref\s*=\s*)(["'])([^"']*)\2/g;
const SHIFTED_ELEMENTS = new Set(["hyperlinks", "mergeCells", "conditionalFormatting", "dataValidations", "extLst"]);
/** Elements whose ranges, sqref lists included, only move with cells that move: a grown table does not extend them. */
const MOVED_ELEMENTS = new Set(["autoFilter", "sortState", "protectedRanges", "ignoredErrors"]);
/**
 * Containers the schema wants non-empty: they go when the last element they held went with its
 * cells. A sparkline group needs a sparkline ([MS-XLSX] 2.6.8 CT_Sparklines), and an empty
 * <x14:sparklineGroups> (2.4.8) or <ext> is no use to Excel.
 */
const GO_WHEN_EMPTY = new Set(["hyperlinks", "mergeCells", "dataValidations", "conditionalFormattings", "protectedRanges", "ignoredErrors", "sparklines", "sparklineGroups", "ext", "extLst"]);
/**
 * Children an element cannot do without: an x14 format, validation or sparkline goes with the cells
 * of its <xm:sqref> (Excel deletes a sparkline with its cell), and a sparkline group with its
 * <x14:sparklines> ([MS-XLSX] 2.6.7 CT_SparklineGroup).
 */
const REQUIRED_CHILDREN = new Set(["sqref", "sparklines"]);

/** What the formulas of a worksheet's extensions (<xm:f>) follow: every sheet's row moves, and the lower-case name of the sheet their unqualified references point at. */
export interface ExtensionFormulas {
  shifts: ShiftsBySheet;
  home: string;
}

/**
 * The sqref a format's or validation's formulas are written relative to (its first range's top-left
 * cell: ECMA-376 Part 1 §18.3.1.18 conditionalFormatting, §18.3.1.10 cfRule; [MS-XLSX] 2.6.2
 * CT_ConditionalFormatting, 2.6.5 CT_DataValidation): its sqref attribute or its <xm:sqref>.
 */
function anchorSqrefOf(source: string, span: Span): string | undefined {
  if (span.local !== "conditionalFormatting" && span.local !== "dataValidation") return undefined;
  const attribute = attributeOf(startTagOf(source, span), "sqref");
  if (attribute !== undefined) return attribute;
  const sqref = childSpans(source, span).find((child) => child.local === "sqref" && !child.selfClosing);
  return sqref && innerOf(source, sqref);
}

/** The first range of an sqref (the one its formulas are relative to) and the first part of any of its ranges that keeps cells through the move. */
function anchorParts(sqref: string, move: NonNullable<ReturnType<typeof moveOf>>): { rect: Rect; part: SurvivingPart } | undefined {
  const rects = sqref.trim().split(/\s+/).map((range) => (range.includes("$") ? null : parseRect(range)));
  if (!rects[0]) return undefined;
  for (const rect of rects) {
    const kept = rect && movedAreaParts(rect, move).find((part): part is SurvivingPart => part.after !== null);
    if (kept) return { rect: rects[0], part: kept };
  }
  return undefined;
}

/**
 * A kept format's or validation's formula after the shifts, as the model moves its own
 * (model/shift movedAreaFormula): at each of its sheet's moves it is re-anchored on the top-left of
 * what is left of its sqref, then its references move; then its references to other sheets follow
 * theirs. A range that splits (it reaches beside the moved columns) is anchored on its first area's
 * top-left, as the schema says; what Excel itself does there is not confirmed.
 */
function anchoredFormula(formula: string, sqref: string, own: readonly LoggedShift[], { shifts, home }: ExtensionFormulas): string {
  let at = sqref;
  let next = formula;
  for (const shift of own) {
    const move = moveOf(shift);
    const anchor = move && anchorParts(at, move);
    if (move && anchor) next = movedAreaFormula(next, anchor.rect, anchor.part, home, move);
    else if (move) next = shiftFormulaReferences(next, new Map([[home, [shift]]]), home);
    at = shiftedSqref(at, [shift]);
  }
  const others = new Map([...shifts].filter(([sheet]) => sheet !== home));
  return shiftFormulaReferences(next, others, home);
}

/** The edit that replaces an element's text content, none when it is the same. */
const innerEdits = (span: Span, inner: string, next: string): Edit[] => (next === inner ? [] : [{ start: span.openEnd, end: span.openEnd + inner.length, text: next }]);

/**
 * Collects the edits that move the ranges of an element and of what it holds (ref and sqref
 * attributes, an x14 <xm:sqref>, and with `formulas` the references of an <xm:f>): a child whose
 * cells were all deleted is removed, and a `count` follows. False when the element itself held only
 * deleted cells (its ranges, a child it needs, or every element of a container that must not be
 * empty), so it goes with them as Excel drops it.
 */
function shiftedElement(source: string, span: Span, shifts: readonly LoggedShift[], edits: Edit[], formulas?: ExtensionFormulas, anchor?: string): boolean {
  if ((span.local === "f" || (span.local === "formula" && anchor !== undefined)) && formulas && !span.selfClosing) {
    const inner = innerOf(source, span);
    const sqref = anchor;
    const next = sqref === undefined ? shiftEscapedFormula(inner, formulas.shifts, formulas.home) : rewriteEscapedFormula(inner, (formula) => anchoredFormula(formula, sqref, shifts, formulas));
    edits.push(...innerEdits(span, inner, next));
    return true;
  }
  anchor = anchorSqrefOf(source, span) ?? anchor;
  // A sparkline is drawn in one cell ([MS-XLSX] 2.6.9 CT_Sparkline): rows appended to a table do not stretch it.
  if (span.local === "sparkline") shifts = insertsAndDeletes(shifts);
  const open = startTagOf(source, span);
  let gone = false;
  let tag = open.replace(REF_ATTRIBUTE, (whole, name: string, quote: string, value: string) => {
    const next = name.includes("sqref") ? shiftedSqref(value, shifts) : shiftedRange(value, shifts, false);
    if (next === "") gone = true;
    return next === value ? whole : `${name}${quote}${next}${quote}`;
  });
  if (gone) return false;
  if (span.local === "sqref" && !span.selfClosing) {
    const inner = innerOf(source, span);
    const next = shiftedSqref(inner, shifts);
    if (next === "") return false;
    edits.push(...innerEdits(span, inner, next));
  } else if (!span.selfClosing) {
    const children = childSpans(source, span);
    let kept = 0;
    for (const child of children) {
      const own: Edit[] = [];
      if (shiftedElement(source, child, shifts, own, formulas, anchor)) {
        kept++;
        edits.push(...own);
      } else if (REQUIRED_CHILDREN.has(child.local)) return false;
      else edits.push({ start: child.start, end: child.end, text: "" });
    }
    if (kept < children.length) {
      if (kept === 0 && GO_WHEN_EMPTY.has(span.local)) return false;
      if (attributeOf(tag, "count") !== undefined) tag = withAttribute(tag, "count", String(kept));
    }
  }
  if (tag !== open) edits.push({ start: span.start, end: span.openEnd, text: tag });
  return true;
}

/** The edits for one element: its ranges moved, or the whole element removed when its cells are gone. */
function elementEdits(source: string, span: Span, shifts: readonly LoggedShift[], formulas?: ExtensionFormulas): Edit[] {
  const edits: Edit[] = [];
  return shiftedElement(source, span, shifts, edits, formulas) ? edits : [{ start: span.start, end: span.end, text: "" }];
}

/** A part (a table's that only moved, a comments part) with the ranges under its root moved; the root itself stays. */
export function withShiftedRefs(xml: string, shifts: readonly LoggedShift[]): string {
  const edits: Edit[] = [];
  return shiftedElement(xml, rootSpan(xml), shifts, edits) && edits.length > 0 ? applyEdits(xml, edits) : xml;
}

/**
 * The worksheet part with the ranges of the elements it keeps moved by its own row moves (`shifts`),
 * and the formulas of its extensions by every sheet's (`formulas`: a sparkline reads another sheet's
 * cells as often as its own); <sheetData> is left to the cell patch.
 */
export function shiftWorksheetXml(xml: string, shifts: readonly LoggedShift[], formulas?: ExtensionFormulas): string {
  if (shifts.length === 0 && !formulas?.shifts.size) return xml;
  const edits: Edit[] = [];
  const moves = insertsAndDeletes(shifts);
  for (const span of childSpans(xml, rootSpan(xml))) {
    // A kept main-part format's <formula> moves as an x14 one does (the model's own rules are written again).
    if (span.local === "extLst" || span.local === "conditionalFormatting") edits.push(...elementEdits(xml, span, shifts, formulas));
    else if (SHIFTED_ELEMENTS.has(span.local)) edits.push(...elementEdits(xml, span, shifts));
    else if (MOVED_ELEMENTS.has(span.local)) edits.push(...elementEdits(xml, span, moves));
    else if (span.local === "rowBreaks") edits.push(...breakEdits(xml, span, moves));
  }
  return edits.length === 0 ? xml : applyEdits(xml, edits);
}

/**
 * Manual page breaks (<brk id> is the 0-based row below the break; min..max the columns the break
 * spans: ECMA-376 Part 1 §18.3.1.3 brk) move when the cells they span moved, and one on a deleted row
 * goes with it; <rowBreaks count manualBreakCount> (§18.3.1.74) then count the breaks left, and the
 * element goes with the last. A break Excel draws across the whole sheet (max 16383) spans columns
 * beside the table that did not move, so it stays where it is, as a row's height does: shift cells
 * down or up moves cells, not rows.
 */
function breakEdits(source: string, span: Span, shifts: readonly LoggedShift[]): Edit[] {
  const edits: Edit[] = [];
  const kept: string[] = [];
  const breaks = childSpans(source, span).filter((child) => child.local === "brk");
  for (const child of breaks) {
    const tag = startTagOf(source, child);
    const id = Number(attributeOf(tag, "id") ?? NaN);
    const at = Number.isInteger(id) ? replay({ r0: id, r1: id, c0: Number(attributeOf(tag, "min") ?? 0), c1: Number(attributeOf(tag, "max") ?? 16383) }, shifts) : undefined;
    if (at === null) {
      edits.push({ start: child.start, end: child.end, text: "" });
      continue;
    }
    kept.push(tag);
    if (at && at.r0 !== id) edits.push({ start: child.start, end: child.openEnd, text: withAttribute(tag, "id", String(at.r0)) });
  }
  if (kept.length === breaks.length) return edits;
  if (kept.length === 0) return [{ start: span.start, end: span.end, text: "" }];
  const open = startTagOf(source, span);
  const manual = kept.filter((tag) => ["1", "true"].includes(attributeOf(tag, "man") ?? "")).length;
  let tag = open;
  if (attributeOf(tag, "count") !== undefined) tag = withAttribute(tag, "count", String(kept.length));
  if (attributeOf(tag, "manualBreakCount") !== undefined) tag = withAttribute(tag, "manualBreakCount", String(manual));
  if (tag !== open) edits.push({ start: span.start, end: span.openEnd, text: tag });
  return edits;
}

/**
 * A note's shape in the VML part: its cell (x:Row, x:Column, 0-based) and anchor (left column, top
 * row, right column, bottom row at 0, 2, 4, 6) follow the cell; a note whose cell was deleted goes
 * with it, as its comment does.
 */
function shiftVml(vml: string, shifts: readonly LoggedShift[]): string {
  return vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const data = /<x:ClientData\b[\s\S]*?<\/x:ClientData>/.exec(shape)?.[0];
    const row = data && /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(data);
    const col = data && /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(data);
    if (!data || !row || !col) return shape;
    const r = Number(row[1]);
    const c = Number(col[1]);
    const moved = replay({ r0: r, r1: r, c0: c, c1: c }, shifts);
    if (!moved) return /ObjectType\s*=\s*"Note"/.test(data) ? "" : shape;
    const [down, right] = [moved.r0 - r, moved.c0 - c];
    if (down === 0 && right === 0) return shape;
    const next = data
      .replace(/<x:Row>\s*\d+\s*<\/x:Row>/, `<x:Row>${r + down}</x:Row>`)
      .replace(/<x:Column>\s*\d+\s*<\/x:Column>/, `<x:Column>${c + right}</x:Column>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_m, anchor: string) => {
        const numbers = anchor.split(",").map((n) => n.trim());
        if (numbers.length !== 8) return _m;
        for (const i of [2, 6]) numbers[i] = String(Number(numbers[i]) + down);
        for (const i of [0, 4]) numbers[i] = String(Number(numbers[i]) + right);
        return `<x:Anchor>${numbers.join(", ")}</x:Anchor>`;
      });
    return shape.replace(data, () => next);
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
    const after = isComments ? withShiftedRefs(before, shifts) : shiftVml(before, shifts);
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
