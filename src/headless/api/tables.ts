import type * as OfficeApi from "../../excel/officeApi";
import { parseRect, rectAddress } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import { assertEditable, writeCells } from "../model/cells";
import type { SheetModel } from "../model/sheet";
import type { TableModel } from "../model/table";
import {
  addTableColumn,
  addTableRows,
  createTable,
  deleteTableColumn,
  deleteTableRow,
  reapplyFilters,
  renameTable,
  renameTableColumn,
  rewriteReferencesToRange,
  validateTableName,
  writeTableRow,
} from "../model/tableOps";
import { ClientCollection, ClientObject, type Context, type Resolver, type ProxyNode } from "./clientObject";
import { Range, type RangeRef, resolveAddress } from "./range";
import { Worksheet } from "./worksheet";

interface ColumnRef {
  table: TableModel;
  index: number;
}

interface RowRef {
  table: TableModel;
  index: number;
}

const notFound = (): never => {
  throw new HeadlessOfficeError("ItemNotFound");
};

function rangeProxy<M>(context: Context, owner: ClientObject<M>, locate: (model: M) => RangeRef | null): Range {
  return new Range(context, () => {
    const model = owner.resolve();
    return model && locate(model);
  });
}

/** @types/office-js also lets `values` be one value; the host takes the 2D array the documentation describes. */
function gridArgument(values: OfficeApi.CellGrid | boolean | string | number | undefined, method: string): unknown[][] | undefined {
  if (values === undefined || Array.isArray(values)) return values;
  throw new HeadlessOfficeError("InvalidArgument", `${method} takes values as a 2D array (one inner array per row).`);
}

export class Filter extends ClientObject<ColumnRef> implements OfficeApi.Filter {
  constructor(context: Context, resolver: Resolver<ColumnRef>) {
    super(context, resolver, "Filter");
  }

  protected readers() {
    return {
      criteria: ({ table, index }: ColumnRef) => {
        const values = table.filters.get(index);
        return values ? { filterOn: "Values", values: [...values] } : null;
      },
    };
  }

  get criteria(): { filterOn: string; values: string[] } | null { return this.read("criteria"); }

  applyValuesFilter(values: Array<string | { date: string; specificity: string }>): void {
    this.invoke("applyValuesFilter", values, ({ table, index }) => {
      table.filters.set(index, values.map((v) => (typeof v === "string" ? v : v.date)));
      reapplyFilters(table);
    });
  }

  apply(criteria: { filterOn: string; values?: string[] }): void {
    if (criteria.filterOn !== "Values" || !criteria.values) throw new HeadlessOfficeError("InvalidArgument", "Only values filters are supported by the headless host.");
    this.applyValuesFilter(criteria.values);
  }

  clear(): void {
    this.invoke("clear", null, ({ table, index }) => {
      table.filters.delete(index);
      reapplyFilters(table);
    });
  }
}

/** Table.autoFilter (values filters only). */
export class TableAutoFilter extends ClientObject<TableModel> {
  constructor(context: Context, resolver: Resolver<TableModel>) {
    super(context, resolver, "AutoFilter");
  }

  protected readers() {
    return {
      enabled: (table: TableModel) => table.showFilterButton,
      isDataFiltered: (table: TableModel) => table.filters.size > 0,
      criteria: (table: TableModel) => table.columnIds.map((_id, index) => {
        const values = table.filters.get(index);
        return values ? { filterOn: "Values", values: [...values] } : {};
      }),
    };
  }

  get enabled(): boolean { return this.read("enabled"); }
  get isDataFiltered(): boolean { return this.read("isDataFiltered"); }
  get criteria(): Array<{ filterOn?: string; values?: string[] }> { return this.read("criteria"); }

  /** The range argument is ignored: a table's filter always covers the table. */
  apply(_range: Range | string, columnIndex?: number, criteria?: { filterOn: string; values?: string[] }): void {
    if (columnIndex === undefined || !criteria) return;
    if (criteria.filterOn !== "Values" || !criteria.values) throw new HeadlessOfficeError("InvalidArgument", "Only values filters are supported by the headless host.");
    const values = criteria.values;
    this.invoke("apply", { columnIndex, criteria }, (table) => {
      if (columnIndex < 0 || columnIndex >= table.columnCount) throw new HeadlessOfficeError("InvalidArgument");
      table.filters.set(columnIndex, values);
      reapplyFilters(table);
    });
  }

