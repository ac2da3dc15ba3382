/** Office.js chart type names ↔ the DrawingML plot element and its settings. */

export type PlotElement = "barChart" | "lineChart" | "areaChart" | "pieChart" | "scatterChart";
export type Grouping = "clustered" | "stacked" | "percentStacked" | "standard";

export interface ChartKind {
  plot: PlotElement;
  grouping: Grouping;
  /** Bar charts: vertical columns ("col") or horizontal bars ("bar"). */
  barDir?: "col" | "bar";
  /** Line and XY scatter charts: whether points get markers. */
  markers?: boolean;
}

const KINDS: Record<string, ChartKind> = {
  ColumnClustered: { plot: "barChart", barDir: "col", grouping: "clustered" },
  ColumnStacked: { plot: "barChart", barDir: "col", grouping: "stacked" },
  ColumnStacked100: { plot: "barChart", barDir: "col", grouping: "percentStacked" },
  BarClustered: { plot: "barChart", barDir: "bar", grouping: "clustered" },
  BarStacked: { plot: "barChart", barDir: "bar", grouping: "stacked" },
  BarStacked100: { plot: "barChart", barDir: "bar", grouping: "percentStacked" },
  Line: { plot: "lineChart", grouping: "standard", markers: false },
  LineMarkers: { plot: "lineChart", grouping: "standard", markers: true },
  LineStacked: { plot: "lineChart", grouping: "stacked", markers: false },
  LineStacked100: { plot: "lineChart", grouping: "percentStacked", markers: false },
  Area: { plot: "areaChart", grouping: "standard" },
  AreaStacked: { plot: "areaChart", grouping: "stacked" },
  AreaStacked100: { plot: "areaChart", grouping: "percentStacked" },
  Pie: { plot: "pieChart", grouping: "standard" },
  // XY scatter: both axes are value axes (a log loss axis needs one: a line chart's category axis cannot be logarithmic).
  XYScatterLines: { plot: "scatterChart", grouping: "standard", markers: true },
  XYScatterLinesNoMarkers: { plot: "scatterChart", grouping: "standard", markers: false },
};

export const FALLBACK_CHART_TYPE = "ColumnClustered";

/** Types the file format here does not cover are written as clustered columns rather than dropped. */
export function chartKindOf(chartType: string): ChartKind {
  return KINDS[chartType] ?? KINDS[FALLBACK_CHART_TYPE];
}

export function chartTypeOf(kind: ChartKind): string {
  const match = Object.entries(KINDS).find(([, candidate]) =>
    candidate.plot === kind.plot &&
    candidate.grouping === kind.grouping &&
    (candidate.barDir === undefined || candidate.barDir === kind.barDir) &&
    (candidate.markers === undefined || candidate.markers === kind.markers));
  return match?.[0] ?? FALLBACK_CHART_TYPE;
}

export const LEGEND_POSITIONS: Record<string, string> = { Bottom: "b", Top: "t", Left: "l", Right: "r", Corner: "tr" };
