import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsx } from "../../src/headless";
import { RISK, RISK_REGISTER_SHEET, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { ismp, tempDir, writeText } from "./helpers";

const FIXTURES = join(__dirname, "..", "fixtures", "import");

async function riskRows(path: string): Promise<Map<string, Record<string, unknown>>> {
  const workbook = await readXlsx(readFileSync(path));
  const table = workbook.getTable(RISKS_TABLE)!;
  const headers = table.columnNames();
  return new Map(table.bodyValues().map((row) => [String(row[0]), Object.fromEntries(headers.map((h, i) => [h, row[i]]))]));
}

/** Each <row> element of a sheet in a saved file, by row number: the bytes Excel reads. */
async function sheetRows(path: string, sheetName: string): Promise<Map<number, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const xml = await zip.file(`xl/${target}`)!.async("string");
  return new Map([...xml.matchAll(/<row r="(\d+)"[^>]*>[\s\S]*?<\/row>/g)].map((m) => [Number(m[1]), m[0]]));
}

describe("ismp import and export", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  let n = 0;
  const fresh = async (sample = false) => {
    const file = dir.file(`w${++n}.xlsx`);
    expect((await ismp(["new", file, ...(sample ? ["--sample"] : [])])).code).toBe(0);
    return file;
  };

  it("imports a Latin-1 CSV with semicolons, keeping accented names, and reports what it read", async () => {
    const file = await fresh();
    const csv = dir.file("latin1.csv");
    writeFileSync(csv, Buffer.from("Title;Owner;Likelihood\nFraude à la facture;Müller;H\n", "latin1"));
    const result = await ismp(["import", file, csv, "--into", "Risks"]);
    expect(result.code).toBe(0);
    expect(result.stdout.join("\n")).toContain('Inherent Likelihood: "H" read as level 4 of 5');
    expect(result.stdout.at(-1)).toBe(`${file}: 1 row added and 0 rows updated in Risks`);
    const [row] = [...(await riskRows(file)).values()];
    expect(row).toMatchObject({ [RISK.title]: "Fraude à la facture", [RISK.owner]: "Müller", [RISK.inherentLikelihood]: 4 });
  });

  it("reads UTF-16 text and a named worksheet of an .xlsx with title rows above the header", async () => {
    const file = await fresh();
    const utf16 = dir.file("u16.csv");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Title\tOwner\nKey loss\tZoë\n", "utf16le")]));
    expect((await ismp(["import", file, utf16, "--into", "Risks"])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notes").addRow(["nothing here"]);
    const sheet = book.addWorksheet("Risk scenarios");
    sheet.addRow(["Risk assessment 2026"]);
    sheet.addRow([]);
    sheet.addRow(["ref_id", "name", "current_proba", "current_impact", "treatment"]);
    sheet.addRow(["S-1", "Supplier fraud", "Low", "High", "accept"]);
    sheet.addRow(["S-2", "Data centre fire", "Very low", "Very high", "transfer"]);
    const source = dir.file("scenarios.xlsx");
    await book.xlsx.writeFile(source);
    const result = await ismp(["import", file, source, "--profile", "ciso-assistant", "--sheet", "risk scenarios", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout.join("\n"));
    expect(report).toMatchObject({ format: 'worksheet "Risk scenarios"', written: { added: 2, updated: 0 } });
    expect(report.preview.adds[1].values).toMatchObject({ [RISK.inherentLikelihood]: 1, [RISK.inherentImpact]: 5, [RISK.treatment]: "Transfer" });
    const rows = await riskRows(file);
    expect([...rows.keys()]).toEqual(expect.arrayContaining(["S-1", "S-2"]));
    const missing = await ismp(["import", file, source, "--profile", "ciso-assistant", "--sheet", "Nope"]);
    expect(missing).toMatchObject({ code: 2, stderr: [`ismp import: ${source} has no sheet "Nope". Its sheets: "Notes", "Risk scenarios".`] });
  });

  it("add mode leaves every existing row of the saved sheet byte-identical, and the shared strings they use in place", async () => {
    const file = await fresh(true);
    const before = await sheetRows(file, RISK_REGISTER_SHEET);
    const strings = async () => (await JSZip.loadAsync(readFileSync(file))).file("xl/sharedStrings.xml")?.async("string");
    const stringsBefore = (await strings()) ?? "";
    const result = await ismp(["import", file, join(FIXTURES, "vanta-risk-register.csv"), "--profile", "vanta"]);
    expect(result.stdout.at(-1)).toBe(`${file}: 3 rows added and 0 rows updated in Risks`);
    const after = await sheetRows(file, RISK_REGISTER_SHEET);
    expect(after.size).toBe(before.size + 3);
    for (const [row, xml] of before) expect({ row, xml: after.get(row) }).toEqual({ row, xml });
    // Existing cells that index the shared strings still find the same strings.
    const items = (xml: string) => xml.match(/<si>[\s\S]*?<\/si>/g) ?? [];
    expect(items((await strings()) ?? "").slice(0, items(stringsBefore).length)).toEqual(items(stringsBefore));
  });

  it("lists bad rows by row and column, writes nothing and exits 1; --skip-invalid imports the rest", async () => {
    const file = await fresh(true);
    const before = readFileSync(file);
    const result = await ismp(["import", file, join(FIXTURES, "bad-rows.csv"), "--into", "Risks"]);
    expect(result.code).toBe(1);
    const text = result.stdout.join("\n");
    expect(text).toContain('Row 3, column "Title": Title is required and blank.');
    expect(text).toContain('Row 5, column "Treatment": "Ignore" is not one of the allowed values');
    expect(text).toContain('Row 6, column "Identified": "2026-02-30" is not a date');
    expect(text).toContain("Nothing was written");
    expect(readFileSync(file).equals(before)).toBe(true);
    const skipped = await ismp(["import", file, join(FIXTURES, "bad-rows.csv"), "--into", "Risks", "--skip-invalid"]);
    expect(skipped.code).toBe(1);
    expect(skipped.stdout.at(-1)).toBe(`${file}: 2 rows added and 0 rows updated in Risks`);
  });

  it("saves the mapping it used and imports the next client's file with it, unknown words included", async () => {
    const file = await fresh(true);
    const mapping = dir.file("simplerisk.json");
    const first = await ismp(["import", file, join(FIXTURES, "simplerisk-risks.csv"), "--profile", "simplerisk", "--dry-run", "--save-map", mapping]);
    expect(first.code).toBe(1);
    expect(first.stdout.join("\n")).toContain('Treatment has values it does not allow: "Research"');
    const saved = JSON.parse(readFileSync(mapping, "utf8"));
    expect(saved).toMatchObject({ version: 1, register: "Risks", profile: "simplerisk", columns: { Subject: "Title", "Inherent Risk": null } });
    saved.values = { Treatment: { Research: "Mitigate" } };
    writeText(mapping, JSON.stringify(saved));
    const second = await ismp(["import", file, join(FIXTURES, "simplerisk-risks.csv"), "--map", mapping]);
    expect(second.code).toBe(0);
    expect((await riskRows(file)).get("1004")).toMatchObject({ [RISK.treatment]: "Mitigate" });
    const again = await ismp(["import", file, join(FIXTURES, "simplerisk-risks.csv"), "--map", mapping, "--mode", "skip"]);
    expect(again.stdout.join("\n")).toContain("0 to add, 0 to update, 4 skipped, 0 with errors");
  });

  it("exports in a tool's layout and as an empty template, and refuses bad arguments with what is allowed", async () => {
    const file = await fresh(true);
    const out = dir.file("vanta.csv");
    const result = await ismp(["export", file, "--from", "Risks", "--profile", "vanta", out]);
    expect(result.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFFRisk ID,Risk,Description,Categories,Owner,Likelihood,Impact")).toBe(true);
    const template = dir.file("template.xlsx");
    expect((await ismp(["export", "--template", "--from", "Assets", template])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const headers = (book.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(["Asset ID", "Name", "Type"]);
    expect(headers).not.toContain("Criticality");
    expect(book.worksheets[0].rowCount).toBe(1);
    expect((await ismp(["export", file, "--from", "Nope", dir.file("x.csv")])).stderr[0]).toContain('"Nope" is not a register. Registers: Risks, Assets, Controls');
    expect((await ismp(["import", file, out, "--into", "Risks", "--mode", "merge"])).stderr[0]).toBe('ismp import: --mode must be one of add, update, skip; got "merge".');
    expect((await ismp(["import", file, out, "--into", "Risks", "--profile", "excel"])).stderr[0]).toContain('Unknown profile "excel". Profiles: generic, ciso-assistant');
    expect(existsSync(dir.file("x.csv"))).toBe(false);
  });

  it("updates Vendor Answers by vendor and question together, leaving the vendor's other answers as they were", async () => {
    const file = await fresh(true);
    const answers = async () => {
      const table = (await readXlsx(readFileSync(file))).getTable("VendorAnswers")!;
      return table.bodyValues().map((row) => row.slice(0, 4).map(String));
    };
    const before = await answers();
    // The vendor's third answer: its first two share the Vendor ID.
    const [vendor] = before[0];
    expect(before.slice(0, 3).map((row) => row[0])).toEqual([vendor, vendor, vendor]);
    const source = writeText(dir.file("answers.csv"), `Vendor ID,Question ID,Answer,Comment\n${vendor},${before[2][1]},No,Report expired in March\n`);
    const result = await ismp(["import", file, source, "--into", "VendorAnswers", "--mode", "update"]);
    expect(result.code).toBe(0);
    expect(result.stdout.at(-1)).toBe(`${file}: 0 rows added and 1 row updated in VendorAnswers`);
    const after = await answers();
    expect(after[2]).toEqual([vendor, before[2][1], "No", "Report expired in March"]);
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
    // The pair is there now: add mode refuses it, naming both columns.
    const refused = await ismp(["import", file, source, "--into", "VendorAnswers"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.join("\n")).toContain(`Vendor ID ${vendor} with Question ID ${before[2][1]} is already in VendorAnswers`);
  });
});
