/**
 * Saving a workbook that was read from a file: the original package is patched, not regenerated.
 * Parts no change touched keep their bytes; a changed worksheet keeps every element and cell the
 * command did not change; new sheets, tables and charts are added as new parts beside the old
 * ones, wired into workbook.xml, its relationships and [Content_Types].xml. Cells written by the
 * add-in get their formats appended to styles.xml and their text as inline strings, so
 * sharedStrings.xml is never rewritten.
 */
import JSZip from "jszip";
import { absoluteAreas, quoteSheetName } from "../../addresses";
import { toFileFormula } from "../../formulaSyntax";
import type { SheetModel } from "../../model/sheet";
import type { TableModel } from "../../model/table";
import type { NameEntry } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";
import { CONTENT_TYPES, RELATIONSHIP_TYPES, XlsxPackage } from "../charts/opcPackage";
import { addChartsToSheet } from "../charts/writeCharts";
import { escapeXml, unescapeXml } from "../charts/xml";
import { type FileRuleShape, modelHoldsRule } from "../modelledRules";
import { validationEntriesOf, validationXml, dataValidationsXml } from "../validationsXml";
import { generatePackage } from "../write";
import { namePrint, type SheetChange, sheetChange, type TableBaseline, tablePrint } from "./baseline";
import type { OriginalPackage } from "./original";
import { replayShifts, shiftedPackageFormulas, shiftEscapedFormula, shiftFormulaReferences, type ShiftsBySheet } from "./referenceShift";
import { shiftSheetDrawing, shiftSheetNotes, shiftWorksheetXml, withShiftedRefs } from "./rowShifts";
import { patchSheetData, readRows, type RowXml } from "./sheetData";
import { staleResults } from "./staleResults";
import { StyleMerger, withPrefix } from "./styles";
import { WorksheetParts } from "./worksheetXml";
import { applyEdits, attributeOf, childSpans, innerOf, rootSpan, startTagOf, textOf, withAttribute, type Edit, type Span } from "./xmlSpans";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Generated {
  zip: JSZip;
  sheets: SheetModel[];
  styles: StyleMerger;
  strings: string[];
  tables: Map<string, string>;
}

