/** Reading CSV bytes in the encodings Excel and other tools save (more cases: test/cli/batchText.test.ts). */
import { decodeCsv, decodeWindows1252, parseCsvGrid, TextEncodingError } from "../../../src/core/import";

describe("CSV text in the encodings Excel saves", () => {
  it("reads Windows-1252 (Excel's CSV on Western Windows), not Latin-1: € and curly quotes arrive as typed", () => {
    // "Owner;Budget\nJosé’s team;€ 5 000" as Windows-1252: 0x92 is ’ and 0x80 is €, which Latin-1 has no letter for.
    const bytes = Buffer.from([...Buffer.from("Owner;Budget\nJos", "latin1"), 0xe9, 0x92, ...Buffer.from("s team;", "latin1"), 0x80, ...Buffer.from(" 5 000\n", "latin1")]);
    const decoded = decodeCsv(bytes, "budget.csv");
    expect(decoded).toMatchObject({ encoding: "Windows-1252", bom: false });
    expect(parseCsvGrid(decoded.text)).toEqual([["Owner", "Budget"], ["José’s team", "€ 5 000"]]);
  });

  it("reads every byte of the code page as the WHATWG Encoding standard's table says", () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect([0x80, 0x8a, 0x96, 0x99, 0x9f, 0x81].map((b) => all.codePointAt(b))).toEqual([0x20ac, 0x160, 0x2013, 0x2122, 0x178, 0x81]);
    expect(all.slice(0xa0)).toBe(Buffer.from(Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i)).toString("latin1"));
    expect(all.slice(0, 0x80)).toBe(Buffer.from(Uint8Array.from({ length: 128 }, (_, i) => i)).toString("latin1"));
  });

  it("keeps UTF-8 with and without a BOM apart from Windows-1252, and reads a quoted cell across lines in each", () => {
    const text = 'Title,Description\nKey loss,"Zoë\'s laptop\nleft on a train"\n';
    for (const [bytes, bom] of [[Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), true], [Buffer.from(text), false]] as const) {
      const decoded = decodeCsv(bytes, "r.csv");
      expect(decoded).toMatchObject({ encoding: "UTF-8", bom });
      expect(parseCsvGrid(decoded.text)[1]).toEqual(["Key loss", "Zoë's laptop\nleft on a train"]);
    }
    const utf16 = decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "r.csv");
    expect(parseCsvGrid(utf16.text)[1]).toEqual(["Key loss", "Zoë's laptop\nleft on a train"]);
  });

  it("refuses UTF-16 without a byte-order mark, naming what to do", () => {
    expect(() => decodeCsv(Buffer.from("Title\nKey loss\n", "utf16le"), "r.csv")).toThrow(TextEncodingError);
    expect(() => decodeCsv(Buffer.from("Title\nKey loss\n", "utf16le"), "r.csv")).toThrow("r.csv is UTF-16 text without a byte-order mark; save it as CSV UTF-8");
  });
});
