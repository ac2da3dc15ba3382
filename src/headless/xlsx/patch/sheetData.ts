/**
 * Cells written into an existing <sheetData>: only the cells a command changed are replaced or
 * inserted; every other <row> and <c> keeps its exact text (shared formulas, rich text, phonetic
 * runs, cell metadata). A formula whose text did not change keeps its <f> element; only its cached
 * result is updated.
 */
import { cellAddress, columnIndex } from "../../addresses";
import { type CellChange, cellKey, keyColumn, keyRow } from "./baseline";
import { attributeOf, childSpans, childSpansWithChildren, startTagOf, textOf, withAttribute, type Span } from "./xmlSpans";

export interface RowXml {
  startTag: string;
  /** Column → <c> element text. */
  cells: Map<number, string>;
}

const columnOfRef = (ref: string | undefined): number | undefined => {
  const letters = ref && /^([A-Z]+)\d+$/i.exec(ref)?.[1];
  return letters ? columnIndex(letters.toUpperCase()) : undefined;
};

/** Rows of a <sheetData> span by row index (0-based); `withCells` false keeps only the row spans. */
export function readRows(source: string, sheetData: Span): Map<number, { span: Span; cells: Map<number, Span> }> {
  const rows = new Map<number, { span: Span; cells: Map<number, Span> }>();
  const elements = childSpansWithChildren(source, sheetData) ?? childSpans(source, sheetData).map((span) => ({ span, children: span.local === "row" ? childSpans(source, span) : [] }));
  let row = -1;
  for (const { span, children } of elements) {
    if (span.local !== "row") continue;
    const r = attributeOf(startTagOf(source, span), "r");
    row = r === undefined ? row + 1 : Number(r) - 1;
    const cells = new Map<number, Span>();
    let col = -1;
    for (const cell of children) {
      if (cell.local !== "c") continue;
      col = columnOfRef(attributeOf(startTagOf(source, cell), "r")) ?? col + 1;
      cells.set(col, cell);
    }
    rows.set(row, { span, cells });
  }
  return rows;
}

/** A cell element with its r attribute made explicit (needed once cells are inserted beside it). */
function withRef(cellText: string, row: number, col: number): string {
  const tag = cellText.slice(0, cellText.indexOf(">") + 1);
  if (attributeOf(tag, "r") !== undefined) return cellText;
  return withAttribute(tag, "r", cellAddress(row, col)) + cellText.slice(tag.length);
}

