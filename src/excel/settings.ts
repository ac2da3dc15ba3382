/** The settings a workbook remembers (see core/plan/workbookMemory.ts), for Set up to start from. */
import { CellValue } from "../core/blueprint/types";
import { MEMORY_SHEET, readMemory } from "../core/plan/workbookMemory";
import type { RememberedSettings } from "./operations";
import { useWorkbookCatalogs } from "./snapshot";

/**
 * Makes the frameworks the workbook stores known before a key given by the user is resolved
 * (`ismp suggest --framework ACME-SEC`): one read of the memory sheet.
 */
export async function readWorkbookCatalogs(context: Excel.RequestContext): Promise<void> {
  const used = context.workbook.worksheets.getItemOrNullObject(MEMORY_SHEET).getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  useWorkbookCatalogs(used.isNullObject ? undefined : (used.values as CellValue[][]));
}

export async function readSettings(context: Excel.RequestContext): Promise<RememberedSettings | undefined> {
  const used = context.workbook.worksheets.getItemOrNullObject(MEMORY_SHEET).getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  const rows = used.isNullObject ? undefined : (used.values as CellValue[][]);
  useWorkbookCatalogs(rows);
  const read = readMemory(rows);
  if (read.kind !== "memory") return undefined;
  const { memory } = read;
  return {
    options: {
      profile: memory.profile,
      frameworks: memory.frameworks,
      matrixSize: memory.matrixSize,
      method: memory.method,
      organisation: memory.organisation,
      sample: false,
      ...(memory.soc2Categories ? { soc2Categories: memory.soc2Categories } : {}),
    },
    client: memory.client,
    schemaVersion: memory.schemaVersion,
  };
}