export async function patchPackage(original: OriginalPackage, workbook: HeadlessWorkbook): Promise<Uint8Array> {
  const { baseline } = original;
  const changes = new Map<SheetModel, SheetChange>();
  const resultsOnly = new Map<SheetModel, SheetChange>();
  const added: SheetModel[] = [];
  for (const sheet of workbook.sheets) {
    const before = baseline.sheets.get(sheet);
    if (!before) added.push(sheet);
    else {
      const change = sheetChange(workbook, baseline, sheet, before);
      if (change) (change.resultsOnly ? resultsOnly : changes).set(sheet, change);
    }
  }
  const fileNames = new Map([...baseline.sheets].map(([sheet, before]) => [sheet, unescapeXml(before.rawName)]));
  for (const [sheet, change] of staleResults(workbook, [...changes.keys(), ...added], fileNames, resultsOnly)) changes.set(sheet, change);
  const removed = baseline.order.filter((sheet) => !workbook.sheets.includes(sheet));
  const reordered = baseline.order.filter((s) => workbook.sheets.includes(s)).some((s, i, kept) => workbook.sheets.filter((w) => kept.includes(w))[i] !== s);
  const names = currentNames(workbook);
  const namesChanged = names.length !== baseline.names.size || names.some(({ entry, scope }) => baseline.names.get(entry)?.print !== namePrint(entry, scope));
  const pkg = XlsxPackage.of(await JSZip.loadAsync(original.bytes));
  const workbookPart = original.workbookPart;
  const workbookXml = await pkg.text(workbookPart);
  const shifts = shiftsBySheet(baseline);
  // Chart series and pivot sources in the file follow the cells they read (before new charts are added);
  // a series over a whole table column also takes the rows appended to the table.
  await shiftedPackageFormulas(pkg, shiftsBySheet(baseline, true));
  const calcNeeded = workbook.fullCalcOnLoad && !/fullCalcOnLoad="(1|true)"/.test(workbookXml);
  if (added.length === 0 && changes.size === 0 && removed.length === 0 && !reordered && !namesChanged && !calcNeeded) return original.bytes;

  const generatedSheets = workbook.sheets.filter((sheet) => added.includes(sheet) || changes.has(sheet));
  const generated = generatedSheets.length > 0 ? await generatedParts(workbook, generatedSheets, pkg, workbookPart) : null;
  const sheetPartOf = new Map<SheetModel, string>();
  for (const [sheet, before] of baseline.sheets) sheetPartOf.set(sheet, before.part);

  const newSheetEntries: Array<{ sheet: SheetModel; relationshipId: string }> = [];
  let nextTableId = await highestTableId(pkg);
  const copyTable = async (table: TableModel, sheetPart: string): Promise<string> => {
    const part = pkg.freePartName("xl/tables", "table");
    const xml = generated!.tables.get(table.name.toLowerCase());
    if (!xml) throw new Error(`the generated package has no table ${table.name}`);
    const root = rootSpan(xml);
    pkg.set(part, xml.slice(0, root.start) + withAttribute(startTagOf(xml, root), "id", String(++nextTableId)) + xml.slice(root.openEnd));
    await pkg.addContentTypeOverride(part, CONTENT_TYPES.table);
    return pkg.addRelationship(sheetPart, RELATIONSHIP_TYPES.table, part);
  };

  for (const sheet of added) {
    const index = generated!.sheets.indexOf(sheet);
    const part = pkg.freePartName("xl/worksheets", "sheet");
    const parts = new WorksheetParts(mapStyles(await generatedText(generated!, `xl/worksheets/sheet${index + 1}.xml`), generated!, ""));
    parts.replace("tableParts", []);
    pkg.set(part, parts.toString());
    await pkg.addContentTypeOverride(part, CONTENT_TYPES.worksheet);
    const tableIds: string[] = [];
    for (const table of workbook.tablesOn(sheet)) tableIds.push(await copyTable(table, part));
    if (tableIds.length > 0) {
      parts.replace("tableParts", [`<tableParts count="${tableIds.length}">${tableIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`]);
      pkg.set(part, parts.toString());
    }
    sheetPartOf.set(sheet, part);
    newSheetEntries.push({ sheet, relationshipId: await pkg.addRelationship(workbookPart, RELATIONSHIP_TYPES.worksheet, part) });
    if (sheet.charts.length > 0) await addChartsToSheet(pkg, workbook, sheet.charts, part);
  }

  for (const [sheet, change] of changes) {
    const part = sheetPartOf.get(sheet) as string;
    const index = generated!.sheets.indexOf(sheet);
    const generatedXml = await generatedText(generated!, `xl/worksheets/sheet${index + 1}.xml`);
    // What the file keeps below rows inserted into a table moves with them, before the patch.
    const parts = new WorksheetParts(shiftWorksheetXml(await pkg.text(part), sheet.rowShifts, { shifts, home: homeOf(baseline, sheet) }));
    await shiftSheetNotes(pkg, part, sheet.rowShifts);
    await shiftSheetDrawing(pkg, part, sheet.rowShifts);
    await patchWorksheet(parts, generatedXml, change, generated!);
    await patchTables(pkg, workbook, baseline, sheet, part, parts, generated!, copyTable);
    pkg.set(part, parts.toString());
    if (change.newCharts.length > 0) await addChartsToSheet(pkg, workbook, change.newCharts, part);
  }

  // A sheet nothing else changed still has the formulas of its extensions (a summary's sparklines over a register) follow the cells.
  for (const [sheet, before] of baseline.sheets) {
    if (changes.has(sheet) || removed.includes(sheet) || shifts.size === 0) continue;
    const xml = await pkg.text(before.part);
    const after = xml.includes("extLst") ? shiftWorksheetXml(xml, [], { shifts, home: homeOf(baseline, sheet) }) : xml;
    if (after !== xml) pkg.set(before.part, after);
  }

  if (generated) {
    const stylesPart = await partByType(pkg, workbookPart, RELATIONSHIP_TYPES.styles);
    if (stylesPart) {
      if (generated.styles.changed) pkg.set(stylesPart, generated.styles.result());
    } else {
      // The package had no styles part (or a relationship to a missing one): the generated styles become it.
      const dangling = (await pkg.relationships(workbookPart)).find((r) => r.type === RELATIONSHIP_TYPES.styles && !r.external);
      const part = dangling?.target ?? "xl/styles.xml";
      pkg.set(part, generated.styles.result());
      await pkg.addContentTypeOverride(part, CONTENT_TYPES.styles);
      if (!dangling) await pkg.addRelationship(workbookPart, RELATIONSHIP_TYPES.styles, part);
    }
  }
  for (const sheet of removed) {
    const part = baseline.sheets.get(sheet)!.part;
    const rel = (await pkg.relationships(workbookPart)).find((r) => r.target === part);
    if (rel) await pkg.removeRelationship(workbookPart, rel.id);
  }
  pkg.set(workbookPart, await patchWorkbookXml(pkg, workbookXml, workbook, original, newSheetEntries, calcNeeded, changes, shifts));
  // Parts that came out exactly as they were (a recalculated value equal to the cached one) are no
  // change: the original bytes are returned, so re-running a command that changes nothing writes nothing.
  const bytes = await pkg.bytes();
  return (await sameParts(original.bytes, bytes)) ? original.bytes : bytes;
}

