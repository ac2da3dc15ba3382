/** The CSV side of formula injection: what a spreadsheet would run is escaped on export and unescaped on import. */
import Papa from "papaparse";
import { CellValue } from "../blueprint/types";

const CSV_FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** A CSV cell that Excel or another spreadsheet would not run: "=1+1" becomes "'=1+1" (OWASP's escape). */
export function csvSafe(value: CellValue): string {
  if (value === null) return "";
  const text = String(value);
  return typeof value === "string" && CSV_FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** Drops the escape `csvSafe` adds, so an exported file imports back as it was. */
export function unescapeCsvCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A CSV file's text: UTF-8 with a BOM (Excel then opens accented names correctly), CRLF lines, cells escaped. */
export function csvFileText(headers: readonly string[], rows: readonly CellValue[][]): string {
  return "\uFEFF" + Papa.unparse({ fields: [...headers], data: rows.map((row) => row.map(csvSafe)) }, { newline: "\r\n" }) + "\r\n";
}
