/** One chart of the model as a DrawingML chart part (xl/charts/chartN.xml). */
import type { ChartModel, ChartSeriesModel } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";
import { type ChartKind, chartKindOf, LEGEND_POSITIONS } from "./chartKinds";
import { type CachedPoint, pointsOf, toChartFormula } from "./rangeFormula";
import { escapeXml } from "./xml";

/**
 * The headless ChartModel has no value-axis number format yet (Office.js `valueAxis.numberFormat`);
 * a chart that carries this field gets it written, and reading a part fills it in.
 */
export type ChartWithAxisFormat = ChartModel;

export const CHART_NAMESPACES = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;

const tag = (name: string, val: string | number): string => `<c:${name} val="${escapeXml(String(val))}"/>`;

/** DrawingML font sizes are hundredths of a point (ST_TextFontSize). */
const sizeAttribute = (points: number | undefined): string => (points === undefined ? "" : ` sz="${Math.round(points * 100)}"`);

function richText(text: string, size?: number): string {
  const sz = sizeAttribute(size);
  const paragraphs = text.split("\n").map((line) => `<a:p><a:pPr><a:defRPr b="1"${sz}/></a:pPr><a:r><a:rPr lang="en-US" b="1"${sz}/><a:t>${escapeXml(line)}</a:t></a:r></a:p>`);
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/>${paragraphs.join("")}</c:rich></c:tx>`;
}

const title = (text: string, size?: number): string => `<c:title>${richText(text, size)}<c:overlay val="0"/></c:title>`;

/** The chart's own text properties (CT_ChartSpace txPr): the size every label, legend entry and axis title inherits. */
const chartTextXml = (size: number | undefined): string =>
  size === undefined ? "" : `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr${sizeAttribute(size)}/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

function cache(kind: "str" | "num", points: CachedPoint[]): string {
  const present = points.map((point, index) => ({ ...point, index })).filter((point) => point.value !== "" && point.value !== null);
  if (kind === "num") {
    const numeric = present.filter((point) => typeof point.value === "number");
    const formatCode = numeric[0]?.numberFormat ?? "General";
    const pts = numeric.map((point) => `<c:pt idx="${point.index}"><c:v>${point.value}</c:v></c:pt>`).join("");
    return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>${tag("ptCount", points.length)}${pts}</c:numCache>`;
  }
  const pts = present.map((point) => `<c:pt idx="${point.index}"><c:v>${escapeXml(String(point.value))}</c:v></c:pt>`).join("");
  return `<c:strCache>${tag("ptCount", points.length)}${pts}</c:strCache>`;
}

/** Categories are text unless every cell that has a value holds a number (dates included). */
function categoryReference(formula: string, points: CachedPoint[]): string {
  const filled = points.filter((point) => point.value !== "" && point.value !== null);
  const numeric = filled.length > 0 && filled.every((point) => typeof point.value === "number");
  return numeric
    ? `<c:numRef><c:f>${escapeXml(formula)}</c:f>${cache("num", points)}</c:numRef>`
    : `<c:strRef><c:f>${escapeXml(formula)}</c:f>${cache("str", points)}</c:strRef>`;
}

function seriesXml(workbook: HeadlessWorkbook, series: ChartSeriesModel, index: number, kind: ChartKind): string {
  const categoryFormula = series.xValuesAddress ? toChartFormula(series.xValuesAddress) : null;
  const valueFormula = series.valuesAddress ? toChartFormula(series.valuesAddress) : null;
  const parts = [tag("idx", index), tag("order", index), `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`];
  if (kind.plot === "barChart") parts.push(tag("invertIfNegative", 0));
  const lines = kind.plot === "lineChart" || kind.plot === "scatterChart";
  if (lines && !kind.markers) parts.push(`<c:marker>${tag("symbol", "none")}</c:marker>`);
  // CT_ScatterSer holds xVal/yVal (numbers on both axes) where the other series hold cat/val.
  const [categoryElement, valueElement] = kind.plot === "scatterChart" ? ["xVal", "yVal"] : ["cat", "val"];
  if (categoryFormula && series.xValuesAddress) {
    parts.push(`<c:${categoryElement}>${categoryReference(categoryFormula, pointsOf(workbook, series.xValuesAddress))}</c:${categoryElement}>`);
  }
  if (valueFormula && series.valuesAddress) {
    parts.push(`<c:${valueElement}><c:numRef><c:f>${escapeXml(valueFormula)}</c:f>${cache("num", pointsOf(workbook, series.valuesAddress))}</c:numRef></c:${valueElement}>`);
  }
  if (lines) parts.push(tag("smooth", 0));
  return `<c:ser>${parts.join("")}</c:ser>`;
}

function plotXml(workbook: HeadlessWorkbook, chart: ChartModel, kind: ChartKind): string {
  const series = chart.series.map((s, i) => seriesXml(workbook, s, i, kind)).join("");
  const axisIds = tag("axId", CATEGORY_AXIS_ID) + tag("axId", VALUE_AXIS_ID);
  switch (kind.plot) {
    case "barChart": {
      const overlap = kind.grouping === "clustered" ? "" : tag("overlap", 100);
      return `<c:barChart>${tag("barDir", kind.barDir ?? "col")}${tag("grouping", kind.grouping)}${tag("varyColors", 0)}${series}${tag("gapWidth", 150)}${overlap}${axisIds}</c:barChart>`;
    }
    case "lineChart":
      return `<c:lineChart>${tag("grouping", kind.grouping)}${tag("varyColors", 0)}${series}${tag("marker", 1)}${axisIds}</c:lineChart>`;
    case "areaChart":
      return `<c:areaChart>${tag("grouping", kind.grouping)}${tag("varyColors", 0)}${series}${axisIds}</c:areaChart>`;
    case "pieChart":
      return `<c:pieChart>${tag("varyColors", 1)}${series}${tag("firstSliceAng", 0)}</c:pieChart>`;
    case "scatterChart":
      return `<c:scatterChart>${tag("scatterStyle", "lineMarker")}${tag("varyColors", 0)}${series}${axisIds}</c:scatterChart>`;
  }
}

/** An axis's own number format, or the source cells' format when none is set. */
function numberFormatXml(format: string | undefined): string {
  return format ? `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
}

/** Schema order inside c:scaling (CT_Scaling): logBase, orientation, max, min. */
function scaling(logBase: number | undefined, max?: number, min?: number): string {
  const log = logBase !== undefined ? tag("logBase", logBase) : "";
  const maxTag = max !== undefined ? tag("max", max) : "";
  const minTag = min !== undefined ? tag("min", min) : "";
  return `<c:scaling>${log}${tag("orientation", "minMax")}${maxTag}${minTag}</c:scaling>`;
}

function valueScaling(chart: ChartModel): string {
  return scaling(chart.valueAxisLogBase, chart.valueAxisMaximum, chart.valueAxisMinimum);
}

function axesXml(chart: ChartWithAxisFormat, kind: ChartKind): string {
  if (kind.plot === "pieChart") return "";
  const horizontalBars = kind.barDir === "bar";
  const ticks = tag("majorTickMark", "out") + tag("minorTickMark", "none") + tag("tickLblPos", "nextTo");
  const axisTitle = (text: string) => (text ? title(text) : "");
  if (kind.plot === "scatterChart") return scatterAxesXml(chart, ticks, axisTitle);
  const category = [
    tag("axId", CATEGORY_AXIS_ID), scaling(chart.categoryAxisLogBase), tag("delete", 0),
    tag("axPos", horizontalBars ? "l" : "b"), axisTitle(chart.axisTitles.category), numberFormatXml(chart.categoryAxisNumberFormat),
    ticks, tag("crossAx", VALUE_AXIS_ID), tag("crosses", "autoZero"), tag("auto", 1), tag("lblAlgn", "ctr"), tag("lblOffset", 100), tag("noMultiLvlLbl", 0),
  ];
  const valueFormat = numberFormatXml(chart.valueAxisNumberFormat);
  const value = [
    tag("axId", VALUE_AXIS_ID), valueScaling(chart), tag("delete", 0),
    tag("axPos", horizontalBars ? "b" : "l"), "<c:majorGridlines/>", axisTitle(chart.axisTitles.value), valueFormat,
    ticks, tag("crossAx", CATEGORY_AXIS_ID), tag("crosses", "autoZero"), tag("crossBetween", "between"),
  ];
  return `<c:catAx>${category.join("")}</c:catAx><c:valAx>${value.join("")}</c:valAx>`;
}

/**
 * An XY chart has two value axes (CT_ValAx): the horizontal one plays Office.js's category axis.
 * Element order: axId, scaling, delete, axPos, majorGridlines, title, numFmt, ticks, crossAx, crosses, crossBetween.
 */
function scatterAxesXml(chart: ChartModel, ticks: string, axisTitle: (text: string) => string): string {
  const horizontal = [
    tag("axId", CATEGORY_AXIS_ID), scaling(chart.categoryAxisLogBase), tag("delete", 0), tag("axPos", "b"),
    axisTitle(chart.axisTitles.category), numberFormatXml(chart.categoryAxisNumberFormat),
    ticks, tag("crossAx", VALUE_AXIS_ID), tag("crosses", "autoZero"), tag("crossBetween", "midCat"),
  ];
  const vertical = [
    tag("axId", VALUE_AXIS_ID), valueScaling(chart), tag("delete", 0), tag("axPos", "l"), "<c:majorGridlines/>",
    axisTitle(chart.axisTitles.value), numberFormatXml(chart.valueAxisNumberFormat),
    ticks, tag("crossAx", CATEGORY_AXIS_ID), tag("crosses", "autoZero"), tag("crossBetween", "midCat"),
  ];
  return `<c:valAx>${horizontal.join("")}</c:valAx><c:valAx>${vertical.join("")}</c:valAx>`;
}

function legendXml(chart: ChartModel): string {
  if (!chart.legend.visible) return "";
  return `<c:legend>${tag("legendPos", LEGEND_POSITIONS[chart.legend.position] ?? "r")}<c:overlay val="0"/></c:legend>`;
}

export function chartPartXml(workbook: HeadlessWorkbook, chart: ChartWithAxisFormat): string {
  const kind = chartKindOf(chart.chartType);
  const showTitle = chart.title.visible && chart.title.text !== "";
  const body = [
    showTitle ? title(chart.title.text, chart.title.size) : "",
    tag("autoTitleDeleted", showTitle ? 0 : 1),
    `<c:plotArea><c:layout/>${plotXml(workbook, chart, kind)}${axesXml(chart, kind)}</c:plotArea>`,
    legendXml(chart),
    tag("plotVisOnly", 1),
    tag("dispBlanksAs", "gap"),
  ];
  const namespaces = Object.entries(CHART_NAMESPACES).map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(" ");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${namespaces}>${tag("roundedCorners", 0)}<c:chart>${body.join("")}</c:chart>${chartTextXml(chart.textSize)}</c:chartSpace>`;
}
