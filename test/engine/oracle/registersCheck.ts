/**
 * The operations registers (Incidents, Vulnerabilities, Access Reviews, Training) and the program
 * registers (Policies, Policy Exceptions, Vendors, Vendor Questions and Answers, Audit Findings):
 * every calculated column against its TypeScript twin in the register's declaration
 * (FieldSpec.compute), row by row.
 */
import { OPERATIONS_SCALE_TABLES } from "../../../src/core/blueprint/operationsScales";
import { rowViews, type TableData } from "../../../src/core/check/tableData";
import { OPTIONAL_REGISTERS, PROGRAM_REGISTERS, REGISTERS } from "../../../src/core/registers";
import type { ComputeContext } from "../../../src/core/registers/types";
import { defaultScales } from "../../../src/core/scales";
import type { EngineWorkbook } from "../engineWorkbook";
import type { SheetCheck } from "./check";
import { text, type CheckContext } from "./context";
import type { Expectation } from "./expectation";

/** A table as the core reads it: the engine's values by header (calculated columns included, which the core ignores). */
export function engineTableData(book: EngineWorkbook, name: string): TableData {
  const rows = book.table(name);
  const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
  return { name, sheet: rows[0]?.[headers[0]]?.sheet ?? "", headerRow: 0, firstColumn: 0, headers, rows: rows.map((row) => headers.map((h) => row[h].value)) };
}

/** Every register and Scales table the calculated columns and KPIs read, by lower-case name. */
export function computeContext(context: CheckContext): ComputeContext {
  const names = [...REGISTERS.map((r) => r.table), ...Object.values(OPERATIONS_SCALE_TABLES)];
  const tables = new Map(names.filter((n) => context.book.hasTable(n)).map((n) => [n.toLowerCase(), engineTableData(context.book, n)] as const));
  return { today: context.today, now: context.now, tables };
}

export function operationsRegistersCheck(sheet: string, table: string): SheetCheck {
  const register = REGISTERS.find((r) => r.table === table)!;
  return {
    sheet,
    expectations: (context) => {
      if (!context.book.hasTable(table)) return [];
      const compute = computeContext(context);
      const rows = context.book.table(table);
      const views = rowViews(engineTableData(context.book, table));
      const calculated = register.fields({ scales: defaultScales(), frameworks: [] }).filter((f) => f.formula);
      return rows.flatMap((row, i): Expectation[] =>
        calculated.map((field) => {
          if (!field.compute) throw new Error(`${table}[${field.header}] is calculated but declares no compute`);
          return { cell: row[field.header], rule: `${table}[${field.header}] of ${text(row[register.keyColumn].value) || `row ${i + 1}`}`, expected: field.compute(views[i], compute) ?? "" };
        }),
      );
    },
  };
}

export const operationsRegisterChecks: SheetCheck[] = [...Object.values(OPTIONAL_REGISTERS), ...PROGRAM_REGISTERS].map((r) => operationsRegistersCheck(r.sheet.name, r.table));
