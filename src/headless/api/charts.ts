import type * as OfficeApi from "../../excel/officeApi";
import { qualifiedAddress } from "../addresses";
import { CHART_SERIES_BY, CHART_TYPES, checkEnum, LEGEND_POSITIONS } from "./enums";
import { HeadlessOfficeError } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { ChartModel, ChartSeriesModel } from "../model/types";
import { ClientCollection, ClientObject, type Context, type Resolver, type ProxyNode } from "./clientObject";
import type { Range, RangeRef } from "./range";
import { Worksheet } from "./worksheet";

interface ChartRef {
  sheet: SheetModel;
  chart: ChartModel;
}

interface SeriesRef extends ChartRef {
  series: ChartSeriesModel;
}

const addressOf = (ref: RangeRef): string => qualifiedAddress(ref.sheet.name, ref.rect);

function rangeOf(range: Range): RangeRef {
  const ref = range.resolve();
  if (!ref) throw new HeadlessOfficeError("InvalidArgument");
  return ref;
}

/** One series per column (or row) of the source; the first row/column holds names and categories. */
function seriesFromSource(ref: RangeRef, seriesBy: string): ChartSeriesModel[] {
  const byRows = seriesBy === "Rows";
  const { rect, sheet } = ref;
  const lines = byRows ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
  const series: ChartSeriesModel[] = [];
  for (let i = 1; i < lines || (lines === 1 && i === 1); i++) {
    const line = lines === 1 ? 0 : i;
    const nameCell = byRows ? sheet.cell(rect.r0 + line, rect.c0) : sheet.cell(rect.r0, rect.c0 + line);
    const values = byRows
      ? { ...rect, r0: rect.r0 + line, r1: rect.r0 + line, c0: rect.c0 + 1 }
      : { ...rect, c0: rect.c0 + line, c1: rect.c0 + line, r0: rect.r0 + 1 };
    const categories = byRows ? { ...rect, r1: rect.r0, c0: rect.c0 + 1 } : { ...rect, c1: rect.c0, r0: rect.r0 + 1 };
    series.push({
      name: String(nameCell?.value ?? `Series${i}`),
      valuesAddress: addressOf({ sheet, rect: values }),
      xValuesAddress: addressOf({ sheet, rect: categories }),
    });
    if (lines === 1) break;
  }
  return series;
}

abstract class ChartPart<M> extends ClientObject<M> {
  protected edit<T>(property: string, value: T, apply: (model: M) => void): void {
    this.setProperty(property, value, apply);
  }
}

/** Where a chart keeps a text size: the whole chart's (ChartAreaFormat.font) or its title's (ChartTitleFormat.font). */
interface TextSizeSlot {
  get(chart: ChartModel): number | undefined;
  set(chart: ChartModel, size: number): void;
}

const CHART_TEXT: TextSizeSlot = { get: (chart) => chart.textSize, set: (chart, size) => (chart.textSize = size) };
const TITLE_TEXT: TextSizeSlot = { get: (chart) => chart.title.size, set: (chart, size) => (chart.title.size = size) };
/** What Excel's default chart style (2013 and later) shows when no size was set: 9 pt text, a 14 pt title. */
const DEFAULT_SIZES = new Map<TextSizeSlot, number>([[CHART_TEXT, 9], [TITLE_TEXT, 14]]);

/**
 * Excel.ChartFont (ExcelApi 1.1) with the size the add-in sets. A chart's text is DrawingML, whose font
 * size runs from 1 to 4,000 points (ST_TextFontSize, ECMA-376 Part 1 §20.1.10.72); Excel refuses others.
 */
export class ChartFont extends ChartPart<ChartRef> implements OfficeApi.ChartFont {
  constructor(context: Context, resolver: Resolver<ChartRef>, private readonly slot: TextSizeSlot) { super(context, resolver, "ChartFont"); }
  protected readers() { return { size: ({ chart }: ChartRef) => this.slot.get(chart) ?? DEFAULT_SIZES.get(this.slot) }; }
  get size(): number { return this.read("size"); }
  set size(v: number) {
    this.edit("size", v, ({ chart }) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 1 || v > 4000) throw new HeadlessOfficeError("InvalidArgument", `A chart font size must be from 1 to 4000 points; got ${String(v)}.`);
      this.slot.set(chart, v);
    });
  }
}

/** Excel.ChartAreaFormat / ChartTitleFormat, reduced to their font. */
export class ChartTextFormat extends ChartPart<ChartRef> implements OfficeApi.ChartTextFormat {
  constructor(context: Context, resolver: Resolver<ChartRef>, private readonly slot: TextSizeSlot) { super(context, resolver, "ChartAreaFormat"); }
  protected readers() { return {}; }
  protected override navigation(): Record<string, ProxyNode> { return { font: this.font }; }
  get font(): ChartFont { return this.memo("font", () => new ChartFont(this.context, () => this.resolve(), this.slot)); }
}

