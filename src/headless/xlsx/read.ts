export async function readXlsx(_d: ArrayBuffer | Uint8Array): Promise<import("../model/workbook").HeadlessWorkbook> { throw new Error("todo"); }
