/** The settings a workbook remembers (see core/plan/workbookMemory.ts), for Set up to start from. */
import { CellValue } from "../core/blueprint/types";
import { MEMORY_SHEET, readMemory } from "../core/plan/workbookMemory";
import type { RememberedSettings } from "./operations";

export async function readSettings(context: Excel.RequestContext): Promise<RememberedSettings | undefined> {
  const used = context.workbook.worksheets.getItemOrNullObject(MEMORY_SHEET).getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  const read = readMemory(used.isNullObject ? undefined : (used.values as CellValue[][]));
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
