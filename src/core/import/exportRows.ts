/**
 * A register written out in a profile's layout (or its own, for the generic profile), so that
 * importing the file back in update mode gives the same rows. CSV cells that a spreadsheet would
 * run as a formula are escaped with an apostrophe, which the import drops again.
 */
import { CellValue } from "../blueprint/types";
import { TableData } from "../check/tableData";
import { FieldSpec } from "../registers/types";
import { formatSerial } from "./cellText";
import { listKeyOf } from "./fieldValue";
import { Profile } from "./profiles";

export interface ExportedTable {
  headers: string[];
  rows: CellValue[][];
}

export interface ExportContext {
  /** Label of each scale value, by listKeyOf then value (level 4 → "High"). */
  labelsOf: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function jiraDate(serial: number): string {
  const iso = formatSerial(serial, true);
  const [y, m, d] = iso.slice(0, 10).split("-");
  const [hh, mm] = iso.slice(11).split(":").map(Number);
  const hour12 = hh % 12 === 0 ? 12 : hh % 12;
  return `${d}/${MONTHS[Number(m) - 1]}/${y.slice(2)} ${hour12}:${String(mm).padStart(2, "0")} ${hh < 12 ? "AM" : "PM"}`;
}

/** What goes in the file for one register value. */
function exportValue(value: CellValue, field: FieldSpec | undefined, profile: Profile | undefined, asLabel: boolean, context: ExportContext): CellValue {
  if (value === null || value === "") return "";
  if (!field) return value;
  const { type } = field;
  if ((type.kind === "date" || type.kind === "dateTime") && typeof value === "number") {
    return profile?.exportDates === "jira" ? jiraDate(value) : formatSerial(value, type.kind === "dateTime");
  }
  if (asLabel && type.kind === "scaleChoice") return context.labelsOf.get(listKeyOf(type.table, type.column))?.get(String(value)) ?? value;
  const words = profile?.values?.[field.header];
  if (words) {
    const word = Object.entries(words).find(([, to]) => to !== null && String(to).toLowerCase() === String(value).toLowerCase())?.[0];
    if (word !== undefined) return word;
  }
  return value;
}

/** The register's rows in the profile's columns; the generic layout keeps every column of the table. */
export function exportTable(table: TableData, fields: readonly FieldSpec[], profile: Profile | undefined, context: ExportContext): ExportedTable {
  const position = new Map(table.headers.map((h, i) => [h.toLowerCase(), i]));
  const fieldOf = new Map(fields.map((f) => [f.header.toLowerCase(), f]));
  const layout = profile ? profile.columns : table.headers.map((h) => ({ source: h, target: h, asLabel: false }));
  const rows = table.rows
    .filter((row) => row.some((v) => v !== null && v !== ""))
    .map((row) =>
      layout.map((column) => {
        const at = column.target === null ? undefined : position.get(column.target.toLowerCase());
        if (at === undefined) return "";
        return exportValue(row[at] ?? null, fieldOf.get(column.target!.toLowerCase()), profile, column.asLabel === true, context);
      }),
    );
  return { headers: layout.map((c) => c.source), rows };
}

/** The empty generic template: the register's input columns (calculated ones are the workbook's). */
export function templateHeaders(fields: readonly FieldSpec[]): string[] {
  return fields.filter((f) => !f.formula).map((f) => f.header);
}