export class ChartTitle extends ChartPart<ChartRef> implements OfficeApi.ChartTitle {
  constructor(context: Context, resolver: Resolver<ChartRef>) { super(context, resolver, "ChartTitle"); }
  protected readers() { return { text: ({ chart }: ChartRef) => chart.title.text, visible: ({ chart }: ChartRef) => chart.title.visible }; }
  protected override navigation(): Record<string, ProxyNode> { return { format: this.format }; }
  get format(): ChartTextFormat { return this.memo("format", () => new ChartTextFormat(this.context, () => this.resolve(), TITLE_TEXT)); }
  get text(): string { return this.read("text"); }
  set text(v: string) { this.edit("text", v, ({ chart }) => (chart.title = { ...chart.title, text: v, visible: true })); }
  get visible(): boolean { return this.read("visible"); }
  set visible(v: boolean) { this.edit("visible", v, ({ chart }) => (chart.title.visible = v)); }
}

export class ChartLegend extends ChartPart<ChartRef> implements OfficeApi.ChartLegend {
  constructor(context: Context, resolver: Resolver<ChartRef>) { super(context, resolver, "ChartLegend"); }
  protected readers() { return { position: ({ chart }: ChartRef) => chart.legend.position, visible: ({ chart }: ChartRef) => chart.legend.visible }; }
  get position(): Excel.ChartLegend["position"] { return this.read("position"); }
  set position(v: Excel.ChartLegend["position"]) { this.edit("position", v, ({ chart }) => (chart.legend.position = checkEnum(LEGEND_POSITIONS, v, "ChartLegend.position"))); }
  get visible(): boolean { return this.read("visible"); }
  set visible(v: boolean) { this.edit("visible", v, ({ chart }) => (chart.legend.visible = v)); }
}

type AxisKind = "category" | "value";

export class ChartAxisTitle extends ChartPart<ChartRef> implements OfficeApi.ChartAxisTitle {
  constructor(context: Context, resolver: Resolver<ChartRef>, private readonly axis: AxisKind) { super(context, resolver, "ChartAxisTitle"); }
  protected readers() { return { text: ({ chart }: ChartRef) => chart.axisTitles[this.axis] }; }
  get text(): string { return this.read("text"); }
  set text(v: string) { this.edit("text", v, ({ chart }) => (chart.axisTitles[this.axis] = v)); }
}

export class ChartAxis extends ChartPart<ChartRef> implements OfficeApi.ChartAxis {
  constructor(context: Context, resolver: Resolver<ChartRef>, private readonly axis: AxisKind) { super(context, resolver, "ChartAxis"); }
  protected readers() {
    return {
      numberFormat: ({ chart }: ChartRef) => (this.axis === "value" ? chart.valueAxisNumberFormat : chart.categoryAxisNumberFormat) ?? "General",
      minimum: ({ chart }: ChartRef) => (this.axis === "value" ? chart.valueAxisMinimum : undefined),
      maximum: ({ chart }: ChartRef) => (this.axis === "value" ? chart.valueAxisMaximum : undefined),
      scaleType: ({ chart }: ChartRef) => (this.logBaseOf(chart) === undefined ? "Linear" : "Logarithmic"),
      logBase: ({ chart }: ChartRef) => this.logBaseOf(chart) ?? 10,
    };
  }

  private logBaseOf(chart: ChartModel): number | undefined {
    return this.axis === "value" ? chart.valueAxisLogBase : chart.categoryAxisLogBase;
  }

  private setLogBase(chart: ChartModel, base: number | undefined): void {
    if (this.axis === "value") chart.valueAxisLogBase = base;
    else chart.categoryAxisLogBase = base;
  }

  /** ChartAxis.scaleType (ExcelApi 1.7): "Linear" or "Logarithmic"; a logarithmic axis starts at base 10. */
  get scaleType(): Excel.ChartAxis["scaleType"] { return this.read("scaleType"); }
  set scaleType(v: Excel.ChartAxis["scaleType"]) {
    if (v !== "Linear" && v !== "Logarithmic") throw new HeadlessOfficeError("InvalidArgument");
    this.edit("scaleType", v, ({ chart }) => this.setLogBase(chart, v === "Linear" ? undefined : (this.logBaseOf(chart) ?? 10)));
  }

