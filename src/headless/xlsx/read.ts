import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readSharedStrings, readSheetData } from "./cellsXml";
import { sectionsFromFile } from "./headerFooter";
import { type Rect, absoluteRectAddress, parseRect } from "../addresses";
import { fromFileFormula } from "../formulaSyntax";
import { NORMAL_MARGINS, type SheetModel } from "../model/sheet";
import { TableModel } from "../model/table";
import type { CellStyle, ConditionalFormatEntry, DataValidationEntry, NameEntry, PageMarginsModel } from "../model/types";
import { HeadlessWorkbook } from "../model/workbook";
import { readChartParts } from "./charts/readCharts";
import { RELATIONSHIP_TYPES, XlsxPackage, relativeTarget } from "./charts/opcPackage";
import { unescapeXml } from "./charts/xml";
import { modelHoldsRule } from "./modelledRules";
import { PackageRefusedError, assertWithinLimits } from "./packageLimits";
import { namePrint, sheetBaseline, tablePrint } from "./patch/baseline";
import { rememberOriginal } from "./patch/original";
import { applyEdits, attributeOf, attributesOf, childSpans, innerOf, rootSpan, startTagOf, textOf, type Span, withDefaultNamespace } from "./patch/xmlSpans";
import { validationEntriesOf } from "./validationsXml";
import { readProtection } from "./protection";
import {
  borderFromFile,
  cfOperatorFromFile,
  charactersToPoints,
  fromArgb,
  horizontalFromFile,
  operatorFromFile,
  protectionOptionFromFile,
  protectionOptionKeys,
  scaleTypeFromFile,
  textOperatorFromFile,
  verticalFromFile,
} from "./mapping";

interface DefinedNameRecord {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/** Loose views of exceljs run-time fields its typings omit. */
interface SheetInternals {
  sheetProtection?: Record<string, unknown>;
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  tables: Record<string, { table: TableFileModel }>;
}

interface TableFileModel {
  name: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  style?: { theme?: string; showRowStripes?: boolean; showColumnStripes?: boolean };
  columns: Array<{ name: string; filterButton?: boolean }>;
}

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<HeadlessWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  assertWithinLimits(bytes);
  const source = await openPackage(bytes);
  const book = new ExcelJS.Workbook();
  const names: { model: DefinedNameRecord[] } = { model: [] };
  (book as unknown as { _definedNames: typeof names })._definedNames = names;
  // exceljs reads what is around the cells (tables, formats, views, page setup) from a copy without
  // them; its style table is kept to resolve the cells' style indexes.
  let styles: ExcelStyles | undefined;
  const xlsx = book.xlsx as unknown as { reconcile: (model: { styles?: ExcelStyles }, options: unknown) => void };
  const reconcile = xlsx.reconcile.bind(xlsx);
  xlsx.reconcile = (model, options) => {
    styles = model.styles;
    reconcile(model, options);
  };
  try {
    await book.xlsx.load(source.forExcelJs as unknown as ArrayBuffer);
  } catch (error) {
    throw new PackageRefusedError(`its content could not be read (${(error as Error).message})`);
  }
  const styleOf = styleResolver(styles);
  const workbook = new HeadlessWorkbook();
  const partOf = new Map<SheetModel, FileSheet>();
  for (const worksheet of book.worksheets) {
    const file = source.sheets.find((s) => s.name === worksheet.name);
    const sheet = workbook.addSheet(worksheet.name);
    if (file) {
      partOf.set(sheet, file);
      try {
        readSheetData(file.sheetData, sheet, { strings: source.strings, style: styleOf });
      } catch (error) {
        throw new PackageRefusedError(`the cells of sheet "${file.name}" could not be read (${(error as Error).message})`);
      }
      sheet.merges = file.merges;
      file.sheetData = "";
    }
    readColumns(worksheet, sheet);
    readSheetSettings(worksheet, sheet);
    const internals = worksheet as unknown as SheetInternals;
    readTables(workbook, sheet, internals);
    sheet.validations = file?.validations ?? [];
    sheet.conditionalFormats = readConditionalFormats(workbook, internals.conditionalFormattings ?? []);
  }
  const nameRaws = readDefinedNames(source, workbook);
  workbook.activeSheet = workbook.sheets.find((s) => s.visibility === "Visible") ?? workbook.sheets[0] ?? null;
  await readProtection(bytes, workbook);
  await readChartParts(bytes, workbook);
  rememberOriginal(workbook, {
    bytes,
    workbookPart: source.workbookPart,
    baseline: {
      sheets: new Map([...partOf].map(([sheet, file]) => [sheet, sheetBaseline(sheet, file.part, file.rawName)])),
      tables: new Map(workbook.tables.map((table) => {
        const file = partOf.get(table.sheet)?.tables.get(table.name.toLowerCase());
        return [table, { part: file?.part ?? "", id: file?.id ?? "0", rect: { ...table.rect }, print: tablePrint(table) }];
      })),
      names: nameRaws,
      order: [...workbook.sheets],
    },
  });
  return workbook;
}

