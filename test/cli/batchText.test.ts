import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { decodeCsv } from "../../src/cli/batch/csvText";
import { parseClientList } from "../../src/cli/batch/clientsCsv";
import { progressLine } from "../../src/cli/batch/progress";
import { terminalSafe } from "../../src/cli/output";
import { ismp, savedSetting, tempDir, writeText } from "./helpers";

const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

describe("batch CSV cells are text, in whatever encoding the file was saved", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('keeps "0012", "1e3" and "TRUE" as the text typed, in the CSV and in the workbook', async () => {
    const csv = writeText(dir.file("numbers.csv"), "client,matrix\n0012,5\n1e3,\nTRUE,\n");
    expect(parseClientList(readFileSync(csv, "utf8")).rows.map((r) => [r.client, r.fields.matrix])).toEqual([["0012", "5"], ["1e3", undefined], ["TRUE", undefined]]);
    const result = await ismp(["batch", csv, "--out", dir.file("numbers")]);
    expect(result.code).toBe(0);
    for (const [file, name] of [["0012", "0012"], ["1e3", "1e3"], ["true", "TRUE"]]) {
      expect((await savedSetting(dir.file(`numbers/${file}.xlsx`), "Organisation")).value).toBe(name);
    }
  }, 60_000);

  it("reads a Windows-1252 / Latin-1 CSV: Müller stays Müller, and says which encoding it read", async () => {
    const csv = dir.file("latin1.csv");
    writeFileSync(csv, Buffer.from("client\nMüller GmbH\n", "latin1"));
    const result = await ismp(["batch", csv, "--out", dir.file("latin1")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([`Reading ${csv} as Windows-1252 text.`]);
    expect((await savedSetting(dir.file("latin1/muller-gmbh.xlsx"), "Organisation")).value).toBe("Müller GmbH");
  }, 60_000);

  it("reads UTF-16 LE and BE by their byte-order mark, and UTF-8 with or without one", () => {
    const text = "client,profile\nMüller,saas\n";
    const cases: Array<[Buffer, string]> = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "UTF-16LE"],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), "UTF-16BE"],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "UTF-8"],
      [Buffer.from(text), "UTF-8"],
    ];
    for (const [bytes, encoding] of cases) {
      const decoded = decodeCsv(bytes, "c.csv");
      expect({ encoding: decoded.encoding, client: parseClientList(decoded.text).rows[0].client }).toEqual({ encoding, client: "Müller" });
    }
  });

  it("builds a workbook from a UTF-16 CSV (Excel's Unicode text)", async () => {
    const csv = dir.file("utf16.csv");
    writeFileSync(csv, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("client\nZoë Ltd\n", "utf16le")]));
    expect((await ismp(["batch", csv, "--out", dir.file("utf16")])).code).toBe(0);
    expect((await savedSetting(dir.file("utf16/zoe-ltd.xlsx"), "Organisation")).value).toBe("Zoë Ltd");
  }, 60_000);

  it("refuses what it cannot read as text, naming what it found", async () => {
    const noBom = writeFileSync(dir.file("nobom.csv"), Buffer.from("client\nA\n", "utf16le"));
    void noBom;
    const result = await ismp(["batch", dir.file("nobom.csv"), "--out", dir.file("x")]);
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toContain("is UTF-16 text without a byte-order mark; save it as CSV UTF-8");
    expect(() => decodeCsv(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), "c.csv")).toThrow("c.csv is UTF-32 text");
    expect(() => decodeCsv(Buffer.from("PK\u0003\u0004rest"), "c.csv")).toThrow("a zip package");
  });

  it("never writes through a symbolic link in --out: that row fails and the link's target is unchanged", async () => {
    const out = dir.file("links");
    mkdirSync(out);
    const victim = writeText(dir.file("victim.xlsx"), "not yours");
    symlinkSync(victim, `${out}/acme.xlsx`);
    const result = await ismp(["batch", writeText(dir.file("links.csv"), "client\nAcme\n"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([expect.stringContaining("is a symbolic link; ismp does not write through links")]);
    expect(readFileSync(victim, "utf8")).toBe("not yours");
  });
});

describe("terminal output", () => {
  it("shows control and escape characters from names as \\uXXXX instead of sending them to the terminal", () => {
    expect(terminalSafe("\u001b[2J\u001b]0;pwned\u0007Acme\u009b31m\u202eevil\r")).toBe("\\u001b[2J\\u001b]0;pwned\\u0007Acme\\u009b31m\\u202eevil\\u000d");
    expect(terminalSafe("line one\n\ttab")).toBe("line one\n\ttab");
    expect(JSON.parse(terminalSafe(JSON.stringify({ name: "a\u009bb" }))).name).toBe("a\\u009bb".replace("\\u009b", "\u009b"));
    expect(progressLine(1, 1, "\u001b[31mRed")).toBe("[##########] 1/1 \\u001b[31mRed");
  });
});
