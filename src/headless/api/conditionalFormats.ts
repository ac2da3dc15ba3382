import { intersectRects } from "../addresses";
import { checkEnum, CONDITIONAL_FORMAT_TYPES } from "./enums";
import { trimConditionalFormats } from "../model/conditionalFormatTrim";
import { normalizeColor } from "../colors";
import { HeadlessOfficeError } from "../errors";
import { assertEditable } from "../model/cells";
import type { SheetModel } from "../model/sheet";
import type { ConditionalFormatEntry } from "../model/types";
import { ClientCollection, ClientObject, type Context, type Resolver, type ProxyNode } from "./clientObject";
import { Range, type RangeRef } from "./range";

interface Bound {
  sheet: SheetModel;
  entry: ConditionalFormatEntry;
}

/** Base for the sub-objects of a conditional format; all of them edit the same entry. */
abstract class EntryPart extends ClientObject<Bound> {
  constructor(context: Context, resolver: Resolver<Bound>, typeName: string) {
    super(context, resolver, typeName);
  }

  protected change<T>(property: string, value: T, apply: (entry: ConditionalFormatEntry) => void): void {
    this.setProperty(property, value, ({ entry }) => apply(entry));
  }

  protected part<P>(create: (context: Context, resolver: Resolver<Bound>) => P): P {
    return create(this.context, () => this.resolve());
  }
}

export class ConditionalFill extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "ConditionalRangeFill"); }
  protected readers() { return { color: ({ entry }: Bound) => entry.style.fillColor ?? null }; }
  get color(): string { return this.read("color"); }
  set color(v: string) { this.change("color", normalizeColor(v), (e) => (e.style.fillColor = normalizeColor(v))); }
  clear(): void { this.invoke("clear", null, ({ entry }) => delete entry.style.fillColor); }
}

export class ConditionalFont extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "ConditionalRangeFont"); }
  protected readers() {
    return { color: ({ entry }: Bound) => entry.style.fontColor ?? null, bold: ({ entry }: Bound) => entry.style.fontBold ?? null };
  }
  get color(): string { return this.read("color"); }
  set color(v: string) { this.change("color", v, (e) => (e.style.fontColor = normalizeColor(v))); }
  get bold(): boolean { return this.read("bold"); }
  set bold(v: boolean) { this.change("bold", v, (e) => (e.style.fontBold = v)); }
}

export class ConditionalRangeFormat extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "ConditionalRangeFormat"); }
  protected readers() { return {}; }
  protected override navigation(): Record<string, ProxyNode> { return { fill: this.fill, font: this.font }; }
  get fill(): ConditionalFill { return this.memo("fill", () => this.part((c, r) => new ConditionalFill(c, r))); }
  get font(): ConditionalFont { return this.memo("font", () => this.part((c, r) => new ConditionalFont(c, r))); }
}

export class ConditionalFormulaRule extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "ConditionalFormatRule"); }
  protected readers() { return { formula: ({ entry }: Bound) => entry.rule.formula ?? "" }; }
  get formula(): string { return this.read("formula"); }
  set formula(v: string) { this.change("formula", v, (e) => (e.rule.formula = v)); }
}

/** `custom`: a formula rule plus its format. */
export class CustomConditionalFormat extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "CustomConditionalFormat"); }
  protected readers() { return {}; }
  protected override navigation(): Record<string, ProxyNode> { return { rule: this.rule, format: this.format }; }
  get rule(): ConditionalFormulaRule { return this.memo("rule", () => this.part((c, r) => new ConditionalFormulaRule(c, r))); }
  get format(): ConditionalRangeFormat { return this.memo("format", () => this.part((c, r) => new ConditionalRangeFormat(c, r))); }
}

type CellValueRule = { formula1: string; formula2?: string; operator: string };
type TextRule = { operator: string; text: string };

/** `cellValue` and `textComparison`: an object-valued rule plus a format. */
export class RuleConditionalFormat<R extends CellValueRule | TextRule> extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>, typeName: string) { super(context, resolver, typeName); }
  protected readers() { return { rule: ({ entry }: Bound) => ({ ...entry.rule }) }; }
  protected override navigation(): Record<string, ProxyNode> { return { format: this.format }; }
  get format(): ConditionalRangeFormat { return this.memo("format", () => this.part((c, r) => new ConditionalRangeFormat(c, r))); }
  get rule(): R { return this.read("rule"); }
  set rule(rule: R) {
    this.change("rule", rule, (e) => {
      const values = Object.fromEntries(Object.entries(rule).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
      e.rule = values;
    });
  }
}

