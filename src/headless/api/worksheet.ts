import type * as OfficeApi from "../../excel/officeApi";
import { MAX_COLUMNS, MAX_ROWS, absoluteRectAddress, parseRect, splitSheet } from "../addresses";
import { checkEnum, PAGE_ORIENTATIONS, SHEET_VISIBILITIES } from "./enums";
import { normalizeColor } from "../colors";
import { HeadlessOfficeError } from "../errors";
import { NORMAL_MARGINS, type SheetModel, type SheetVisibility } from "../model/sheet";
import type { HeaderFooterModel, PageLayoutModel, PageMarginsModel } from "../model/types";
import { ChartCollection } from "./charts";
import { ClientCollection, ClientObject, type Context, type Resolver, type ProxyNode } from "./clientObject";
import { NamedItemCollection } from "./names";
import { Range, cellRef, resolveAddress } from "./range";
import { RangeAreas } from "./rangeAreas";
import { TableCollection } from "./tables";

export class WorksheetProtection extends ClientObject<SheetModel> implements OfficeApi.WorksheetProtection {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "WorksheetProtection");
  }

  protected readers() {
    return { protected: (s: SheetModel) => s.protection.protected, options: (s: SheetModel) => ({ ...s.protection.options }) };
  }

  get protected(): boolean { return this.read("protected"); }
  get options(): Record<string, boolean> { return this.read("options"); }

  protect(options?: Record<string, boolean>, password?: string): void {
    this.invoke("protect", { options, password: password ? "***" : undefined }, (sheet) => {
      sheet.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.invoke("unprotect", null, (sheet) => {
      if (sheet.protection.password && sheet.protection.password !== password) throw new HeadlessOfficeError("InvalidArgument");
      sheet.protection = { protected: false, options: {} };
    });
  }
}

export class WorksheetFreezePanes extends ClientObject<SheetModel> implements OfficeApi.WorksheetFreezePanes {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "WorksheetFreezePanes");
  }

  protected readers() {
    return {};
  }

  /** office-js #3148: freezing an inactive sheet makes Excel report it active while another stays on screen. */
  private noteInactive(sheet: SheetModel): void {
    const model = this.context.model;
    if (model.activeSheet !== sheet) {
      model.frozenWhileInactive.push(sheet.name);
      model.activeSheet = sheet;
    }
  }

  freezeRows(count = 1): void {
    this.invoke("freezeRows", { count }, (sheet) => {
      this.noteInactive(sheet);
      sheet.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.invoke("freezeColumns", { count }, (sheet) => {
      this.noteInactive(sheet);
      sheet.freeze = { rows: 0, columns: count };
    });
  }

  /** The given range is the frozen top-left pane. */
  freezeAt(frozenRange: Range | string): void {
    this.invoke("freezeAt", typeof frozenRange === "string" ? frozenRange : "range", (sheet) => {
      const rect = typeof frozenRange === "string" ? resolveAddress(this.context, sheet, frozenRange).rect : frozenRange.resolve()?.rect;
      if (!rect) throw new HeadlessOfficeError("InvalidArgument");
      this.noteInactive(sheet);
      sheet.freeze = { rows: rect.r0 === 0 && rect.r1 < MAX_ROWS - 1 ? rect.r1 + 1 : 0, columns: rect.c0 === 0 && rect.c1 < MAX_COLUMNS - 1 ? rect.c1 + 1 : 0 };
    });
  }

  unfreeze(): void {
    this.invoke("unfreeze", null, (sheet) => (sheet.freeze = { rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): Range {
    return this.child(
      new Range(this.context, () => {
        const sheet = this.resolve();
        if (!sheet || (sheet.freeze.rows === 0 && sheet.freeze.columns === 0)) return null;
        const { rows, columns } = sheet.freeze;
        return { sheet, rect: { r0: 0, c0: 0, r1: rows > 0 ? rows - 1 : MAX_ROWS - 1, c1: columns > 0 ? columns - 1 : MAX_COLUMNS - 1 } };
      }),
      "getLocationOrNullObject",
      true,
    );
  }
}

/** A print range given as a Range proxy or an address, stored as an absolute local address. */
function printAddress(context: Context, sheet: SheetModel, range: Range | string): string {
  const rect = typeof range === "string" ? resolveAddress(context, sheet, range).rect : range.resolve()?.rect;
  if (!rect) throw new HeadlessOfficeError("InvalidArgument");
  return absoluteRectAddress(rect);
}

/**
 * A print area: one range or several separated by commas ("A1:G60,J1:M50"), each printed from a new
 * page. setPrintArea takes "the range or ranges of the content to print"
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1)).
 */
function printAreas(context: Context, sheet: SheetModel, area: Range | string): string {
  return typeof area === "string" ? area.split(",").map((part) => printAddress(context, sheet, part.trim())).join(",") : printAddress(context, sheet, area);
}

type HeaderFooterPart = keyof HeaderFooterModel;
const HEADER_FOOTER_PARTS: readonly HeaderFooterPart[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
/** Excel caps each header or footer section at 255 characters ("HeaderFooter" object, ExcelApi 1.9). */
const HEADER_FOOTER_MAX = 255;

/**
 * Excel.HeaderFooter (ExcelApi 1.9): one set of six sections. Only `defaultForAllPages` is modelled
 * (https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup).
 */
export class HeaderFooter extends ClientObject<SheetModel> implements OfficeApi.HeaderFooter {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "HeaderFooter");
  }

  protected readers() {
    return Object.fromEntries(HEADER_FOOTER_PARTS.map((part) => [part, (s: SheetModel) => s.pageLayout.headerFooter?.[part] ?? ""]));
  }

  private write(part: HeaderFooterPart, value: string): void {
    if (typeof value !== "string" || value.length > HEADER_FOOTER_MAX) throw new HeadlessOfficeError("InvalidArgument");
    this.setProperty(part, value, (s) => (s.pageLayout.headerFooter = { ...s.pageLayout.headerFooter, [part]: value }));
  }

  get leftHeader(): string { return this.read("leftHeader"); }
  set leftHeader(v: string) { this.write("leftHeader", v); }
  get centerHeader(): string { return this.read("centerHeader"); }
  set centerHeader(v: string) { this.write("centerHeader", v); }
  get rightHeader(): string { return this.read("rightHeader"); }
  set rightHeader(v: string) { this.write("rightHeader", v); }
  get leftFooter(): string { return this.read("leftFooter"); }
  set leftFooter(v: string) { this.write("leftFooter", v); }
  get centerFooter(): string { return this.read("centerFooter"); }
  set centerFooter(v: string) { this.write("centerFooter", v); }
  get rightFooter(): string { return this.read("rightFooter"); }
  set rightFooter(v: string) { this.write("rightFooter", v); }
}

export class HeaderFooterGroup extends ClientObject<SheetModel> implements OfficeApi.HeaderFooterGroup {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "HeaderFooterGroup");
  }

  protected readers() {
    return {};
  }

  get defaultForAllPages(): HeaderFooter { return this.memo("defaultForAllPages", () => new HeaderFooter(this.context, () => this.resolve())); }
}

/**
 * PageLayoutZoomOptions (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions): scale
 * "can be between 10 and 400"; horizontalFitToPages / verticalFitToPages are numbers of pages, or null
 * (no constraint). 0 is not a documented value, so the host refuses it like any other out-of-range value.
 */
function checkedZoom(zoom: PageLayoutModel["zoom"]): PageLayoutModel["zoom"] {
  const checked: PageLayoutModel["zoom"] = {};
  const pages = (value: unknown, what: string): number | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      throw new HeadlessOfficeError("InvalidArgument", `PageLayoutZoomOptions.${what} must be a whole number of pages (1 or more) or null, not ${String(value)}.`);
    }
    return value;
  };
  const horizontal = pages(zoom.horizontalFitToPages, "horizontalFitToPages");
  const vertical = pages(zoom.verticalFitToPages, "verticalFitToPages");
  if (horizontal !== undefined) checked.horizontalFitToPages = horizontal;
  if (vertical !== undefined) checked.verticalFitToPages = vertical;
  if (zoom.scale !== null && zoom.scale !== undefined) {
    if (typeof zoom.scale !== "number" || zoom.scale < 10 || zoom.scale > 400) throw new HeadlessOfficeError("InvalidArgument", "PageLayoutZoomOptions.scale must be between 10 and 400.");
    checked.scale = zoom.scale;
  }
  return checked;
}

