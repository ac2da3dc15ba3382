/**
 * A worksheet part as an ordered list of its top-level elements, so the ones the add-in owns can be
 * replaced while everything else (hyperlinks, legacyDrawing, extLst, mc:AlternateContent, ...)
 * stays byte for byte, and new elements land where CT_Worksheet (ECMA-376 §18.3.1.99) wants them.
 */
import { childSpans, rootSpan, textOf, type Span } from "./xmlSpans";

export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
] as const;

export type WorksheetElement = (typeof WORKSHEET_ORDER)[number];

const ORDER = new Map<string, number>(WORKSHEET_ORDER.map((name, index) => [name, index]));

interface Entry {
  local: string;
  order: number;
  text: string;
  span?: Span;
}

export class WorksheetParts {
  private entries: Entry[];
  readonly root: Span;

  constructor(readonly source: string) {
    this.root = rootSpan(source);
    let order = -1;
    this.entries = childSpans(source, this.root).map((span) => {
      // An element the schema does not list (mc:AlternateContent) keeps its place after the known one before it.
      const known = ORDER.get(span.local);
      order = known ?? order + 0.001;
      return { local: span.local, order, text: textOf(source, span), span };
    });
  }

  /** The prefix the worksheet's elements carry ("x:" or ""). */
  get prefix(): string {
    return this.root.name.includes(":") ? this.root.name.slice(0, this.root.name.indexOf(":") + 1) : "";
  }

  get(local: WorksheetElement): Entry[] {
    return this.entries.filter((e) => e.local === local);
  }

  first(local: WorksheetElement): Entry | undefined {
    return this.entries.find((e) => e.local === local);
  }

  /** Replaces every element named `local` by `texts` (none: removes them). */
  replace(local: WorksheetElement, texts: string[]): void {
    const order = ORDER.get(local) as number;
    const at = this.entries.findIndex((e) => e.local === local);
    this.entries = this.entries.filter((e) => e.local !== local);
    const added = texts.filter((t) => t !== "").map((text) => ({ local, order, text }));
    if (at >= 0) this.entries.splice(at, 0, ...added);
    else {
      const before = this.entries.findIndex((e) => e.order > order);
      this.entries.splice(before < 0 ? this.entries.length : before, 0, ...added);
    }
  }

  toString(): string {
    const head = this.source.slice(0, this.root.openEnd);
    if (this.root.selfClosing) {
      return `${head.slice(0, -2)}>${this.entries.map((e) => e.text).join("")}</${this.root.name}>${this.source.slice(this.root.end)}`;
    }
    const closeAt = this.source.lastIndexOf("<", this.root.end - 1);
    return `${head}${this.entries.map((e) => e.text).join("")}${this.source.slice(closeAt)}`;
  }
}
