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

const CAUSES: Record<string, string> = {
  ItemAlreadyExists: "Something the add-in tried to create already exists. Run Check, then Build again.",
  ItemNotFound: "A sheet, table or named range the add-in expects is missing. Run Build in Set up to restore it.",
  InvalidArgument: "Excel rejected a value the add-in sent. Check the workbook for unusual entries and try again.",
  AccessDenied: "Excel refused access. The workbook may be read-only or shared with restrictions.",
  InvalidOperation: "Excel can't do that right now. Finish editing any cell (press Enter or Esc) and try again.",
  ProtectedSheet: "A sheet is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
  RequestPayloadSizeLimitExceeded: "The change was too large to send to Excel in one go. Try again with fewer rows.",
  GeneralException: "Excel hit an internal error. Save your work, then try again.",
  InvalidReference: "A reference in the workbook points nowhere. Run Check to find broken references.",
  ApiNotFound: "This version of Excel doesn't support a feature the add-in needs. Update Office.",
  Unsupported: "This version of Excel is too old for this add-in. Update Office or use Excel on the web.",
  NotImplemented: "This feature isn't available yet in this build of the add-in.",
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
