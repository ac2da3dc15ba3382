/**
 * Values the analyst typed over a calculated column (an overridden score): Check lists each one with
 * the formula it replaced, and the task pane restores the formula, to one cell or the whole column,
 * only when the analyst asks for it.
 */
import { cellAddress, columnLetter } from "../core/a1";
import { TableSpec } from "../core/blueprint/types";
import { renameReferences } from "../core/plan/structuredRefs";
import { OperationBlockedError } from "./errors";
import { everyTableBlueprint } from "./build";
import type { Problem } from "./operations";
import { createSyncCounter } from "./syncCounter";
import type { WorkbookData } from "./workbookData";
import { readWorkbookData } from "./workbookData";

/** Which formula cell to restore: blueprint table and column names; `row` a 0-based body row, or the whole column. */
export interface FormulaRestore {
  table: string;
  column: string;
  row?: number;
}

function specOf(table: string): TableSpec | undefined {
  return everyTableBlueprint()
    .sheets.flatMap((s) => s.tables)
    .find((t) => t.name.toLowerCase() === table.toLowerCase());
}

/** The blueprint formula as the workbook would hold it, renamed tables and columns followed. */
function formulaFor(data: Pick<WorkbookData, "identity">, table: string, column: string): string | undefined {
  const formula = specOf(table)?.columns.find((c) => c.header.toLowerCase() === column.toLowerCase())?.formula;
  const actualTable = data.identity.tables.get(table.toLowerCase())?.name ?? table;
  return formula && renameReferences(formula, data.identity.renames, actualTable);
}

export function overrideProblems(data: WorkbookData, tables: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const name of tables) {
    const layout = data.layout(name);
    const rows = data.table(name)?.rows;
    if (!layout?.constants) continue;
    for (const [column, typed] of Object.entries(layout.constants)) {
      const formula = formulaFor(data, name, column);
      const index = layout.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
      if (!formula || index < 0) continue;
      for (const row of typed) {
        const value = rows?.[row]?.[index];
        problems.push({
          code: "formula-overridden",
          severity: "warning",
          sheet: layout.sheet,
          address: cellAddress({ row: layout.headerRow + 1 + row, column: layout.firstColumn + index }),
          message: `${column} holds a typed value${value === undefined || value === null ? "" : ` (${value})`} instead of its formula ${formula}. Build keeps it; restore the formula from Check if it was not meant.`,
          restore: { table: name, column, row },
        });
      }
    }
  }
  return problems;
}

/** Writes the formula back: one batched write after one read. */
export async function restoreFormula(context: Excel.RequestContext, target: FormulaRestore): Promise<{ cells: number }> {
  const sync = createSyncCounter();
  // Layouts only (no table bodies): two reads, then the write.
  const data = await readWorkbookData(context, sync, []);
  const layout = data.layout(target.table);
  const formula = formulaFor(data, target.table, target.column);
  const index = layout?.headers.findIndex((h) => h.toLowerCase() === target.column.toLowerCase()) ?? -1;
  if (!layout || !formula || index < 0) {
    throw new OperationBlockedError([`There is no calculated column ${target.column} in table ${target.table}; nothing was changed.`]);
  }
  if (target.row !== undefined && (target.row < 0 || target.row >= layout.bodyRows)) {
    throw new OperationBlockedError([`Row ${target.row + 1} is not in table ${layout.name}; nothing was changed.`]);
  }
  const letter = columnLetter(layout.firstColumn + index);
  const first = layout.headerRow + 2 + (target.row ?? 0);
  const last = target.row === undefined ? layout.headerRow + 1 + layout.bodyRows : first;
  // Office.js applies one formula to every cell of the range ("applied to all cells").
  context.workbook.worksheets.getItem(layout.sheet).getRange(`${letter}${first}:${letter}${last}`).formulas = formula as unknown as string[][];
  await sync(context);
  return { cells: last - first + 1 };
}
