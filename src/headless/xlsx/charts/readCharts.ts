/** Reads chart parts back into the model (exceljs drops them), so a re-saved workbook keeps its charts. */
import type { ChartSeriesModel } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";
import { type ChartKind, chartTypeOf, LEGEND_POSITIONS, type PlotElement } from "./chartKinds";
import type { ChartWithAxisFormat } from "./chartXml";
import { chartAnchorsOf, type ChartAnchor } from "./drawingXml";
import { RELATIONSHIP_TYPES, XlsxPackage } from "./opcPackage";
import { fromChartFormula } from "./rangeFormula";
import { child, childrenNamed, deepText, parseXml, path, valOf, type XmlElement } from "./xml";

const PLOTS: readonly PlotElement[] = ["barChart", "lineChart", "areaChart", "pieChart", "scatterChart"];
const LEGEND_BY_CODE = Object.fromEntries(Object.entries(LEGEND_POSITIONS).map(([name, code]) => [code, name]));

export async function readChartParts(data: ArrayBuffer | Uint8Array, workbook: HeadlessWorkbook): Promise<void> {
  const pkg = await XlsxPackage.open(data);
  const sheetParts = await pkg.worksheetParts();
  for (const sheet of workbook.sheets) {
    const sheetPart = sheetParts.get(sheet.name);
    if (!sheetPart) continue;
    // A worksheet has at most one <drawing>, so its relationships name it without parsing the (possibly large) sheet.
    const drawingPart = (await pkg.relationships(sheetPart)).find((rel) => rel.type === RELATIONSHIP_TYPES.drawing && !rel.external)?.target;
    if (!drawingPart || !pkg.has(drawingPart)) continue;
    const chartTargets = new Map((await pkg.relationships(drawingPart)).filter((rel) => rel.type === RELATIONSHIP_TYPES.chart).map((rel) => [rel.id, rel.target]));
    for (const anchor of chartAnchorsOf(parseXml(await pkg.text(drawingPart)))) {
      const chartPart = chartTargets.get(anchor.relationshipId);
      if (!chartPart || !pkg.has(chartPart)) continue;
      const chart = chartFromPart(parseXml(await pkg.text(chartPart)), anchor, workbook);
      if (chart) sheet.charts.push(chart);
    }
  }
}

/** A series name is a literal (<c:v>) or a cell reference whose cached text we take. */
function seriesName(tx: XmlElement | undefined, index: number): string {
  const literal = child(tx, "v");
  if (literal) return literal.text;
  const cached = path(tx, "strRef", "strCache", "pt", "v");
  if (cached) return cached.text;
  return deepText(path(tx, "strRef", "f")) || `Series${index + 1}`;
}

function rangeOf(data: XmlElement | undefined): string | undefined {
  const formula = deepText(path(data, "numRef", "f") ?? path(data, "strRef", "f"));
  return (formula && fromChartFormula(formula)) || undefined;
}

function seriesOf(ser: XmlElement, index: number): ChartSeriesModel {
  const valuesAddress = rangeOf(child(ser, "val") ?? child(ser, "yVal"));
  const xValuesAddress = rangeOf(child(ser, "cat") ?? child(ser, "xVal"));
  return { name: seriesName(child(ser, "tx"), index), ...(valuesAddress ? { valuesAddress } : {}), ...(xValuesAddress ? { xValuesAddress } : {}) };
}

function kindOf(plot: XmlElement): ChartKind {
  const local = plot.local as PlotElement;
  const markers = local === "lineChart" || local === "scatterChart"
    ? childrenNamed(plot, "ser").some((ser) => valOf(child(ser, "marker"), "symbol") !== "none")
    : undefined;
  const barDir = valOf(plot, "barDir") as ChartKind["barDir"];
  return { plot: local, grouping: (valOf(plot, "grouping") ?? "standard") as ChartKind["grouping"], ...(barDir ? { barDir } : {}), ...(markers !== undefined ? { markers } : {}) };
}

const axisTitle = (axis: XmlElement | undefined): string => deepText(path(axis, "title", "tx", "rich"));

/** A paragraph's default run size (hundredths of a point, ST_TextFontSize) in points. */
function paragraphSize(paragraph: XmlElement | undefined): number | undefined {
  const sz = path(paragraph, "pPr", "defRPr")?.attributes.sz ?? path(paragraph, "r", "rPr")?.attributes.sz;
  return sz === undefined || !Number.isFinite(Number(sz)) ? undefined : Number(sz) / 100;
}

