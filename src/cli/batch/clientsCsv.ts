/**
 * The client list for `ismp batch`: one row per client. Header names are case-insensitive; row
 * numbers are as a spreadsheet shows the file (header = row 1).
 */
import Papa from "papaparse";
import type { OptionFields } from "../../core/blueprint/parseOptions";
import { CliError, EXIT } from "../exitCodes";

export type ClientField = "client" | "profile" | "frameworks" | "matrix" | "method" | "sample" | "soc2" | "registers";

export interface RowError {
  row: number;
  /** The column at fault, or "csv" when the row itself is malformed. */
  field: ClientField | "csv" | "file";
  message: string;
}

export interface ClientRow {
  row: number;
  client: string;
  /** The option cells as typed; blank cells are absent. */
  fields: Omit<OptionFields, "org">;
  /** Problems found while reading the row (blank client, malformed CSV). */
  errors: RowError[];
}

export interface ClientList {
  rows: ClientRow[];
  /** Header cells that are not a column ismp knows; their cells are ignored. */
  ignoredColumns: string[];
}

const COLUMN_NAMES: Record<string, ClientField> = {
  client: "client",
  organisation: "client",
  organization: "client",
  profile: "profile",
  frameworks: "frameworks",
  framework: "frameworks",
  matrix: "matrix",
  "matrix size": "matrix",
  method: "method",
  "scoring method": "method",
  sample: "sample",
  soc2: "soc2",
  "soc 2 categories": "soc2",
  registers: "registers",
};

const normalizeHeader = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

export function parseClientList(csv: string): ClientList {
  // Every cell stays the text typed ("0012", "1e3", "TRUE"): no dynamic typing, no header transform.
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false, dynamicTyping: false });
  const records = parsed.data;
  const header = records[0];
  if (!header || header.every((cell) => cell.trim() === "")) throw new CliError("The CSV is empty; its first row must name the columns.", EXIT.usage);

  const columnOf = header.map((cell) => COLUMN_NAMES[normalizeHeader(cell)]);
  if (!columnOf.includes("client")) {
    throw new CliError(`The CSV has no "client" column (row 1 has: ${header.join(", ")}).`, EXIT.usage);
  }
  const malformed = new Map<number, string>();
  for (const error of parsed.errors) if (error.row !== undefined) malformed.set(error.row, error.message);

  const rows: ClientRow[] = [];
  records.forEach((cells, index) => {
    if (index === 0 || cells.every((cell) => cell.trim() === "")) return;
    rows.push(readRow(cells, index + 1, columnOf, malformed.get(index)));
  });
  return { rows, ignoredColumns: header.filter((_, i) => !columnOf[i] && header[i].trim() !== "") };
}

function readRow(cells: string[], row: number, columnOf: Array<ClientField | undefined>, malformed: string | undefined): ClientRow {
  const values: Partial<Record<ClientField, string>> = {};
  columnOf.forEach((field, i) => {
    const cell = cells[i]?.trim();
    if (field && cell) values[field] = cell;
  });
  const { client = "", ...fields } = values;
  const errors: RowError[] = [];
  if (malformed) errors.push({ row, field: "csv", message: `the row is malformed (${malformed}); a cell with quotes or commas must be quoted, with inner quotes doubled` });
  else if (!client) errors.push({ row, field: "client", message: "the name is blank; every row needs one" });
  return { row, client, fields, errors };
}