type MarginSide = keyof PageMarginsModel;

/**
 * PageLayout.leftMargin … footerMargin are "in points" (learn.microsoft.com/javascript/api/excel/excel.pagelayout);
 * Excel's Page Setup refuses a negative margin, so the host refuses it too.
 */
function checkedMargin(value: unknown, property: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new HeadlessOfficeError("InvalidArgument", `PageLayout.${property} must be a number of points, 0 or more, not ${String(value)}.`);
  }
  return value;
}

export class PageLayout extends ClientObject<SheetModel> implements OfficeApi.PageLayout {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "PageLayout");
  }

  protected readers() {
    return {
      orientation: (s: SheetModel) => s.pageLayout.orientation,
      zoom: (s: SheetModel) => ({ ...s.pageLayout.zoom }),
      centerHorizontally: (s: SheetModel) => s.pageLayout.centerHorizontally,
      leftMargin: (s: SheetModel) => this.margins(s).left,
      rightMargin: (s: SheetModel) => this.margins(s).right,
      topMargin: (s: SheetModel) => this.margins(s).top,
      bottomMargin: (s: SheetModel) => this.margins(s).bottom,
      headerMargin: (s: SheetModel) => this.margins(s).header,
      footerMargin: (s: SheetModel) => this.margins(s).footer,
    };
  }

  private margins(sheet: SheetModel): PageMarginsModel {
    return sheet.pageLayout.margins ?? NORMAL_MARGINS;
  }

  private setMargin(side: MarginSide, property: string, value: number): void {
    this.setProperty(property, value, (s) => (s.pageLayout.margins = { ...this.margins(s), [side]: checkedMargin(value, property) }));
  }

  get leftMargin(): number { return this.read("leftMargin"); }
  set leftMargin(v: number) { this.setMargin("left", "leftMargin", v); }
  get rightMargin(): number { return this.read("rightMargin"); }
  set rightMargin(v: number) { this.setMargin("right", "rightMargin", v); }
  get topMargin(): number { return this.read("topMargin"); }
  set topMargin(v: number) { this.setMargin("top", "topMargin", v); }
  get bottomMargin(): number { return this.read("bottomMargin"); }
  set bottomMargin(v: number) { this.setMargin("bottom", "bottomMargin", v); }
  get headerMargin(): number { return this.read("headerMargin"); }
  set headerMargin(v: number) { this.setMargin("header", "headerMargin", v); }
  get footerMargin(): number { return this.read("footerMargin"); }
  set footerMargin(v: number) { this.setMargin("footer", "footerMargin", v); }

  get orientation(): PageLayoutModel["orientation"] { return this.read("orientation"); }
  set orientation(v: PageLayoutModel["orientation"]) { this.setProperty("orientation", v, (s) => (s.pageLayout.orientation = checkEnum(PAGE_ORIENTATIONS, v, "PageLayout.orientation"))); }
  get zoom(): PageLayoutModel["zoom"] { return this.read("zoom"); }
  set zoom(v: PageLayoutModel["zoom"]) { this.setProperty("zoom", v, (s) => (s.pageLayout.zoom = checkedZoom(v))); }
  get centerHorizontally(): boolean { return this.read("centerHorizontally"); }
  set centerHorizontally(v: boolean) { this.setProperty("centerHorizontally", v, (s) => (s.pageLayout.centerHorizontally = v)); }

  get headersFooters(): HeaderFooterGroup { return this.memo("headersFooters", () => new HeaderFooterGroup(this.context, () => this.resolve())); }

  setPrintTitleRows(rows: Range | string): void {
    this.invoke("setPrintTitleRows", typeof rows === "string" ? rows : "range", (sheet) => {
      sheet.pageLayout.printTitleRows = printAddress(this.context, sheet, rows);
    });
  }

  /**
   * ExcelApi 1.9: the sheet's print area, a null object when it has none
   * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-getprintareaornullobject-member(1)).
   */
  getPrintAreaOrNullObject(): RangeAreas {
    const areas = new RangeAreas(this.context, () => {
      const sheet = this.resolve();
      const rects = sheet ? (sheet.pageLayout.printArea?.split(",") ?? []).map((area) => resolveAddress(this.context, sheet, area.replace(/\$/g, "")).rect) : [];
      return sheet && rects.length > 0 ? { sheet, rects } : null;
    });
    return this.child(areas, "getPrintAreaOrNullObject", true);
  }

  setPrintArea(area: Range | string): void {
    this.invoke("setPrintArea", typeof area === "string" ? area : "range", (sheet) => {
      sheet.pageLayout.printArea = printAreas(this.context, sheet, area);
    });
  }
}

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9): the manual page breaks. add(range) "adds a page break
 * before the top-left cell of the range specified" (learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection).
 */
