import { HeadlessOfficeError, fail } from "../errors";
import { SheetModel } from "./sheet";
import type { TableModel } from "./table";
import type { Cell, NameEntry, WorkbookProtectionModel } from "./types";
import type { Rect } from "../addresses";
import { recalculate } from "../calc/recalculate";

/** Excel.CalculationMode subset: "Manual" leaves formula values as they are (no engine runs). */
export type CalculationMode = "Automatic" | "Manual";

/** Round trips and request payload sizes, as Excel on the web would see them. */
export class RequestStats {
  syncs = 0;
  requestBytes: number[] = [];
  /** UTF-8 size of what each sync returned (loaded properties and method results). */
  responseBytes: number[] = [];

  get largestRequestBytes(): number {
    return this.requestBytes.reduce((max, bytes) => Math.max(max, bytes), 0);
  }

  get largestResponseBytes(): number {
    return this.responseBytes.reduce((max, bytes) => Math.max(max, bytes), 0);
  }

  recordResponse(bytes: number): void {
    this.responseBytes.push(bytes);
  }

  record(bytes: number): void {
    this.syncs++;
    this.requestBytes.push(bytes);
  }

  reset(): void {
    this.syncs = 0;
    this.requestBytes = [];
    this.responseBytes = [];
  }
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

/** The in-memory workbook: the model behind every proxy, plus inspection helpers for tests. */
export class HeadlessWorkbook {
  readonly stats = new RequestStats();
  /** Workbook.readOnly (ExcelApi 1.8): when true every write fails at sync. */
  readOnly = false;
  /**
   * The user is editing a cell. Requests then fail with InvalidOperationInCellEditMode, unless
   * Excel.run was given { delayForCellEdit: true }, which waits until editing ends (Excel.RunOptions,
   * learn.microsoft.com/javascript/api/excel/excel.runoptions; error code listed in
   * application-specific-api-error-handling). Set it with startCellEdit(), clear it with endCellEdit().
   */
  cellEditMode = false;
  private cellEditEnded: Array<() => void> = [];

  startCellEdit(): void {
    this.cellEditMode = true;
  }

  endCellEdit(): void {
    this.cellEditMode = false;
    for (const resume of this.cellEditEnded.splice(0)) resume();
  }

  /** Resolves when the user leaves cell-edit mode (at once when not editing). */
  whenCellEditEnds(): Promise<void> {
    return this.cellEditMode ? new Promise((resolve) => this.cellEditEnded.push(resolve)) : Promise.resolve();
  }

  /** Workbook structure protection; sheets cannot be added, removed, renamed, moved or hidden while on. */
  protection: WorkbookProtectionModel = { protected: false };
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  readonly names: NameEntry[] = [];
  activeSheet: SheetModel | null = null;
  /**
   * Sheets whose panes were frozen while another sheet was active. Excel then reports the frozen sheet
   * as activated although the user still sees the other one (office-js #3148, open product bug), so
   * the add-in activates a sheet before freezing it; tests assert this list stays empty.
   */
  readonly frozenWhileInactive: string[] = [];
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  private nextId = 1;
  private mode: CalculationMode = "Manual";
  private calculationStale = true;
  /**
   * calcPr fullCalcOnLoad="1" in the file: Excel and LibreOffice recalculate every formula on open,
   * whatever the cached values say. Files the CLI and the demo write set it (calc/cachedValues.ts).
   */
  fullCalcOnLoad = false;
  /** The date TODAY() returns; tests pin it. */
  calculationClock: () => Date = () => new Date();

  /** "Automatic" recalculates formulas after a request writes anything; "Manual" (default) never does. */
  get calculationMode(): CalculationMode {
    return this.mode;
  }

  set calculationMode(mode: CalculationMode) {
    this.mode = mode;
    this.calculationStale = true;
  }

  /** Called after every write a request applies. */
  markContentChanged(): void {
    this.calculationStale = true;
  }

  calculateIfNeeded(): void {
    if (this.mode === "Automatic" && this.calculationStale) this.calculate();
  }

  /**
   * Recalculates every formula now, whatever the mode (Application.calculate("Full")); returns the
   * formula cells whose value is not what Excel would show (custom functions, ...), with why.
   */
  calculate(): ReadonlyMap<Cell, string> {
    const unknown = recalculate(this, this.calculationClock);
    this.calculationStale = false;
    return unknown;
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  newNumber(): number {
    return this.nextId++;
  }

  getSheet(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** The sheet or a test-friendly exception. */
  sheet(name: string): SheetModel {
    const sheet = this.getSheet(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  getTable(name: string): TableModel | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === wanted || t.id === name);
  }

  getName(name: string): NameEntry | undefined {
    const wanted = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === wanted);
  }

  /** Table names and workbook-scoped defined names share one namespace. */
  isNameTaken(name: string, except?: TableModel): boolean {
    const table = this.getTable(name);
    return (table !== undefined && table !== except) || this.getName(name) !== undefined;
  }

  validateSheetName(name: string, renaming?: SheetModel): void {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      fail("InvalidArgument");
    }
    const existing = this.getSheet(name);
    if (existing && existing !== renaming) fail("ItemAlreadyExists");
  }

  /** Excel refuses a change to the workbook's structure while it is protected. */
  assertStructureEditable(): void {
    if (this.protection.protected) throw new HeadlessOfficeError("AccessDenied", "The workbook's structure is protected.");
  }

  addSheet(name?: string): SheetModel {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.getSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.validateSheetName(sheetName);
    const sheet = new SheetModel(sheetName, this.newId("sheet"));
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
      throw new HeadlessOfficeError("InvalidOperation");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    // A defined name that pointed at the deleted sheet now refers to #REF! ("How to correct a #REF!
    // error", support.microsoft.com): Excel keeps the name and shows #REF! wherever it is used.
    const escaped = sheet.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''");
    const reference = new RegExp(`(?:'${escaped}'|(?<![A-Za-z0-9_.])${escaped})!`, "gi");
    for (const entry of this.names) entry.formula = entry.formula.replace(reference, "#REF!");
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === "Visible") ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }
}
