import type { Rect } from "../addresses";

/** Groups cells into rectangles: vertical runs per column, then runs of identical adjacent columns. */
export function coalesceCells(cells: Array<{ row: number; col: number }>): Rect[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byColumn.get(col);
    if (rows) rows.push(row);
    else byColumn.set(col, [row]);
  }
  const runs: Rect[] = [];
  for (const [col, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        runs.push({ r0: start, r1: rows[i - 1], c0: col, c1: col });
        start = rows[i];
      }
    }
  }
  const merged: Rect[] = [];
  for (const run of runs) {
    const left = merged.find((m) => m.r0 === run.r0 && m.r1 === run.r1 && m.c1 === run.c0 - 1);
    if (left) left.c1 = run.c1;
    else merged.push({ ...run });
  }
  return merged;
}
