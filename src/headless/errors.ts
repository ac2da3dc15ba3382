/**
 * Errors shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo).
 * Codes and messages follow Excel.ErrorCodes / OfficeExtension.ErrorCodes:
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
export type HeadlessErrorCode =
  | "AccessDenied"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "InvalidOperationInCellEditMode"
  | "ValueNotLoaded";

const defaultMessages: Record<HeadlessErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference isn't valid for the current operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded: "The property is not available.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  InvalidOperationInCellEditMode: "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  ValueNotLoaded: "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.",
};

export interface HeadlessDebugInfo {
  code: HeadlessErrorCode;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class HeadlessOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: HeadlessErrorCode;
  readonly debugInfo: HeadlessDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: HeadlessErrorCode, message: string = defaultMessages[code], errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** Same error with the API location of the command that raised it. */
  at(errorLocation: string): HeadlessOfficeError {
    if (this.debugInfo.errorLocation) return this;
    return new HeadlessOfficeError(this.code, this.message, errorLocation);
  }
}

export const fail = (code: HeadlessErrorCode, message?: string): never => {
  throw new HeadlessOfficeError(code, message);
};

/** OfficeExtension's message for reading a property that was not loaded. */
export function propertyNotLoaded(property: string): HeadlessOfficeError {
  return new HeadlessOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const protectedSheetError = (): HeadlessOfficeError =>
  new HeadlessOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.");
