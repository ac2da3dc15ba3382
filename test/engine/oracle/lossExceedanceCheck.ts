/**
 * Loss Exceedance: Quantify writes values, except the tolerance curve, which is a formula over the
 * two points the analyst types. Expected here from those points, straight on log-log axes.
 */
import { CURVE_HEADERS, LOSS_LAYOUT, LOSS_SHEET } from "../../../src/core/blueprint/lossExceedanceSheet";
import { cellAddress } from "../../../src/core/a1";
import type { Expectation } from "./expectation";
import type { SheetCheck } from "./check";

export const lossExceedanceCheck: SheetCheck = {
  sheet: LOSS_SHEET,
  expectations: ({ book }) => {
    const cells = book.formulaCells().filter((cell) => cell.sheet === LOSS_SHEET);
    if (cells.length === 0) return [];
    const value = (row: number, column: number) => book.cell(LOSS_SHEET, cellAddress({ row, column })).value;
    const first = LOSS_LAYOUT.toleranceFirstRow + 1;
    const [l1, l2, p1, p2] = [value(first, 0), value(first + 1, 0), value(first, 1), value(first + 1, 1)].map(Number);
    const toleranceColumn = LOSS_LAYOUT.curveColumn + CURVE_HEADERS.indexOf("Tolerance");
    return cells.map((cell): Expectation => {
      const match = /^([A-Z]+)(\d+)$/.exec(cell.address);
      const row = Number(match?.[2]) - 1;
      if (cellAddress({ row, column: toleranceColumn }) !== cell.address) throw new Error(`Loss Exceedance has an unexpected formula at ${cell.address}`);
      const threshold = value(row, LOSS_LAYOUT.curveColumn);
      const expected = typeof threshold === "number" ? Math.min(1, p1 * (threshold / l1) ** (Math.log(p2 / p1) / Math.log(l2 / l1))) : "";
      return { cell, rule: `Loss Exceedance tolerance at ${threshold}`, expected };
    });
  },
};
