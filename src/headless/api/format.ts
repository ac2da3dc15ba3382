import { MAX_COLUMNS, MAX_ROWS, type Rect, rectColumns, rectRows } from "../addresses";
import { checkEnum, HORIZONTAL_ALIGNMENTS, VERTICAL_ALIGNMENTS } from "./enums";
import { normalizeColor } from "../colors";
import { HeadlessOfficeError } from "../errors";
import { assertEditable, displayText, type EditKind } from "../model/cells";
import { DEFAULT_COLUMN_WIDTH, type SheetModel } from "../model/sheet";
import type { BorderStyle, CellStyle } from "../model/types";
import { ClientCollection, ClientObject, type Context, type Resolver, type ProxyNode } from "./clientObject";
import type { RangeRef } from "./range";

/** The common value of a style property over a range, or null when cells differ (as Office.js). */
function uniform<T>(ref: RangeRef, get: (style: CellStyle | undefined) => T): T | null {
  const seen = new Set<T>();
  let count = 0;
  for (const { cell } of ref.sheet.cellsIn(ref.rect)) {
    seen.add(get(cell.style));
    count++;
    if (seen.size > 1) return null;
  }
  if (count < rectRows(ref.rect) * rectColumns(ref.rect)) seen.add(get(undefined));
  return seen.size === 1 ? [...seen][0] : null;
}

/** A proxy over the style of a range's cells. */
abstract class StyleProxy extends ClientObject<RangeRef> {
  constructor(context: Context, resolver: Resolver<RangeRef>, typeName: string) {
    super(context, resolver, typeName);
  }

  protected setStyle<T>(property: string, value: T, change: (style: CellStyle, value: T) => void, kind: EditKind = "format"): void {
    this.setProperty(property, value, (ref) => {
      assertEditable(ref.sheet, ref.rect, kind);
      ref.sheet.updateStyle(ref.rect, (style) => change(style, value));
    });
  }
}

export class RangeFill extends StyleProxy {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "RangeFill");
  }

  protected readers() {
    return { color: (ref: RangeRef) => uniform(ref, (s) => s?.fillColor ?? "#FFFFFF") };
  }

  get color(): string { return this.read("color"); }
  set color(color: string) {
    this.setStyle("color", normalizeColor(color), (style, value) => (style.fillColor = value));
  }

  clear(): void {
    this.invoke("clear", null, (ref) => {
      assertEditable(ref.sheet, ref.rect, "format");
      for (const { cell } of ref.sheet.cellsIn(ref.rect)) if (cell.style) cell.style = { ...cell.style, fillColor: undefined };
    });
  }
}

export class RangeFont extends StyleProxy {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "RangeFont");
  }

  protected readers() {
    return {
      bold: (ref: RangeRef) => uniform(ref, (s) => s?.fontBold ?? false),
      italic: (ref: RangeRef) => uniform(ref, (s) => s?.fontItalic ?? false),
      color: (ref: RangeRef) => uniform(ref, (s) => s?.fontColor ?? "#000000"),
      size: (ref: RangeRef) => uniform(ref, (s) => s?.fontSize ?? 11),
      name: (ref: RangeRef) => uniform(ref, (s) => s?.fontName ?? "Calibri"),
      underline: (ref: RangeRef) => uniform(ref, (s) => s?.fontUnderline ?? "None"),
    };
  }

  get bold(): boolean { return this.read("bold"); }
  set bold(v: boolean) { this.setStyle("bold", v, (s, x) => (s.fontBold = x)); }
  get italic(): boolean { return this.read("italic"); }
  set italic(v: boolean) { this.setStyle("italic", v, (s, x) => (s.fontItalic = x)); }
  get color(): string { return this.read("color"); }
  set color(v: string) { this.setStyle("color", normalizeColor(v), (s, x) => (s.fontColor = x)); }
  get size(): number { return this.read("size"); }
  set size(v: number) { this.setStyle("size", v, (s, x) => (s.fontSize = x)); }
  get name(): string { return this.read("name"); }
  set name(v: string) { this.setStyle("name", v, (s, x) => (s.fontName = x)); }
  get underline(): string { return this.read("underline"); }
  set underline(v: string) { this.setStyle("underline", v, (s, x) => (s.fontUnderline = x)); }
}