/** The original cell with only its cached value (and type) taken from the generated one. */
function withNewResult(originalCell: string, generatedCell: string): string {
  const tag = (text: string) => text.slice(0, text.indexOf(">") + 1);
  const originalTag = tag(originalCell);
  if (originalTag.endsWith("/>")) return generatedCell;
  const newType = attributeOf(tag(generatedCell), "t");
  const value = /<(?:\w+:)?v>[\s\S]*?<\/(?:\w+:)?v>/.exec(generatedCell)?.[0] ?? "";
  const prefix = /^<(\w+:)?c\b/.exec(originalCell)?.[1] ?? "";
  const body = originalCell.slice(originalTag.length, originalCell.lastIndexOf("</"));
  const withoutValue = body.replace(/<(?:\w+:)?v>[\s\S]*?<\/(?:\w+:)?v>|<(?:\w+:)?v\/>/, "");
  const v = value === "" ? "" : prefix ? value.replace(/<(\/?)v>/g, `<$1${prefix}v>`) : value;
  // <v> follows <f> (CT_Cell: f, v, is, extLst).
  const fEnd = withoutValue.search(/<\/(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*\/>/);
  let merged: string;
  if (fEnd < 0) merged = v + withoutValue;
  else {
    const close = withoutValue.indexOf(">", fEnd) + 1;
    merged = withoutValue.slice(0, close) + v + withoutValue.slice(close);
  }
  return `${withAttribute(originalTag, "t", newType)}${merged}</${prefix}c>`;
}

/** A cell's <f> that only points at a shared formula's master (t="shared", si, no ref). */
const SHARED_REFERENCE = /<(?:\w+:)?f\b(?=[^>]*\bt\s*=\s*["']shared["'])(?![^>]*\bref\s*=)[^>]*(?:\/>|>\s*<\/(?:\w+:)?f>)/;
const SHARED_MASTER = /<(?:\w+:)?f\b(?=[^>]*\bt\s*=\s*["']shared["'])(?=[^>]*\bref\s*=)[^>]*\bsi\s*=\s*["'](\d+)["']/;
const SHARED_INDEX = /\bsi\s*=\s*["'](\d+)["']/;

/**
 * Cells (row → columns) that share a formula whose master cell (the one holding its text and range,
 * ECMA-376 Part 1 §18.3.1.40) the patch replaces, and that the patch does not otherwise change: each
 * must get its own formula written out, or it would point at a master that is gone.
 */
function orphanedSharedFormulas(source: string, original: ReturnType<typeof readRows>, byRow: Map<number, CellChange[]>): Map<number, number[]> {
  const lost = new Set<string>();
  for (const [row, changes] of byRow) {
    for (const change of changes) {
      if (change.valueOnly) continue; // the master keeps its <f>
      const span = original.get(row)?.cells.get(keyColumn(change.key));
      const master = span && SHARED_MASTER.exec(textOf(source, span));
      if (master) lost.add(master[1]);
    }
  }
  const orphans = new Map<number, number[]>();
  if (lost.size === 0) return orphans;
  const changed = new Set([...byRow.values()].flat().map((c) => c.key));
  for (const [row, { cells }] of original) {
    for (const [col, span] of cells) {
      const text = textOf(source, span);
      const reference = SHARED_REFERENCE.exec(text)?.[0];
      const index = reference && SHARED_INDEX.exec(reference)?.[1];
      if (!index || !lost.has(index) || changed.has(cellKey(row, col))) continue;
      orphans.set(row, [...(orphans.get(row) ?? []), col]);
    }
  }
  return orphans;
}

export interface SheetDataPatch {
  changes: CellChange[];
  changedRows: Set<number>;
  /** Generated rows (already mapped into the original's styles and strings). */
  generated: Map<number, RowXml>;
}

/** The <sheetData> element with the changed cells and row attributes patched in. */
export function patchSheetData(source: string, sheetData: Span, patch: SheetDataPatch, prefix: string): string {
  const original = readRows(source, sheetData);
  const byRow = new Map<number, CellChange[]>();
  for (const change of patch.changes) {
    const row = keyRow(change.key);
    const list = byRow.get(row);
    if (list) list.push(change);
    else byRow.set(row, [change]);
  }
  const orphans = orphanedSharedFormulas(source, original, byRow);
  const touched = new Set([...byRow.keys(), ...patch.changedRows, ...orphans.keys()]);
  const rowNumbers = [...new Set([...original.keys(), ...touched])].sort((a, b) => a - b);
  const out: string[] = [];
  for (const row of rowNumbers) {
    const before = original.get(row);
    if (!touched.has(row)) {
      out.push(textOf(source, before!.span));
      continue;
    }
    const generated = patch.generated.get(row);
    let startTag = before ? startTagOf(source, before.span) : (generated?.startTag ?? `<${prefix}row r="${row + 1}">`);
    startTag = withAttribute(startTag, "r", String(row + 1));
    startTag = withAttribute(startTag, "spans", undefined);
    if (patch.changedRows.has(row) && before) {
      const generatedTag = generated?.startTag ?? "<row>";
      for (const attribute of ["ht", "customHeight", "hidden"]) startTag = withAttribute(startTag, attribute, attributeOf(generatedTag, attribute));
    }
    if (startTag.endsWith("/>")) startTag = `${startTag.slice(0, -2)}>`;
    const cells = new Map<number, string>();
    for (const [col, span] of before?.cells ?? []) cells.set(col, withRef(textOf(source, span), row, col));
    for (const col of orphans.get(row) ?? []) {
      const own = /<(?:\w+:)?f\b[^>]*>[\s\S]*?<\/(?:\w+:)?f>/.exec(generated?.cells.get(col) ?? "")?.[0];
      const was = cells.get(col);
      if (own && was) cells.set(col, was.replace(SHARED_REFERENCE, own));
    }
    for (const change of byRow.get(row) ?? []) {
      const col = keyColumn(change.key);
      const now = generated?.cells.get(col);
      const was = cells.get(col);
      if (now === undefined) cells.delete(col);
      else if (change.valueOnly && was) {
        // A result the host cannot vouch for (custom or unsupported function) leaves the file's own cached value.
        if (/<(?:\w+:)?v>/.test(now)) cells.set(col, withNewResult(was, now));
      } else cells.set(col, now);
    }
    const ordered = [...cells].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
    // A row whose cells come out exactly as they were (a recalculated result equal to the cached one)
    // keeps its own bytes, spans included: an upgrade that changes nothing writes nothing.
    const unchanged = before && !patch.changedRows.has(row) && ordered.join("") === [...before.cells].sort((a, b) => a[0] - b[0]).map(([, span]) => textOf(source, span)).join("");
    out.push(unchanged ? textOf(source, before!.span) : `${startTag}${ordered.join("")}</${prefix}row>`);
  }
  const open = startTagOf(source, sheetData);
  const name = sheetData.name;
  return `${open.endsWith("/>") ? `${open.slice(0, -2)}>` : open}${out.join("")}</${name}>`;
}
