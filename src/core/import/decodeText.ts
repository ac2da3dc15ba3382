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
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252", bom: false };
  }
}

/**
 * What bytes 0x80–0x9F stand for in Windows-1252 (WHATWG Encoding, index-windows-1252): €, curly
 * quotes, dashes, Š, Ž, ™… The rest of the code page is Latin-1. Written out because Node's
 * TextDecoder("windows-1252") reads these bytes as Latin-1 control characters since 20.18.3
 * (nodejs/node#60888), which would turn "€ 5 000" into "\u0080 5 000" in the CLI.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_C1[b - 0x80] : b));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

function decode(label: string, bytes: Uint8Array, name: string, encoding: CsvEncoding): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new TextEncodingError(`${name} starts with a ${encoding} byte-order mark but is not valid ${encoding} text; save it again as CSV UTF-8.`);
  }
}
