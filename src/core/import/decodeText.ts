/**
 * The text of a CSV file, whatever Excel or another tool saved it as: UTF-8 with or without a BOM,
 * UTF-16 LE/BE with a BOM (Excel's "Unicode text"), and Windows-1252 (Excel's "CSV" on Western
 * Windows; it contains Latin-1) when the bytes are not valid UTF-8. Anything else is refused with a
 * message that names what was found, rather than turning "Müller" into "M\uFFFDller".
 */

/** Text whose encoding cannot be told or is not one of those read. */
export class TextEncodingError extends Error {}

export type CsvEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  bom: boolean;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeCsv(bytes: Uint8Array, name: string): DecodedText {
  const refuse = (found: string) =>
    new TextEncodingError(`${name} is ${found}; save it as CSV UTF-8 (or UTF-16 with a byte-order mark, or Windows-1252) and try again.`);
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) throw refuse("UTF-32 text");
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decode("utf-8", bytes.subarray(3), name, "UTF-8"), encoding: "UTF-8", bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decode("utf-16le", bytes.subarray(2), name, "UTF-16LE"), encoding: "UTF-16LE", bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decode("utf-16be", bytes.subarray(2), name, "UTF-16BE"), encoding: "UTF-16BE", bom: true };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw refuse("a zip package (an .xlsx workbook?), not CSV text");
  const nuls = bytes.subarray(0, 4096).filter((b) => b === 0).length;
  if (nuls > 0) {
    // ASCII text saved as UTF-16 without a BOM has a NUL beside every character.
    throw refuse(nuls * 4 >= Math.min(bytes.length, 4096) ? "UTF-16 text without a byte-order mark" : "binary data (it contains NUL bytes), not CSV text");
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8", bom: false };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252", bom: false };
  }
}

function decode(label: string, bytes: Uint8Array, name: string, encoding: CsvEncoding): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new TextEncodingError(`${name} starts with a ${encoding} byte-order mark but is not valid ${encoding} text; save it again as CSV UTF-8.`);
  }
}