  /**
   * ChartAxis.logBase (ExcelApi 1.7). Excel refuses a base of 0 or less ("Attempting to set this
   * property to a value less than or equal to zero (0) causes an error", Axis.LogBase, Excel VBA
   * reference); the base takes effect on a logarithmic axis.
   */
  get logBase(): number { return this.read("logBase"); }
  set logBase(v: number) {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw new HeadlessOfficeError("InvalidArgument");
    this.edit("logBase", v, ({ chart }) => {
      if (this.logBaseOf(chart) !== undefined) this.setLogBase(chart, v);
    });
  }
  get numberFormat(): string { return this.read("numberFormat"); }
  set numberFormat(v: string) {
    this.edit("numberFormat", v, ({ chart }) => {
      if (this.axis === "value") chart.valueAxisNumberFormat = v;
      else chart.categoryAxisNumberFormat = v;
    });
  }
  get minimum(): number | undefined { return this.read("minimum"); }
  set minimum(v: number | undefined) { this.edit("minimum", v, ({ chart }) => { if (this.axis === "value") chart.valueAxisMinimum = v; }); }
  get maximum(): number | undefined { return this.read("maximum"); }
  set maximum(v: number | undefined) { this.edit("maximum", v, ({ chart }) => { if (this.axis === "value") chart.valueAxisMaximum = v; }); }
  protected override navigation(): Record<string, ProxyNode> { return { title: this.title }; }
  get title(): ChartAxisTitle { return this.memo("title", () => new ChartAxisTitle(this.context, () => this.resolve(), this.axis)); }
}

export class ChartAxes extends ChartPart<ChartRef> implements OfficeApi.ChartAxes {
  constructor(context: Context, resolver: Resolver<ChartRef>) { super(context, resolver, "ChartAxes"); }
  protected readers() { return {}; }
  protected override navigation(): Record<string, ProxyNode> { return { categoryAxis: this.categoryAxis, valueAxis: this.valueAxis }; }
  get categoryAxis(): ChartAxis { return this.memo("categoryAxis", () => new ChartAxis(this.context, () => this.resolve(), "category")); }
  get valueAxis(): ChartAxis { return this.memo("valueAxis", () => new ChartAxis(this.context, () => this.resolve(), "value")); }
}

export class ChartSeries extends ChartPart<SeriesRef> implements OfficeApi.ChartSeries {
  constructor(context: Context, resolver: Resolver<SeriesRef>) { super(context, resolver, "ChartSeries"); }
  protected readers() { return { name: ({ series }: SeriesRef) => series.name }; }
  get name(): string { return this.read("name"); }
  set name(v: string) { this.edit("name", v, ({ series }) => (series.name = v)); }
  setValues(source: Range): void { this.invoke("setValues", "range", ({ series }) => (series.valuesAddress = addressOf(rangeOf(source)))); }
  setXAxisValues(source: Range): void { this.invoke("setXAxisValues", "range", ({ series }) => (series.xValuesAddress = addressOf(rangeOf(source)))); }
  delete(): void { this.invoke("delete", null, ({ chart, series }) => chart.series.splice(chart.series.indexOf(series), 1)); }
}

export class ChartSeriesCollection extends ClientCollection<SeriesRef, ChartSeries> implements OfficeApi.ChartSeriesCollection {
  constructor(context: Context, private readonly chart: Resolver<ChartRef>) {
    super(context, () => {
      const ref = chart();
      return ref && ref.chart.series.map((series) => ({ ...ref, series }));
    }, "ChartSeriesCollection");
  }

  protected lazyItem(find: () => SeriesRef | null): ChartSeries { return new ChartSeries(this.context, find); }

  add(name?: string, index?: number): ChartSeries {
    const proxy = new ChartSeries(this.context, () => null);
    this.invoke("add", { name, index }, () => {
      const ref = this.chart();
      if (!ref) return;
      const series: ChartSeriesModel = { name: name ?? `Series${ref.chart.series.length + 1}` };
      ref.chart.series.splice(index ?? ref.chart.series.length, 0, series);
      proxy.bind({ ...ref, series });
    });
    return proxy;
  }
}

export class Chart extends ChartPart<ChartRef> implements OfficeApi.Chart {
  constructor(context: Context, resolver: Resolver<ChartRef>) { super(context, resolver, "Chart"); }

  protected readers() {
    return {
      name: ({ chart }: ChartRef) => chart.name,
      id: ({ chart }: ChartRef) => chart.id,
      chartType: ({ chart }: ChartRef) => chart.chartType,
      top: ({ chart }: ChartRef) => chart.top,
      left: ({ chart }: ChartRef) => chart.left,
      width: ({ chart }: ChartRef) => chart.width,
      height: ({ chart }: ChartRef) => chart.height,
    };
  }