export class FormatProtection extends StyleProxy {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "FormatProtection");
  }

  protected readers() {
    return { locked: (ref: RangeRef) => uniform(ref, (s) => s?.locked ?? true) };
  }

  get locked(): boolean { return this.read("locked"); }
  set locked(v: boolean) { this.setStyle("locked", v, (s, x) => (s.locked = x)); }
}

export type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
const borderIndexes: BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];
type BorderSide = "borderTop" | "borderBottom" | "borderLeft" | "borderRight";

/** Which cells of the range carry a border index, and on which side of each cell. */
function borderTarget(rect: Rect, index: BorderIndex): { rect: Rect; side: BorderSide } | null {
  switch (index) {
    case "EdgeTop": return { rect: { ...rect, r1: rect.r0 }, side: "borderTop" };
    case "EdgeBottom": return { rect: { ...rect, r0: rect.r1 }, side: "borderBottom" };
    case "EdgeLeft": return { rect: { ...rect, c1: rect.c0 }, side: "borderLeft" };
    case "EdgeRight": return { rect: { ...rect, c0: rect.c1 }, side: "borderRight" };
    case "InsideHorizontal": return rect.r1 > rect.r0 ? { rect: { ...rect, r1: rect.r1 - 1 }, side: "borderBottom" } : null;
    case "InsideVertical": return rect.c1 > rect.c0 ? { rect: { ...rect, c1: rect.c1 - 1 }, side: "borderRight" } : null;
  }
}

const noBorder: BorderStyle = { style: "None", color: "#000000", weight: "Thin" };

export class RangeBorder extends ClientObject<{ ref: RangeRef; index: BorderIndex }> {
  constructor(context: Context, resolver: Resolver<{ ref: RangeRef; index: BorderIndex }>) {
    super(context, resolver, "RangeBorder");
  }

  protected readers() {
    const read = (key: keyof BorderStyle) => ({ ref, index }: { ref: RangeRef; index: BorderIndex }) => {
      const target = borderTarget(ref.rect, index);
      return target ? uniform({ sheet: ref.sheet, rect: target.rect }, (s) => (s?.[target.side] ?? noBorder)[key]) : noBorder[key];
    };
    return { style: read("style"), color: read("color"), weight: read("weight"), sideIndex: ({ index }: { index: BorderIndex }) => index };
  }

  private setBorder(key: keyof BorderStyle, value: string): void {
    this.setProperty(key, value, ({ ref, index }) => {
      assertEditable(ref.sheet, ref.rect, "format");
      const target = borderTarget(ref.rect, index);
      if (!target) return;
      ref.sheet.updateStyle(target.rect, (style) => {
        style[target.side] = { ...(style[target.side] ?? { ...noBorder, style: "Continuous" }), [key]: value };
      });
    });
  }

  get style(): string { return this.read("style"); }
  set style(v: string) { this.setBorder("style", v); }
  get color(): string { return this.read("color"); }
  set color(v: string) { this.setBorder("color", normalizeColor(v)); }
  get weight(): string { return this.read("weight"); }
  set weight(v: string) { this.setBorder("weight", v); }
  get sideIndex(): string { return this.read("sideIndex"); }
}

export class RangeBorderCollection extends ClientCollection<{ ref: RangeRef; index: BorderIndex }, RangeBorder> {
  constructor(context: Context, private readonly range: Resolver<RangeRef>) {
    super(context, () => {
      const ref = range();
      return ref && borderIndexes.map((index) => ({ ref, index }));
    }, "RangeBorderCollection");
  }

  protected lazyItem(find: () => { ref: RangeRef; index: BorderIndex } | null): RangeBorder {
    return new RangeBorder(this.context, find);
  }

  getItem(index: BorderIndex): RangeBorder {
    if (!borderIndexes.includes(index)) throw new HeadlessOfficeError("InvalidArgument");
    return new RangeBorder(this.context, () => {
      const ref = this.range();
      return ref && { ref, index };
    });
  }
}

export class RangeFormat extends StyleProxy {
  constructor(context: Context, resolver: Resolver<RangeRef>) {
    super(context, resolver, "RangeFormat");
  }

