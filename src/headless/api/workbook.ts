import { ClientObject, type Context, type ProxyNode } from "./clientObject";
import { NamedItemCollection } from "./names";
import { Range } from "./range";
import { TableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";
import type { HeadlessWorkbook } from "../model/workbook";
import { HeadlessOfficeError } from "../errors";

export class Workbook extends ClientObject<HeadlessWorkbook> {
  constructor(context: Context) {
    super(context, () => context.model, "Workbook");
  }

  protected readers() {
    return { readOnly: (model: HeadlessWorkbook) => model.readOnly, name: () => "Book1.xlsx" };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { worksheets: this.worksheets, tables: this.tables, names: this.names };
  }

  get readOnly(): boolean { return this.read("readOnly"); }
  get name(): string { return this.read("name"); }

  get worksheets(): WorksheetCollection { return this.memo("worksheets", () => new WorksheetCollection(this.context)); }
  get tables(): TableCollection { return this.memo("tables", () => new TableCollection(this.context)); }
  get names(): NamedItemCollection { return this.memo("names", () => new NamedItemCollection(this.context)); }
  get application(): Context["application"] { return this.context.application; }

  /** The selection, or A1 of the active sheet when nothing was selected. */
  getSelectedRange(): Range {
    return this.selected("getSelectedRange", false);
  }

  getActiveCell(): Range {
    return this.selected("getActiveCell", true);
  }

  private selected(method: string, topLeftOnly: boolean): Range {
    const model = this.context.model;
    const range = new Range(this.context, () => {
      const selection = model.selection ?? (model.activeSheet && { sheet: model.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
      if (!selection) throw new HeadlessOfficeError("ItemNotFound");
      return topLeftOnly ? { sheet: selection.sheet, rect: { ...selection.rect, r1: selection.rect.r0, c1: selection.rect.c0 } } : selection;
    });
    return this.child(range, method);
  }
}
