/**
 * Cells read straight from a worksheet's <sheetData> and the shared strings part, without a
 * document tree: each <row> and <c> is matched in the part's text and becomes a model cell at once.
 * A generic reader (exceljs) keeps a row object, a cell object, an address and a value object per
 * cell beside the model's own; on 300,000 cells that alone passed 500 MB. The shared strings part
 * is inflated and read as a stream, element by element, so only the strings themselves are kept.
 *
 * What a cell holds follows ECMA-376 Part 1, §18.3.1.4 (c), §18.3.1.40 (f), §18.4.8 (si): the type
 * attribute t (s, str, inlineStr, b, e, d, n), the formula (shared formulas are written once, on
 * the cell that carries ref, and translated to each cell of their range), the cached value, and the
 * style index s into cellXfs. Phonetic runs (rPh) are not part of a cell's text.
 */
import type JSZip from "jszip";
import { fromFileFormula } from "../formulaSyntax";
import { shiftFormula } from "../model/calculatedColumns";
import type { SheetModel } from "../model/sheet";
import type { CellStyle, CellValue } from "../model/types";
import { unescapeXml } from "./charts/xml";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Text with XML entities and the _xHHHH_ escapes SpreadsheetML uses for control characters (§22.9.2.19) decoded. */
export function cellText(raw: string): string {
  const text = raw.includes("&") ? unescapeXml(raw) : raw;
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;

/** The text of a rich or plain string item (si or is): its t elements, runs included, phonetic runs left out. */
export function stringItemText(inner: string): string {
  const body = inner.includes("rPh") ? inner.replace(PHONETIC, "") : inner;
  let text = "";
  for (const m of body.matchAll(TEXT_RUN)) if (m[1]) text += m[1];
  return cellText(text);
}

const STRING_ITEM = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

/** Shared strings from one chunk of the part; returns where the last complete item ended. */
function collectStrings(buffer: string, into: string[]): number {
  STRING_ITEM.lastIndex = 0;
  let end = 0;
  for (let m = STRING_ITEM.exec(buffer); m; m = STRING_ITEM.exec(buffer)) {
    into.push(m[1] ? stringItemText(m[1]) : "");
    end = STRING_ITEM.lastIndex;
  }
  return end;
}

/** The shared string table, inflated and read chunk by chunk: the part's text is never held whole. */
export function readSharedStrings(file: JSZip.JSZipObject): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const strings: string[] = [];
    let pending = "";
    // internalStream: JSZip's own chunked reader (nodeStream gives bytes, and only in Node).
    (file as unknown as { internalStream(type: "string"): InternalStream })
      .internalStream("string")
      .on("data", (chunk: string) => {
        pending += chunk;
        const end = collectStrings(pending, strings);
        if (end > 0) pending = pending.slice(end);
      })
      .on("error", reject)
      .on("end", () => {
        collectStrings(pending, strings);
        resolve(strings);
      })
      .resume();
  });
}

interface InternalStream {
  on(event: "data", listener: (chunk: string) => void): InternalStream;
  on(event: "error", listener: (error: Error) => void): InternalStream;
  on(event: "end", listener: () => void): InternalStream;
  resume(): InternalStream;
}

export interface CellSources {
  strings: readonly string[];
  /** The model style of a cellXfs index (undefined for the default look); the same object for every cell that shares it. */
  style: (index: number) => CellStyle | undefined;
}

const ROW_OR_CELL = /<(?:\w+:)?row\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<(?:\w+:)?c\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const FORMULA = /<(?:\w+:)?f\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;

/** One attribute of a start tag's attribute text, still escaped. */
function attribute(attributes: string, name: string): string | undefined {
  const at = attributes.indexOf(`${name}=`);
  if (at < 0) return undefined;
  // The name must stand alone (" r=" is not " ref=" nor " xr:r=").
  const before = attributes[at - 1];
  if (before !== undefined && !/\s/.test(before)) {
    const again = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
    return again ? (again[1] ?? again[2]) : undefined;
  }
  const quote = attributes[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(` ${attributes}`)?.[1];
  const end = attributes.indexOf(quote, at + name.length + 2);
  return attributes.slice(at + name.length + 2, end < 0 ? undefined : end);
}

/** "AB12" → [11, 27] (0-based row, column); undefined when it is not a cell reference. */
function parseRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (i === 0 || i === ref.length) return undefined;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? [row - 1, col - 1] : undefined;
}

