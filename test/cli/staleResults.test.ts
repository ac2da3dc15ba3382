/**
 * An upgrade that changes the Requirements table leaves an analyst's own sheets alone, except for the
 * cached results of formulas that read what changed: readers that do not calculate (previews,
 * openpyxl data_only, Excel's Protected View) show a file's cached <v>, so those take the new value,
 * in their <v> only. A formula the engine cannot vouch for (an unsupported function) keeps the file's
 * value for Excel to recalculate on open (fullCalcOnLoad stays), and a formula whose inputs did not
 * change keeps Excel's value even where the engine would compute another. A sheet with no new value
 * keeps its exact bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { readXlsx } from "../../src/headless";
import { RELATIONSHIP_TYPES, XlsxPackage } from "../../src/headless/xlsx/charts/opcPackage";
import { ismp, tempDir } from "./helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const formulaCell = (ref: string, formula: string, value: number) => `<c r="${ref}"><f>${formula}</f><v>${value}</v></c>`;

/** Adds the analyst's sheets, written as Excel writes them, with the cached values Excel left. */
async function addAnalystSheets(path: string, count: number): Promise<Map<string, string>> {
  const pkg = await XlsxPackage.open(readFileSync(path));
  const workbookPart = await pkg.workbookPart();
  const sheets: string[] = [];
  const partOf = new Map<string, string>();
  let sheetId = 900;
  for (const [name, cells] of [
    ["Summary", [formulaCell("B1", "COUNTA(Requirements[Requirement ID])", count), formulaCell("B2", "B1*2", count * 2), formulaCell("B3", "1+1", 5), formulaCell("B4", "CUBEVALUE(&quot;Sales&quot;,Requirements!A5)", 7)]],
    ["Notes", [formulaCell("A1", "Summary!B1+1", count + 1), formulaCell("A2", "2*3", 6)]],
    ["Plain", [formulaCell("A1", "1+2", 3)]],
  ] as const) {
    const part = pkg.freePartName("xl/worksheets", "sheet");
    partOf.set(name, part);
    const rows = new Map<string, string[]>();
    for (const cell of cells) {
      const row = /r="[A-Z]+(\d+)"/.exec(cell)![1];
      rows.set(row, [...(rows.get(row) ?? []), cell]);
    }
    pkg.set(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${[...rows].map(([r, list]) => `<row r="${r}">${list.join("")}</row>`).join("")}</sheetData></worksheet>`);
    await pkg.addContentTypeOverride(part, WORKSHEET);
    const id = await pkg.addRelationship(workbookPart, RELATIONSHIP_TYPES.worksheet, part);
    sheets.push(`<sheet name="${name}" sheetId="${++sheetId}" r:id="${id}"/>`);
  }
  pkg.set(workbookPart, (await pkg.text(workbookPart)).replace("</sheets>", `${sheets.join("")}</sheets>`));
  writeFileSync(path, await pkg.bytes());
  return partOf;
}

const cellXml = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>[\\s\\S]*?</c>`).exec(xml)?.[0];

describe("cached results on sheets an upgrade did not change", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it("take the new value where they read what changed, keep Excel's elsewhere, and a sheet with no new value keeps its bytes", async () => {
    const path = dir.file("analyst.xlsx");
    expect((await ismp(["new", path, "--profile", "saas"])).code).toBe(0);
    const before = (await readXlsx(readFileSync(path))).getTable("Requirements")!.bodyRowCount;
    const partOf = await addAnalystSheets(path, before);
    const original = await XlsxPackage.open(readFileSync(path));
    const plainBefore = await original.text(partOf.get("Plain")!);

    expect((await ismp(["upgrade", path, "--frameworks", "HIPAA"])).code).toBe(0);
    const after = (await readXlsx(readFileSync(path))).getTable("Requirements")!.bodyRowCount;
    expect(after).toBeGreaterThan(before);

    const pkg = await XlsxPackage.open(readFileSync(path));
    const summary = await pkg.text(partOf.get("Summary")!);
    expect(cellXml(summary, "B1")).toBe(formulaCell("B1", "COUNTA(Requirements[Requirement ID])", after));
    expect(cellXml(summary, "B2")).toBe(formulaCell("B2", "B1*2", after * 2));
    // Inputs unchanged: Excel's cached value stays, whatever the engine computes.
    expect(cellXml(summary, "B3")).toBe(formulaCell("B3", "1+1", 5));
    // A function the engine does not compute: the file's value stays for Excel to recalculate.
    expect(cellXml(summary, "B4")).toBe(formulaCell("B4", "CUBEVALUE(&quot;Sales&quot;,Requirements!A5)", 7));
    const notes = await pkg.text(partOf.get("Notes")!);
    expect(cellXml(notes, "A1")).toBe(formulaCell("A1", "Summary!B1+1", after + 1));
    expect(cellXml(notes, "A2")).toBe(formulaCell("A2", "2*3", 6));
    expect(await pkg.text(partOf.get("Plain")!)).toBe(plainBefore);
    expect(await pkg.text(await pkg.workbookPart())).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  }, 120_000);
});