interface FileSheet {
  name: string;
  rawName: string;
  part: string;
  /** The <sheetData> element as written (read into the model, then dropped). */
  sheetData: string;
  merges: Rect[];
  validations: DataValidationEntry[];
  /** Table parts by lower-case table name. */
  tables: Map<string, { part: string; id: string }>;
}

interface SourcePackage {
  workbookPart: string;
  workbookXml: string;
  /** Every <sheet> of workbook.xml in order (chart sheets included), with its worksheet when it is one. */
  sheetOrder: string[];
  sheets: FileSheet[];
  /** The shared string table, by index. */
  strings: string[];
  /** What exceljs reads: a copy without the cells (read here) and the parts it mishandles. */
  forExcelJs: Uint8Array;
}

const SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const EMPTY_STRINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`;

/** Stands in for a missing styles part so exceljs can read the cells: default formats for every index a cell or rule may use. */
const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4096">${'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(4096)}</cellXfs><dxfs count="1024">${"<dxf/>".repeat(1024)}</dxfs></styleSheet>`;

/**
 * Opens the zip, finds the workbook and its worksheets, and refuses what would be misread: a
 * missing shared strings part (every text cell would read as blank) or a missing table part.
 * Data validations are read here, range by range; exceljs gets a copy without them.
 */
async function openPackage(bytes: Uint8Array): Promise<SourcePackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new PackageRefusedError(`its zip could not be opened (${(error as Error).message})`);
  }
  try {
    return await indexPackage(bytes, zip);
  } catch (error) {
    if (error instanceof PackageRefusedError) throw error;
    throw new PackageRefusedError(`a part of its zip is damaged (${(error as Error).message})`);
  }
}