export class PageBreakCollection extends ClientObject<SheetModel> implements OfficeApi.PageBreakCollection {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "PageBreakCollection");
  }

  protected readers() {
    return {};
  }

  add(pageBreakRange: Range | string): void {
    if (typeof pageBreakRange !== "string") throw new HeadlessOfficeError("InvalidArgument", "The headless host takes the page break's range as an address.");
    this.invoke("add", pageBreakRange, (sheet) => {
      const row = resolveAddress(this.context, sheet, pageBreakRange).rect.r0;
      if (row === 0) throw new HeadlessOfficeError("InvalidArgument", "A page break cannot go before the first row.");
      sheet.pageLayout.rowBreaks = [...new Set([...(sheet.pageLayout.rowBreaks ?? []), row])].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this.invoke("removePageBreaks", null, (sheet) => {
      delete sheet.pageLayout.rowBreaks;
    });
  }
}

export class Worksheet extends ClientObject<SheetModel> implements OfficeApi.Worksheet {
  constructor(context: Context, resolver: Resolver<SheetModel>) {
    super(context, resolver, "Worksheet");
  }

  protected readers() {
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      position: (s: SheetModel) => this.context.model.sheets.indexOf(s),
      visibility: (s: SheetModel) => s.visibility,
      tabColor: (s: SheetModel) => s.tabColor,
      showGridlines: (s: SheetModel) => s.showGridlines,
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { protection: this.protection, pageLayout: this.pageLayout, tables: this.tables, charts: this.charts, names: this.names };
  }

  get name(): string { return this.read("name"); }
  set name(name: string) {
    this.setProperty("name", name, (sheet) => {
      this.context.model.assertStructureEditable();
      this.context.model.validateSheetName(name, sheet);
      sheet.name = name;
    });
  }

  get id(): string { return this.read("id"); }

  get position(): number { return this.read("position"); }
  set position(position: number) {
    this.setProperty("position", position, (sheet) => {
      this.context.model.assertStructureEditable();
      const sheets = this.context.model.sheets.filter((s) => s !== sheet);
      if (position < 0 || position > sheets.length) throw new HeadlessOfficeError("InvalidArgument");
      sheets.splice(position, 0, sheet);
      this.context.model.sheets = sheets;
    });
  }

  get visibility(): SheetVisibility { return this.read("visibility"); }
  set visibility(visibility: SheetVisibility) {
    this.setProperty("visibility", visibility, (sheet) => {
      checkEnum(SHEET_VISIBILITIES, visibility, "Worksheet.visibility");
      this.context.model.assertStructureEditable();
      if (visibility !== "Visible" && !this.context.model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new HeadlessOfficeError("InvalidOperation");
      }
      sheet.visibility = visibility;
    });
  }

  get tabColor(): string { return this.read("tabColor"); }
  set tabColor(color: string) { this.setProperty("tabColor", color, (sheet) => (sheet.tabColor = color ? normalizeColor(color) : "")); }

  get showGridlines(): boolean { return this.read("showGridlines"); }
  set showGridlines(show: boolean) { this.setProperty("showGridlines", show, (sheet) => (sheet.showGridlines = show)); }

  get protection(): WorksheetProtection { return this.memo("protection", () => new WorksheetProtection(this.context, () => this.resolve())); }
  get freezePanes(): WorksheetFreezePanes { return this.memo("freezePanes", () => new WorksheetFreezePanes(this.context, () => this.resolve())); }
  get pageLayout(): PageLayout { return this.memo("pageLayout", () => new PageLayout(this.context, () => this.resolve())); }
  get horizontalPageBreaks(): PageBreakCollection { return this.memo("horizontalPageBreaks", () => new PageBreakCollection(this.context, () => this.resolve())); }
  get tables(): TableCollection { return this.memo("tables", () => new TableCollection(this.context, () => this.resolve())); }
  get charts(): ChartCollection { return this.memo("charts", () => new ChartCollection(this.context, () => this.resolve())); }
  get names(): NamedItemCollection { return this.memo("names", () => new NamedItemCollection(this.context, () => this.resolve())); }

  activate(): void {
    this.invoke("activate", null, (sheet) => {
      if (sheet.visibility !== "Visible") throw new HeadlessOfficeError("InvalidOperation");
      this.context.model.activeSheet = sheet;
    });
  }

  delete(): void {
    this.invoke("delete", null, (sheet) => {
      this.context.model.assertStructureEditable();
      this.context.model.deleteSheet(sheet);
    });
  }

  private range(method: string, locate: (sheet: SheetModel) => ReturnType<typeof cellRef> | null, orNull = false): Range {
    return this.child(
      new Range(this.context, () => {
        const sheet = this.resolve();
        return sheet && locate(sheet);
      }),
      method,
      orNull,
    );
  }

  getRange(address?: string): Range {
    return this.range("getRange", (sheet) => {
      if (address === undefined || address === "") return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
      const { sheet: other } = splitSheet(address);
      if (other && other.toLowerCase() !== sheet.name.toLowerCase()) throw new HeadlessOfficeError("InvalidArgument");
      return resolveAddress(this.context, sheet, address);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.range("getRangeByIndexes", (sheet) => {
      if (rowCount < 1 || columnCount < 1) throw new HeadlessOfficeError("InvalidArgument");
      const ref = cellRef(sheet, startRow, startColumn);
      cellRef(sheet, startRow + rowCount - 1, startColumn + columnCount - 1);
      return { sheet, rect: { ...ref.rect, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
    });
  }

  getCell(row: number, column: number): Range {
    return this.range("getCell", (sheet) => cellRef(sheet, row, column));
  }

  /** With no used cells Office.js returns A1. */
  getUsedRange(valuesOnly = false): Range {
    return this.range("getUsedRange", (sheet) => ({ sheet, rect: sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.range("getUsedRangeOrNullObject", (sheet) => {
      const rect = sheet.usedRect(valuesOnly);
      return rect && { sheet, rect };
    }, true);
  }
}

export class WorksheetCollection extends ClientCollection<SheetModel, Worksheet> implements OfficeApi.WorksheetCollection {
  constructor(context: Context) {
    super(context, () => context.model.sheets, "WorksheetCollection");
  }

  protected lazyItem(find: () => SheetModel | null): Worksheet {
    return new Worksheet(this.context, find);
  }

  add(name?: string): Worksheet {
    const proxy = new Worksheet(this.context, () => null);
    this.invoke("add", { name }, () => {
      this.context.model.assertStructureEditable();
      proxy.bind(this.context.model.addSheet(name));
    });
    return proxy;
  }

  getItem(key: string): Worksheet {
    return this.child(this.lazyItem(() => this.find(key) ?? fail()), "getItem");
  }

  getItemOrNullObject(key: string): Worksheet {
    return this.child(this.lazyItem(() => this.find(key) ?? null), "getItemOrNullObject", true);
  }

  getActiveWorksheet(): Worksheet {
    return this.child(this.lazyItem(() => this.context.model.activeSheet ?? fail()), "getActiveWorksheet");
  }

  getFirst(visibleOnly = false): Worksheet {
    return this.child(this.lazyItem(() => this.context.model.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? fail()), "getFirst");
  }

  private find(key: string): SheetModel | undefined {
    return this.context.model.getSheet(key) ?? this.context.model.sheets.find((s) => s.id === key);
  }
}

const fail = (): never => {
  throw new HeadlessOfficeError("ItemNotFound");
};
