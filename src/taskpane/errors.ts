/**
 * Turns whatever an operation threw into a message a risk analyst can act on: Excel's error code
 * plus a plain-language cause. Pure: reads only the error object.
 */

export interface FriendlyError {
  /** Excel's error code (OfficeExtension.Error.code) or our own, e.g. "NotImplemented". */
  code: string;
  /** What probably happened and what to do, in plain words. */
  cause: string;
  /** The original message, for support. */
  detail: string;
  /** Where Excel says the error happened (debugInfo.errorLocation), e.g. "Range.values". */
  location?: string;
}

/**
 * A plain cause for every error code the add-in can meet: Excel.ErrorCodes and OfficeExtension.ErrorCodes
 * as listed in "Error handling with the application-specific JavaScript APIs"
 * (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling), plus our own.
 */
const CAUSES: Record<string, string> = {
  ItemAlreadyExists: "Something the add-in tried to create already exists. Run Check, then Build again.",
  ItemNotFound: "A sheet, table or named range the add-in expects is missing. Run Build in Set up to restore it.",
  InvalidArgument: "Excel rejected a value the add-in sent. Check the workbook for unusual entries and try again.",
  AccessDenied: "Excel refused access. The workbook may be read-only or shared with restrictions.",
  InvalidOperation: "Excel can't do that right now. Finish editing any cell (press Enter or Esc) and try again.",
  InvalidOperationInCellEditMode: "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
  ProtectedSheet: "A sheet is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
  RequestPayloadSizeLimitExceeded: "The change was too large to send to Excel in one go (Excel on the web takes 5 MB at a time). Try again; if it repeats, split very long text cells.",
  ResponsePayloadSizeLimitExceeded: "Excel on the web could not send back that much data at once (5 MB at a time). Try again; if it repeats, shorten very long text cells.",
  RangeExceedsLimit: "The range is too large for Excel to read at once (5 million cells). Remove data far below or to the right of the tables.",
  OperationCellsExceedLimit: "The change touches too many cells for Excel on the web. Remove stray data to the right of the tables, then try again.",
  FormulaLengthExceedsLimit: "A formula became too long for Excel. Shorten the framework or scale lists it is built from.",
  GeneralException: "Excel hit an internal error. Save your work, then try again.",
  InvalidReference: "A reference in the workbook points nowhere. Run Check to find broken references.",
  InvalidBinding: "The workbook changed while the add-in was working. Try again.",
  InvalidSelection: "The current selection doesn't suit this action. Select a single cell and try again.",
  InvalidRequest: "Excel could not process the request. Try again.",
  InsertDeleteConflict: "Rows or columns could not be inserted or deleted there. Move data that is in the way, then try again.",
  MergedRangeConflict: "Merged cells, another table or a PivotTable is in the way. Unmerge or move it, then try again.",
  NonBlankCellOffSheet: "Excel can't insert cells: it would push data off the end of the sheet. Delete unused rows or columns at the far end.",
  FilteredRangeConflict: "A filter is in the way. Clear the filter on that sheet, then try again.",
  PivotTableRangeConflict: "A PivotTable is in the way. Move it, then try again.",
  InactiveWorkbook: "Another workbook has the focus. Click into this workbook, then try again.",
  Conflict: "Someone else changed the workbook at the same time. Wait a moment and try again.",
  ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
  MemoryLimitReached: "Excel ran out of memory for this action. Close other workbooks and try again.",
  RequestAborted: "The request was interrupted. Try again.",
  ServiceNotAvailable: "Excel's service is not available right now. Try again in a moment.",
  Unauthenticated: "Excel needs you to sign in again. Sign in, then try again.",
  UnsupportedOperation: "This version of Excel doesn't support that action. Update Office or use Excel on the web.",
  UnsupportedFeature: "The sheet uses a feature this action can't handle.",
  ApiNotFound: "This version of Excel doesn't support a feature the add-in needs. Update Office.",
  ApiNotAvailable: "This version of Excel doesn't support a feature the add-in needs. Update Office.",
  Unsupported: "This version of Excel is too old for this add-in. Update Office or use Excel on the web.",
  NotImplemented: "This feature isn't available yet in this build of the add-in.",
  DirtySupportingFormula: "Excel is still calculating formulas this needs. Wait a moment and try again.",
  EmptyChartSeries: "A chart has no data to show yet. Fill in the register, then try again.",
  OpenWorkbookLinksBlocked: "Excel blocked links to other workbooks. Allow them (the yellow bar at the top), then try again.",
  RefreshWorkbookLinksBlocked: "Excel blocked updating links to other workbooks. Allow them (the yellow bar at the top), then try again.",
  PowerQueryRefreshResourceChallenge: "A data connection needs you to sign in again. Refresh it once by hand, then try again.",
  RangeImageExceedsLimit: "The range is too large to show as a picture.",
  UnsupportedFillType: "Excel can't fill that range that way.",
  UnsupportedSheet: "This is a chart or macro sheet. Switch to a worksheet and try again.",
  InvalidObjectPath: "Something the add-in was working on was deleted or moved meanwhile. Try again.",
  InvalidRequestContext: "The add-in lost track of the workbook. Reload the add-in and try again.",
  PropertyNotLoaded: "The add-in asked Excel for something it had not read yet. Reload the add-in; if it keeps happening, report it.",
  ValueNotLoaded: "The add-in asked Excel for something it had not read yet. Reload the add-in; if it keeps happening, report it.",
  RunMustReturnPromise: "The add-in made an internal mistake. Reload the add-in; if it keeps happening, report it.",
  CannotRegisterEvent: "Excel couldn't watch the workbook for changes. Reload the add-in.",
  ConnectionFailure: "The connection to Excel was lost. Check your network (Excel on the web), then try again.",
};

const UNKNOWN_CAUSE = "Something went wrong. Try again; if it keeps happening, reload the add-in.";

function readCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && code.length > 0) return code;
  }
  return undefined;
}

function readLocation(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("debugInfo" in error)) return undefined;
  const location = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof location === "string" && location.length > 0 ? location : undefined;
}

function readMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return String(error);
}

export function describeError(error: unknown): FriendlyError {
  const detail = readMessage(error);
  const code = readCode(error) ?? (/not implemented/i.test(detail) ? "NotImplemented" : "Error");
  const mentionsProtection = (code === "InvalidOperation" || code === "AccessDenied") && /protect/i.test(detail);
  const causeKey = mentionsProtection ? "ProtectedSheet" : code;
  // The add-in's own refusals (src/excel OperationBlockedError) are already written for the analyst.
  const cause = code === "OperationBlocked" ? detail : (CAUSES[causeKey] ?? UNKNOWN_CAUSE);
  const location = readLocation(error);
  return location ? { code, cause, detail, location } : { code, cause, detail };
}