async function indexPackage(bytes: Uint8Array, zip: JSZip): Promise<SourcePackage> {
  const pkg = XlsxPackage.of(zip);
  const backslashed = pkg.partNames().find((name) => name.includes("\\"));
  if (backslashed) throw new PackageRefusedError(`its zip names parts with backslashes ("${backslashed}"), which the Open Packaging Conventions do not allow (part names use "/")`);
  const workbookPart = await pkg.workbookPart();
  if (!pkg.has(workbookPart)) throw new PackageRefusedError(`it has no workbook part (${workbookPart}); it is not a SpreadsheetML workbook`);
  const workbookXml = await pkg.text(workbookPart);
  if (/<(\w+:)?workbook\b[^>]*xmlns(:\w+)?="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/.test(workbookXml)) {
    throw new PackageRefusedError("it is saved as Strict Open XML, which ismp does not write; save it from Excel as \"Excel Workbook (*.xlsx)\"");
  }
  const workbookRels = await pkg.relationships(workbookPart);
  const missing = (type: string) => workbookRels.find((rel) => rel.type === type && !rel.external && !pkg.has(rel.target));
  const missingStrings = missing(RELATIONSHIP_TYPES.sharedStrings);
  if (missingStrings) throw new PackageRefusedError(`its shared strings part ${missingStrings.target} is missing, so every text cell would read as blank`);
  const copy = await JSZip.loadAsync(bytes);
  const stringsPart = workbookRels.find((rel) => rel.type === RELATIONSHIP_TYPES.sharedStrings && !rel.external && pkg.has(rel.target));
  const strings = stringsPart ? await readSharedStrings(zip.file(stringsPart.target)!) : [];
  if (stringsPart) copy.file(stringsPart.target, EMPTY_STRINGS);
  // exceljs matches element names as written: parts that prefix SpreadsheetML (<x:workbook>, <x:worksheet>) get copies with it as the default namespace.
  copy.file(workbookPart, withDefaultNamespace(workbookXml, SPREADSHEETML));
  const stylesRel = workbookRels.find((rel) => rel.type === RELATIONSHIP_TYPES.styles && !rel.external && pkg.has(rel.target));
  if (stylesRel) copy.file(stylesRel.target, withDefaultNamespace(await pkg.text(stylesRel.target), SPREADSHEETML));
  const styles = missing(RELATIONSHIP_TYPES.styles);
  if (styles) {
    // Cells read with the default format; the save writes a styles part where the relationship points.
    copy.file(styles.target, MINIMAL_STYLES);
  }
  const targets = new Map(workbookRels.map((rel) => [rel.id, rel]));
  const root = rootSpan(workbookXml);
  const sheetsSpan = childSpans(workbookXml, root).find((c) => c.local === "sheets");
  const sheetOrder: string[] = [];
  const sheets: FileSheet[] = [];
  for (const span of sheetsSpan ? childSpans(workbookXml, sheetsSpan).filter((c) => c.local === "sheet") : []) {
    const tag = startTagOf(workbookXml, span);
    const rawName = attributeOf(tag, "name") ?? "";
    sheetOrder.push(rawName);
    const relId = [...attributesOf(tag)].find(([name]) => name === "r:id" || name.endsWith(":id"))?.[1];
    const rel = relId ? targets.get(relId) : undefined;
    if (!rel || rel.type !== RELATIONSHIP_TYPES.worksheet || !pkg.has(rel.target)) continue;
    const xml = await pkg.text(rel.target);
    const file: FileSheet = { name: unescapeXml(rawName), rawName, part: rel.target, sheetData: "", merges: [], validations: [], tables: new Map() };
    const worksheet = rootSpan(xml);
    const children = childSpans(xml, worksheet);
    // Cells, merges and validations are read here; exceljs gets the rest of the sheet.
    const readHere: Span[] = [];
    for (const child of children) {
      if (child.local === "sheetData") {
        file.sheetData = textOf(xml, child);
        readHere.push(child);
      } else if (child.local === "mergeCells") {
        for (const merge of childSpans(xml, child)) {
          const rect = parseRect(attributeOf(startTagOf(xml, merge), "ref") ?? "");
          if (rect) file.merges.push(rect);
        }
        readHere.push(child);
      } else if (child.local === "dataValidations") {
        for (const entry of childSpans(xml, child)) file.validations.push(...validationEntriesOf(xml, entry));
        readHere.push(child);
      }
    }
    copy.file(rel.target, withDefaultNamespace(applyEdits(xml, readHere.map((span) => ({ start: span.start, end: span.end, text: "" }))), SPREADSHEETML));
    for (const tableRel of (await pkg.relationships(rel.target)).filter((r) => r.type === RELATIONSHIP_TYPES.table && !r.external)) {
      if (!pkg.has(tableRel.target)) throw new PackageRefusedError(`its table part ${tableRel.target} (of sheet "${file.name}") is missing`);
      const tableXml = await pkg.text(tableRel.target);
      const tableTag = startTagOf(tableXml, rootSpan(tableXml));
      const tableName = unescapeXml(attributeOf(tableTag, "name") ?? attributeOf(tableTag, "displayName") ?? "");
      file.tables.set(tableName.toLowerCase(), { part: tableRel.target, id: attributeOf(tableTag, "id") ?? "0" });
    }
    sheets.push(file);
  }
  // exceljs parses every xl/worksheets/sheetN.xml, listed or not; one no <sheet> names (left by a
  // removed sheet) would still hold cells pointing at the shared strings it no longer gets.
  const listed = new Set(sheets.map((sheet) => sheet.part));
  for (const name of pkg.partNames().filter((n) => /^\/?xl\/worksheets\/sheet\d+\.xml$/.test(n) && !listed.has(n.replace(/^\//, "")))) copy.remove(name);
  // exceljs cannot follow absolute relationship targets ("/xl/tables/table1.xml"); its copy gets relative ones.
  for (const relsPart of pkg.partNames().filter((name) => name.endsWith(".rels"))) {
    const xml = await pkg.text(relsPart);
    if (!/Target="\//.test(xml)) continue;
    const sourcePart = relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
    copy.file(relsPart, xml.replace(/Target="\/([^"]*)"/g, (_m, target: string) => `Target="${relsPart.startsWith("_rels/") ? target : relativeTarget(sourcePart, target)}"`));
  }
  const forExcelJs = await copy.generateAsync({ type: "uint8array", compression: "STORE" });
  return { workbookPart, workbookXml, sheetOrder, sheets, strings, forExcelJs };
}

/** Defined names from workbook.xml as written (any formula, comment, hidden flag); print areas and other _xlnm names stay in the file. */
function readDefinedNames(source: SourcePackage, workbook: HeadlessWorkbook): Map<NameEntry, { raw: string; print: string; formula: string }> {
  const raws = new Map<NameEntry, { raw: string; print: string; formula: string }>();
  const xml = source.workbookXml;
  const namesSpan = childSpans(xml, rootSpan(xml)).find((c) => c.local === "definedNames");
  for (const span of namesSpan ? childSpans(xml, namesSpan).filter((c) => c.local === "definedName") : []) {
    const tag = startTagOf(xml, span);
    const name = unescapeXml(attributeOf(tag, "name") ?? "");
    const local = attributeOf(tag, "localSheetId");
    const scope = local === undefined ? undefined : workbook.getSheet(unescapeXml(source.sheetOrder[Number(local)] ?? "\u0000"));
    if (name === "_xlnm.Print_Area" && scope) readPrintAreas(scope, unescapeXml(innerOf(xml, span)));
    if (name === "" || name.startsWith("_xlnm.")) continue;
    if (local !== undefined && !scope) continue;
    const entry: NameEntry = {
      name,
      formula: fromFileFormula(unescapeXml(innerOf(xml, span))),
      comment: unescapeXml(attributeOf(tag, "comment") ?? ""),
      visible: !["1", "true"].includes(attributeOf(tag, "hidden") ?? ""),
    };
    (scope ? scope.names : workbook.names).push(entry);
    raws.set(entry, { raw: textOf(xml, span), print: namePrint(entry, scope ?? null), formula: entry.formula });
  }
  return raws;
}

/**
 * Every range of a print area ("'Review'!$A$1:$G$60,'Review'!$J$1:$M$50", or whole columns "$A:$L"):
 * exceljs keeps only the first range of a defined name and garbles whole columns, so the print area
 * is read from the name itself.
 */
function readPrintAreas(sheet: SheetModel, formula: string): void {
  const areas = formula.replace(/(?:'(?:[^']|'')+'|[^,!']+)!/g, "").split(",").map((area) => area.trim());
  if (areas.every((area) => /^\$?[A-Z]{1,3}(\$?\d+)?(:\$?[A-Z]{1,3}(\$?\d+)?)?$/i.test(area))) sheet.pageLayout.printArea = areas.map(absolute).join(",");
}

function readColumns(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  for (const column of worksheet.columns ?? []) {
    if (column.width !== undefined && column.number !== undefined) sheet.columnWidths.set(column.number - 1, charactersToPoints(column.width));
  }
}

/** exceljs's style table (its StylesXform): the resolved number format, font, fill, border, alignment and protection of a cellXfs index. */
interface ExcelStyles {
  getStyleModel(index: number): Partial<ExcelJS.Style> | null;
}

/**
 * The model style of each cellXfs index, built once and shared by every cell that uses it (model
 * edits replace a cell's style object, never change it). Index 0 is the workbook's default look.
 */
function styleResolver(styles: ExcelStyles | undefined): (index: number) => CellStyle | undefined {
  const cache = new Map<number, CellStyle | undefined>();
  return (index) => {
    if (!styles || !(index > 0)) return undefined;
    if (!cache.has(index)) {
      const model = styles.getStyleModel(index);
      cache.set(index, model ? readStyle(model) : undefined);
    }
    return cache.get(index);
  };
}

/** Only what differs from Excel's default cell style, so a round trip gives back the same model. */
function readStyle(cell: Partial<ExcelJS.Style>): CellStyle | undefined {
  const style: CellStyle = {};
  if (cell.numFmt && cell.numFmt !== "General") style.numberFormat = cell.numFmt;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") style.fillColor = fromArgb(fill.fgColor);
  const font = cell.font ?? {};
  if (font.bold) style.fontBold = true;
  if (font.italic) style.fontItalic = true;
  const fontColor = fromArgb(font.color);
  if (fontColor) style.fontColor = fontColor;
  if (font.size !== undefined && font.size !== 11) style.fontSize = font.size;
  if (font.name && font.name !== "Calibri") style.fontName = font.name;
  if (font.underline) style.fontUnderline = font.underline === "double" ? "Double" : "Single";
  const border = cell.border ?? {};
  for (const [side, key] of [["top", "borderTop"], ["bottom", "borderBottom"], ["left", "borderLeft"], ["right", "borderRight"]] as const) {
    const edge = border[side];
    if (edge?.style) style[key] = borderFromFile(edge.style, fromArgb(edge.color as { argb?: string }) ?? "#000000");
  }
  const alignment = cell.alignment ?? {};
  if (alignment.horizontal && horizontalFromFile[alignment.horizontal]) style.horizontalAlignment = horizontalFromFile[alignment.horizontal];
  if (alignment.vertical && verticalFromFile[alignment.vertical]) style.verticalAlignment = verticalFromFile[alignment.vertical];
  if (alignment.wrapText) style.wrapText = true;
  if (cell.protection?.locked === false) style.locked = false;
  for (const key of Object.keys(style) as Array<keyof CellStyle>) if (style[key] === undefined) delete style[key];
  return Object.keys(style).length > 0 ? style : undefined;
}

function readSheetSettings(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  const states = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  sheet.visibility = states[worksheet.state as keyof typeof states] ?? "Visible";
  sheet.tabColor = fromArgb(worksheet.properties.tabColor) ?? "";
  const view = worksheet.views?.[0] as (ExcelJS.WorksheetView & { xSplit?: number; ySplit?: number }) | undefined;
  if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  if (view && view.showGridLines === false) sheet.showGridlines = false;
  const protection = (worksheet as unknown as SheetInternals).sheetProtection;
  if (protection?.sheet) {
    const options: Record<string, boolean> = {};
    for (const key of protectionOptionKeys) {
      const fileKey = key.replace(/^allow(\w)/, (_m, c: string) => c.toLowerCase());
      if (protection[fileKey] !== undefined) options[protectionOptionFromFile(fileKey)] = Boolean(protection[fileKey]);
    }
    sheet.protection = { protected: true, options };
  }
  const setup = worksheet.pageSetup;
  sheet.pageLayout = {
    orientation: setup.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: setup.fitToPage ? fitToPages(setup.fitToWidth ?? 1, setup.fitToHeight ?? 1) : { scale: setup.scale ?? 100 },
    centerHorizontally: Boolean(setup.horizontalCentered),
    ...(setup.printTitlesRow ? { printTitleRows: absolute(setup.printTitlesRow) } : {}),
    ...(setup.printArea ? { printArea: absolute(setup.printArea) } : {}),
    ...(setup.margins && !isNormal(marginsInPoints(setup.margins)) ? { margins: marginsInPoints(setup.margins) } : {}),
  };
  const headerFooter = { ...sectionsFromFile(worksheet.headerFooter?.oddHeader, "Header"), ...sectionsFromFile(worksheet.headerFooter?.oddFooter, "Footer") };
  if (Object.keys(headerFooter).length > 0) sheet.pageLayout.headerFooter = headerFooter;
}

/** The file's margins (inches) in points, unrounded so a save writes them back as they were; Excel's Normal margins (the default) are left out of the model. */
const marginsInPoints = (margins: ExcelJS.Margins): PageMarginsModel => {
  const points = (inches: number | undefined, fallback: number) => (typeof inches === "number" && Number.isFinite(inches) ? inches * 72 : fallback);
  const normal = NORMAL_MARGINS;
  return { left: points(margins.left, normal.left), right: points(margins.right, normal.right), top: points(margins.top, normal.top), bottom: points(margins.bottom, normal.bottom), header: points(margins.header, normal.header), footer: points(margins.footer, normal.footer) };
};
const isNormal = (margins: PageMarginsModel) => (Object.keys(NORMAL_MARGINS) as Array<keyof PageMarginsModel>).every((side) => Math.abs(margins[side] - NORMAL_MARGINS[side]) < 1e-9);

/** An address made absolute; whole columns ("A:L", a print area that grows with the rows) stay whole columns ("$A:$L", rectAddress). */
const absolute = (address: string): string => {
  const rect = parseRect(address);
  return rect ? absoluteRectAddress(rect) : address;
};

function readTables(workbook: HeadlessWorkbook, sheet: SheetModel, internals: SheetInternals): void {
  for (const { table: file } of Object.values(internals.tables ?? {})) {
    const rect = parseRect(file.tableRef ?? file.ref ?? "");
    if (!rect) continue;
    const table = new TableModel(file.name, workbook.newId("table"), sheet, rect, file.columns.map((_c, i) => i + 1));
    table.style = file.style?.theme ?? table.style;
    table.showBandedRows = file.style?.showRowStripes ?? true;
    table.showBandedColumns = file.style?.showColumnStripes ?? false;
    table.showTotals = Boolean(file.totalsRow);
    table.showFilterButton = file.columns[0]?.filterButton ?? true;
    workbook.tables.push(table);
  }
}

interface FileRule {
  type: string;
  priority?: number;
  stopIfTrue?: boolean;
  formulae?: Array<string | number>;
  /** ExcelJS's id of the rule's x14 half: the x14 rule's id, or the <x14:id> a main-part rule points with. */
  x14Id?: string;
  operator?: string;
  text?: string;
  style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } };
  cfvo?: Array<{ type: string; value?: string | number }>;
  color?: Array<{ argb?: string }>;
}