  clearCriteria(): void {
    this.invoke("clearCriteria", null, (table) => {
      table.filters.clear();
      reapplyFilters(table);
    });
  }

  reapply(): void {
    this.invoke("reapply", null, (table) => reapplyFilters(table));
  }
}

export class TableColumn extends ClientObject<ColumnRef> implements OfficeApi.TableColumn {
  constructor(context: Context, resolver: Resolver<ColumnRef>) {
    super(context, resolver, "TableColumn");
  }

  protected readers() {
    return {
      id: ({ table, index }: ColumnRef) => table.columnIds[index],
      index: ({ index }: ColumnRef) => index,
      name: ({ table, index }: ColumnRef) => table.columnNames()[index],
      values: ({ table, index }: ColumnRef) => table.sheet.valuesOf(rectAddress({ ...table.rect, c0: table.rect.c0 + index, c1: table.rect.c0 + index })),
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { filter: this.filter };
  }

  get id(): number { return this.read("id"); }
  get index(): number { return this.read("index"); }
  get name(): string { return this.read("name"); }
  set name(name: string) { this.setProperty("name", name, ({ table, index }) => renameTableColumn(table, index, name, this.context.model)); }
  get values(): unknown[][] { return this.read("values"); }
  set values(values: unknown[][]) {
    this.setProperty("values", values, ({ table, index }) => {
      if (values.length !== table.rect.r1 - table.rect.r0 + 1) throw new HeadlessOfficeError("InvalidArgument");
      const column = { ...table.rect, c0: table.rect.c0 + index, c1: table.rect.c0 + index };
      assertEditable(table.sheet, column, "content");
      renameTableColumn(table, index, String(values[0][0]), this.context.model);
      writeCells(table.sheet, { ...column, r0: column.r0 + 1 }, values.slice(1));
    });
  }

  get filter(): Filter { return this.memo("filter", () => new Filter(this.context, () => this.resolve())); }

  private columnRange(method: string, rows: (table: TableModel) => { r0: number; r1: number }): Range {
    return this.child(rangeProxy(this.context, this, ({ table, index }) => ({
      sheet: table.sheet,
      rect: { ...rows(table), c0: table.rect.c0 + index, c1: table.rect.c0 + index },
    })), method);
  }

  getRange(): Range { return this.columnRange("getRange", (t) => t.rect); }
  getDataBodyRange(): Range { return this.columnRange("getDataBodyRange", (t) => t.bodyRect); }
  getHeaderRowRange(): Range { return this.columnRange("getHeaderRowRange", (t) => ({ r0: t.rect.r0, r1: t.rect.r0 })); }
  getTotalRowRange(): Range { return this.columnRange("getTotalRowRange", (t) => (t.showTotals ? { r0: t.rect.r1, r1: t.rect.r1 } : notFound())); }

  delete(): void {
    this.invoke("delete", null, ({ table, index }) => deleteTableColumn(this.context.model, table, index));
  }
}

export class TableColumnCollection extends ClientCollection<ColumnRef, TableColumn> implements OfficeApi.TableColumnCollection {
  constructor(context: Context, private readonly table: Resolver<TableModel>) {
    super(context, () => {
      const model = table();
      return model && model.columnIds.map((_id, index) => ({ table: model, index }));
    }, "TableColumnCollection");
  }

  protected lazyItem(find: () => ColumnRef | null): TableColumn {
    return new TableColumn(this.context, find);
  }

  private find(key: string | number): ColumnRef | null {
    const table = this.table();
    if (!table) return null;
    const index = typeof key === "number" ? table.columnIds.indexOf(key) : table.columnIndexOf(key);
    return index >= 0 ? { table, index } : null;
  }

  getItem(key: string | number): TableColumn {
    return this.child(this.lazyItem(() => this.find(key) ?? notFound()), "getItem");
  }

  getItemOrNullObject(key: string | number): TableColumn {
    return this.child(this.lazyItem(() => this.find(key)), "getItemOrNullObject", true);
  }

  add(index?: number | null, values?: OfficeApi.CellGrid | boolean | string | number, name?: string): TableColumn {
    const proxy = new TableColumn(this.context, () => null);
    this.invoke("add", { index, values, name }, () => {
      const table = this.table();
      if (!table) return;
      addTableColumn(this.context.model, table, index, gridArgument(values, "TableColumnCollection.add"), name);
      proxy.bind({ table, index: index ?? table.columnCount - 1 });
    });
    return proxy;
  }
}

export class TableRow extends ClientObject<RowRef> implements OfficeApi.TableRow {
  constructor(context: Context, resolver: Resolver<RowRef>) {
    super(context, resolver, "TableRow");
  }