/** The lower-case name the file's formulas use for a sheet read from it. */
const homeOf = (baseline: OriginalPackage["baseline"], sheet: SheetModel): string => unescapeXml(baseline.sheets.get(sheet)!.rawName).toLowerCase();

/** The row moves (and, with `growth`, table growth) of each sheet read from the file, by the lower-case name the file's formulas use for it. */
function shiftsBySheet(baseline: OriginalPackage["baseline"], growth = false): ShiftsBySheet {
  const shifts = new Map<string, SheetModel["rowShifts"]>();
  for (const sheet of baseline.sheets.keys()) {
    if (sheet.rowShifts.some((s) => growth || s.kind !== "grow")) shifts.set(homeOf(baseline, sheet), sheet.rowShifts);
  }
  return shifts;
}

function currentNames(workbook: HeadlessWorkbook): Array<{ entry: NameEntry; scope: SheetModel | null }> {
  return [...workbook.names.map((entry) => ({ entry, scope: null })), ...workbook.sheets.flatMap((sheet) => sheet.names.map((entry) => ({ entry, scope: sheet })))];
}

async function partByType(pkg: XlsxPackage, workbookPart: string, type: string): Promise<string | undefined> {
  const rel = (await pkg.relationships(workbookPart)).find((r) => r.type === type && !r.external);
  return rel && pkg.has(rel.target) ? rel.target : undefined;
}

async function generatedText(generated: Generated, part: string): Promise<string> {
  const file = generated.zip.file(part);
  if (!file) throw new Error(`the generated package has no ${part}`);
  return file.async("string");
}

async function generatedParts(workbook: HeadlessWorkbook, sheets: SheetModel[], pkg: XlsxPackage, workbookPart: string): Promise<Generated> {
  const zip = await JSZip.loadAsync(await generatePackage(workbook, sheets, "STORE"));
  const read = async (part: string) => (zip.file(part) ? await zip.file(part)!.async("string") : "");
  const stylesPart = await partByType(pkg, workbookPart, RELATIONSHIP_TYPES.styles);
  const styles = new StyleMerger(stylesPart ? await pkg.text(stylesPart) : null, await read("xl/styles.xml"));
  const sharedStrings = await read("xl/sharedStrings.xml");
  const strings = sharedStrings ? childSpans(sharedStrings, rootSpan(sharedStrings)).filter((s) => s.local === "si").map((s) => innerOf(sharedStrings, s)) : [];
  const tables = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await read(name);
    const tableName = attributeOf(startTagOf(xml, rootSpan(xml)), "name");
    if (tableName) tables.set(tableName.toLowerCase(), xml);
  }
  return { zip, sheets, styles, strings, tables };
}

const CELL = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;

/** Generated worksheet markup mapped into the original package: style indexes, differential formats, and shared strings made inline. */
function mapStyles(xml: string, generated: Generated, prefix: string): string {
  const mapped = xml
    .replace(CELL, (whole, attributes: string, _end: string, body: string | undefined) => {
      let tag = `<c${attributes}>`;
      const style = attributeOf(tag, "s");
      if (style !== undefined) tag = withAttribute(tag, "s", String(generated.styles.cellXf(Number(style))));
      if (body === undefined) return `${tag.slice(0, -1)}/>`;
      if (attributeOf(tag, "t") === "s") {
        const index = Number(/<v>(\d+)<\/v>/.exec(body)?.[1] ?? -1);
        const text = generated.strings[index] ?? "";
        return `${withAttribute(tag, "t", "inlineStr")}<is>${text}</is></c>`;
      }
      return `${tag}${body}</c>`;
    })
    .replace(/<row\b[^>]*>/g, (tag) => {
      const style = attributeOf(tag, "s");
      return style === undefined ? tag : withAttribute(tag, "s", String(generated.styles.cellXf(Number(style))));
    })
    .replace(/<col\b[^>]*>/g, (tag) => {
      const style = attributeOf(tag, "style");
      return style === undefined ? tag : withAttribute(tag, "style", String(generated.styles.cellXf(Number(style))));
    })
    .replace(/<cfRule\b[^>]*>/g, (tag) => {
      const dxf = attributeOf(tag, "dxfId");
      return dxf === undefined ? tag : withAttribute(tag, "dxfId", String(generated.styles.dxf(Number(dxf))));
    });
  return withPrefix(mapped, prefix);
}

/** Generated rows by index with their cells, already mapped into the original. */
function generatedRows(xml: string, sheetData: Span | undefined, generated: Generated, prefix: string): Map<number, RowXml> {
  const rows = new Map<number, RowXml>();
  if (!sheetData) return rows;
  for (const [row, { span, cells }] of readRows(xml, sheetData)) {
    const mappedCells = new Map<number, string>();
    for (const [col, cell] of cells) mappedCells.set(col, mapStyles(textOf(xml, cell), generated, prefix));
    rows.set(row, { startTag: mapStyles(startTagOf(xml, span), generated, prefix), cells: mappedCells });
  }
  return rows;
}

