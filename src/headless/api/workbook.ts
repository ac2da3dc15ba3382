import { ClientObject, type Context, type ProxyNode } from "./clientObject";
import { NamedItemCollection } from "./names";
import { Range } from "./range";
import { TableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";
import type { HeadlessWorkbook } from "../model/workbook";
import { HeadlessOfficeError } from "../errors";

/** Workbook.protection (ExcelApi 1.7): https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection */
export class WorkbookProtection extends ClientObject<HeadlessWorkbook> {
  constructor(context: Context) {
    super(context, () => context.model, "WorkbookProtection");
  }

  protected readers() {
    return { protected: (model: HeadlessWorkbook) => model.protection.protected };
  }

  get protected(): boolean { return this.read("protected"); }

  /** "Fails if the workbook has been protected." */
  protect(password?: string): void {
    this.invoke("protect", { password: password ? "***" : undefined }, (model) => {
      if (model.protection.protected) throw new HeadlessOfficeError("InvalidOperation");
      model.protection = { protected: true, ...(password ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.invoke("unprotect", null, (model) => {
      const { protection } = model;
      if (!protection.protected) return;
      if ((protection.password && protection.password !== password) || (!protection.password && protection.fileAttributes && hasPassword(protection.fileAttributes))) {
        throw new HeadlessOfficeError("InvalidArgument");
      }
      model.protection = { protected: false };
    });
  }
}

/** A file's protection that carries a hash can only be lifted with the password (the host never checks hashes). */
function hasPassword(attributes: Record<string, string>): boolean {
  return Object.keys(attributes).some((key) => /password|hashvalue/i.test(key));
}

export class Workbook extends ClientObject<HeadlessWorkbook> {
  constructor(context: Context) {
    super(context, () => context.model, "Workbook");
  }

  protected readers() {
    return { readOnly: (model: HeadlessWorkbook) => model.readOnly, name: () => "Book1.xlsx" };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { worksheets: this.worksheets, tables: this.tables, names: this.names, protection: this.protection };
  }

  get readOnly(): boolean { return this.read("readOnly"); }
  get name(): string { return this.read("name"); }

  get worksheets(): WorksheetCollection { return this.memo("worksheets", () => new WorksheetCollection(this.context)); }
  get tables(): TableCollection { return this.memo("tables", () => new TableCollection(this.context)); }
  get names(): NamedItemCollection { return this.memo("names", () => new NamedItemCollection(this.context)); }
  get protection(): WorkbookProtection { return this.memo("protection", () => new WorkbookProtection(this.context)); }
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
