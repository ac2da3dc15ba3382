/**
 * `ismp upgrade` on 65 third-party workbooks (test/fixtures/corpus, MIT): each is either upgraded
 * with nothing of the original lost or changed — every part keeps its bytes, except workbook.xml,
 * relationship parts, [Content_Types].xml and styles.xml, which keep every entry they had — or
 * refused with a message naming what is wrong, the file left byte-identical. The ISMP sheets added
 * to a selection of them are recalculated in LibreOffice (one soffice run) and hold no error;
 * `npx tsx scripts/corpusRecalc.ts` recalculates every upgraded file (several minutes).
 */
import { chmodSync, copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { errorCellsOnAddedSheets } from "../../scripts/corpusRecalc";
import { recalculate } from "../../scripts/recalc";
import { readXlsx } from "../../src/headless";
import { RELATIONSHIP_TYPES, XlsxPackage } from "../../src/headless/xlsx/charts/opcPackage";
import { diffPackages, type PackageDiff } from "../support/packageDiff";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { ismp, tempDir } from "./helpers";

const CORPUS = join(__dirname, "../fixtures/corpus");
const FILES = readdirSync(CORPUS).filter((name) => name.endsWith(".xlsx")).sort();

/** The files ismp refuses, and what the message names. */
const REFUSED: Record<string, string> = {
  "issue252.xlsx": "a part of its zip is damaged (Bug : uncompressed data size mismatch)",
  "issue_419.xlsx": "its shared strings part xl/sharedStrings.xml is missing",
  "issue_530.xlsx": 'its zip names parts with backslashes ("docProps\\app.xml")',
  "strict_iso_paths.xlsx": "it is saved as Strict Open XML",
};

/** Upgraded copies recalculated in LibreOffice: one of each kind of package the corpus has. */
const RECALCULATED = [
  "any_sheets.xlsx", "date_1904.xlsx", "hyperlinks.xlsx", "issue_174.xlsx", "merged_range.xlsx", "nonstandard-xml-ns-prefix.xlsx",
  "picture_richdata.xlsx", "pivots.xlsx", "table-multiple.xlsx", "table_with_absolute_paths.xlsx", "minimal_package.xlsx", "issues.xlsx",
];

interface Outcome {
  code: number;
  stderr: string;
  original: Buffer;
  saved: Buffer;
  diff?: PackageDiff;
  sheetsBefore: string[];
}

async function sheetNames(bytes: Buffer): Promise<string[]> {
  return (await readXlsx(bytes)).sheets.map((sheet) => sheet.name);
}

describe("ismp upgrade on third-party workbooks", () => {
  const dir = tempDir();
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    for (const name of FILES) {
      const path = dir.file(name);
      copyFileSync(join(CORPUS, name), path);
      chmodSync(path, 0o644);
      const original = readFileSync(path);
      const result = await ismp(["upgrade", path]);
      const saved = readFileSync(path);
      const outcome: Outcome = { code: result.code, stderr: result.stderr.join("\n"), original, saved, sheetsBefore: [] };
      if (result.code === 0) {
        const pkg = await XlsxPackage.open(original);
        const workbook = await pkg.workbookPart();
        const styles = (await pkg.relationships(workbook)).find((rel) => rel.type === RELATIONSHIP_TYPES.styles)?.target;
        outcome.diff = await diffPackages(original, saved, { workbook, styles });
        outcome.sheetsBefore = await sheetNames(original);
      }
      outcomes.set(name, outcome);
    }
    // About 1 s of CPU per workbook (each upgrade builds the whole scaffold); room for a loaded runner.
  }, 900_000);
  afterAll(() => {
    const upgraded = [...outcomes.values()].filter((o) => o.code === 0).length;
    console.log(`corpus: ${outcomes.size} workbooks, ${upgraded} upgraded, ${outcomes.size - upgraded} refused`);
    dir.cleanup();
  });

  it.each(FILES)("%s is upgraded losing nothing, or refused and left byte-identical", (name) => {
    const outcome = outcomes.get(name)!;
    if (REFUSED[name]) {
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(REFUSED[name]);
      expect(outcome.stderr).toContain("nothing was changed");
      expect(outcome.saved.equals(outcome.original)).toBe(true);
      return;
    }
    expect({ code: outcome.code, stderr: outcome.stderr }).toEqual({ code: 0, stderr: "" });
    expect(outcome.diff).toEqual({ lostParts: [], changedParts: [], lostEntries: [] });
  });

  it("richtext-namespaced.xlsx, whose sheets prefix SpreadsheetML (<x:worksheet>), is upgraded with its text and merges as they were", async () => {
    // exceljs cannot read prefixed sheets; it reads a copy with the default namespace, the save keeps the original parts.
    expect(outcomes.get("richtext-namespaced.xlsx")!.code).toBe(0);
    const sheet = (await readXlsx(outcomes.get("richtext-namespaced.xlsx")!.saved)).sheet("Sheet1");
    expect(sheet.valueAt("A1")).toBe("inline string\r\nLine 2\r\nLine 3");
    expect(sheet.valueAt("H1")).toBe("shared string\r\nLine 2\r\nLine 3");
    expect(sheet.merges).toEqual([{ r0: 0, r1: 2, c0: 0, c1: 6 }, { r0: 0, r1: 2, c0: 7, c1: 12 }]);
  });

  it("a workbook.xml and styles.xml that prefix SpreadsheetML (<x:workbook>) are read, and the new sheets are written with the prefix", async () => {
    const pkg = await XlsxPackage.open(readFileSync(join(CORPUS, "richtext-namespaced.xlsx")));
    const prefixed = (xml: string) => xml.replace(/<(\/?)(?=[A-Za-z])/g, "<$1x:").replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    for (const part of ["xl/workbook.xml", "xl/styles.xml"]) pkg.set(part, prefixed(await pkg.text(part)));
    const path = dir.file("prefixed-workbook.xlsx");
    writeFileSync(path, await pkg.bytes());
    expect((await ismp(["upgrade", path])).code).toBe(0);
    const saved = await XlsxPackage.open(readFileSync(path));
    const workbookXml = await saved.text("xl/workbook.xml");
    expect(workbookXml).toMatch(/<x:sheet name="Dashboard" sheetId="\d+"/);
    expect(workbookXml).not.toMatch(/<sheet\b/);
    const workbook = await readXlsx(readFileSync(path));
    expect(workbook.sheets.slice(0, 3).map((sheet) => sheet.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    expect(workbook.sheet("Sheet1").valueAt("H1")).toBe("shared string\r\nLine 2\r\nLine 3");
  }, 60_000);

  it("a second upgrade of an upgraded workbook changes nothing at all", async () => {
    const path = dir.file("pivots.xlsx");
    const before = readFileSync(path);
    expect((await ismp(["upgrade", path])).code).toBe(0);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);

  describeWith(sofficeDependency(), { suite: "corpus", title: "the ISMP sheets added to them, recalculated in LibreOffice" }, () => {
    const errors = new Map<string, string[]>();

    beforeAll(async () => {
      // One soffice run for all of them; a loaded machine needs more than the default 3 minutes.
      const recalculated = await recalculate(RECALCULATED.map((name) => dir.file(name)), { outDir: dir.file("recalculated"), timeoutMs: 480_000 });
      for (const [i, path] of recalculated.entries()) {
        const name = RECALCULATED[i];
        errors.set(name, await errorCellsOnAddedSheets(path, new Set(outcomes.get(name)!.sheetsBefore)));
      }
    }, 600_000);

    it.each(RECALCULATED)("%s: the ISMP sheets open and recalculate without error cells", (name) => {
      expect(errors.get(name)).toEqual([]);
    });
  });
});
