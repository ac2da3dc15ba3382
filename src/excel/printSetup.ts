/** Reads the page setup of the add-in's sheets for Check's print rule (ExcelApi 1.10, in one sync). */
import type { Orientation } from "../core/blueprint/paper";
import type { PrintedSheet } from "../core/check/checkPrint";
import { localAddress } from "./snapshot";
import type { RequestContext } from "./officeApi";
import { FEATURE_SETS, supportsExcelApi } from "./requirements";
import type { SyncCounter } from "./syncCounter";

export async function readPrintedSheets(context: RequestContext, sheets: readonly string[], sync: SyncCounter): Promise<PrintedSheet[]> {
  // PageLayout and getPrintAreaOrNullObject are ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout),
  // Range.width and height 1.10; a host with 1.10 has 1.9.
  if (!supportsExcelApi(FEATURE_SETS.pageLayout)) return [];
  if (!supportsExcelApi(FEATURE_SETS.rangeSize)) return [];
  if (sheets.length === 0) return [];
  const reads = sheets.map((name) => {
    const worksheet = context.workbook.worksheets.getItem(name);
    const layout = worksheet.pageLayout.load("orientation, zoom, leftMargin, rightMargin, topMargin, bottomMargin");
    const area = layout.getPrintAreaOrNullObject().load("address");
    area.areas.load("items/width, items/height");
    const used = worksheet.getUsedRangeOrNullObject(true).load("address, width, height");
    return { name, layout, area, used };
  });
  await sync(context);
  return reads.flatMap(({ name, layout, area, used }): PrintedSheet[] => {
    const size = area.isNullObject
      ? used.isNullObject ? undefined : { address: localAddress(used.address), width: used.width, height: used.height }
      : {
          address: localAddress(area.address),
          // Each area of a print area starts its own pages: the widest and the tallest decide the scale.
          width: Math.max(...area.areas.items.map((r) => r.width)),
          height: Math.max(...area.areas.items.map((r) => r.height)),
        };
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