  protected readers() {
    return {
      index: ({ index }: RowRef) => index,
      values: ({ table, index }: RowRef) => table.sheet.valuesOf(rectAddress({ ...table.rect, r0: table.bodyRect.r0 + index, r1: table.bodyRect.r0 + index })),
    };
  }

  get index(): number { return this.read("index"); }
  get values(): unknown[][] { return this.read("values"); }
  set values(values: unknown[][]) {
    this.setProperty("values", values, ({ table, index }) => writeTableRow(table, table.bodyRect.r0 + index, values));
  }

  getRange(): Range {
    return this.child(rangeProxy(this.context, this, ({ table, index }) => ({
      sheet: table.sheet,
      rect: { ...table.rect, r0: table.bodyRect.r0 + index, r1: table.bodyRect.r0 + index },
    })), "getRange");
  }

  delete(): void {
    this.invoke("delete", null, ({ table, index }) => deleteTableRow(this.context.model, table, index));
  }
}

export class TableRowCollection extends ClientCollection<RowRef, TableRow> implements OfficeApi.TableRowCollection {
  constructor(context: Context, private readonly table: Resolver<TableModel>) {
    super(context, () => {
      const model = table();
      return model && Array.from({ length: model.bodyRowCount }, (_v, index) => ({ table: model, index }));
    }, "TableRowCollection");
  }

  protected lazyItem(find: () => RowRef | null): TableRow {
    return new TableRow(this.context, find);
  }

  /** Rows are always inserted (Office.js alwaysInsert = true); `_alwaysInsert` is accepted for signature parity. */
  add(index?: number | null, values?: OfficeApi.CellGrid | boolean | string | number, _alwaysInsert?: boolean): TableRow {
    const proxy = new TableRow(this.context, () => null);
    this.invoke("add", { index, values }, () => {
      const table = this.table();
      if (!table) return;
      addTableRows(this.context.model, table, index, gridArgument(values, "TableRowCollection.add"));
      proxy.bind({ table, index: index ?? table.bodyRowCount - 1 });
    });
    return proxy;
  }
}

export class Table extends ClientObject<TableModel> implements OfficeApi.Table {
  constructor(context: Context, resolver: Resolver<TableModel>) {
    super(context, resolver, "Table");
  }

