/** Reads the page setup of the add-in's sheets for Check's print rule (ExcelApi 1.10: one sync, and one more for print areas). */
import type { Orientation } from "../core/blueprint/paper";
import type { PrintedSheet } from "../core/check/checkPrint";
import { localAddress } from "./snapshot";
import type { RequestContext } from "./officeApi";
import { FEATURE_SETS, supportsExcelApi } from "./requirements";
import type { SyncCounter } from "./syncCounter";

export async function readPrintedSheets(context: RequestContext, sheets: readonly string[], sync: SyncCounter): Promise<PrintedSheet[]> {
  // PageLayout and getPrintAreaOrNullObject are ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout),
  // Range.width and height 1.10; a host with 1.10 has 1.9.
  if (!supportsExcelApi(FEATURE_SETS.rangeSize)) return [];
  if (sheets.length === 0) return [];
  const reads = sheets.map((name) => {
    const worksheet = context.workbook.worksheets.getItem(name);
    const layout = worksheet.pageLayout.load("orientation, zoom, leftMargin, rightMargin, topMargin, bottomMargin");
    // Nothing is read through the print area until it is known not to be a null object.
    const area = layout.getPrintAreaOrNullObject().load("address");
    const used = worksheet.getUsedRangeOrNullObject(true).load("address, width, height");
    return { name, worksheet, layout, area, used };
  });
  await sync(context);
  // Each area of a print area starts its own pages: the widest and the tallest decide the scale.
  const areas = new Map(
    reads.filter((r) => !r.area.isNullObject).map((r) => [r.name, localAddress(r.area.address).split(",").map((a) => r.worksheet.getRange(a).load("width, height"))]),
  );
  if (areas.size > 0) await sync(context);
  return reads.flatMap(({ name, layout, area, used }): PrintedSheet[] => {
    const parts = areas.get(name);
    const size = parts
      ? { address: localAddress(area.address), width: Math.max(...parts.map((r) => r.width)), height: Math.max(...parts.map((r) => r.height)) }
      : used.isNullObject ? undefined : { address: localAddress(used.address), width: used.width, height: used.height };
    if (!size) return [];
    return [{
      sheet: name,
      ...size,
      orientation: layout.orientation as Orientation,
      zoom: layout.zoom,
      margins: { left: layout.leftMargin, right: layout.rightMargin, top: layout.topMargin, bottom: layout.bottomMargin },
    }];
  });
}