  protected readers() {
    return {
      horizontalAlignment: (ref: RangeRef) => uniform(ref, (s) => s?.horizontalAlignment ?? "General"),
      verticalAlignment: (ref: RangeRef) => uniform(ref, (s) => s?.verticalAlignment ?? "Bottom"),
      wrapText: (ref: RangeRef) => uniform(ref, (s) => s?.wrapText ?? false),
      columnWidth: (ref: RangeRef) => sameOrNull(columnsOf(ref.rect).map((c) => ref.sheet.columnWidth(c))),
      rowHeight: (ref: RangeRef) => sameOrNull(rowsOf(ref.rect).map((r) => ref.sheet.rowHeight(r))),
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { fill: this.fill, font: this.font, protection: this.protection, borders: this.borders };
  }

  get fill(): RangeFill { return this.memo("fill", () => new RangeFill(this.context, () => this.resolve())); }
  get font(): RangeFont { return this.memo("font", () => new RangeFont(this.context, () => this.resolve())); }
  get protection(): FormatProtection { return this.memo("protection", () => new FormatProtection(this.context, () => this.resolve())); }
  get borders(): RangeBorderCollection { return this.memo("borders", () => new RangeBorderCollection(this.context, () => this.resolve())); }

  get horizontalAlignment(): string { return this.read("horizontalAlignment"); }
  set horizontalAlignment(v: string) { this.setStyle("horizontalAlignment", v, (s, x) => (s.horizontalAlignment = checkEnum(HORIZONTAL_ALIGNMENTS, x, "horizontalAlignment"))); }
  get verticalAlignment(): string { return this.read("verticalAlignment"); }
  set verticalAlignment(v: string) { this.setStyle("verticalAlignment", v, (s, x) => (s.verticalAlignment = checkEnum(VERTICAL_ALIGNMENTS, x, "verticalAlignment"))); }
  get wrapText(): boolean { return this.read("wrapText"); }
  set wrapText(v: boolean) { this.setStyle("wrapText", v, (s, x) => (s.wrapText = x)); }

  get columnWidth(): number { return this.read("columnWidth"); }
  set columnWidth(points: number) {
    this.setProperty("columnWidth", points, (ref) => {
      assertEditable(ref.sheet, ref.rect, "formatColumns");
      for (const col of columnsOf(ref.rect)) ref.sheet.columnWidths.set(col, points);
    });
  }

  get rowHeight(): number { return this.read("rowHeight"); }
  set rowHeight(points: number) {
    this.setProperty("rowHeight", points, (ref) => {
      assertEditable(ref.sheet, ref.rect, "formatRows");
      for (const row of rowsOf(ref.rect)) ref.sheet.rowHeights.set(row, points);
    });
  }

  /** Width from the longest displayed text in each column (about 7 px per character at Calibri 11). */
  autofitColumns(): void {
    this.invoke("autofitColumns", null, (ref) => {
      assertEditable(ref.sheet, ref.rect, "formatColumns");
      const longest = new Map<number, number>();
      for (const { col, cell } of ref.sheet.cellsIn(ref.rect)) {
        longest.set(col, Math.max(longest.get(col) ?? 0, displayText(cell.value).length));
      }
      for (const col of columnsOf(ref.rect, ref.sheet)) {
        const chars = longest.get(col) ?? 0;
        ref.sheet.columnWidths.set(col, chars === 0 ? DEFAULT_COLUMN_WIDTH : Math.round(((chars * 7 + 10) * 0.75) * 100) / 100);
      }
    });
  }

  autofitRows(): void {
    this.invoke("autofitRows", null, (ref) => {
      for (const row of rowsOf(ref.rect, ref.sheet)) ref.sheet.rowHeights.delete(row);
    });
  }
}

function sameOrNull(values: number[]): number | null {
  return values.every((v) => v === values[0]) ? values[0] : null;
}

/** Column indexes of a rect; whole-row rects are clipped to the used area. */
function columnsOf(rect: Rect, sheet?: SheetModel): number[] {
  const last = rect.c1 === MAX_COLUMNS - 1 && sheet ? Math.max(rect.c0, sheet.usedRect(false)?.c1 ?? rect.c0) : Math.min(rect.c1, rect.c0 + 16383);
  const cols: number[] = [];
  for (let c = rect.c0; c <= last; c++) cols.push(c);
  return cols;
}

function rowsOf(rect: Rect, sheet?: SheetModel): number[] {
  const last = rect.r1 === MAX_ROWS - 1 && sheet ? Math.max(rect.r0, sheet.usedRect(false)?.r1 ?? rect.r0) : rect.r1;
  const rows: number[] = [];
  for (let r = rect.r0; r <= last; r++) rows.push(r);
  return rows;
}