export class ColorScaleConditionalFormat extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "ColorScaleConditionalFormat"); }
  protected readers() { return { criteria: ({ entry }: Bound) => structuredClone(entry.colorScale ?? {}), threeColorScale: ({ entry }: Bound) => !!entry.colorScale?.midpoint }; }
  get criteria(): NonNullable<ConditionalFormatEntry["colorScale"]> { return this.read("criteria"); }
  set criteria(criteria: NonNullable<ConditionalFormatEntry["colorScale"]>) {
    this.change("criteria", criteria, (e) => {
      const normalized = structuredClone(criteria);
      for (const point of [normalized.minimum, normalized.midpoint, normalized.maximum]) if (point) point.color = normalizeColor(point.color);
      e.colorScale = normalized;
    });
  }
}

export class ConditionalFormat extends EntryPart {
  constructor(context: Context, resolver: Resolver<Bound>) { super(context, resolver, "ConditionalFormat"); }

  protected readers() {
    return {
      id: ({ entry }: Bound) => entry.id,
      type: ({ entry }: Bound) => entry.type,
      priority: ({ entry }: Bound) => entry.priority,
      stopIfTrue: ({ entry }: Bound) => entry.stopIfTrue,
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { custom: this.custom, cellValue: this.cellValue, colorScale: this.colorScale, textComparison: this.textComparison };
  }

  get id(): string { return this.read("id"); }
  get type(): string { return this.read("type"); }
  get priority(): number { return this.read("priority"); }
  set priority(v: number) { this.change("priority", v, (e) => (e.priority = v)); }
  get stopIfTrue(): boolean { return this.read("stopIfTrue"); }
  set stopIfTrue(v: boolean) { this.change("stopIfTrue", v, (e) => (e.stopIfTrue = v)); }

  get custom(): CustomConditionalFormat { return this.memo("custom", () => this.part((c, r) => new CustomConditionalFormat(c, r))); }
  get cellValue(): RuleConditionalFormat<CellValueRule> { return this.memo("cellValue", () => this.part((c, r) => new RuleConditionalFormat<CellValueRule>(c, r, "CellValueConditionalFormat"))); }
  get textComparison(): RuleConditionalFormat<TextRule> { return this.memo("textComparison", () => this.part((c, r) => new RuleConditionalFormat<TextRule>(c, r, "TextConditionalFormat"))); }
  get colorScale(): ColorScaleConditionalFormat { return this.memo("colorScale", () => this.part((c, r) => new ColorScaleConditionalFormat(c, r))); }

  getRange(): Range {
    return new Range(this.context, () => {
      const bound = this.resolve();
      return bound && { sheet: bound.sheet, rect: bound.entry.rect };
    });
  }

  delete(): void {
    this.invoke("delete", null, ({ sheet, entry }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf !== entry);
    });
  }
}

/** Range.conditionalFormats: the formats whose range intersects this range. */
export class ConditionalFormatCollection extends ClientCollection<Bound, ConditionalFormat> {
  constructor(context: Context, private readonly range: Resolver<RangeRef>) {
    super(context, () => {
      const ref = range();
      return ref && ref.sheet.conditionalFormats.filter((entry) => intersectRects(entry.rect, ref.rect)).map((entry) => ({ sheet: ref.sheet, entry }));
    }, "ConditionalFormatCollection");
  }

  protected lazyItem(find: () => Bound | null): ConditionalFormat {
    return new ConditionalFormat(this.context, find);
  }

  add(type: string): ConditionalFormat {
    const proxy = new ConditionalFormat(this.context, () => null);
    this.invoke("add", { type }, () => {
      const ref = this.range();
      if (!ref) return;
      checkEnum(CONDITIONAL_FORMAT_TYPES, type, "ConditionalFormatCollection.add type");
      assertEditable(ref.sheet, ref.rect, "format");
      const entry: ConditionalFormatEntry = {
        id: this.context.model.newId("cf"),
        rect: ref.rect,
        type,
        priority: 0,
        stopIfTrue: false,
        style: {},
        rule: {},
      };
      for (const other of ref.sheet.conditionalFormats) other.priority++;
      ref.sheet.conditionalFormats.unshift(entry);
      proxy.bind({ sheet: ref.sheet, entry });
    });
    return proxy;
  }

  getItem(id: string): ConditionalFormat {
    return this.child(
      this.lazyItem(() => {
        const found = this.resolve()?.find((bound) => bound.entry.id === id);
        if (!found) throw new HeadlessOfficeError("ItemNotFound");
        return found;
      }),
      "getItem",
    );
  }

  clearAll(): void {
    this.invoke("clearAll", null, () => {
      const ref = this.range();
      if (!ref) return;
      assertEditable(ref.sheet, ref.rect, "format");
      trimConditionalFormats(ref.sheet, ref.rect, () => this.context.model.newId("cf"));
    });
  }

}
