import type * as OfficeApi from "../../excel/officeApi";
import { absoluteRectAddress, parseRect, quoteSheetName, splitSheet } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { NameEntry } from "../model/types";
import { ClientCollection, ClientObject, type Context, type Resolver } from "./clientObject";
import { Range, type RangeRef } from "./range";

interface NameRef {
  entry: NameEntry;
  list: NameEntry[];
  sheet?: SheetModel;
}

const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function validateName(name: string): void {
  if (!DEFINED_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name) || /^[rR]\d*[cC]\d*$/.test(name)) {
    throw new HeadlessOfficeError("InvalidArgument");
  }
}

/** The range a name's formula refers to, when it is a plain "Sheet!$A$1:$B$2" reference. */
export function nameTarget(context: Context, ref: NameRef): RangeRef | null {
  const { sheet: sheetName, local } = splitSheet(ref.entry.formula.replace(/^=/, ""));
  const sheet = sheetName ? context.model.getSheet(sheetName) : ref.sheet;
  const rect = parseRect(local);
  return sheet && rect ? { sheet, rect } : null;
}

export class NamedItem extends ClientObject<NameRef> implements OfficeApi.NamedItem {
  constructor(context: Context, resolver: Resolver<NameRef>) {
    super(context, resolver, "NamedItem");
  }

  protected readers() {
    return {
      name: ({ entry }: NameRef) => entry.name,
      formula: ({ entry }: NameRef) => entry.formula,
      comment: ({ entry }: NameRef) => entry.comment,
      visible: ({ entry }: NameRef) => entry.visible,
      scope: ({ sheet }: NameRef) => (sheet ? "Worksheet" : "Workbook"),
      // Excel.NamedItemType: a name whose reference was deleted evaluates to #REF! and is of type Error.
      type: (ref: NameRef) => (ref.entry.formula.includes("#REF!") ? "Error" : nameTarget(this.context, ref) ? "Range" : "String"),
      value: ({ entry }: NameRef) => entry.formula.replace(/^=/, ""),
    };
  }

  get name(): string { return this.read("name"); }
  get formula(): string { return this.read("formula"); }
  set formula(formula: string) { this.setProperty("formula", formula, ({ entry }) => (entry.formula = formula.startsWith("=") ? formula : `=${formula}`)); }
  get comment(): string { return this.read("comment"); }
  set comment(comment: string) { this.setProperty("comment", comment, ({ entry }) => (entry.comment = comment)); }
  get visible(): boolean { return this.read("visible"); }
  set visible(visible: boolean) { this.setProperty("visible", visible, ({ entry }) => (entry.visible = visible)); }
  get scope(): string { return this.read("scope"); }
  get type(): Excel.NamedItem["type"] { return this.read("type"); }
  get value(): string { return this.read("value"); }

  getRange(): Range {
    return this.child(new Range(this.context, () => {
      const ref = this.resolve();
      return ref && (nameTarget(this.context, ref) ?? fail("InvalidOperation"));
    }), "getRange");
  }

  getRangeOrNullObject(): Range {
    return this.child(new Range(this.context, () => {
      const ref = this.resolve();
      return ref && nameTarget(this.context, ref);
    }), "getRangeOrNullObject", true);
  }

  delete(): void {
    this.invoke("delete", null, ({ entry, list }) => {
      list.splice(list.indexOf(entry), 1);
    });
  }
}

const fail = (code: "ItemNotFound" | "InvalidOperation"): never => {
  throw new HeadlessOfficeError(code);
};

/** Workbook.names (workbook scope) or Worksheet.names (sheet scope). */
export class NamedItemCollection extends ClientCollection<NameRef, NamedItem> implements OfficeApi.NamedItemCollection {
  constructor(context: Context, private readonly sheet?: Resolver<SheetModel>) {
    super(context, () => {
      const scope = sheet ? sheet() : undefined;
      if (scope === null) return null;
      const list = scope ? scope.names : context.model.names;
      return list.map((entry) => ({ entry, list, sheet: scope }));
    }, "NamedItemCollection");
  }

  protected lazyItem(find: () => NameRef | null): NamedItem {
    return new NamedItem(this.context, find);
  }

  private find(name: string): NameRef | null {
    return this.resolve()?.find((ref) => ref.entry.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): NamedItem {
    return this.child(this.lazyItem(() => this.find(name) ?? fail("ItemNotFound")), "getItem");
  }

  getItemOrNullObject(name: string): NamedItem {
    return this.child(this.lazyItem(() => this.find(name)), "getItemOrNullObject", true);
  }

  add(name: string, reference: Range | string, comment = ""): NamedItem {
    const proxy = new NamedItem(this.context, () => null);
    this.invoke("add", { name, reference: typeof reference === "string" ? reference : "range", comment }, () => {
      const scope = this.sheet ? this.sheet() : undefined;
      if (scope === null) return;
      validateName(name);
      const list = scope ? scope.names : this.context.model.names;
      const taken = scope ? list.some((e) => e.name.toLowerCase() === name.toLowerCase()) : this.context.model.isNameTaken(name);
      if (taken) throw new HeadlessOfficeError("ItemAlreadyExists");
      const entry: NameEntry = { name, formula: this.formulaOf(reference), comment, visible: true };
      list.push(entry);
      proxy.bind({ entry, list, sheet: scope });
    });
    return proxy;
  }

  private formulaOf(reference: Range | string): string {
    if (typeof reference === "string") return reference.startsWith("=") ? reference : `=${reference}`;
    const ref = reference.resolve() ?? fail("ItemNotFound");
    return `=${quoteSheetName(ref.sheet.name)}!${absoluteRectAddress(ref.rect)}`;
  }
}
