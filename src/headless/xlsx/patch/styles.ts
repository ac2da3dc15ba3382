/**
 * Styles for cells the add-in writes into an existing package: the generated package's cell
 * formats (and the fonts, fills, borders, number formats and differential formats they use) are
 * appended to the original styles.xml, never replacing what is there, and cell indexes are mapped
 * from the generated numbering to the original's. Identical entries are reused.
 */
import { applyEdits, attributeOf, childSpans, rootSpan, startTagOf, textOf, withAttribute, type Edit, type Span } from "./xmlSpans";

const COLLECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"] as const;
type Collection = (typeof COLLECTIONS)[number];
/** styleSheet children in schema order (ECMA-376 §18.8.39). */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface Parsed {
  source: string;
  root: Span;
  items: Record<Collection, string[]>;
  spans: Partial<Record<Collection, Span>>;
}

function parse(source: string): Parsed {
  const root = rootSpan(source);
  const items = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as string[]])) as Record<Collection, string[]>;
  const spans: Partial<Record<Collection, Span>> = {};
  for (const span of childSpans(source, root)) {
    const name = span.local as Collection;
    if (!COLLECTIONS.includes(name) || spans[name]) continue;
    spans[name] = span;
    items[name] = childSpans(source, span).map((child) => textOf(source, child));
  }
  return { source, root, items, spans };
}

/** Element names in a snippet from the generated (unprefixed) package, given the original's prefix. */
export function withPrefix(markup: string, prefix: string): string {
  return prefix === "" ? markup : markup.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}$2`);
}

const prefixOfRoot = (root: Span) => (root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "");

export class StyleMerger {
  private readonly original: Parsed | null;
  private readonly generated: Parsed;
  private readonly prefix: string;
  private readonly added: Record<Collection, string[]> = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as string[]])) as Record<Collection, string[]>;
  private readonly index = new Map<string, number>();
  private readonly xfCache = new Map<number, number>();
  private readonly dxfCache = new Map<number, number>();
  private nextNumFmtId: number;

  /** `original` null: the package had no styles part; the generated one is used as it is. */
  constructor(original: string | null, generated: string) {
    this.original = original === null ? null : parse(original);
    this.generated = parse(generated);
    this.prefix = this.original ? prefixOfRoot(this.original.root) : "";
    const ids = (this.original?.items.numFmts ?? []).map((x) => Number(attributeOf(x, "numFmtId") ?? 0));
    this.nextNumFmtId = Math.max(163, ...ids) + 1;
  }

  get changed(): boolean {
    return this.original !== null && COLLECTIONS.some((c) => this.added[c].length > 0);
  }

  /** The original's index for an entry (dedupe on exact text), appending it when new. */
  private place(collection: Collection, markup: string): number {
    const original = this.original as Parsed;
    const text = withPrefix(markup, this.prefix);
    const key = `${collection}\u0000${text}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    let at = original.items[collection].indexOf(text);
    if (at < 0) {
      at = original.items[collection].length + this.added[collection].length;
      this.added[collection].push(text);
    }
    this.index.set(key, at);
    return at;
  }

  private numFmtId(generatedId: string | undefined): string | undefined {
    if (generatedId === undefined || Number(generatedId) < 164) return generatedId;
    const generated = this.generated.items.numFmts.find((x) => attributeOf(x, "numFmtId") === generatedId);
    const code = generated && attributeOf(generated, "formatCode");
    if (code === undefined) return "0";
    const existing = [...(this.original as Parsed).items.numFmts, ...this.added.numFmts].find((x) => attributeOf(x, "formatCode") === code);
    if (existing) return attributeOf(existing, "numFmtId");
    const id = String(this.nextNumFmtId++);
    this.added.numFmts.push(withPrefix(`<numFmt numFmtId="${id}" formatCode="${code}"/>`, this.prefix));
    return id;
  }

  /** Original cellXfs index for a generated one; 0 (the workbook's default format) stays 0. */
  cellXf(generatedIndex: number): number {
    if (this.original === null || generatedIndex === 0) return generatedIndex;
    const cached = this.xfCache.get(generatedIndex);
    if (cached !== undefined) return cached;
    const xf = this.generated.items.cellXfs[generatedIndex];
    if (xf === undefined) return 0;
    const tag = xf.slice(0, xf.indexOf(">") + 1);
    let mapped = tag;
    const sub = (attribute: string, collection: Collection) => {
      const value = attributeOf(tag, attribute);
      if (value === undefined) return;
      const item = this.generated.items[collection][Number(value)];
      mapped = withAttribute(mapped, attribute, item === undefined ? "0" : String(this.place(collection, item)));
    };
    sub("fontId", "fonts");
    sub("fillId", "fills");
    sub("borderId", "borders");
    mapped = withAttribute(mapped, "numFmtId", this.numFmtId(attributeOf(tag, "numFmtId")));
    mapped = withAttribute(mapped, "xfId", attributeOf(tag, "xfId") === undefined ? undefined : "0");
    const result = this.place("cellXfs", mapped + xf.slice(tag.length));
    this.xfCache.set(generatedIndex, result);
    return result;
  }

  dxf(generatedIndex: number): number {
    if (this.original === null) return generatedIndex;
    const cached = this.dxfCache.get(generatedIndex);
    if (cached !== undefined) return cached;
    const markup = this.generated.items.dxfs[generatedIndex];
    const result = markup === undefined ? 0 : this.place("dxfs", markup);
    this.dxfCache.set(generatedIndex, result);
    return result;
  }

  /** The original styles.xml with what was appended (its bytes unchanged when nothing was). */
  result(): string {
    const original = this.original;
    if (original === null) return this.generated.source;
    if (!this.changed) return original.source;
    const edits: Edit[] = [];
    for (const collection of COLLECTIONS) {
      const extra = this.added[collection];
      if (extra.length === 0) continue;
      const span = original.spans[collection];
      const count = original.items[collection].length + extra.length;
      if (span) {
        const head = withAttribute(startTagOf(original.source, span), "count", String(count));
        const inner = span.selfClosing ? "" : original.source.slice(span.openEnd, original.source.lastIndexOf("<", span.end - 1));
        const name = span.name;
        const open = head.endsWith("/>") ? `${head.slice(0, -2)}>` : head;
        edits.push({ start: span.start, end: span.end, text: `${open}${inner}${extra.join("")}</${name}>` });
      } else {
        const name = `${this.prefix}${collection}`;
        const order = STYLESHEET_ORDER.indexOf(collection);
        const next = childSpans(original.source, original.root).find((s) => STYLESHEET_ORDER.indexOf(s.local) > order);
        const at = next ? next.start : original.source.lastIndexOf("<", original.root.end - 1);
        edits.push({ start: at, end: at, text: `<${name} count="${count}">${extra.join("")}</${name}>` });
      }
    }
    return applyEdits(original.source, edits);
  }
}
