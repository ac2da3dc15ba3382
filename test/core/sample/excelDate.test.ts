import { toExcelDate } from "../../../src/core/sample";
import { toMatrixLevel } from "../../../src/core/sample/matrixLevel";
import { MATRIX_SIZES } from "../../../src/core/scales";

describe("toExcelDate", () => {
  it("gives the serial numbers Excel shows for known days", () => {
    expect(toExcelDate(new Date(1900, 2, 1))).toBe(61);
    expect(toExcelDate(new Date(2025, 0, 1))).toBe(45658);
    expect(toExcelDate(new Date(2026, 0, 1))).toBe(46023);
  });

  it("ignores the time of day", () => {
    expect(toExcelDate(new Date(2026, 5, 30, 23, 59))).toBe(toExcelDate(new Date(2026, 5, 30, 0, 1)));
  });
});

describe("toMatrixLevel", () => {
  it.each(MATRIX_SIZES)("maps the 5-point scale onto %i levels end to end, reaching every level", (size) => {
    const reached = new Set<number>();
    for (const roundUpOnTie of [false, true]) {
      expect(toMatrixLevel(1, size, roundUpOnTie)).toBe(1);
      expect(toMatrixLevel(5, size, roundUpOnTie)).toBe(size);
      for (let level = 1; level <= 5; level++) reached.add(toMatrixLevel(level, size, roundUpOnTie));
    }
    expect([...reached].sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, i) => i + 1));
  });

  it("keeps the 5-point scale unchanged on a 5x5 matrix", () => {
    expect([1, 2, 3, 4, 5].map((level) => toMatrixLevel(level, 5, true))).toEqual([1, 2, 3, 4, 5]);
  });
});