async function patchWorksheet(parts: WorksheetParts, generatedXml: string, change: SheetChange, generated: Generated): Promise<void> {
  const prefix = parts.prefix;
  const gen = new WorksheetParts(generatedXml);
  const take = (local: Parameters<WorksheetParts["get"]>[0]) => gen.get(local).map((e) => mapStyles(e.text, generated, prefix));
  if (change.cells.length > 0 || change.rows.size > 0) {
    const sheetData = parts.first("sheetData");
    const genData = gen.first("sheetData");
    const rows = generatedRows(generatedXml, genData?.span, generated, prefix);
    const data = sheetData?.span
      ? patchSheetData(parts.source, sheetData.span, { changes: change.cells, changedRows: change.rows, generated: rows }, prefix)
      : mapStyles(genData?.text ?? "<sheetData/>", generated, prefix);
    parts.replace("sheetData", [data]);
    // New results alone leave the used range as it was.
    if (change.rows.size > 0 || change.cells.some((c) => !c.valueOnly)) parts.replace("dimension", take("dimension"));
  }
  const { aspects } = change;
  if (aspects.has("validations")) {
    const kept: string[] = [];
    for (const entry of parts.get("dataValidations")) {
      if (!entry.span) continue;
      for (const child of childSpans(parts.source, entry.span)) {
        if (validationEntriesOf(parts.source, child).length === 0) kept.push(textOf(parts.source, child));
      }
    }
    const written = change.sheet.validations.map((entry) => validationXml(entry, prefix));
    parts.replace("dataValidations", [dataValidationsXml([...kept, ...written], prefix)]);
  }
  if (aspects.has("conditionalFormats")) {
    const kept: string[] = [];
    let highest = 0;
    for (const entry of parts.get("conditionalFormatting")) {
      if (!entry.span) continue;
      const rules = childSpans(parts.source, entry.span).filter((rule) => rule.local === "cfRule" && !modelHoldsRule(ruleShape(parts.source, rule)));
      const others = childSpans(parts.source, entry.span).filter((c) => c.local !== "cfRule");
      if (rules.length === 0) continue;
      for (const rule of rules) highest = Math.max(highest, Number(attributeOf(startTagOf(parts.source, rule), "priority") ?? 0));
      const open = startTagOf(parts.source, entry.span);
      kept.push(`${open}${[...rules, ...others].map((s) => textOf(parts.source, s)).join("")}</${entry.span.name}>`);
    }
    // The x14 rules are kept too (the model holds none of them): the rules written rank below them as well.
    for (const m of (parts.first("extLst")?.text ?? "").matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\bpriority="(\d+)"/g)) highest = Math.max(highest, Number(m[1]));
    const written = take("conditionalFormatting").map((text) => text.replace(/\bpriority="(\d+)"/g, (_m, p: string) => `priority="${Number(p) + highest}"`));
    parts.replace("conditionalFormatting", [...kept, ...written]);
  }
  if (aspects.has("merges")) parts.replace("mergeCells", take("mergeCells"));
  if (aspects.has("columnWidths")) parts.replace("cols", [mergeColumns(parts, gen, prefix)]);
  if (aspects.has("view")) parts.replace("sheetViews", take("sheetViews"));
  if (aspects.has("protection")) parts.replace("sheetProtection", take("sheetProtection"));
  if (aspects.has("tabColor") || aspects.has("pageLayout")) parts.replace("sheetPr", [mergeSheetProperties(parts, gen, aspects.has("tabColor"), aspects.has("pageLayout"), prefix)]);
  if (aspects.has("pageLayout")) {
    parts.replace("printOptions", take("printOptions"));
    const originalSetup = parts.first("pageSetup");
    const relId = originalSetup ? attributeOf(originalSetup.text, "r:id") : undefined;
    parts.replace("pageSetup", take("pageSetup").map((text) => (relId ? withAttribute(text.slice(0, text.indexOf(">") + 1), "r:id", relId) + text.slice(text.indexOf(">") + 1) : text)));
    if (parts.get("pageMargins").length === 0 || change.sheet.pageLayout.margins) parts.replace("pageMargins", take("pageMargins"));
    // Breaks the command added; a file's own breaks stay as they are (the model does not read them).
    if (change.sheet.pageLayout.rowBreaks?.length) parts.replace("rowBreaks", take("rowBreaks"));
  }
}

/** What decides whether the model holds a main-part <cfRule> (modelledRules): its type, an <extLst> pointing at its x14 half, its formulas. */
function ruleShape(source: string, rule: Span): FileRuleShape {
  const children = childSpans(source, rule);
  return {
    type: attributeOf(startTagOf(source, rule), "type") ?? "",
    inExtension: children.some((c) => c.local === "extLst"),
    formulas: children.filter((c) => c.local === "formula" && innerOf(source, c).trim() !== "").length,
  };
}