  protected override navigation(): Record<string, ProxyNode> {
    return { title: this.title, legend: this.legend, axes: this.axes, series: this.series, format: this.format };
  }

  get name(): string { return this.read("name"); }
  set name(v: string) { this.edit("name", v, ({ chart }) => (chart.name = v)); }
  get id(): string { return this.read("id"); }
  get chartType(): string { return this.read("chartType"); }
  set chartType(v: string) { this.edit("chartType", v, ({ chart }) => (chart.chartType = checkEnum(CHART_TYPES, v, "Chart.chartType"))); }
  get top(): number { return this.read("top"); }
  set top(v: number) { this.edit("top", v, ({ chart }) => (chart.top = v)); }
  get left(): number { return this.read("left"); }
  set left(v: number) { this.edit("left", v, ({ chart }) => (chart.left = v)); }
  get width(): number { return this.read("width"); }
  set width(v: number) { this.edit("width", v, ({ chart }) => (chart.width = v)); }
  get height(): number { return this.read("height"); }
  set height(v: number) { this.edit("height", v, ({ chart }) => (chart.height = v)); }

  get title(): ChartTitle { return this.memo("title", () => new ChartTitle(this.context, () => this.resolve())); }
  get legend(): ChartLegend { return this.memo("legend", () => new ChartLegend(this.context, () => this.resolve())); }
  get axes(): ChartAxes { return this.memo("axes", () => new ChartAxes(this.context, () => this.resolve())); }
  get format(): ChartTextFormat { return this.memo("format", () => new ChartTextFormat(this.context, () => this.resolve(), CHART_TEXT)); }
  get series(): ChartSeriesCollection { return this.memo("series", () => new ChartSeriesCollection(this.context, () => this.resolve())); }
  get worksheet(): Worksheet { return this.memo("worksheet", () => new Worksheet(this.context, () => this.resolve()?.sheet ?? null)); }

  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const address = (cell: Range | string): string => (typeof cell === "string" ? cell : addressOf(rangeOf(cell)).split("!")[1]);
    this.invoke("setPosition", { startCell: typeof startCell === "string" ? startCell : "range" }, ({ chart }) => {
      chart.position = { startCell: address(startCell), ...(endCell ? { endCell: address(endCell) } : {}) };
    });
  }

  setData(source: Range, seriesBy = "Auto"): void {
    this.invoke("setData", { seriesBy }, ({ chart }) => {
      checkEnum(CHART_SERIES_BY, seriesBy, "seriesBy");
      const ref = rangeOf(source);
      Object.assign(chart, { sourceAddress: addressOf(ref), seriesBy, series: seriesFromSource(ref, seriesBy) });
    });
  }

  delete(): void {
    this.invoke("delete", null, ({ sheet, chart }) => sheet.charts.splice(sheet.charts.indexOf(chart), 1));
  }
}

export class ChartCollection extends ClientCollection<ChartRef, Chart> implements OfficeApi.ChartCollection {
  constructor(context: Context, private readonly sheet: Resolver<SheetModel>) {
    super(context, () => {
      const model = sheet();
      return model && model.charts.map((chart) => ({ sheet: model, chart }));
    }, "ChartCollection");
  }

  protected lazyItem(find: () => ChartRef | null): Chart { return new Chart(this.context, find); }

  private find(name: string): ChartRef | null {
    return this.resolve()?.find(({ chart }) => chart.name === name || chart.id === name) ?? null;
  }

  getItem(name: string): Chart {
    return this.child(this.lazyItem(() => this.find(name) ?? notFound()), "getItem");
  }

  getItemOrNullObject(name: string): Chart {
    return this.child(this.lazyItem(() => this.find(name)), "getItemOrNullObject", true);
  }

  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    const proxy = new Chart(this.context, () => null);
    this.invoke("add", { type, seriesBy }, () => {
      const sheet = this.sheet();
      if (!sheet) return;
      checkEnum(CHART_TYPES, type, "ChartCollection.add type");
      checkEnum(CHART_SERIES_BY, seriesBy, "ChartCollection.add seriesBy");
      const ref = rangeOf(sourceData);
      const number = this.context.model.newNumber();
      const chart: ChartModel = {
        id: this.context.model.newId("chart"),
        name: `Chart ${number}`,
        chartType: type,
        sourceAddress: addressOf(ref),
        seriesBy,
        title: { text: "", visible: false },
        legend: { position: "Right", visible: true },
        axisTitles: { category: "", value: "" },
        position: {},
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        series: seriesFromSource(ref, seriesBy),
      };
      sheet.charts.push(chart);
      proxy.bind({ sheet, chart });
    });
    return proxy;
  }
}

const notFound = (): never => {
  throw new HeadlessOfficeError("ItemNotFound");
};
