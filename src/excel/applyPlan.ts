/**
 * plan → Office.js: queues every step and syncs once, or once per ~4 MB of payload so no request
 * reaches Excel on the web's 5 MB limit. Ranges are written as whole 2D arrays, never cell by cell.
 */
import { CellFormat, CellValue } from "../core/blueprint/types";
import { NARROW_SIDE_MARGIN } from "../core/blueprint/paper";
import { parseRange, rangeAddress } from "../core/a1";
import { Plan, PlanStep, ResolvedConditionalFormat } from "../core/plan/steps";
import { asLiteralText } from "../core/literalText";
import { FEATURE_SETS, supportsExcelApi } from "./requirements";
import { Batcher, rowSlices } from "./requestBudget";
import { SyncCounter } from "./syncCounter";
import type { Range, RequestContext } from "./officeApi";

export { REQUEST_BUDGET_BYTES } from "./requestBudget";

/**
 * "Fit all columns on one page": no limit on the pages tall. PageLayoutZoomOptions documents null for
 * that (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions), 0 is undocumented.
 */
const AS_MANY_PAGES_AS_NEEDED = null;


function applyFormat(range: Range, format: CellFormat): void {
  const f = range.format;
  if (format.bold !== undefined) f.font.bold = format.bold;
  if (format.italic !== undefined) f.font.italic = format.italic;
  if (format.fontColor) f.font.color = format.fontColor;
  if (format.fontSize) f.font.size = format.fontSize;
  if (format.fill) f.fill.color = format.fill;
  if (format.horizontalAlignment) f.horizontalAlignment = format.horizontalAlignment;
  if (format.verticalAlignment) f.verticalAlignment = format.verticalAlignment;
  if (format.wrapText !== undefined) f.wrapText = format.wrapText;
  if (format.numberFormat) range.numberFormat = format.numberFormat;
}

function addConditionalFormat(range: Range, spec: ResolvedConditionalFormat): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = spec.formula;
  if (spec.fill) cf.custom.format.fill.color = spec.fill;
  if (spec.fontColor) cf.custom.format.font.color = spec.fontColor;
  if (spec.bold !== undefined) cf.custom.format.font.bold = spec.bold;
}


/** "'Risk Register'!$A$5:$A$9" → "Risk Register" and "$A$5:$A$9". */
function sheetOf(address: string): string {
  const sheet = parseRange(address).sheet;
  if (!sheet) throw new Error(`Chart range needs a sheet: ${address}`);
  return sheet;
}

