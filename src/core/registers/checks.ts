/**
 * Check's generic rules, from a register's declaration: blank or repeated IDs, required blanks,
 * values outside their list or range, text where a date belongs, dates out of order, and IDs
 * that do not exist in the register they point to. Then the register's own rules.
 */
import type { CheckProblem } from "../check/problem";
import { filledRows, RowView, TableData } from "../check/tableData";
import { fixedValues } from "./columns";
import { cellAddress } from "../a1";
import { CheckContext, FieldSpec, RegisterDeclaration, Report, TableReport } from "./types";
import { rowKeyColumns } from "./rowKey";

/** IDs in a cell are separated by "; " (commas and new lines are tolerated too). */
export function splitIds(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The key a Scales-table column's values are found under in `CheckContext.lists`. */
export const listKey = (table: string, column: string) => `${table}[${column}]`.toLowerCase();


const numberOf = (value: unknown): number | undefined => {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
};

function rangeMessage(field: FieldSpec, min: number | undefined, max: number | undefined, whole: boolean): string {
  const what = whole ? "a whole number" : "a number";
  if (min !== undefined && max !== undefined) return `must be ${what} from ${min} to ${max}`;
  if (min !== undefined) return `must be ${what} of ${min} or more`;
  if (max !== undefined) return `must be ${what} of ${max} or less`;
  return `must be ${what}`;
}

function checkField(field: FieldSpec, row: RowView, label: string, report: Report, context: CheckContext): void {
  const { header, type } = field;
  const value = row.get(header);
  const typed = row.text(header);
  if (!typed) {
    if (field.required) report(row, header, "required-blank", "error", `${label}: ${header} is required.`);
    return;
  }
  if (field.customCheck) return;
  const fixed = fixedValues(type);
  const allowed = fixed ?? (type.kind === "scaleChoice" ? context.lists.get(listKey(type.table, type.column)) : undefined);
  if (allowed) {
    if (!allowed.some((a) => a.toLowerCase() === typed.toLowerCase()))
      report(row, header, "outside-list", "error", `${label}: ${header} "${typed}" is not one of ${allowed.join(", ")}.`);
    return;
  }
  switch (type.kind) {
    case "whole":
    case "decimal": {
      const n = numberOf(value);
      const whole = type.kind === "whole";
      const outside = n === undefined || (whole && !Number.isInteger(n)) || (type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max);
      if (outside) report(row, header, "outside-scale", "error", `${label}: ${header} "${typed}" ${rangeMessage(field, type.min, type.max, whole)}.`);
      return;
    }
    case "percent": {
      const n = numberOf(value);
      if (n === undefined || n < 0 || n > 1) report(row, header, "outside-scale", "error", `${label}: ${header} "${typed}" must be a percentage from 0% to 100%.`);
      return;
    }
    case "date":
    case "dateTime":
      if (typeof value !== "number") report(row, header, "not-a-date", "error", `${label}: ${header} "${typed}" is not a date${type.kind === "dateTime" ? " and time" : ""}.`);
      return;
    case "ids": {
      const target = context.ids.get(type.register.toLowerCase());
      if (!target) return;
      for (const id of splitIds(typed)) {
        if (!target.ids.has(id.toLowerCase()))
          report(row, header, `missing-${target.noun.replace(/\s+/g, "-")}`, "error", `${label}: ${target.noun} ${id} is not in the ${target.sheet}.`);
      }
      return;
    }
    default:
      return;
  }
}

/** Every generic and register-specific problem in one register's table. */
export function checkRegister(register: RegisterDeclaration, table: TableData, context: CheckContext): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const report: Report = (row, header, code, severity, message) => problems.push({ code, severity, sheet: table.sheet, address: row.address(header), message });
  const fields = register.fields(context).filter((f) => !f.formula);
  const present = new Set(table.headers.map((h) => h.trim().toLowerCase()));
  // The key column has its own blank and repeat rules; in a long-form table (uniqueTogether) it is also an ordinary column, an ID of another register.
  const columns = fields.filter((f) => present.has(f.header.toLowerCase()) && (f.header !== register.keyColumn || register.uniqueTogether !== undefined));
  const rows = filledRows(table);
  const key = register.keyColumn;
  const together = rowKeyColumns(register);
  const identity = (row: RowView) => together.map((h) => row.text(h).toLowerCase()).join("\u0000");
  const idCount = new Map<string, number>();
  for (const row of rows) {
    if (row.text(key)) idCount.set(identity(row), (idCount.get(identity(row)) ?? 0) + 1);
  }
  const repeated = together.length > 1 ? `${together.join(" and ")} are used together more than once` : `${key} is used more than once`;
  for (const row of rows) {
    const id = row.text(key);
    const label = id || `Row ${row.index + 1}`;
    if (!id) report(row, key, "blank-id", "error", `${label}: ${key} is blank.`);
    else if ((idCount.get(identity(row)) ?? 0) > 1) report(row, key, "duplicate-id", "error", `${id}: ${repeated}.`);
    for (const field of columns) checkField(field, row, label, report, context);
    for (const [first, second] of register.dateOrder ?? []) {
      const a = row.get(first);
      const b = row.get(second);
      if (typeof a === "number" && typeof b === "number" && b < a) report(row, second, "dates-out-of-order", "error", `${label}: ${second} is before ${first}.`);
    }
    for (const rule of register.rules ?? []) rule(row, label, report, context);
  }
  const reportTable: TableReport = (header, code, severity, message) => {
    const column = Math.max(table.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase()), 0);
    problems.push({ code, severity, sheet: table.sheet, address: cellAddress({ row: table.headerRow, column: table.firstColumn + column }), message });
  };
  for (const rule of register.tableRules ?? []) rule(rows, report, reportTable, context);
  return problems;
}
