/**
 * A1 references in what the file keeps outside the cells (defined names, print areas, chart series,
 * pivot sources) follow the cells an upgrade moved, as Excel adjusts every reference when cells are
 * inserted with "shift cells down" (Range.insert(Excel.InsertShiftDirection.down),
 * learn.microsoft.com/javascript/api/excel/excel.insertshiftdirection; Range.Insert:
 * learn.microsoft.com/office/vba/api/excel.range.insert): a reference wholly below the inserted cells
 * moves down, one that spans them grows, one above stays; only references whose columns lie within the
 * shifted columns move, since the cells beside them did not. Deleted cells turn a reference that held
 * only them into #REF!. Absolute and relative references move alike ($ only matters when copying).
 */
import type { Rect } from "../../addresses";
import { mapFormulaReferences, movedReference } from "../../model/references";
import { type LoggedShift, moveOf } from "../../model/shift";
import type { XlsxPackage } from "../charts/opcPackage";

/** Row shifts by the lower-case name (as the file's formulas write it) of the sheet they happened on. */
export type ShiftsBySheet = ReadonlyMap<string, readonly LoggedShift[]>;

/** Where `rect` is after one shift; null when it held only deleted cells. "grow" entries only extend validation and formats. */
export function movedRect(rect: Rect, shift: LoggedShift): Rect | null {
  const move = moveOf(shift);
  return move ? movedReference(rect, move) : rect;
}

export function replayShifts(rect: Rect, shifts: readonly LoggedShift[], series = false): Rect | null {
  let at: Rect | null = rect;
  for (const shift of shifts) if (at) at = series && shift.kind === "grow" ? grownSeries(at, shift) : movedRect(at, shift);
  return at;
}

/**
 * A chart series over a whole table column (its body, with or without the header) after rows were
 * appended to the table: it takes the new rows, as a chart over a table does in Excel when the table
 * grows ("a chart that depends on a data set with a varying number of rows" made with a Table,
 * peltiertech.com/tag/lists). A series over part of the column stays as it is.
 */
export function grownSeries(rect: Rect, grow: LoggedShift): Rect {
  if (grow.kind !== "grow" || grow.top === undefined) return rect;
  const { row, count, c0, c1, top } = grow;
  if (rect.c0 < c0 || rect.c1 > c1 || rect.r1 !== row || (rect.r0 !== top && rect.r0 !== top - 1)) return rect;
  return { ...rect, r1: row + count };
}

/**
 * The formula with its references into shifted sheets moved, by the model's rule (model/references).
 * `home` is the lower-case name of the sheet unqualified references point at (the formula's own
 * sheet), or null where they are relative to no sheet in particular (defined names, chart series),
 * which leaves them alone.
 */
export function shiftFormulaReferences(formula: string, shifts: ShiftsBySheet, home: string | null = null, series = false): string {
  if (shifts.size === 0) return formula;
  return mapFormulaReferences(formula, home, (sheet, rect) => {
    const list = shifts.get(sheet);
    return list ? replayShifts(rect, list, series) : rect;
  });
}

const unescapeText = (text: string): string =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, ref: string) =>
    ref === "lt" ? "<" : ref === "gt" ? ">" : ref === "amp" ? "&" : ref === "quot" ? '"' : ref === "apos" ? "'" : String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))),
  );
const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** XML element text holding a formula (escaped), rewritten as a formula; the same text when the formula is the same. */
export function rewriteEscapedFormula(text: string, rewrite: (formula: string) => string): string {
  const formula = unescapeText(text);
  const next = rewrite(formula);
  return next === formula ? text : escapeText(next);
}

/** XML element text holding a formula (escaped), with its references shifted; the same text when none moved. */
export function shiftEscapedFormula(text: string, shifts: ShiftsBySheet, home: string | null = null, series = false): string {
  return rewriteEscapedFormula(text, (formula) => shiftFormulaReferences(formula, shifts, home, series));
}

/** A series' categories and values (<c:cat>, <c:val>, <c:xVal>, <c:yVal>): the references that grow with a table. */
const SERIES_DATA = /<(\w+:)?(cat|val|xVal|yVal)\b[^>/]*>[\s\S]*?<\/\1?\2>/g;

/** The formula of every <f> (chart series, titles, labels: c:f, cx:f) in a part, shifted; a series' data also grows with its table. */
export function shiftFormulaElements(xml: string, shifts: ShiftsBySheet): string {
  const data = [...xml.matchAll(SERIES_DATA)].map((m) => [m.index!, m.index! + m[0].length]);
  return xml.replace(/(<(\w+:)?f\b[^>/]*>)([^<]*)(<\/\2?f>)/g, (whole, open: string, _prefix: string, text: string, close: string, at: number) => {
    const shifted = shiftEscapedFormula(text, shifts, null, data.some(([start, end]) => at > start && at < end));
    return shifted === text ? whole : `${open}${shifted}${close}`;
  });
}

const CHART_PART = /^xl\/charts\/chart(?:Ex)?[^/]*\.xml$/i;
const PIVOT_CACHE_PART = /^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/i;

/** A pivot cache's source (<worksheetSource ref sheet>) moved with the cells it reads. */
function shiftedPivotSource(xml: string, shifts: ShiftsBySheet): string {
  return xml.replace(/<(\w+:)?worksheetSource\b[^>]*>/, (tag) => {
    const sheet = /\ssheet\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const ref = /\sref\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    if (sheet === undefined || ref === undefined) return tag;
    const quoted = `'${unescapeText(sheet).replace(/'/g, "''")}'!`;
    const shifted = shiftFormulaReferences(quoted + ref, shifts);
    return shifted.startsWith(quoted) && !shifted.includes("#REF!") ? tag.replace(/(\sref\s*=\s*")[^"]*"/, `$1${shifted.slice(quoted.length)}"`) : tag;
  });
}

/**
 * Every chart's series, titles and labels (<c:f>, on any sheet or chart sheet) and every pivot
 * cache's source range, moved with the cells they read. Parts no reference moved keep their bytes.
 */
export async function shiftedPackageFormulas(pkg: XlsxPackage, shifts: ShiftsBySheet): Promise<void> {
  if (shifts.size === 0) return;
  for (const part of pkg.partNames()) {
    const isChart = CHART_PART.test(part);
    if (!isChart && !PIVOT_CACHE_PART.test(part)) continue;
    const before = await pkg.text(part);
    const after = isChart ? shiftFormulaElements(before, shifts) : shiftedPivotSource(before, shifts);
    if (after !== before) pkg.set(part, after);
  }
}