function localOf(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

export async function applyPlan(context: RequestContext, plan: Plan, sync: SyncCounter): Promise<void> {
  const workbook = context.workbook;
  const batch = new Batcher(context, sync);
  const canFormatConditionally = supportsExcelApi(FEATURE_SETS.conditionalFormats);
  const canValidate = supportsExcelApi(FEATURE_SETS.dataValidation);
  const canLayoutPages = supportsExcelApi(FEATURE_SETS.pageLayout);
  const sheet = (name: string) => workbook.worksheets.getItem(name);

  const apply: { [K in PlanStep["kind"]]: (step: Extract<PlanStep, { kind: K }>) => Promise<void> } = {
    addSheet: async (step) => {
      await batch.reserve(step);
      const added = workbook.worksheets.add(step.sheet);
      added.tabColor = step.tabColor;
    },
    write: async (step) => {
      await batch.reserve(step);
      const range = sheet(step.sheet).getRange(step.address);
      if (step.merge) range.merge(false);
      range.formulas = step.values;
      if (step.numberFormats) range.numberFormat = step.numberFormats;
      if (step.format) applyFormat(range, step.format);
      if (step.rowHeight) range.format.rowHeight = step.rowHeight;
    },
    rowBlock: async (step) => {
      await batch.reserve(step);
      const target = sheet(step.sheet);
      const range = target.getRange(step.address);
      range.formulas = step.values;
      applyFormat(range.getRow(0), step.headerFormat);
      if (step.numberFormats) target.getRange(step.body).numberFormat = step.numberFormats;
      for (const column of step.columns) {
        target.getRange(column.widthColumn).format.columnWidth = column.width;
        if (column.horizontalAlignment) target.getRange(column.body).format.horizontalAlignment = column.horizontalAlignment;
      }
    },
    createTable: async (step) => {
      const start = parseRange(step.address).start;
      const target = sheet(step.sheet);
      for (const [offset, slice] of rowSlices(step.rows)) {
        await batch.reserve(slice);
        const from = { row: start.row + offset, column: start.column };
        const to = { row: from.row + slice.length - 1, column: start.column + slice[0].length - 1 };
        target.getRange(rangeAddress(from, to)).formulas = slice;
      }
      await batch.reserve(undefined);
      const table = target.tables.add(step.address, true);
      table.name = step.name;
      table.style = step.style;
    },
    convertTable: async (step) => {
      await batch.reserve(step);
      workbook.tables.getItem(step.table).convertToRange();
    },
    renameColumn: async (step) => {
      await batch.reserve(step);
      workbook.tables.getItem(step.table).columns.getItem(step.from).name = step.to;
    },
    appendColumns: async (step) => {
      await batch.reserve(step);
      const table = workbook.tables.getItem(step.table);
      for (const header of step.headers) table.columns.add(undefined, undefined, header);
    },
    appendRows: async (step) => {
      const table = workbook.tables.getItem(step.table);
      for (const [, slice] of rowSlices(step.rows)) {
        await batch.reserve(slice);
        table.rows.add(undefined, slice);
      }
    },
    column: async (step) => {
      await batch.reserve(step);
      const target = sheet(step.sheet);
      if (step.widthColumn && step.width) target.getRange(step.widthColumn).format.columnWidth = step.width;
      if (!step.body) return;
      const body = target.getRange(step.body);
      if (step.numberFormat) body.numberFormat = step.numberFormat;
      if (step.horizontalAlignment) body.format.horizontalAlignment = step.horizontalAlignment;
      if (step.wrapText !== undefined) body.format.wrapText = step.wrapText;
      // Typed-over cells keep their values: Excel writes a formula into every cell it is given,
      // exceptions of a calculated column included, so only the runs between them get it.
      if (step.formula && step.formulaRuns) for (const run of step.formulaRuns) target.getRange(run).formulas = step.formula;
      else if (step.formula) body.formulas = step.formula;
      else if (step.values) body.values = step.values.map((v) => [v]);
      if (step.validation && canValidate) {
        body.dataValidation.clear();
        body.dataValidation.rule = step.validation.rule;
        body.dataValidation.errorAlert = step.validation.errorAlert;
        if (step.validation.prompt) body.dataValidation.prompt = step.validation.prompt;
      }
      if (step.conditionalFormats && canFormatConditionally) {
        body.conditionalFormats.clearAll();
        for (const cf of step.conditionalFormats) addConditionalFormat(body, cf);
      }
    },
    rowHeights: async (step) => {
      await batch.reserve(step);
      const target = sheet(step.sheet);
      for (const address of step.wrap ?? []) target.getRange(address).format.wrapText = true;
      for (const run of step.runs) target.getRange(run.address).format.rowHeight = run.height;
    },
    name: async (step) => {
      await batch.reserve(step);
      if (step.repoint) workbook.names.getItem(step.name).formula = step.formula;
      else workbook.names.add(step.name, step.formula, step.comment);
    },
    deleteName: async (step) => {
      await batch.reserve(step);
      workbook.names.getItem(step.name).delete();
    },
    freeze: async (step) => {
      await batch.reserve(step);
      // Freeze only the active sheet: on an inactive one Excel reports it activated while the user
      // still sees another (office-js #3148). The plan activates its first sheet at the end.
      sheet(step.sheet).activate();
      const panes = sheet(step.sheet).freezePanes;
      if (step.columns > 0) panes.freezeAt(sheet(step.sheet).getRangeByIndexes(0, 0, step.rows, step.columns));
      else panes.freezeRows(step.rows);
    },
    print: async (step) => {
      if (!canLayoutPages) return;
      await batch.reserve(step);
      const layout = sheet(step.sheet).pageLayout;
      layout.orientation = step.print.orientation;
      if (step.print.onePage) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      else if (step.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: AS_MANY_PAGES_AS_NEEDED };
      else if (step.print.scale) layout.zoom = { scale: step.print.scale };
      // headersFooters is ExcelApi 1.9, the same set as pageLayout (checked above):
      // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-headersfooters-member
      const footer = step.print.footer;
      if (footer) {
        const page = layout.headersFooters.defaultForAllPages;
        if (footer.left) page.leftFooter = footer.left;
        if (footer.center) page.centerFooter = footer.center;
        if (footer.right) page.rightFooter = footer.right;
      }
      // leftMargin and rightMargin are ExcelApi 1.9, in points: https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-leftmargin-member
      if (step.print.narrowMargins) {
        layout.leftMargin = NARROW_SIDE_MARGIN;
        layout.rightMargin = NARROW_SIDE_MARGIN;
      }
      if (step.print.titleRows) layout.setPrintTitleRows(step.print.titleRows);
      if (step.print.printArea) layout.setPrintArea(step.print.printArea);
      // horizontalPageBreaks is ExcelApi 1.9 too: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-horizontalpagebreaks-member
      for (const row of step.print.rowBreaks ?? []) sheet(step.sheet).horizontalPageBreaks.add(`A${row + 1}`);
    },
    printArea: async (step) => {
      if (!canLayoutPages) return;
      await batch.reserve(step);
      sheet(step.sheet).pageLayout.setPrintArea(step.address);
    },
    chart: async (step) => {
      await batch.reserve(step);
      const target = sheet(step.sheet);
      const [first, ...rest] = step.series;
      const firstValues = workbook.worksheets.getItem(sheetOf(first.values)).getRange(localOf(first.values));
      const chart = target.charts.add(step.type, firstValues, "Columns");
      chart.name = step.name;
      // The whole chart's size first: in Excel it resizes every text element, the title included.
      chart.format.font.size = step.textSize;
      chart.title.text = step.title;
      chart.title.format.font.size = step.titleSize;
      chart.legend.position = "Bottom";
      chart.legend.visible = step.series.length > 1;
      chart.setPosition(step.from, step.to);
      const categories = workbook.worksheets.getItem(sheetOf(step.categories)).getRange(localOf(step.categories));
      const firstSeries = chart.series.getItemAt(0);
      // Pin the values: Excel may otherwise take a blank or text first cell for the series name.
      firstSeries.setValues(firstValues);
      firstSeries.name = first.name;
      firstSeries.setXAxisValues(categories);
      for (const s of rest) {
        const series = chart.series.add(s.name);
        series.setValues(workbook.worksheets.getItem(sheetOf(s.values)).getRange(localOf(s.values)));
        series.setXAxisValues(categories);
      }
      if (step.valueAxisTitle) {
        chart.axes.valueAxis.title.text = step.valueAxisTitle;
      }
      if (step.categoryAxisTitle) chart.axes.categoryAxis.title.text = step.categoryAxisTitle;
      if (step.valueFormat) chart.axes.valueAxis.numberFormat = step.valueFormat;
      if (step.categoryFormat) chart.axes.categoryAxis.numberFormat = step.categoryFormat;
      if (step.valueMin !== undefined) chart.axes.valueAxis.minimum = step.valueMin;
      if (step.valueMax !== undefined) chart.axes.valueAxis.maximum = step.valueMax;
      if (step.categoryLogBase !== undefined) {
        // ChartAxis.scaleType and logBase: ExcelApi 1.7, below the add-in's 1.8 minimum.
        chart.axes.categoryAxis.scaleType = "Logarithmic";
        chart.axes.categoryAxis.logBase = step.categoryLogBase;
      }
    },
    memory: async (step) => {
      await batch.reserve(step);
      const target = step.create ? workbook.worksheets.add(step.sheet) : sheet(step.sheet);
      const range = target.getRange(`A1:B${step.rows.length}`);
      range.numberFormat = "@";
      range.values = step.rows.map((row) => row.map((v) => (typeof v === "string" ? asLiteralText(v) : v)));
      if (step.create) target.visibility = "VeryHidden";
    },
    activate: async (step) => {
      await batch.reserve(step);
      sheet(step.sheet).activate();
    },
  };

  for (const step of plan.steps) await (apply[step.kind] as (s: PlanStep) => Promise<void>)(step);
  await batch.flush();
}