/** <cols> with the widths the command set; other columns' attributes (style, hidden, outline) kept. */
function mergeColumns(parts: WorksheetParts, gen: WorksheetParts, prefix: string): string {
  const columns = new Map<number, Map<string, string>>();
  const expand = (text: string, into: (col: number, attributes: Map<string, string>) => void) => {
    for (const tag of text.match(/<(?:\w+:)?col\b[^>]*>/g) ?? []) {
      const min = Number(attributeOf(tag, "min"));
      const max = Math.min(Number(attributeOf(tag, "max")), 16384);
      const attributes = new Map([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      attributes.delete("min");
      attributes.delete("max");
      for (let col = min; col <= max; col++) into(col, attributes);
    }
  };
  for (const entry of parts.get("cols")) expand(entry.text, (col, attributes) => columns.set(col, new Map(attributes)));
  for (const entry of gen.get("cols")) {
    expand(entry.text, (col, attributes) => {
      const width = attributes.get("width");
      if (width === undefined) return;
      const existing = columns.get(col) ?? new Map<string, string>();
      existing.set("width", width);
      existing.set("customWidth", "1");
      columns.set(col, existing);
    });
  }
  const sorted = [...columns].sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let run: { min: number; max: number; key: string; attributes: Map<string, string> } | null = null;
  const flush = () => {
    if (!run) return;
    out.push(`<${prefix}col min="${run.min}" max="${run.max}"${[...run.attributes].map(([k, v]) => ` ${k}="${v}"`).join("")}/>`);
  };
  for (const [col, attributes] of sorted) {
    const key = JSON.stringify([...attributes]);
    if (run && run.max === col - 1 && run.key === key) run.max = col;
    else {
      flush();
      run = { min: col, max: col, key, attributes };
    }
  }
  flush();
  return out.length === 0 ? "" : `<${prefix}cols>${out.join("")}</${prefix}cols>`;
}

function mergeSheetProperties(parts: WorksheetParts, gen: WorksheetParts, tabColor: boolean, pageLayout: boolean, prefix: string): string {
  const original = parts.first("sheetPr");
  const generated = gen.first("sheetPr");
  const childrenOf = (entry: typeof original, source: string) => {
    const map = new Map<string, string>();
    if (!entry?.span && entry) {
      for (const m of entry.text.matchAll(/<(?:\w+:)?(tabColor|outlinePr|pageSetUpPr)\b[^>]*\/>/g)) map.set(m[1], m[0]);
      return map;
    }
    if (entry?.span) for (const c of childSpans(source, entry.span)) map.set(c.local, textOf(source, c));
    return map;
  };
  const mine = childrenOf(original, parts.source);
  const theirs = childrenOf(generated, gen.source);
  if (tabColor) {
    mine.delete("tabColor");
    if (theirs.has("tabColor")) mine.set("tabColor", withPrefix(theirs.get("tabColor")!, prefix));
  }
  if (pageLayout) {
    const fit = theirs.get("pageSetUpPr");
    const fitValue = fit ? attributeOf(fit, "fitToPage") : undefined;
    const existing = mine.get("pageSetUpPr") ?? `<${prefix}pageSetUpPr/>`;
    mine.set("pageSetUpPr", withAttribute(existing, "fitToPage", fitValue));
  }
  const ordered = ["tabColor", "outlinePr", "pageSetUpPr"].filter((n) => mine.has(n)).map((n) => mine.get(n));
  const others = [...mine].filter(([n]) => !["tabColor", "outlinePr", "pageSetUpPr"].includes(n)).map(([, t]) => t);
  let open = original?.span ? startTagOf(parts.source, original.span) : `<${prefix}sheetPr>`;
  if (open.endsWith("/>")) open = `${open.slice(0, -2)}>`;
  return `${open}${[...ordered, ...others].join("")}</${prefix}sheetPr>`;
}

async function highestTableId(pkg: XlsxPackage): Promise<number> {
  let highest = 0;
  for (const part of pkg.partNames().filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n))) {
    const xml = await pkg.text(part);
    highest = Math.max(highest, Number(attributeOf(xml.slice(rootSpan(xml).start, rootSpan(xml).openEnd), "id") ?? 0));
  }
  return highest;
}

