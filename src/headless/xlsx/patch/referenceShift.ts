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
import { columnIndex, MAX_ROWS, type Rect } from "../../addresses";
import { type RowShift, shiftedRect } from "../../model/shift";
import type { XlsxPackage } from "../charts/opcPackage";

/** Row shifts by the lower-case name (as the file's formulas write it) of the sheet they happened on. */
export type ShiftsBySheet = ReadonlyMap<string, readonly RowShift[]>;

/** Where `rect` is after one shift; null when it held only deleted cells. "grow" entries only extend validation and formats. */
export function movedRect(rect: Rect, shift: RowShift): Rect | null {
  if (shift.kind !== "shift" || rect.c0 < shift.c0 || rect.c1 > shift.c1) return rect;
  if (shift.count > 0) return shiftedRect(rect, shift);
  const first = shift.row;
  const last = shift.row - shift.count - 1;
  const at = (r: number, isEnd: boolean) => (r < first ? r : r > last ? r + shift.count : isEnd ? first - 1 : first);
  const moved = { ...rect, r0: at(rect.r0, false), r1: at(rect.r1, true) };
  return moved.r1 < moved.r0 ? null : moved;
}

export function replayShifts(rect: Rect, shifts: readonly RowShift[]): Rect | null {
  let at: Rect | null = rect;
  for (const shift of shifts) if (at) at = movedRect(at, shift);
  return at;
}

/**
 * String literals, bracketed parts (structured references, external workbook indexes) or a cell
 * reference with its optional sheet: 'Sheet name'!$A$1:$B$9, Sheet1!A1, A1. A reference must not
 * follow a name character, "!" (handled with its sheet), ":" (a 3-D range) or "]" (another workbook).
 */
const TOKEN = /"(?:[^"]|"")*"|\[(?:[^[\]]|\[[^[\]]*\])*\]|(?<![\w.!:\]$'])((?:'(?:[^']|'')+'|[A-Za-z_\u00A1-\uFFFF][\w.\u00A1-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w.(!:[\]])/g;

const unquoted = (sheet: string): string => (sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet).toLowerCase();

/**
 * The formula with its references into shifted sheets moved. `home` is the lower-case name of the sheet
 * unqualified references point at (the formula's own sheet), or null where they are relative to no
 * sheet in particular (defined names, chart series), which leaves them alone.
 */
export function shiftFormulaReferences(formula: string, shifts: ShiftsBySheet, home: string | null = null): string {
  if (shifts.size === 0) return formula;
  return formula.replace(TOKEN, (whole, sheet: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
    if (r1 === undefined) return whole; // a literal or a bracketed part
    const target = sheet ? unquoted(sheet.slice(0, -1)) : home;
    const list = target === null ? undefined : shifts.get(target);
    if (!list) return whole;
    const top = Number(r1) - 1;
    const bottom = r2 === undefined ? top : Number(r2) - 1;
    const left = columnIndex(c1.toUpperCase());
    const right = c2 === undefined ? left : columnIndex(c2.toUpperCase());
    if (top >= MAX_ROWS || bottom >= MAX_ROWS || left > 16383 || right > 16383) return whole;
    const rect = { r0: Math.min(top, bottom), r1: Math.max(top, bottom), c0: Math.min(left, right), c1: Math.max(left, right) };
    const moved = replayShifts(rect, list);
    if (!moved) return `${sheet ?? ""}#REF!`;
    if (moved.r0 === rect.r0 && moved.r1 === rect.r1) return whole;
    // The corners keep the order and the $ marks they were written with.
    const [firstRow, secondRow] = top <= bottom ? [moved.r0, moved.r1] : [moved.r1, moved.r0];
    const start = `${sheet ?? ""}${d1}${c1}${d2}${firstRow + 1}`;
    return r2 === undefined ? start : `${start}:${d3}${c2}${d4}${secondRow + 1}`;
  });
}

const unescapeText = (text: string): string =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, ref: string) =>
    ref === "lt" ? "<" : ref === "gt" ? ">" : ref === "amp" ? "&" : ref === "quot" ? '"' : ref === "apos" ? "'" : String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))),
  );
const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** XML element text holding a formula (escaped), with its references shifted; the same text when none moved. */
export function shiftEscapedFormula(text: string, shifts: ShiftsBySheet, home: string | null = null): string {
  const formula = unescapeText(text);
  const shifted = shiftFormulaReferences(formula, shifts, home);
  return shifted === formula ? text : escapeText(shifted);
}

/** The formula of every <f> (chart series, titles, labels: c:f, cx:f) in a part, shifted. */
export function shiftFormulaElements(xml: string, shifts: ShiftsBySheet): string {
  return xml.replace(/(<(\w+:)?f\b[^>/]*>)([^<]*)(<\/\2?f>)/g, (whole, open: string, _prefix: string, text: string, close: string) => {
    const shifted = shiftEscapedFormula(text, shifts);
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
