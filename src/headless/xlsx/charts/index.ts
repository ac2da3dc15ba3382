/**
 * Charts in .xlsx files. exceljs neither writes nor reads chart parts, so the headless reader and
 * writer do: writing adds DrawingML drawing + chart parts for `sheet.charts` entries, reading puts
 * them back into `sheet.charts`.
 */
export { writeChartParts } from "./writeCharts";
export { readChartParts } from "./readCharts";
export type { ChartWithAxisFormat } from "./chartXml";