function valueOf(type: string | undefined, raw: string | undefined, body: string, strings: readonly string[]): CellValue | undefined {
  switch (type) {
    case "s": {
      if (raw === undefined) return undefined;
      const text = strings[Number(raw)];
      return text === undefined ? undefined : text;
    }
    case "inlineStr": {
      const inline = INLINE.exec(body);
      if (inline) return stringItemText(inline[1]);
      return raw === undefined ? undefined : cellText(raw);
    }
    case "str":
      return raw === undefined ? undefined : cellText(raw);
    case "b":
      return raw === undefined ? undefined : Number(raw) !== 0;
    case "e":
      return raw === undefined ? undefined : cellText(raw);
    case "d": {
      if (raw === undefined) return undefined;
      const time = Date.parse(raw);
      return Number.isNaN(time) ? cellText(raw) : (time - EXCEL_EPOCH) / 86400000;
    }
    default: {
      if (raw === undefined || raw.trim() === "") return undefined;
      const number = Number(raw);
      return Number.isNaN(number) ? undefined : number;
    }
  }
}

/** Distinct formula texts one sheet's read keeps decoded (a sheet of all-different formulas just starts over). */
const DECODED_FORMULAS = 4096;

/**
 * Reads the rows and cells of a <sheetData> element (its text) into `sheet`: values, formulas with
 * their cached values, styles, row heights and hidden rows.
 */
export function readSheetData(xml: string, sheet: SheetModel, sources: CellSources): void {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  // A table's calculated column repeats one formula text on every row: it is decoded once, and the
  // cells share the one string (which also keeps the model's memory to one copy, not one a row).
  const decoded = new Map<string, string>();
  let row = -1;
  let col = -1;
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(xml); m; m = ROW_OR_CELL.exec(xml)) {
    if (m[1] !== undefined) {
      const attributes = m[1];
      const r = attribute(attributes, "r");
      row = r === undefined ? row + 1 : Number(r) - 1;
      col = -1;
      const height = attribute(attributes, "ht");
      if (height !== undefined && height !== "") sheet.rowHeights.set(row, Number(height));
      const hidden = attribute(attributes, "hidden");
      if (hidden === "1" || hidden === "true") sheet.hiddenRows.add(row);
      continue;
    }
    const attributes = m[3];
    const body = m[4] ?? "";
    const ref = attribute(attributes, "r");
    const at = ref === undefined ? undefined : parseRef(ref);
    if (at) {
      if (row < 0) row = at[0];
      col = at[1];
    } else col++;
    if (row < 0) row = 0;
    const type = attribute(attributes, "t");
    const raw = body === "" ? undefined : VALUE.exec(body)?.[1];
    let formula: string | undefined;
    const f = body.includes("f") ? FORMULA.exec(body) : null;
    if (f) {
      const fAttributes = f[1];
      const shared = attribute(fAttributes, "t") === "shared" ? attribute(fAttributes, "si") : undefined;
      if (f[2] !== undefined && f[2] !== "") {
        formula = decoded.get(f[2]);
        if (formula === undefined) {
          formula = fromFileFormula(cellText(f[2]));
          if (decoded.size >= DECODED_FORMULAS) decoded.clear();
          decoded.set(f[2], formula);
        }
        if (shared !== undefined && attribute(fAttributes, "ref") !== undefined) masters.set(shared, { formula, row, col });
      } else if (shared !== undefined) {
        const master = masters.get(shared);
        if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
      }
    }
    let value = valueOf(type, raw, body, sources.strings);
    // An empty constant is an empty cell, as Range.values writes it.
    if (formula === undefined && value === "") value = undefined;
    const styleIndex = attribute(attributes, "s");
    const style = styleIndex === undefined ? undefined : sources.style(Number(styleIndex));
    if (formula === undefined && value === undefined && style === undefined) continue;
    const cell = sheet.ensureCell(row, col);
    if (formula !== undefined) cell.formula = formula;
    if (value !== undefined) cell.value = value;
    if (style !== undefined) cell.style = style;
  }
}
