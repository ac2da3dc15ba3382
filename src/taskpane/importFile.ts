/** A file the user picked, as the grid an import reads: CSV text in any common encoding, or an .xlsx's first sheet. */
import { decodeCsv, parseCsvGrid, SourceCell } from "../core/import";

export interface PickedSource {
  name: string;
  grid: SourceCell[][];
  format: string;
}

export async function readPickedFile(file: File): Promise<PickedSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xls[xm]$/i.test(file.name)) {
    // exceljs is loaded only when a workbook is picked, so it never weighs on the pane's first render.
    const { readSourceGrid } = await import(/* webpackChunkName: "xlsx-source" */ "../headless/xlsx/sourceGrid");
    const read = await readSourceGrid(bytes, file.name);
    return { name: `${file.name} ▸ ${read.sheet}`, grid: read.grid, format: `worksheet "${read.sheet}"` };
  }
  const decoded = decodeCsv(bytes, file.name);
  return { name: file.name, grid: parseCsvGrid(decoded.text), format: `CSV, ${decoded.encoding}` };
}

/** Offers text as a file download (export, saved mappings). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
