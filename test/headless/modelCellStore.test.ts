/** A sheet's rows (SheetRows) and a row's cells (RowCells) behave as maps in key order, also while they change under an iterator. */
import fc from "fast-check";
import { RowCells, SheetRows } from "../../src/headless/model/cellStore";
import { SheetModel } from "../../src/headless/model/sheet";
import type { Cell } from "../../src/headless/model/types";

const cellOf = (value: number): Cell => ({ value, formula: undefined, style: undefined });
const sortedEntries = (map: Map<number, Cell>) => [...map].sort(([a], [b]) => a - b);

type Step = { kind: "set" | "delete"; col: number };
const steps = fc.array(fc.record({ kind: fc.constantFrom<"set" | "delete">("set", "set", "delete"), col: fc.integer({ min: 0, max: 40 }) }), { maxLength: 80 });

describe("RowCells", () => {
  it("holds what a Map would, in column order, after any sequence of sets and deletes", () => {
    fc.assert(
      fc.property(steps, (sequence: Step[]) => {
        const row = new RowCells();
        const map = new Map<number, Cell>();
        sequence.forEach(({ kind, col }, i) => {
          if (kind === "set") {
            const cell = cellOf(i);
            expect(row.set(col, cell)).toBe(row);
            map.set(col, cell);
          } else expect(row.delete(col)).toBe(map.delete(col));
          expect(row.size).toBe(map.size);
        });
        expect([...row]).toEqual(sortedEntries(map));
        expect([...row.keys()]).toEqual(sortedEntries(map).map(([col]) => col));
        expect([...row.values()]).toEqual(sortedEntries(map).map(([, cell]) => cell));
        for (let col = 0; col <= 40; col++) {
          expect(row.get(col)).toBe(map.get(col));
          expect(row.has(col)).toBe(map.has(col));
        }
        const columns = [...map.keys()];
        expect(row.firstColumn()).toBe(columns.length ? Math.min(...columns) : undefined);
        expect(row.lastColumn()).toBe(columns.length ? Math.max(...columns) : undefined);
      }),
    );
  });

  it("an iterator visits each remaining cell once while cells are deleted and added under it, as a Map's does for deletes", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }), fc.array(fc.record({ kind: fc.constantFrom("set", "delete"), col: fc.integer({ min: 0, max: 30 }) }), { maxLength: 20 }), (initial, changes) => {
        const row = new RowCells();
        for (const col of initial) row.set(col, cellOf(col));
        const visited: number[] = [];
        const deletedAhead = new Set<number>();
        let step = 0;
        for (const [col] of row) {
          expect(visited.every((seen) => seen < col)).toBe(true);
          visited.push(col);
          const change = changes[step++];
          if (!change) continue;
          if (change.kind === "delete") {
            if (change.col > col) deletedAhead.add(change.col);
            row.delete(change.col);
          } else {
            deletedAhead.delete(change.col);
            row.set(change.col, cellOf(change.col));
          }
        }
        // Every cell still there and ahead of where it was found is visited; none deleted before its turn is.
        const last = visited[visited.length - 1];
        for (const [col] of row) if (col > last) throw new Error(`column ${col} was not visited`);
        for (const col of deletedAhead) expect(visited).not.toContain(col);
      }),
    );
  });

  it("a sheet of one cell per row keeps each cell where it was put, moved cells included", () => {
    const sheet = new SheetModel("S", "s1");
    for (let row = 0; row < 1000; row++) sheet.setCell(row, row % 3, `Item ${row}`, undefined);
    expect(sheet.rows.size).toBe(1000);
    expect(sheet.valueAt("B2")).toBe("Item 1");
    const moved = sheet.cell(1, 1)!;
    sheet.deleteCell(1, 1);
    sheet.placeCell(1, 4, moved);
    expect(sheet.valueAt("B2")).toBe("");
    expect(sheet.valueAt("E2")).toBe("Item 1");
    expect(sheet.usedRect(false)).toEqual({ r0: 0, r1: 999, c0: 0, c1: 4 });
    sheet.setCell(1, 4, "", undefined);
    expect(sheet.rows.has(1)).toBe(false);
  });
});

describe("SheetRows", () => {
  const rowNumbers = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(0, 1023, 1024, 2047, 2048, 1_048_575));
  const rowSteps = fc.array(fc.record({ kind: fc.constantFrom<"set" | "delete">("set", "set", "delete"), row: rowNumbers }), { maxLength: 120 });

  it("holds what a Map would, in row order across blocks, and gives any stretch of rows", () => {
    fc.assert(
      fc.property(rowSteps, rowNumbers, rowNumbers, (sequence, a, b) => {
        const rows = new SheetRows();
        const map = new Map<number, RowCells>();
        for (const { kind, row } of sequence) {
          if (kind === "set") {
            const cells = new RowCells();
            rows.set(row, cells);
            map.set(row, cells);
          } else expect(rows.delete(row)).toBe(map.delete(row));
          expect(rows.size).toBe(map.size);
        }
        const ordered = [...map].sort(([x], [y]) => x - y);
        expect([...rows]).toEqual(ordered);
        expect([...rows.keys()]).toEqual(ordered.map(([row]) => row));
        for (const { row } of sequence) expect(rows.get(row)).toBe(map.get(row));
        const [first, last] = a <= b ? [a, b] : [b, a];
        expect([...rows.between(first, last)]).toEqual(ordered.filter(([row]) => row >= first && row <= last));
      }),
    );
  });

  it("an iterator visits each remaining row once while rows are deleted and added under it", () => {
    fc.assert(
      fc.property(fc.uniqueArray(rowNumbers, { minLength: 1, maxLength: 30 }), fc.array(fc.record({ kind: fc.constantFrom("set", "delete"), row: rowNumbers }), { maxLength: 30 }), (initial, changes) => {
        const rows = new SheetRows();
        for (const row of initial) rows.set(row, new RowCells());
        const visited: number[] = [];
        const deletedAhead = new Set<number>();
        let step = 0;
        for (const [row] of rows) {
          expect(visited.every((seen) => seen < row)).toBe(true);
          visited.push(row);
          const change = changes[step++];
          if (!change) continue;
          if (change.kind === "delete") {
            if (change.row > row) deletedAhead.add(change.row);
            rows.delete(change.row);
          } else {
            deletedAhead.delete(change.row);
            rows.set(change.row, new RowCells());
          }
        }
        const last = visited[visited.length - 1];
        for (const [row] of rows) if (row > last) throw new Error(`row ${row} was not visited`);
        for (const row of deletedAhead) expect(visited).not.toContain(row);
      }),
    );
  });
});
