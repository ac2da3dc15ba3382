/**
 * Geometry and wording of the heatmap grid: likelihood up the vertical axis (highest at the top),
 * impact along the bottom. Pure, so the SVG component only draws what this returns.
 */
import type { HeatmapData, HeatmapKind } from "../excel/operations";
import { readableTextColor } from "../core/color";

export interface HeatmapCell {
  likelihood: number;
  impact: number;
  /** Top-left corner in SVG units. */
  x: number;
  y: number;
  count: number;
  rating: string;
  fill: string;
  textColor: string;
  /** Accessible name, e.g. "3 High risks: Likelihood 4 Likely, Impact 5 Severe". */
  label: string;
}

export interface AxisLabel {
  text: string;
  x: number;
  y: number;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  cellSize: number;
  cells: HeatmapCell[];
  likelihoodAxis: AxisLabel[];
  impactAxis: AxisLabel[];
}

export const HEATMAP_GEOMETRY = { cellSize: 44, axisLabelWidth: 22, axisLabelHeight: 22 } as const;

const NEUTRAL_FILL = "#F3F2F1";

export function riskCountText(count: number): string {
  return `${count} ${count === 1 ? "risk" : "risks"}`;
}

function cellPosition(data: HeatmapData, likelihood: number, impact: number): string {
  const likelihoodName = data.likelihoodLabels[likelihood - 1] ?? "";
  const impactName = data.impactLabels[impact - 1] ?? "";
  return `Likelihood ${likelihood} ${likelihoodName}, Impact ${impact} ${impactName}`;
}

export function cellLabel(data: HeatmapData, kind: HeatmapKind, likelihood: number, impact: number): string {
  const count = data[kind][likelihood - 1]?.[impact - 1] ?? 0;
  const rating = data.rating[likelihood - 1]?.[impact - 1] ?? "";
  const ratingSuffix = rating ? `, ${rating}` : "";
  return `${cellPosition(data, likelihood, impact)}: ${riskCountText(count)}${ratingSuffix}`.replace(/ +/g, " ");
}

/**
 * Name of a heatmap cell button. It starts with the words the cell shows ("3 High"), so speech
 * input users can say what they see (WCAG 2.5.3 Label in Name): "3 High risks: Likelihood 4 Likely, Impact 5 Severe".
 */
export function cellButtonLabel(data: HeatmapData, kind: HeatmapKind, likelihood: number, impact: number): string {
  const count = data[kind][likelihood - 1]?.[impact - 1] ?? 0;
  const rating = data.rating[likelihood - 1]?.[impact - 1] ?? "";
  const shown = [String(count), rating, count === 1 ? "risk" : "risks"].filter(Boolean).join(" ");
  return `${shown}: ${cellPosition(data, likelihood, impact)}`.replace(/ +/g, " ");
}

export function layoutHeatmap(data: HeatmapData, kind: HeatmapKind): HeatmapLayout {
  const { cellSize, axisLabelWidth, axisLabelHeight } = HEATMAP_GEOMETRY;
  const size = data.size;
  const cells: HeatmapCell[] = [];
  for (let likelihood = size; likelihood >= 1; likelihood--) {
    const row = size - likelihood;
    for (let impact = 1; impact <= size; impact++) {
      const fill = data.color[likelihood - 1]?.[impact - 1] || NEUTRAL_FILL;
      cells.push({
        likelihood,
        impact,
        x: axisLabelWidth + (impact - 1) * cellSize,
        y: row * cellSize,
        count: data[kind][likelihood - 1]?.[impact - 1] ?? 0,
        rating: data.rating[likelihood - 1]?.[impact - 1] ?? "",
        fill,
        textColor: readableTextColor(fill),
        label: cellButtonLabel(data, kind, likelihood, impact),
      });
    }
  }
  const likelihoodAxis = Array.from({ length: size }, (_, row) => ({
    text: String(size - row),
    x: axisLabelWidth / 2,
    y: row * cellSize + cellSize / 2,
  }));
  const impactAxis = Array.from({ length: size }, (_, column) => ({
    text: String(column + 1),
    x: axisLabelWidth + column * cellSize + cellSize / 2,
    y: size * cellSize + axisLabelHeight / 2,
  }));
  return {
    width: axisLabelWidth + size * cellSize,
    height: size * cellSize + axisLabelHeight,
    cellSize,
    cells,
    likelihoodAxis,
    impactAxis,
  };
}

export interface GridPosition {
  likelihood: number;
  impact: number;
}

/**
 * Where focus goes for an arrow/Home/End key in a grid drawn with the highest likelihood at the top.
 * Returns undefined for keys the grid does not handle.
 */
export function moveFocus(from: GridPosition, key: string, size: number): GridPosition | undefined {
  const clamp = (n: number) => Math.min(size, Math.max(1, n));
  switch (key) {
    case "ArrowUp":
      return { ...from, likelihood: clamp(from.likelihood + 1) };
    case "ArrowDown":
      return { ...from, likelihood: clamp(from.likelihood - 1) };
    case "ArrowLeft":
      return { ...from, impact: clamp(from.impact - 1) };
    case "ArrowRight":
      return { ...from, impact: clamp(from.impact + 1) };
    case "Home":
      return { ...from, impact: 1 };
    case "End":
      return { ...from, impact: size };
    default:
      return undefined;
  }
}

/** Risk counts per rating, in the order ratings first appear from low to high score. */
export function countsByRating(data: HeatmapData, kind: HeatmapKind): Array<{ rating: string; count: number; color: string }> {
  const totals = new Map<string, { count: number; color: string; order: number }>();
  for (let l = 0; l < data.size; l++) {
    for (let i = 0; i < data.size; i++) {
      const rating = data.rating[l]?.[i];
      if (!rating) continue;
      const entry = totals.get(rating) ?? { count: 0, color: data.color[l]?.[i] || NEUTRAL_FILL, order: (l + 1) * (i + 1) };
      entry.count += data[kind][l]?.[i] ?? 0;
      entry.order = Math.min(entry.order, (l + 1) * (i + 1));
      totals.set(rating, entry);
    }
  }
  return [...totals.entries()]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([rating, { count, color }]) => ({ rating, count, color }));
}