function readConditionalFormats(workbook: HeadlessWorkbook, formattings: ExcelJS.ConditionalFormattingOptions[]): ConditionalFormatEntry[] {
  const entries: ConditionalFormatEntry[] = [];
  for (const formatting of formattings) {
    const rect = parseRect(formatting.ref.split(" ")[0]);
    if (!rect) continue;
    for (const rule of formatting.rules as unknown as FileRule[]) {
      const entry = cfFromFile(workbook, rect, rule);
      if (entry) entries.push(entry);
    }
  }
  return entries.sort((a, b) => a.priority - b.priority).map((entry, index) => ({ ...entry, priority: index }));
}

function cfFromFile(workbook: HeadlessWorkbook, rect: Rect, rule: FileRule): ConditionalFormatEntry | null {
  const formulae = (rule.formulae ?? []).filter((f) => String(f).trim() !== "");
  if (!modelHoldsRule({ type: rule.type, inExtension: Boolean(rule.x14Id), formulas: formulae.length })) return null;
  const style = {
    ...(fromArgb(rule.style?.fill?.bgColor) ? { fillColor: fromArgb(rule.style?.fill?.bgColor) } : {}),
    ...(fromArgb(rule.style?.font?.color) ? { fontColor: fromArgb(rule.style?.font?.color) } : {}),
    ...(rule.style?.font?.bold !== undefined ? { fontBold: rule.style.font.bold } : {}),
  };
  const base = { id: workbook.newId("cf"), rect, priority: rule.priority ?? 0, stopIfTrue: Boolean(rule.stopIfTrue), style };
  // A constant stays as typed ("5"); anything else is a formula ("=$B$1").
  const formulas = formulae.map((f) => (/^-?\d+(\.\d+)?$/.test(String(f)) ? String(f) : fromFileFormula(String(f))));
  switch (rule.type) {
    case "expression":
      return { ...base, type: "Custom", rule: { formula: formulas[0] ?? "" } };
    case "cellIs":
      return {
        ...base,
        type: "CellValue",
        rule: { formula1: formulas[0], ...(formulas[1] !== undefined ? { formula2: formulas[1] } : {}), operator: cfOperatorFromFile[rule.operator ?? "equal"] },
      };
    case "containsText":
      return { ...base, type: "ContainsText", rule: { operator: textOperatorFromFile[rule.operator ?? "containsText"] ?? "Contains", text: rule.text ?? "" } };
    case "colorScale": {
      const points = (rule.cfvo ?? []).map((point, i) => ({
        type: scaleTypeFromFile[point.type] ?? "Number",
        ...(point.value !== undefined ? { formula: String(point.value) } : {}),
        color: fromArgb(rule.color?.[i]) ?? "#FFFFFF",
      }));
      const [minimum, ...rest] = points;
      const maximum = rest.pop();
      return { ...base, type: "ColorScale", rule: {}, colorScale: { minimum, ...(rest[0] ? { midpoint: rest[0] } : {}), maximum } };
    }
    default:
      return null;
  }
}

/** fitToWidth/fitToHeight 0 in the file means "automatic": no value (null in Office.js), not 0 pages. */
function fitToPages(wide: number, tall: number): { horizontalFitToPages?: number; verticalFitToPages?: number } {
  return { ...(wide > 0 ? { horizontalFitToPages: wide } : {}), ...(tall > 0 ? { verticalFitToPages: tall } : {}) };
}