/** Null for plots this module does not model (3-D, scatter, combinations beyond the first plot...). */
function ownFormat(field: "categoryAxisNumberFormat", numFmt: XmlElement | undefined): Partial<ChartWithAxisFormat> {
  return numFmt && numFmt.attributes.sourceLinked !== "1" ? { [field]: numFmt.attributes.formatCode } : {};
}

function axisBounds(scaling: XmlElement | undefined): Pick<ChartWithAxisFormat, "valueAxisMinimum" | "valueAxisMaximum"> {
  const bound = (name: string) => {
    const text = valOf(scaling, name);
    return text === undefined ? undefined : Number(text);
  };
  const [minimum, maximum] = [bound("min"), bound("max")];
  return { ...(minimum !== undefined ? { valueAxisMinimum: minimum } : {}), ...(maximum !== undefined ? { valueAxisMaximum: maximum } : {}) };
}

function logBaseOf(scaling: XmlElement | undefined): number | undefined {
  const text = valOf(scaling, "logBase");
  return text === undefined ? undefined : Number(text);
}

/** The horizontal and vertical axes: catAx + valAx, or an XY chart's two valAx (horizontal at the bottom). */
function axesOf(plotArea: XmlElement | undefined): { category: XmlElement | undefined; value: XmlElement | undefined } {
  const values = childrenNamed(plotArea, "valAx");
  const categoryAxis = child(plotArea, "catAx") ?? child(plotArea, "dateAx");
  if (categoryAxis || values.length < 2) return { category: categoryAxis, value: values[0] };
  const horizontal = values.find((axis) => ["b", "t"].includes(valOf(axis, "axPos") ?? "")) ?? values[0];
  return { category: horizontal, value: values.find((axis) => axis !== horizontal) };
}

const sizeField = <K extends string>(key: K, size: number | undefined): Partial<Record<K, number>> => (size === undefined ? {} : ({ [key]: size } as Record<K, number>));

function chartFromPart(chartSpace: XmlElement, anchor: ChartAnchor, workbook: HeadlessWorkbook): ChartWithAxisFormat | null {
  const chart = child(chartSpace, "chart");
  const plotArea = child(chart, "plotArea");
  const plot = plotArea?.children.find((c) => (PLOTS as readonly string[]).includes(c.local));
  if (!plot) return null;
  const series = childrenNamed(plot, "ser").map(seriesOf);
  const titleText = deepText(path(chart, "title", "tx", "rich"));
  const legend = child(chart, "legend");
  const { category: categoryAxis, value: valueAxis } = axesOf(plotArea);
  const valueFormat = child(valueAxis, "numFmt");
  const categoryLogBase = logBaseOf(child(categoryAxis, "scaling"));
  const valueLogBase = logBaseOf(child(valueAxis, "scaling"));
  return {
    id: workbook.newId("chart"),
    name: anchor.name || `Chart ${workbook.newNumber()}`,
    chartType: chartTypeOf(kindOf(plot)),
    sourceAddress: series[0]?.valuesAddress ?? "",
    seriesBy: "Columns",
    title: { text: titleText, visible: child(chart, "title") !== undefined && valOf(chart, "autoTitleDeleted") !== "1", ...sizeField("size", paragraphSize(path(chart, "title", "tx", "rich", "p"))) },
    ...sizeField("textSize", paragraphSize(path(chartSpace, "txPr", "p"))),
    legend: { position: LEGEND_BY_CODE[valOf(legend, "legendPos") ?? "r"] ?? "Right", visible: legend !== undefined },
    axisTitles: { category: axisTitle(categoryAxis), value: axisTitle(valueAxis) },
    ...anchor.placement,
    series,
    ...(valueFormat && valueFormat.attributes.sourceLinked !== "1" ? { valueAxisNumberFormat: valueFormat.attributes.formatCode } : {}),
    ...axisBounds(child(valueAxis, "scaling")),
    ...ownFormat("categoryAxisNumberFormat", child(categoryAxis, "numFmt")),
    ...(categoryLogBase !== undefined ? { categoryAxisLogBase: categoryLogBase } : {}),
    ...(valueLogBase !== undefined ? { valueAxisLogBase: valueLogBase } : {}),
  };
}