async function patchTables(
  pkg: XlsxPackage,
  workbook: HeadlessWorkbook,
  baseline: OriginalPackage["baseline"],
  sheet: SheetModel,
  part: string,
  parts: WorksheetParts,
  generated: Generated,
  copyTable: (table: TableModel, sheetPart: string) => Promise<string>,
): Promise<void> {
  const now = workbook.tablesOn(sheet);
  const rels = await pkg.relationships(part);
  const removedIds: string[] = [];
  for (const [table, before] of baseline.tables) {
    if (table.sheet !== sheet || now.includes(table) || !before.part) continue;
    const rel = rels.find((r) => r.target === before.part);
    if (rel) {
      removedIds.push(rel.id);
      await pkg.removeRelationship(part, rel.id);
    }
    pkg.remove(before.part);
    await pkg.removeContentTypeOverride(before.part);
  }
  const addedIds: string[] = [];
  for (const table of now) {
    const before = baseline.tables.get(table);
    if (!before) {
      addedIds.push(await copyTable(table, part));
      continue;
    }
    if (before.print === tablePrint(table)) continue;
    if (movedOnly(table, before, sheet.rowShifts)) {
      // A table below the inserted rows that only moved keeps its part (filters, sort, totals,
      // extLst), with its range, autofilter and sort state moved as Excel moves them.
      pkg.set(before.part, withShiftedRefs(await pkg.text(before.part), sheet.rowShifts.filter((s) => s.kind !== "grow")));
      continue;
    }
    const xml = generated.tables.get(table.name.toLowerCase());
    if (!xml) continue;
    const root = rootSpan(xml);
    pkg.set(before.part, xml.slice(0, root.start) + withAttribute(startTagOf(xml, root), "id", before.id) + xml.slice(root.openEnd));
  }
  if (addedIds.length === 0 && removedIds.length === 0) return;
  const existing = parts.first("tableParts");
  const prefix = parts.prefix;
  const relPrefix = relationshipsPrefix(parts);
  const kept = existing?.span
    ? childSpans(parts.source, existing.span)
        .map((s) => textOf(parts.source, s))
        .filter((text) => !removedIds.some((id) => new RegExp(`:id="${id}"`).test(text)))
    : [];
  const declaration = relPrefix.declared ? "" : ` xmlns:r="${RELATIONSHIPS_NS}"`;
  const all = [...kept, ...addedIds.map((id) => `<${prefix}tablePart${declaration} ${relPrefix.prefix}:id="${id}"/>`)];
  parts.replace("tableParts", all.length === 0 ? [] : [`<${prefix}tableParts count="${all.length}">${all.join("")}</${prefix}tableParts>`]);
}

/** Whether the only change to a table read from the file is the move the sheet's row shifts gave it. */
function movedOnly(table: TableModel, before: TableBaseline, shifts: SheetModel["rowShifts"]): boolean {
  if (before.print !== tablePrint(table, before.rect)) return false;
  const moved = replayShifts(before.rect, shifts);
  return moved !== null && moved.r0 === table.rect.r0 && moved.r1 === table.rect.r1 && moved.c0 === table.rect.c0 && moved.c1 === table.rect.c1;
}

function relationshipsPrefix(parts: WorksheetParts): { prefix: string; declared: boolean } {
  const tag = startTagOf(parts.source, parts.root);
  const m = new RegExp(`xmlns:([\\w.-]+)="${RELATIONSHIPS_NS.replace(/[./]/g, "\\$&")}"`).exec(tag);
  return m ? { prefix: m[1], declared: true } : { prefix: "r", declared: false };
}

