/**
 * ISMP.COVERAGE, GAPS and REQUIREMENTS accept the key of a framework the user added from a file.
 * Its catalog is stored in their workbook (the very hidden memory sheet), not in the bundle, so the
 * first call that names a key the runtime does not know reads the memory sheet once through
 * Excel.run — a custom function in a shared runtime may call the Excel JavaScript API
 * (https://learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function) — and
 * then computes. When the task pane has already read the workbook, the catalog is known and
 * nothing is read.
 */
import { resolveFrameworkKey, useCustomFrameworks } from "../core/catalogs";
import type { CellValue } from "../core/blueprint/types";
import { MEMORY_SHEET, readMemory } from "../core/plan/workbookMemory";

interface ExcelRuntime {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

let loading: Promise<void> | undefined;

function loadCatalogs(excel: ExcelRuntime): Promise<void> {
  loading ??= excel
    .run(async (context) => {
      const used = context.workbook.worksheets.getItemOrNullObject(MEMORY_SHEET).getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      const read = readMemory(used.isNullObject ? undefined : (used.values as CellValue[][]));
      if (read.kind === "memory" && read.memory.customFrameworks) useCustomFrameworks(read.memory.customFrameworks);
    })
    .catch(() => {
      // Unreadable now (e.g. the sheet is being edited): the next call tries again.
      loading = undefined;
    });
  return loading;
}

/** Computes now when the framework is known (or cannot be looked up); otherwise after reading the workbook's catalogs. */
export function withWorkbookCatalogs<T>(framework: unknown, compute: () => T): T | Promise<T> {
  const excel = (globalThis as { Excel?: ExcelRuntime }).Excel;
  if (typeof framework !== "string" || framework.trim() === "" || resolveFrameworkKey(framework) || typeof excel?.run !== "function") return compute();
  return loadCatalogs(excel).then(compute);
}

/** Forgets that the catalogs were read (tests; a workbook opened anew). */
export function resetWorkbookCatalogs(): void {
  loading = undefined;
}
