/**
 * Rows an upgrade inserts into a table move what sits below it in the table's columns, as Excel's
 * "shift cells down" does when a table grows: the analyst's hyperlinks, notes (comment, threaded
 * comment and the note's VML shape), merges, conditional formats (a model rule and a data bar the
 * model does not read) and data validation. What sits beside the table, outside its columns, stays.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { readXlsx } from "../../src/headless";
import { XlsxPackage } from "../../src/headless/xlsx/charts/opcPackage";
import { WorksheetParts } from "../../src/headless/xlsx/patch/worksheetXml";
import { ismp, tempDir } from "./helpers";

const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const THREADED_TYPE = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

/** Row (1-based) the analyst's content starts on: two blank rows below the Requirements table. */
async function requirementsEnd(path: string): Promise<number> {
  const table = (await readXlsx(readFileSync(path))).getTable("Requirements");
  if (!table) throw new Error("no Requirements table");
  return table.rect.r1 + 1;
}

/** Excel-written markup for the analyst's content below the table, added to the saved package. */
async function addContentBelow(path: string, at: number): Promise<void> {
  const pkg = await XlsxPackage.open(readFileSync(path));
  const part = (await pkg.worksheetParts()).get("Requirements")!;
  const parts = new WorksheetParts(await pkg.text(part));
  const data = parts.first("sheetData")!.text;
  const rows = `<row r="${at}"><c r="B${at}" t="inlineStr"><is><t>See the policy</t></is></c></row><row r="${at + 2}"><c r="B${at + 2}" t="inlineStr"><is><t>Merged note</t></is></c></row>`;
  parts.replace("sheetData", [data.replace(/<\/sheetData>$/, `${rows}</sheetData>`)]);
  parts.replace("mergeCells", [`<mergeCells count="1"><mergeCell ref="B${at + 2}:C${at + 2}"/></mergeCells>`]);
  const existingRules = parts.get("conditionalFormatting").map((e) => e.text);
  parts.replace("conditionalFormatting", [
    ...existingRules,
    `<conditionalFormatting sqref="B${at}:B${at + 3}"><cfRule type="dataBar" priority="90"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>`,
    `<conditionalFormatting sqref="C${at}:C${at + 3}"><cfRule type="expression" dxfId="0" priority="91"><formula>C${at}="Yes"</formula></cfRule></conditionalFormatting>`,
  ]);
  const validations = parts.first("dataValidations")!.text.replace(/<\/dataValidations>$/, `<dataValidation type="list" allowBlank="1" sqref="C${at}"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>`);
  parts.replace("dataValidations", [validations.replace(/count="\d+"/, (m) => `count="${Number(/\d+/.exec(m)![0]) + 1}"`)]);
  parts.replace("hyperlinks", [`<hyperlinks><hyperlink ref="B${at}" location="'Scales'!A1" display="Scales"/><hyperlink ref="N${at}" location="'Scales'!A1" display="Beside the table"/></hyperlinks>`]);
  const vmlId = await pkg.addRelationship(part, VML_TYPE, "xl/drawings/vmlDrawing1.vml");
  await pkg.addRelationship(part, COMMENTS_TYPE, "xl/comments1.xml");
  await pkg.addRelationship(part, THREADED_TYPE, "xl/threadedComments/threadedComment1.xml");
  parts.replace("legacyDrawing", [`<legacyDrawing r:id="${vmlId}"/>`]);
  pkg.set(part, parts.toString());
  pkg.set("xl/comments1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Analyst</author></authors><commentList><comment ref="B${at}" authorId="0"><text><r><t>Check with legal</t></r></text></comment><comment ref="N${at}" authorId="0"><text><r><t>Beside</t></r></text></comment></commentList></comments>`);
  pkg.set("xl/threadedComments/threadedComment1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B${at}" dT="2026-01-05T10:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>Check with legal</text></threadedComment></ThreadedComments>`);
  const shape = (row: number, col: number) =>
    `<v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row - 1}, 10, ${col + 3}, 15, ${row + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  pkg.set("xl/drawings/vmlDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">${shape(at - 1, 1)}${shape(at - 1, 13)}</xml>`);
  await pkg.addContentTypeOverride("xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  await pkg.addContentTypeOverride("xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml");
  await pkg.addContentTypeOverride("xl/drawings/vmlDrawing1.vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
  writeFileSync(path, await pkg.bytes());
}

describe("content below a table moves with the rows an upgrade inserts", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it("hyperlinks, notes, merges, conditional formats and validation below the Requirements table shift down; beside it they stay", async () => {
    const path = dir.file("below.xlsx");
    expect((await ismp(["new", path, "--profile", "saas"])).code).toBe(0);
    const end = await requirementsEnd(path);
    const at = end + 3;
    await addContentBelow(path, at);
    expect((await readXlsx(readFileSync(path))).sheet("Requirements").valueAt(`B${at}`)).toBe("See the policy");

    const upgraded = await ismp(["upgrade", path, "--frameworks", "HIPAA"]);
    expect(upgraded.code).toBe(0);
    const grown = (await requirementsEnd(path)) - end;
    expect(grown).toBeGreaterThan(0);
    const to = at + grown;

    const workbook = await readXlsx(readFileSync(path));
    const sheet = workbook.sheet("Requirements");
    expect(sheet.valueAt(`B${to}`)).toBe("See the policy");
    expect(sheet.valueAt(`B${to + 2}`)).toBe("Merged note");
    expect(sheet.merges.map((m) => m.r0 + 1)).toContain(to + 2);
    expect(sheet.validations.some((v) => v.rect.r0 === to - 1 && v.rect.c0 === 2)).toBe(true);
    expect(sheet.conditionalFormats.some((f) => f.type === "Custom" && f.rect.r0 === to - 1 && f.rect.r1 === to + 2)).toBe(true);

    const pkg = await XlsxPackage.open(readFileSync(path));
    const xml = await pkg.text((await pkg.worksheetParts()).get("Requirements")!);
    expect(xml).toContain(`<mergeCell ref="B${to + 2}:C${to + 2}"/>`);
    expect(xml).toContain(`<hyperlink ref="B${to}" location="'Scales'!A1" display="Scales"/>`);
    expect(xml).toContain(`<hyperlink ref="N${at}" location="'Scales'!A1" display="Beside the table"/>`);
    expect(xml).toMatch(new RegExp(`<conditionalFormatting sqref="B${to}:B${to + 3}"><cfRule type="dataBar"`));
    expect(xml).toContain(`sqref="C${to}"><formula1>&quot;Yes,No&quot;</formula1>`);
    expect(xml).toContain(`<formula>C${to}=&quot;Yes&quot;</formula>`);
    const comments = await pkg.text("xl/comments1.xml");
    expect(comments).toContain(`<comment ref="B${to}" authorId="0">`);
    expect(comments).toContain(`<comment ref="N${at}" authorId="0">`);
    expect(await pkg.text("xl/threadedComments/threadedComment1.xml")).toContain(`<threadedComment ref="B${to}"`);
    const vml = await pkg.text("xl/drawings/vmlDrawing1.vml");
    expect(vml).toContain(`<x:Anchor>2, 15, ${to - 2}, 10, 4, 15, ${to + 2}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${to - 1}</x:Row><x:Column>1</x:Column>`);
    expect(vml).toContain(`<x:Row>${at - 1}</x:Row><x:Column>13</x:Column>`);
  }, 120_000);
});