async function patchWorkbookXml(
  pkg: XlsxPackage,
  source: string,
  workbook: HeadlessWorkbook,
  original: OriginalPackage,
  added: Array<{ sheet: SheetModel; relationshipId: string }>,
  calcNeeded: boolean,
  changes: Map<SheetModel, SheetChange>,
  shifts: ShiftsBySheet,
): Promise<string> {
  const { baseline } = original;
  const root = rootSpan(source);
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const children = childSpans(source, root);
  const sheetsSpan = children.find((c) => c.local === "sheets");
  if (!sheetsSpan) throw new Error("workbook.xml has no <sheets>");
  const rawSheets = childSpans(source, sheetsSpan).filter((s) => s.local === "sheet").map((s) => textOf(source, s));
  const declaredPrefix = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(startTagOf(source, root))?.[1];
  // Some writers declare the relationships namespace on each <sheet> instead of the root.
  const relPrefix = declaredPrefix ?? "r";
  const relDeclaration = declaredPrefix ? "" : ` xmlns:r="${RELATIONSHIPS_NS}"`;
  // Which raw <sheet> element each model sheet read from the file came from.
  const rawByName = new Map(rawSheets.map((raw) => [attributeOf(raw, "name"), raw]));
  const states = { Visible: undefined, Hidden: "hidden", VeryHidden: "veryHidden" } as const;
  let nextSheetId = Math.max(0, ...rawSheets.map((raw) => Number(attributeOf(raw, "sheetId") ?? 0)));
  const sheetElements: string[] = [];
  const newIndex = new Map<SheetModel, number>();
  const nonWorksheets = rawSheets.filter((raw) => ![...baseline.sheets.values()].some((b) => b.rawName === attributeOf(raw, "name")));
  for (const sheet of workbook.sheets) {
    const before = baseline.sheets.get(sheet);
    let element: string;
    if (before) {
      element = rawByName.get(before.rawName) ?? "";
      if (changes.get(sheet)?.aspects.has("name")) element = withAttribute(element, "name", escapeXml(sheet.name));
      if (changes.get(sheet)?.aspects.has("visibility")) element = withAttribute(element, "state", states[sheet.visibility]);
    } else {
      const relationshipId = added.find((a) => a.sheet === sheet)!.relationshipId;
      element = `<${prefix}sheet name="${escapeXml(sheet.name)}" sheetId="${++nextSheetId}"${states[sheet.visibility] ? ` state="${states[sheet.visibility]}"` : ""}${relDeclaration} ${relPrefix}:id="${relationshipId}"/>`;
    }
    newIndex.set(sheet, sheetElements.length);
    sheetElements.push(element);
  }
  // Chart sheets and dialog sheets are not in the model: they keep their place at the end of the order they had.
  const oldIndex = (raw: string) => rawSheets.indexOf(raw);
  const finalSheets = [...sheetElements, ...nonWorksheets];
  const indexMap = new Map<number, number>();
  for (const [i, raw] of finalSheets.entries()) if (oldIndex(raw) >= 0) indexMap.set(oldIndex(raw), i);
  for (const sheet of workbook.sheets) {
    const before = baseline.sheets.get(sheet);
    if (before) {
      const raw = rawByName.get(before.rawName);
      const i = raw === undefined ? -1 : oldIndex(raw);
      if (i >= 0) indexMap.set(i, newIndex.get(sheet)!);
    }
  }
  const sheetsText = `${startTagOf(source, sheetsSpan).replace(/\/>$/, ">")}${finalSheets.join("")}</${sheetsSpan.name}>`;

  const namesSpan = children.find((c) => c.local === "definedNames");
  const namesText = definedNamesXml(source, namesSpan, workbook, original, newIndex, indexMap, changes, added.map((a) => a.sheet), prefix, shifts);

  const edits: Edit[] = [{ start: sheetsSpan.start, end: sheetsSpan.end, text: sheetsText }];
  if (namesSpan) edits.push({ start: namesSpan.start, end: namesSpan.end, text: namesText });
  else if (namesText) edits.push({ start: sheetsSpan.end, end: sheetsSpan.end, text: namesText });
  const calcPr = children.find((c) => c.local === "calcPr");
  if (calcNeeded) {
    if (calcPr) edits.push({ start: calcPr.start, end: calcPr.openEnd, text: withAttribute(startTagOf(source, calcPr), "fullCalcOnLoad", "1") });
    else {
      const after = children.find((c) => ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"].includes(c.local));
      const at = after ? after.start : source.lastIndexOf("<", root.end - 1);
      edits.push({ start: at, end: at, text: `<${prefix}calcPr fullCalcOnLoad="1"/>` });
    }
  }
  const views = children.find((c) => c.local === "bookViews");
  if (views) {
    for (const view of childSpans(source, views)) {
      const tag = startTagOf(source, view);
      const active = attributeOf(tag, "activeTab");
      if (active !== undefined && indexMap.has(Number(active)) && indexMap.get(Number(active)) !== Number(active)) {
        edits.push({ start: view.start, end: view.openEnd, text: withAttribute(tag, "activeTab", String(indexMap.get(Number(active)))) });
      }
    }
  }
  void pkg;
  return applyEdits(source, edits);
}

function nameXml(prefix: string, name: string, formula: string, localSheetId: number | undefined, hidden: boolean, comment: string): string {
  const attributes = [
    ` name="${escapeXml(name)}"`,
    comment ? ` comment="${escapeXml(comment)}"` : "",
    localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`,
    hidden ? ` hidden="1"` : "",
  ].join("");
  return `<${prefix}definedName${attributes}>${escapeXml(formula)}</${prefix}definedName>`;
}

function printNames(sheet: SheetModel, index: number, prefix: string): string[] {
  const qualified = (address: string) => `${quoteSheetName(sheet.name)}!${address}`;
  const out: string[] = [];
  const { printArea, printTitleRows } = sheet.pageLayout;
  if (printArea) out.push(nameXml(prefix, "_xlnm.Print_Area", absoluteAreas(printArea).map(qualified).join(","), index, false, ""));
  if (printTitleRows) out.push(nameXml(prefix, "_xlnm.Print_Titles", qualified(printTitleRows.replace(/\$/g, "").replace(/(\d+)/g, "$$$1")), index, false, ""));
  return out;
}

function definedNamesXml(
  source: string,
  span: Span | undefined,
  workbook: HeadlessWorkbook,
  original: OriginalPackage,
  newIndex: Map<SheetModel, number>,
  indexMap: Map<number, number>,
  changes: Map<SheetModel, SheetChange>,
  addedSheets: SheetModel[],
  prefix: string,
  shifts: ShiftsBySheet,
): string {
  const { baseline } = original;
  const rawKnown = new Set([...baseline.names.values()].map((n) => n.raw));
  const layoutChanged = new Set(workbook.sheets.filter((s) => changes.get(s)?.aspects.has("pageLayout")).map((s) => newIndex.get(s)!));
  // A name the file keeps keeps its text, with its sheet index following reordered sheets and its
  // references following moved cells (print areas included).
  const remapped = (raw: string) => {
    const tag = raw.slice(0, raw.indexOf(">") + 1);
    const close = raw.lastIndexOf("</");
    const body = tag.endsWith("/>") || close < tag.length ? raw.slice(tag.length) : shiftEscapedFormula(raw.slice(tag.length, close), shifts) + raw.slice(close);
    const local = attributeOf(tag, "localSheetId");
    const to = local === undefined ? undefined : indexMap.get(Number(local));
    return (to === undefined || to === Number(local) ? tag : withAttribute(tag, "localSheetId", String(to))) + body;
  };
  const current = currentNames(workbook);
  const byRaw = new Map<string, { entry: NameEntry; scope: SheetModel | null }>();
  for (const name of current) {
    const before = baseline.names.get(name.entry);
    if (before) byRaw.set(before.raw, name);
  }
  const fresh = (entry: NameEntry, scope: SheetModel | null) =>
    nameXml(prefix, entry.name, toFileFormula(entry.formula), scope ? newIndex.get(scope) : undefined, !entry.visible, entry.comment);
  // Names keep the order the file had; a changed one is rewritten in place, new ones follow.
  const out: string[] = [];
  for (const child of span ? childSpans(source, span) : []) {
    const raw = textOf(source, child);
    if (rawKnown.has(raw)) {
      const now = byRaw.get(raw);
      if (!now) continue;
      out.push(keptOrMoved(baseline.names.get(now.entry)!, now.entry, now.scope, shifts) ? remapped(raw) : fresh(now.entry, now.scope));
      continue;
    }
    const tag = startTagOf(source, child);
    const name = attributeOf(tag, "name") ?? "";
    const local = attributeOf(tag, "localSheetId");
    const to = local === undefined ? undefined : indexMap.get(Number(local));
    if ((name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles") && to !== undefined && layoutChanged.has(to)) continue;
    out.push(remapped(raw));
  }
  for (const { entry, scope } of current) if (!baseline.names.has(entry)) out.push(fresh(entry, scope));
  for (const sheet of workbook.sheets) {
    const index = newIndex.get(sheet)!;
    if (addedSheets.includes(sheet) || layoutChanged.has(index)) out.push(...printNames(sheet, index, prefix));
  }
  if (out.length === 0) return "";
  const open = span ? startTagOf(source, span).replace(/\/>$/, ">") : `<${prefix}definedNames>`;
  return `${open}${out.join("")}</${prefix}definedNames>`;
}

/**
 * Whether a name the file keeps is unchanged but for the moves the model made (the model moves a
 * name's references with the cells, model/shift): its element is then kept and its text shifted by
 * the same row moves here, once. A name the command changed otherwise is written from the model,
 * whose formula already holds the moves.
 */
function keptOrMoved(before: { print: string; formula: string }, entry: NameEntry, scope: SheetModel | null, shifts: ShiftsBySheet): boolean {
  if (before.print === namePrint(entry, scope)) return true;
  return before.print === namePrint({ ...entry, formula: before.formula }, scope) && shiftFormulaReferences(before.formula, shifts) === entry.formula;
}

/** What a part's zip entry says of its content (JSZip keeps it from the central directory, unexposed in its typings). */
function entryPrint(file: JSZip.JSZipObject): string | undefined {
  const data = (file as unknown as { _data?: { crc32?: number; uncompressedSize?: number } })._data;
  return typeof data?.crc32 === "number" && typeof data.uncompressedSize === "number" ? `${data.crc32}:${data.uncompressedSize}` : undefined;
}

/** Whether two packages hold the same parts with the same bytes (zip metadata aside). */
async function sameParts(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  const [left, right] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const names = (zip: JSZip) => Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
  const leftNames = names(left);
  if (leftNames.join("\n") !== names(right).join("\n")) return false;
  // A part whose CRC-32 or size differs differs: no need to inflate the whole package to see it.
  for (const name of leftNames) {
    const [x, y] = [entryPrint(left.file(name)!), entryPrint(right.file(name)!)];
    if (x !== undefined && y !== undefined && x !== y) return false;
  }
  for (const name of leftNames) {
    const [x, y] = await Promise.all([left.file(name)!.async("uint8array"), right.file(name)!.async("uint8array")]);
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}
