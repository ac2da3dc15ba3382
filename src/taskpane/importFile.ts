/** A file the user picked, as the grid an import reads: CSV text in any common encoding, or a sheet of an .xlsx (the first unless one is named). */
import { jsonCatalogGrid } from "../core/catalogs/customFramework";
import { decodeCsv, parseCsvGrid, SourceCell } from "../core/import";

export interface PickedSource {
  name: string;
  grid: SourceCell[][];
  format: string;
  /** An .xlsx's sheets, for the user to pick another; absent for CSV. */
  sheets?: string[];
  /** The sheet read. */
  sheet?: string;
}

export async function readPickedFile(file: File, sheet?: string): Promise<PickedSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xls[xm]$/i.test(file.name)) {
    // exceljs is loaded only when a workbook is picked, so it never weighs on the pane's first render.
    const { readSourceGrid } = await import(/* webpackChunkName: "xlsx-source" */ "../headless/xlsx/sourceGrid");
    const read = await readSourceGrid(bytes, file.name, sheet);
    return { name: `${file.name} ▸ ${read.sheet}`, grid: read.grid, format: `worksheet "${read.sheet}"`, sheets: read.sheets, sheet: read.sheet };
  }
  const decoded = decodeCsv(bytes, file.name);
  return { name: file.name, grid: parseCsvGrid(decoded.text), format: `CSV, ${decoded.encoding}` };
}

/** A framework catalog the user picked: CSV or .xlsx as for an import, or a JSON catalog turned into the same grid. */
export async function readPickedCatalog(file: File, sheet?: string): Promise<PickedSource> {
  if (!/\.json$/i.test(file.name)) return readPickedFile(file, sheet);
  const read = jsonCatalogGrid(await file.text());
  if ("problem" in read) throw new Error(`${file.name}: ${read.problem.message}`);
  return { name: file.name, grid: read.grid, format: "JSON" };
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
