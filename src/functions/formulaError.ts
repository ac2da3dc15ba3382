/**
 * Errors the ISMP functions return, as plain data. functions.ts turns them into
 * CustomFunctions.Error at the Excel boundary; everything else stays testable in Node.
 */
export type FormulaErrorCode = "#VALUE!" | "#N/A";

export interface FormulaError {
  readonly code: FormulaErrorCode;
  readonly message: string;
}

/** Bad input: wrong type, out of range, unknown framework, mismatched ranges. */
export function invalidValue(message: string): FormulaError {
  return { code: "#VALUE!", message };
}

/** A value is missing or nothing can be found. */
export function notAvailable(message: string): FormulaError {
  return { code: "#N/A", message };
}

const ERROR_CODES: ReadonlySet<string> = new Set(["#VALUE!", "#N/A"]);

export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === "object" && value !== null && ERROR_CODES.has((value as { code?: unknown }).code as string);
}
