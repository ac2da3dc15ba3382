/** Check over every register the workbook holds: each register's generic rules and its own. */
import type { FrameworkKey } from "../frameworkKeys";
import { REGISTERS, registerByTable } from "../registers";
import { checkRegister } from "../registers/checks";
import type { CheckContext, IdIndex } from "../registers/types";
import type { Scales } from "../scales";
import type { CheckProblem } from "./problem";
import { filledRows, TableData } from "./tableData";

export interface WorkbookCheckInput {
  /** The register tables the workbook holds (others are ignored). */
  tables: readonly TableData[];
  /** Values of the Scales tables' columns by listKey(table, column). */
  lists: ReadonlyMap<string, readonly string[]>;
  scales: Scales;
  /** Frameworks with a mapping column in the control matrix. */
  frameworks: readonly FrameworkKey[];
  /** Today as an Excel serial date; `now` adds the time of day (defaults to the start of today). */
  today: number;
  now?: number;
}

/** The context every register's rules see: the lists, and the IDs of each register present. */
export function registerContext(input: WorkbookCheckInput): CheckContext {
  const tables = new Map(input.tables.map((t) => [t.name.toLowerCase(), t]));
  const ids = new Map<string, IdIndex>();
  for (const table of input.tables) {
    const register = registerByTable(table.name);
    if (!register) continue;
    const values = filledRows(table).map((r) => r.text(register.keyColumn).toLowerCase()).filter((id) => id !== "");
    ids.set(table.name.toLowerCase(), { noun: register.noun, sheet: table.sheet, ids: new Set(values) });
  }
  return { scales: input.scales, frameworks: input.frameworks, today: input.today, now: input.now ?? input.today, lists: input.lists, ids, tables };
}

export function checkWorkbookTables(input: WorkbookCheckInput): CheckProblem[] {
  const context = registerContext(input);
  return REGISTERS.flatMap((register) => {
    const table = context.tables.get(register.table.toLowerCase());
    return table ? checkRegister(register, table, context) : [];
  });
}
