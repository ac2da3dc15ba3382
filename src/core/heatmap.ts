/** Heatmap counts from the register's typed levels: the figures the Heatmap sheet's COUNTIFS show. */
import { RISK } from "./blueprint/riskRegister";
import { cellBand } from "./blueprint/heatmapSheet";
import { filledRows, TableData } from "./check/tableData";
import { Scales } from "./scales";

export interface HeatmapCounts {
  size: number;
  /** counts[likelihood-1][impact-1] */
  inherent: number[][];
  residual: number[][];
  rating: string[][];
  color: string[][];
}

const grid = <T>(n: number, value: (l: number, i: number) => T): T[][] =>
  Array.from({ length: n }, (_, l) => Array.from({ length: n }, (_, i) => value(l + 1, i + 1)));

export function heatmapCounts(risks: TableData, scales: Scales): HeatmapCounts {
  const n = scales.size;
  const inherent = grid(n, () => 0);
  const residual = grid(n, () => 0);
  const level = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= n ? v : undefined);
  for (const row of filledRows(risks)) {
    const [il, ii] = [level(row.get(RISK.inherentLikelihood)), level(row.get(RISK.inherentImpact))];
    const [rl, ri] = [level(row.get(RISK.residualLikelihood)), level(row.get(RISK.residualImpact))];
    if (il && ii) inherent[il - 1][ii - 1]++;
    if (rl && ri) residual[rl - 1][ri - 1]++;
  }
  return {
    size: n,
    inherent,
    residual,
    rating: grid(n, (l, i) => cellBand(scales, l, i)?.rating ?? ""),
    color: grid(n, (l, i) => cellBand(scales, l, i)?.color ?? "#FFFFFF"),
  };
}
