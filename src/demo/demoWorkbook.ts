/**
 * The demo's in-browser workbook and the Excel global the task pane talks to. Every Excel.run the
 * pane makes is reported to listeners so the workbook view can refresh.
 */
import { createExcelNamespace, createWorkbook, writeXlsxWithValues } from "../headless";

/** Calculates like Excel, so the grid shows formula results rather than formula text. */
export const workbook = createWorkbook({ calculate: true });

/** Unwrapped, for the workbook view's own reads (they must not trigger refreshes). */
export const headlessExcel = createExcelNamespace(workbook);

type Listener = () => void;
const listeners = new Set<Listener>();

export function onWorkbookChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function installExcelGlobal(): void {
  const excel = {
    ...headlessExcel,
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      try {
        return await headlessExcel.run(batch);
      } finally {
        for (const listener of listeners) listener();
      }
    },
  };
  (globalThis as unknown as { Excel: unknown }).Excel = excel;
}

export async function downloadXlsx(fileName: string): Promise<void> {
  // The same step as the CLI's saves: cached values for readers that do not calculate.
  const { bytes } = await writeXlsxWithValues(workbook);
  const blob = new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
