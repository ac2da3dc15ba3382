/** Damaged and hostile packages: read as far as they can be, or refused naming the part; zip bombs refused before inflating. */
import JSZip from "jszip";
import { createWorkbook, readXlsx, run, writeXlsx } from "../../src/headless";
import { assertWithinLimits, PACKAGE_LIMITS, PackageRefusedError } from "../../src/headless/xlsx/packageLimits";

async function sampleBytes(): Promise<Uint8Array> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C3").values = [["ID", "Name", "Score"], ["R-1", "Laptop theft", 12], ["R-2", "Phishing", 20]];
    sheet.getRange("C2:C3").format.font.bold = true;
    sheet.tables.add("A1:C3", true).name = "Risks";
  });
  return writeXlsx(workbook);
}

async function without(bytes: Uint8Array, part: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file(part)).not.toBeNull();
  zip.remove(part);
  return zip.generateAsync({ type: "uint8array" });
}

describe("damaged packages", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await sampleBytes();
  });

  it("refuses a package whose shared strings part is missing, naming it (every text cell would read blank)", async () => {
    await expect(readXlsx(await without(bytes, "xl/sharedStrings.xml"))).rejects.toThrow(
      new PackageRefusedError("its shared strings part xl/sharedStrings.xml is missing, so every text cell would read as blank"),
    );
  });

  it("refuses a package whose table part is missing, naming the part and its sheet", async () => {
    await expect(readXlsx(await without(bytes, "xl/tables/table1.xml"))).rejects.toThrow('its table part xl/tables/table1.xml (of sheet "Sheet1") is missing');
  });

  it("reads a package without styles.xml with default formats, and saves it with a styles part", async () => {
    const workbook = await readXlsx(await without(bytes, "xl/styles.xml"));
    expect(workbook.sheet("Sheet1").valuesOf("A1:C3")).toEqual([["ID", "Name", "Score"], ["R-1", "Laptop theft", 12], ["R-2", "Phishing", 20]]);
    expect(workbook.getTable("Risks")?.address()).toBe("A1:C3");
    await run(workbook, async (context) => {
      context.workbook.worksheets.add("Added").getRange("A1").values = [["new"]];
    });
    const saved = await writeXlsx(workbook);
    expect((await JSZip.loadAsync(saved)).file("xl/styles.xml")).not.toBeNull();
    expect((await readXlsx(saved)).sheet("Added").valueAt("A1")).toBe("new");
  });

  it("refuses what is not a zip, or a truncated one, before reading anything", async () => {
    await expect(readXlsx(new TextEncoder().encode("client,profile\nAcme,saas\n"))).rejects.toThrow("it is not a zip package");
    await expect(readXlsx(bytes.subarray(0, bytes.length - 30))).rejects.toThrow("its zip directory is missing");
  });
});

describe("zip bombs", () => {
  it(`refuses a part that would inflate more than ${PACKAGE_LIMITS.maxRatio} times, before inflating it`, async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(20 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => assertWithinLimits(bomb)).toThrow(/its part xl\/worksheets\/sheet1\.xml would inflate \d+ times \(20 MB\); the limit is 500 times \(a zip bomb\?\)/);
    await expect(readXlsx(bomb)).rejects.toThrow(PackageRefusedError);
  });

  it(`refuses a directory that promises more than ${PACKAGE_LIMITS.maxPartBytes / 1024 / 1024} MB for one part, whatever the data`, async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>", { compression: "STORE" });
    const forged = await zip.generateAsync({ type: "uint8array" });
    const view = new DataView(forged.buffer, forged.byteOffset, forged.byteLength);
    const central = forged.findIndex((_b, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 0xfffffff0, true);
    expect(() => assertWithinLimits(forged)).toThrow("its part a.xml would inflate to 4096 MB; the limit for one part is 512 MB (a zip bomb?)");
  });
});
