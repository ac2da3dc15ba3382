export async function writeXlsx(_w: import("../model/workbook").HeadlessWorkbook): Promise<Uint8Array> { throw new Error("todo"); }
