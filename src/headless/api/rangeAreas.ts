/**
 * Range.getSpecialCells / getSpecialCellsOrNullObject (ExcelApi 1.9) and the RangeAreas they return.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells:
 * getSpecialCells throws ItemNotFound when no cell matches; the OrNullObject form returns a null
 * object instead. Only the cell types the add-in needs are modelled ("Constants", "Formulas",
 * "Blanks"); the others are refused rather than answered wrongly.
 */
import { type Rect, qualifiedAddress } from "../addresses";
import { HeadlessOfficeError } from "../errors";
import type { SheetModel } from "../model/sheet";
import { ClientCollection, ClientObject, type Context, type ProxyNode, type Resolver } from "./clientObject";
import { Range, type RangeRef } from "./range";

export interface AreasRef {
  sheet: SheetModel;
  rects: Rect[];
}

export type SpecialCellType = "Constants" | "Formulas" | "Blanks";
const MODELLED: readonly string[] = ["Constants", "Formulas", "Blanks"];

/** Matching cells grouped into column runs (top to bottom, left to right). */
export function specialCellRects(ref: RangeRef, type: string): Rect[] {
  if (!MODELLED.includes(type)) throw new HeadlessOfficeError("InvalidArgument", `getSpecialCells("${type}") is not modelled by the headless host.`);
  const { rect, sheet } = ref;
  const matches = (row: number, col: number) => {
    const cell = sheet.cell(row, col);
    const hasFormula = cell?.formula !== undefined;
    const hasValue = cell?.value !== undefined && cell.value !== "";
    return type === "Formulas" ? hasFormula : type === "Constants" ? !hasFormula && hasValue : !hasFormula && !hasValue;
  };
  const rows = new Map<number, number[]>();
  if (type === "Blanks") {
    for (let col = rect.c0; col <= rect.c1; col++) for (let row = rect.r0; row <= rect.r1; row++) if (matches(row, col)) push(rows, col, row);
  } else {
    for (const { row, col } of sheet.cellsIn(rect)) if (matches(row, col)) push(rows, col, row);
  }
  const rects: Rect[] = [];
  for (const col of [...rows.keys()].sort((a, b) => a - b)) {
    const list = rows.get(col)!.sort((a, b) => a - b);
    let start = list[0];
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i] === list[i - 1] + 1) continue;
      rects.push({ r0: start, r1: list[i - 1], c0: col, c1: col });
      start = list[i];
    }
  }
  return rects;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class RangeCollection extends ClientCollection<RangeRef, Range> {
  constructor(context: Context, resolver: Resolver<readonly RangeRef[]>) {
    super(context, resolver, "RangeCollection");
  }

  protected lazyItem(find: () => RangeRef | null): Range {
    return new Range(this.context, find);
  }
}

export class RangeAreas extends ClientObject<AreasRef> {
  constructor(context: Context, resolver: Resolver<AreasRef>) {
    super(context, resolver, "RangeAreas");
  }

  protected readers() {
    return {
      address: (ref: AreasRef) => ref.rects.map((rect) => qualifiedAddress(ref.sheet.name, rect)).join(","),
      areaCount: (ref: AreasRef) => ref.rects.length,
      cellCount: (ref: AreasRef) => ref.rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0),
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { areas: this.areas };
  }

  get address(): string { return this.read("address"); }
  get areaCount(): number { return this.read("areaCount"); }
  get cellCount(): number { return this.read("cellCount"); }
  get areas(): RangeCollection {
    return this.memo("areas", () => new RangeCollection(this.context, () => {
      const ref = this.resolve();
      return ref && ref.rects.map((rect) => ({ sheet: ref.sheet, rect }));
    }));
  }
}
