/**
 * Cached values against LibreOffice (#17): what each formula cell of a file the CLI wrote carries in
 * <v> (with its t= type), compared cell by cell with the value LibreOffice computes for the same file.
 * Both files are read as raw sheet XML, so "no <v>" and "empty text" stay apart and dates stay serials.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { child, childrenNamed, deepText, parseXml } from "../../src/headless/xlsx/charts/xml";

export interface FileCell {
  /** 'Sheet'!A1 */
  at: string;
  formula?: string;
  /** The cached value: a number, text, a boolean or an error code; undefined without <v>. */
  value?: number | string | boolean | { error: string };
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

/** Every cell of every sheet with its formula and cached value, as the package stores them. */
export async function readFileCells(path: string): Promise<Map<string, FileCell>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
  const sharedStrings = childrenNamed(parseXml((await text("xl/sharedStrings.xml")) || "<sst/>"), "si").map(deepText);
  const targets = new Map(childrenNamed(parseXml(await text(relsOf("xl/workbook.xml"))), "Relationship").map((r) => [r.attributes.Id, r.attributes.Target]));
  const cells = new Map<string, FileCell>();
  for (const sheet of childrenNamed(child(parseXml(await text("xl/workbook.xml")), "sheets"), "sheet")) {
    const target = targets.get(sheet.attributes["r:id"]) ?? "";
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const name = `'${sheet.attributes.name.replace(/'/g, "''")}'`;
    for (const row of childrenNamed(child(parseXml(await text(part)), "sheetData"), "row")) {
      for (const c of childrenNamed(row, "c")) {
        const f = child(c, "f");
        const at = `${name}!${c.attributes.r}`;
        cells.set(at, { at, ...(f ? { formula: deepText(f) } : {}), value: cachedValue(c.attributes.t, c, sharedStrings) });
      }
    }
  }
  return cells;
}

function cachedValue(type: string | undefined, c: ReturnType<typeof parseXml>, sharedStrings: string[]): FileCell["value"] {
  if (type === "inlineStr") return deepText(child(c, "is"));
  const v = child(c, "v");
  if (!v) return undefined;
  const raw = deepText(v);
  switch (type) {
    case "s": return sharedStrings[Number(raw)] ?? "";
    case "str": return raw;
    case "b": return raw === "1" || raw === "true";
    case "e": return { error: raw };
    default: return Number(raw);
  }
}

export interface CachedComparison {
  /** Formula cells whose cached value was compared with LibreOffice's. */
  compared: number;
  /** Formula cells the file carries no value for ('Sheet'!A1 and formula). */
  withoutValue: FileCell[];
  mismatches: string[];
}

const NUMBER_TOLERANCE = 1e-9;

const show = (value: FileCell["value"]): string => (value === undefined ? "no value" : typeof value === "object" ? value.error : JSON.stringify(value));

/** Numbers within 1e-9 (relative beyond 1), text exact, booleans exact, errors by type. */
export function sameValue(cached: FileCell["value"], engine: FileCell["value"]): boolean {
  if (typeof cached === "object" || typeof engine === "object") {
    return typeof cached === "object" && typeof engine === "object" && cached.error === engine.error;
  }
  if (typeof cached === "number" && typeof engine === "number") return Math.abs(cached - engine) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(engine));
  // LibreOffice writes an empty-text result with no <v> at all.
  if (cached === "" && engine === undefined) return true;
  return cached === engine;
}

export function compareCachedValues(built: Map<string, FileCell>, engine: Map<string, FileCell>): CachedComparison {
  const result: CachedComparison = { compared: 0, withoutValue: [], mismatches: [] };
  for (const cell of built.values()) {
    if (cell.formula === undefined) continue;
    if (cell.value === undefined) {
      result.withoutValue.push(cell);
      continue;
    }
    result.compared++;
    const other = engine.get(cell.at);
    if (!sameValue(cell.value, other?.value)) result.mismatches.push(`${cell.at} =${cell.formula}: cached ${show(cell.value)}, LibreOffice ${show(other?.value)}`);
  }
  return result;
}

/** ISMP.COVERAGE and the other custom functions: computed only by Excel with the add-in. */
export const callsCustomFunction = (cell: FileCell): boolean => /(^|[^A-Za-z0-9_.])ISMP\./i.test(cell.formula ?? "");