  protected readers() {
    return {
      name: (t: TableModel) => t.name,
      id: (t: TableModel) => t.id,
      style: (t: TableModel) => t.style,
      showHeaders: (t: TableModel) => t.showHeaders,
      showTotals: (t: TableModel) => t.showTotals,
      showBandedRows: (t: TableModel) => t.showBandedRows,
      showBandedColumns: (t: TableModel) => t.showBandedColumns,
      showFilterButton: (t: TableModel) => t.showFilterButton,
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { columns: this.columns, rows: this.rows, worksheet: this.worksheet, autoFilter: this.autoFilter };
  }

  get name(): string { return this.read("name"); }
  set name(name: string) {
    this.setProperty("name", name, (table) => {
      validateTableName(this.context.model, name, table);
      renameTable(this.context.model, table, name);
    });
  }

  get id(): string { return this.read("id"); }
  get style(): string { return this.read("style"); }
  set style(style: string) { this.setProperty("style", style, (t) => (t.style = style)); }
  get showHeaders(): boolean { return this.read("showHeaders"); }
  get showBandedRows(): boolean { return this.read("showBandedRows"); }
  set showBandedRows(v: boolean) { this.setProperty("showBandedRows", v, (t) => (t.showBandedRows = v)); }
  get showBandedColumns(): boolean { return this.read("showBandedColumns"); }
  set showBandedColumns(v: boolean) { this.setProperty("showBandedColumns", v, (t) => (t.showBandedColumns = v)); }
  get showFilterButton(): boolean { return this.read("showFilterButton"); }
  set showFilterButton(v: boolean) { this.setProperty("showFilterButton", v, (t) => (t.showFilterButton = v)); }
  get showTotals(): boolean { return this.read("showTotals"); }
  set showTotals(show: boolean) {
    this.setProperty("showTotals", show, (t) => {
      if (t.showTotals === show) return;
      t.rect = { ...t.rect, r1: t.rect.r1 + (show ? 1 : -1) };
      t.showTotals = show;
    });
  }

  get columns(): TableColumnCollection { return this.memo("columns", () => new TableColumnCollection(this.context, () => this.resolve())); }
  get rows(): TableRowCollection { return this.memo("rows", () => new TableRowCollection(this.context, () => this.resolve())); }
  get worksheet(): Worksheet { return this.memo("worksheet", () => new Worksheet(this.context, () => this.resolve()?.sheet ?? null)); }
  get autoFilter(): TableAutoFilter { return this.memo("autoFilter", () => new TableAutoFilter(this.context, () => this.resolve())); }

  private tableRange(method: string, rows: (table: TableModel) => { r0: number; r1: number }): Range {
    return this.child(rangeProxy(this.context, this, (table) => ({ sheet: table.sheet, rect: { ...table.rect, ...rows(table) } })), method);
  }

  getRange(): Range { return this.tableRange("getRange", (t) => t.rect); }
  getHeaderRowRange(): Range { return this.tableRange("getHeaderRowRange", (t) => ({ r0: t.rect.r0, r1: t.rect.r0 })); }
  getDataBodyRange(): Range { return this.tableRange("getDataBodyRange", (t) => t.bodyRect); }
  getTotalRowRange(): Range { return this.tableRange("getTotalRowRange", (t) => (t.showTotals ? { r0: t.rect.r1, r1: t.rect.r1 } : notFound())); }

  clearFilters(): void {
    this.invoke("clearFilters", null, (table) => {
      table.filters.clear();
      reapplyFilters(table);
    });
  }

  reapplyFilters(): void {
    this.invoke("reapplyFilters", null, (table) => reapplyFilters(table));
  }

  delete(): void {
    this.invoke("delete", null, (table) => {
      for (const { row, col } of [...table.sheet.cellsIn(table.rect)]) table.sheet.deleteCell(row, col);
      this.remove(table);
    });
  }

  convertToRange(): Range {
    const range = rangeProxy(this.context, this, (table) => ({ sheet: table.sheet, rect: table.rect }));
    this.invoke("convertToRange", null, (table) => {
      range.resolve();
      rewriteReferencesToRange(this.context.model, table);
      this.remove(table);
    });
    return range;
  }

  private remove(table: TableModel): void {
    for (let row = table.bodyRect.r0; row <= table.bodyRect.r1; row++) table.sheet.hiddenRows.delete(row);
    this.context.model.tables = this.context.model.tables.filter((t) => t !== table);
  }
}

/** Workbook.tables (sheet undefined) or Worksheet.tables. */
export class TableCollection extends ClientCollection<TableModel, Table> implements OfficeApi.TableCollection {
  constructor(context: Context, private readonly sheet?: Resolver<SheetModel>) {
    super(context, () => {
      if (!sheet) return context.model.tables;
      const model = sheet();
      return model && context.model.tablesOn(model);
    }, "TableCollection");
  }

  protected lazyItem(find: () => TableModel | null): Table {
    return new Table(this.context, find);
  }

  private find(key: string): TableModel | null {
    const table = this.context.model.getTable(key);
    return table && (this.resolve()?.includes(table) ?? false) ? table : null;
  }

  getItem(key: string): Table {
    return this.child(this.lazyItem(() => this.find(key) ?? notFound()), "getItem");
  }

  getItemOrNullObject(key: string): Table {
    return this.child(this.lazyItem(() => this.find(key)), "getItemOrNullObject", true);
  }

  add(address: Range | string, hasHeaders: boolean): Table {
    const proxy = new Table(this.context, () => null);
    this.invoke("add", { address: typeof address === "string" ? address : "range", hasHeaders }, () => {
      const ref = this.locate(address);
      proxy.bind(createTable(this.context.model, ref.sheet, ref.rect, hasHeaders));
    });
    return proxy;
  }

  private locate(address: Range | string): RangeRef {
    if (typeof address !== "string") return address.resolve() ?? notFound();
    const sheet = this.sheet?.() ?? this.context.model.activeSheet ?? notFound();
    if (!address.includes("!") && !parseRect(address)) throw new HeadlessOfficeError("InvalidArgument");
    return resolveAddress(this.context, sheet, address);
  }
}
