/**
 * The enum strings Office.js accepts for the properties and arguments the host implements, taken
 * from @types/office-js: each list is typed `Record<\`${Excel.X}\`, true>`, so it cannot miss or
 * add a value without failing the build. Excel rejects any other string with InvalidArgument
 * (learn.microsoft.com/javascript/api/excel: each property's type is the enum; "Invalid" is a
 * read-only result, never accepted as input).
 */
import { HeadlessOfficeError } from "../errors";

type Accepted<E extends string> = Record<Exclude<E, "Invalid">, true>;

export const CHART_TYPES = {
  "ColumnClustered": true, "ColumnStacked": true, "ColumnStacked100": true, "3DColumnClustered": true, "3DColumnStacked": true, "3DColumnStacked100": true,
  "BarClustered": true, "BarStacked": true, "BarStacked100": true, "3DBarClustered": true, "3DBarStacked": true, "3DBarStacked100": true,
  "LineStacked": true, "LineStacked100": true, "LineMarkers": true, "LineMarkersStacked": true, "LineMarkersStacked100": true, "PieOfPie": true,
  "PieExploded": true, "3DPieExploded": true, "BarOfPie": true, "XYScatterSmooth": true, "XYScatterSmoothNoMarkers": true, "XYScatterLines": true,
  "XYScatterLinesNoMarkers": true, "AreaStacked": true, "AreaStacked100": true, "3DAreaStacked": true, "3DAreaStacked100": true, "DoughnutExploded": true,
  "RadarMarkers": true, "RadarFilled": true, "Surface": true, "SurfaceWireframe": true, "SurfaceTopView": true, "SurfaceTopViewWireframe": true,
  "Bubble": true, "Bubble3DEffect": true, "StockHLC": true, "StockOHLC": true, "StockVHLC": true, "StockVOHLC": true,
  "CylinderColClustered": true, "CylinderColStacked": true, "CylinderColStacked100": true, "CylinderBarClustered": true, "CylinderBarStacked": true, "CylinderBarStacked100": true,
  "CylinderCol": true, "ConeColClustered": true, "ConeColStacked": true, "ConeColStacked100": true, "ConeBarClustered": true, "ConeBarStacked": true,
  "ConeBarStacked100": true, "ConeCol": true, "PyramidColClustered": true, "PyramidColStacked": true, "PyramidColStacked100": true, "PyramidBarClustered": true,
  "PyramidBarStacked": true, "PyramidBarStacked100": true, "PyramidCol": true, "3DColumn": true, "Line": true, "3DLine": true,
  "3DPie": true, "Pie": true, "XYScatter": true, "3DArea": true, "Area": true, "Doughnut": true,
  "Radar": true, "Histogram": true, "Boxwhisker": true, "Pareto": true, "RegionMap": true, "Treemap": true,
  "Waterfall": true, "Sunburst": true, "Funnel": true,
} satisfies Accepted<`${Excel.ChartType}`>;

export const CHART_SERIES_BY = { "Auto": true, "Columns": true, "Rows": true } satisfies Accepted<`${Excel.ChartSeriesBy}`>;

export const LEGEND_POSITIONS = {
  "Top": true, "Bottom": true, "Left": true, "Right": true, "Corner": true, "Custom": true,
} satisfies Accepted<`${Excel.ChartLegendPosition}`>;

export const HORIZONTAL_ALIGNMENTS = {
  "General": true, "Left": true, "Center": true, "Right": true, "Fill": true, "Justify": true,
  "CenterAcrossSelection": true, "Distributed": true,
} satisfies Accepted<`${Excel.HorizontalAlignment}`>;

export const VERTICAL_ALIGNMENTS = {
  "Top": true, "Center": true, "Bottom": true, "Justify": true, "Distributed": true,
} satisfies Accepted<`${Excel.VerticalAlignment}`>;

export const PAGE_ORIENTATIONS = { "Portrait": true, "Landscape": true } satisfies Accepted<`${Excel.PageOrientation}`>;

export const CONDITIONAL_FORMAT_TYPES = {
  "Custom": true, "DataBar": true, "ColorScale": true, "IconSet": true, "TopBottom": true, "PresetCriteria": true,
  "ContainsText": true, "CellValue": true,
} satisfies Accepted<`${Excel.ConditionalFormatType}`>;

export const ALERT_STYLES = { "Stop": true, "Warning": true, "Information": true } satisfies Accepted<`${Excel.DataValidationAlertStyle}`>;

export const VALIDATION_OPERATORS = {
  "Between": true, "NotBetween": true, "EqualTo": true, "NotEqualTo": true, "GreaterThan": true, "LessThan": true,
  "GreaterThanOrEqualTo": true, "LessThanOrEqualTo": true,
} satisfies Accepted<`${Excel.DataValidationOperator}`>;

export const SHEET_VISIBILITIES = { "Visible": true, "Hidden": true, "VeryHidden": true } satisfies Accepted<`${Excel.SheetVisibility}`>;

export const CLEAR_APPLY_TO = {
  "All": true, "Formats": true, "Contents": true, "Hyperlinks": true, "RemoveHyperlinks": true, "ResetContents": true,
} satisfies Accepted<`${Excel.ClearApplyTo}`>;


/** The value when the enum accepts it; otherwise InvalidArgument naming the property and what it takes. */
export function checkEnum<T extends string>(accepted: Record<T, true>, value: unknown, what: string): T {
  if (typeof value === "string" && Object.prototype.hasOwnProperty.call(accepted, value)) return value as T;
  throw new HeadlessOfficeError("InvalidArgument", `${what} "${String(value)}" is not one of ${Object.keys(accepted).join(", ")}.`);
}
