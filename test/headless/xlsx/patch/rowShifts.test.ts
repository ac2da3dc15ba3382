/**
 * A table column added or deleted shifts the cells to its right within the table's rows (Excel's
 * "Insert Table Columns to the Left" / "Delete Table Columns", shift cells right/left:
 * support.microsoft.com "Insert or delete cells, rows, and columns", 0cb9c2f7). What the file keeps
 * beside the table moves with those cells when the workbook is saved: hyperlinks, notes (comment and
 * the note's VML shape), drawing anchors, and a defined name, whose element is kept and whose
 * reference moves once (the model moved the name, the file layer keeps its element).
 */
import { readXlsx, run, writeXlsx } from "../../../../src/headless";
import { createWorkbook } from "../../helpers";
import { XlsxPackage } from "../../../../src/headless/xlsx/charts/opcPackage";
import { WorksheetParts } from "../../../../src/headless/xlsx/patch/worksheetXml";

const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

const marker = (name: string, col: number, row: number) => `<xdr:${name}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${name}>`;
const shape = (id: number) => `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="Shape ${id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/>`;

/** Sheet1: the table Left at A1:B3, an analyst's note in D2 (beside it, within its rows) and one in D6 (below its rows). */
async function fileWithContentBeside(): Promise<Uint8Array> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B3").values = [["ID", "Score"], ["R1", 1], ["R2", 2]];
    sheet.tables.add("A1:B3", true).name = "Left";
    sheet.getRange("D2").values = [["Ask legal"]];
    sheet.getRange("D6").values = [["Below"]];
  });
  const pkg = await XlsxPackage.open(await writeXlsx(workbook));
  const part = (await pkg.worksheetParts()).get("Sheet1")!;
  const parts = new WorksheetParts(await pkg.text(part));
  parts.replace("hyperlinks", [`<hyperlinks><hyperlink ref="D2" location="'Sheet1'!A1" display="Top"/><hyperlink ref="D6" location="'Sheet1'!A1" display="Below"/></hyperlinks>`]);
  const vmlId = await pkg.addRelationship(part, VML_TYPE, "xl/drawings/vmlDrawing1.vml");
  await pkg.addRelationship(part, COMMENTS_TYPE, "xl/comments1.xml");
  parts.replace("legacyDrawing", [`<legacyDrawing r:id="${vmlId}"/>`]);
  const drawingId = await pkg.addRelationship(part, DRAWING_TYPE, "xl/drawings/drawing1.xml");
  parts.replace("drawing", [`<drawing r:id="${drawingId}"/>`]);
  pkg.set(part, parts.toString());
  pkg.set("xl/comments1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Analyst</author></authors><commentList><comment ref="D2" authorId="0"><text><r><t>Check</t></r></text></comment></commentList></comments>`);
  pkg.set("xl/drawings/vmlDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Anchor>4, 15, 0, 10, 6, 15, 4, 4</x:Anchor><x:Row>1</x:Row><x:Column>3</x:Column></x:ClientData></v:shape></xml>`);
  pkg.set("xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor>${marker("from", 3, 1)}${marker("to", 5, 2)}${shape(2)}</xdr:twoCellAnchor><xdr:twoCellAnchor>${marker("from", 3, 5)}${marker("to", 5, 7)}${shape(3)}</xdr:twoCellAnchor></xdr:wsDr>`);
  await pkg.addContentTypeOverride("xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  await pkg.addContentTypeOverride("xl/drawings/vmlDrawing1.vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
  await pkg.addContentTypeOverride("xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  const workbookXml = await pkg.text("xl/workbook.xml");
  const name = `<definedName name="LegalNote" publishToServer="1">Sheet1!$D$2</definedName>`;
  pkg.set("xl/workbook.xml", workbookXml.includes("<definedNames>") ? workbookXml.replace("<definedNames>", `<definedNames>${name}`) : workbookXml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`));
  return pkg.bytes();
}

describe("what the file keeps beside a table moves with the cells a table column pushes", () => {
  it("TableColumn add: the hyperlink, note and shape beside the table move one column right; below the table's rows they stay; the name moves once, its element kept", async () => {
    const workbook = await readXlsx(await fileWithContentBeside());
    await run(workbook, async (context) => void context.workbook.tables.getItem("Left").columns.add(null, undefined, "Due"));
    expect(workbook.getName("LegalNote")?.formula).toBe("=Sheet1!$E$2");
    const pkg = await XlsxPackage.open(await writeXlsx(workbook));
    const xml = await pkg.text((await pkg.worksheetParts()).get("Sheet1")!);
    expect(xml).toContain(`<hyperlink ref="E2" location="'Sheet1'!A1" display="Top"/>`);
    expect(xml).toContain(`<hyperlink ref="D6" location="'Sheet1'!A1" display="Below"/>`);
    expect(await pkg.text("xl/comments1.xml")).toContain(`<comment ref="E2" authorId="0">`);
    expect(await pkg.text("xl/drawings/vmlDrawing1.vml")).toContain(`<x:Anchor>5, 15, 0, 10, 7, 15, 4, 4</x:Anchor><x:Row>1</x:Row><x:Column>4</x:Column>`);
    const drawing = await pkg.text("xl/drawings/drawing1.xml");
    const cols = [...drawing.matchAll(/<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => Number(m[1]));
    expect(cols).toEqual([4, 6, 3, 5]);
    expect(await pkg.text("xl/workbook.xml")).toContain(`<definedName name="LegalNote" publishToServer="1">Sheet1!$E$2</definedName>`);
    const reread = await readXlsx(await pkg.bytes());
    expect(reread.sheet("Sheet1").valueAt("E2")).toBe("Ask legal");
    expect(reread.sheet("Sheet1").valueAt("D6")).toBe("Below");
  });

  it("TableColumn delete moves them one column left", async () => {
    const workbook = await readXlsx(await fileWithContentBeside());
    await run(workbook, async (context) => context.workbook.tables.getItem("Left").columns.getItem("Score").delete());
    const pkg = await XlsxPackage.open(await writeXlsx(workbook));
    const xml = await pkg.text((await pkg.worksheetParts()).get("Sheet1")!);
    expect(xml).toContain(`<hyperlink ref="C2" location="'Sheet1'!A1" display="Top"/>`);
    expect(await pkg.text("xl/comments1.xml")).toContain(`<comment ref="C2" authorId="0">`);
    expect(await pkg.text("xl/workbook.xml")).toContain(`<definedName name="LegalNote" publishToServer="1">Sheet1!$C$2</definedName>`);
  });
});
