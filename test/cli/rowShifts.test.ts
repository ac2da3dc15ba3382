/**
 * Rows an upgrade inserts into a table move what sits below it in the table's columns, as Excel's
 * "shift cells down" does when a table grows (Range.insert(Excel.InsertShiftDirection.down),
 * learn.microsoft.com/javascript/api/excel/excel.insertshiftdirection): the analyst's hyperlinks,
 * notes (comment, threaded comment and the note's VML shape), merges, conditional formats (a model
 * rule and a data bar the model does not read), data validation, drawings (per their "Move and size
 * with cells" placement, XlPlacement / ST_EditAs), chart series, defined names and print areas that
 * point there, manual page breaks, and another table below. A reference that spans the inserted
 * rows grows, one wholly below moves, one above stays. What sits beside the table, outside its
 * columns, stays.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { readXlsx } from "../../src/headless";
import { XlsxPackage, RELATIONSHIP_TYPES } from "../../src/headless/xlsx/charts/opcPackage";
import { WorksheetParts } from "../../src/headless/xlsx/patch/worksheetXml";
import { ismp, tempDir } from "./helpers";
import { A, marker, shape, XDR } from "../support/drawingFixtures";
import { dataBarHalf, expressionPointer, extLstOf, halfRules, mainFormats, x14Formats } from "../support/x14Formats";

const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const THREADED_TYPE = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

/** Row (1-based) the analyst's content starts on: two blank rows below the Requirements table. */
async function requirementsEnd(path: string): Promise<number> {
  const table = (await readXlsx(readFileSync(path))).getTable("Requirements");
  if (!table) throw new Error("no Requirements table");
  return table.rect.r1 + 1;
}

/** A new saas workbook with the analyst's content planted from row `at`, two blank rows below the Requirements table (which ends on row `end`). */
async function scaffoldWith(path: string, plant: (path: string, at: number) => Promise<void>): Promise<{ end: number; at: number }> {
  expect((await ismp(["new", path, "--profile", "saas"])).code).toBe(0);
  const end = await requirementsEnd(path);
  const at = end + 3;
  await plant(path, at);
  return { end, at };
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

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/**
 * Excel-written objects below (and beside) the Requirements table, rows 0-based from `at` (the
 * 1-based first row of the analyst's content): shapes with each placement, a chart whose series read
 * cells below, spanning and above the table, names and a print area, two page breaks, and a table.
 */
async function addObjectsBelow(path: string, at: number): Promise<void> {
  const pkg = await XlsxPackage.open(readFileSync(path));
  const part = (await pkg.worksheetParts()).get("Requirements")!;
  const parts = new WorksheetParts(await pkg.text(part));
  const r = at - 1;
  const drawingId = await pkg.addRelationship(part, RELATIONSHIP_TYPES.drawing, "xl/drawings/drawing90.xml");
  const chartId = await pkg.addRelationship("xl/drawings/drawing90.xml", RELATIONSHIP_TYPES.chart, "xl/charts/chart90.xml");
  const chartFrame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="6" name="Analyst chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>`;
  pkg.set("xl/drawings/drawing90.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">` +
    `<xdr:twoCellAnchor>${marker("from", 1, r + 2)}${marker("to", 4, r + 6)}${shape(2, "Moves and sizes")}</xdr:twoCellAnchor>` +
    `<xdr:oneCellAnchor>${marker("from", 2, r + 7)}<xdr:ext cx="914400" cy="457200"/>${shape(3, "Moves")}</xdr:oneCellAnchor>` +
    `<xdr:twoCellAnchor editAs="absolute">${marker("from", 1, r + 9)}${marker("to", 3, r + 12)}${shape(4, "Fixed")}</xdr:twoCellAnchor>` +
    `<xdr:twoCellAnchor>${marker("from", 12, r)}${marker("to", 15, r + 5)}${shape(5, "Beside")}</xdr:twoCellAnchor>` +
    `<xdr:twoCellAnchor>${marker("from", 1, 5)}${marker("to", 6, r + 1)}${chartFrame}</xdr:twoCellAnchor></xdr:wsDr>`);
  const axes = `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>`;
  pkg.set("xl/charts/chart90.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="${C}" xmlns:a="${A}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Requirements!$N$${at}</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Requirements!$A$5:$A$${at + 1}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Requirements!$B$${at}:$B$${at + 3}</c:f></c:numRef></c:val></c:ser>` +
    `<c:ser><c:idx val="1"/><c:order val="1"/><c:val><c:numRef><c:f>(Requirements!$B$1:$B$2,'Requirements'!$C$${at})</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart>${axes}</c:plotArea></c:chart></c:chartSpace>`);
  await pkg.addContentTypeOverride("xl/drawings/drawing90.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  await pkg.addContentTypeOverride("xl/charts/chart90.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  parts.replace("drawing", [`<drawing r:id="${drawingId}"/>`]);
  parts.replace("rowBreaks", [`<rowBreaks count="2" manualBreakCount="2"><brk id="${r + 4}" max="10" man="1"/><brk id="${r + 6}" max="16383" man="1"/></rowBreaks>`]);
  // A table of the analyst's below, in columns B:C.
  const top = at + 14;
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [`<row r="${top}">${cell(`B${top}`, "Owner")}${cell(`C${top}`, "Due")}</row>`, `<row r="${top + 1}">${cell(`B${top + 1}`, "Ana")}${cell(`C${top + 1}`, "May")}</row>`, `<row r="${top + 2}">${cell(`B${top + 2}`, "Ben")}${cell(`C${top + 2}`, "June")}</row>`];
  parts.replace("sheetData", [parts.first("sheetData")!.text.replace(/<\/sheetData>$/, `${rows.join("")}</sheetData>`)]);
  const tableId = await pkg.addRelationship(part, RELATIONSHIP_TYPES.table, "xl/tables/table90.xml");
  parts.replace("tableParts", [parts.first("tableParts")!.text.replace(/count="1">/, 'count="2">').replace("</tableParts>", `<tablePart r:id="${tableId}"/></tableParts>`)]);
  pkg.set("xl/tables/table90.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="900" name="FollowUps" displayName="FollowUps" ref="B${top}:C${top + 2}" totalsRowShown="0"><autoFilter ref="B${top}:C${top + 2}"/><sortState ref="B${top + 1}:C${top + 2}"><sortCondition ref="C${top + 1}:C${top + 2}"/></sortState><tableColumns count="2"><tableColumn id="1" name="Owner"/><tableColumn id="2" name="Due"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/><extLst><ext uri="{504A1905-F514-4f6f-8877-14C23A59335A}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:table altText="Analyst follow-ups"/></ext></extLst></table>`);
  await pkg.addContentTypeOverride("xl/tables/table90.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
  pkg.set(part, parts.toString());
  // Names into the sheet, from the workbook and from another sheet's scope; a print area over it.
  const sheets = [...(await pkg.text("xl/workbook.xml")).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const names = [
    `<definedName name="AnalystBelow">Requirements!$B$${at}:$C$${at + 2}</definedName>`,
    `<definedName name="AnalystSpan" localSheetId="${sheets.indexOf("Scales")}">Requirements!$A$5:$K$${at + 1}</definedName>`,
    `<definedName name="AnalystAbove">Requirements!$B$1:$B$2</definedName>`,
    `<definedName name="AnalystBeside">Requirements!$N$${at}</definedName>`,
    `<definedName name="_xlnm.Print_Area" localSheetId="${sheets.indexOf("Requirements")}">Requirements!$A$1:$K$${at + 20}</definedName>`,
  ];
  pkg.set("xl/workbook.xml", (await pkg.text("xl/workbook.xml")).replace("<definedNames>", `<definedNames>${names.join("")}`));
  writeFileSync(path, await pkg.bytes());
}

describe("content below a table moves with the rows an upgrade inserts", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it("hyperlinks, notes, merges, conditional formats and validation below the Requirements table shift down; beside it they stay", async () => {
    const path = dir.file("below.xlsx");
    const { end, at } = await scaffoldWith(path, addContentBelow);
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

  it("drawings, chart series, names, the print area, page breaks and a table below the Requirements table follow Excel's shift cells down", async () => {
    const path = dir.file("objects.xlsx");
    const { end, at } = await scaffoldWith(path, addObjectsBelow);
    const r = at - 1;
    expect((await readXlsx(readFileSync(path))).getTable("FollowUps")?.rect.r0).toBe(at + 13);

    expect((await ismp(["upgrade", path, "--frameworks", "HIPAA"])).code).toBe(0);
    const grown = (await requirementsEnd(path)) - end;
    expect(grown).toBeGreaterThan(0);
    const pkg = await XlsxPackage.open(readFileSync(path));

    const drawing = await pkg.text("xl/drawings/drawing90.xml");
    const anchors = [...drawing.matchAll(/<xdr:(?:twoCellAnchor|oneCellAnchor)[\s\S]*?<\/xdr:(?:twoCellAnchor|oneCellAnchor)>/g)].map((m) => m[0]);
    const rowsOf = (anchor: string) => [...anchor.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]));
    expect(rowsOf(anchors[0])).toEqual([r + 2 + grown, r + 6 + grown]); // move and size with cells: moves
    expect(rowsOf(anchors[1])).toEqual([r + 7 + grown]); // move but don't size: moves
    expect(rowsOf(anchors[2])).toEqual([r + 9, r + 12]); // don't move or size: stays
    expect(rowsOf(anchors[3])).toEqual([r, r + 5]); // beside the table's columns: stays
    expect(rowsOf(anchors[4])).toEqual([5, r + 1 + grown]); // spans the inserted rows: grows

    const chart = await pkg.text("xl/charts/chart90.xml");
    expect(chart).toContain(`<c:f>Requirements!$N$${at}</c:f>`);
    expect(chart).toContain(`<c:f>Requirements!$A$5:$A$${at + 1 + grown}</c:f>`);
    expect(chart).toContain(`<c:f>Requirements!$B$${at + grown}:$B$${at + 3 + grown}</c:f>`);
    expect(chart).toContain(`<c:f>(Requirements!$B$1:$B$2,'Requirements'!$C$${at + grown})</c:f>`);

    const workbookXml = await pkg.text("xl/workbook.xml");
    expect(workbookXml).toContain(`<definedName name="AnalystBelow">Requirements!$B$${at + grown}:$C$${at + 2 + grown}</definedName>`);
    expect(workbookXml).toMatch(new RegExp(`<definedName name="AnalystSpan" localSheetId="\\d+">Requirements!\\$A\\$5:\\$K\\$${at + 1 + grown}</definedName>`));
    expect(workbookXml).toContain(`<definedName name="AnalystAbove">Requirements!$B$1:$B$2</definedName>`);
    expect(workbookXml).toContain(`<definedName name="AnalystBeside">Requirements!$N$${at}</definedName>`);
    expect(workbookXml).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="\\d+">Requirements!\\$A\\$1:\\$K\\$${at + 20 + grown}</definedName>`));

    const sheetXml = await pkg.text((await pkg.worksheetParts()).get("Requirements")!);
    expect(sheetXml).toContain(`<brk id="${r + 4 + grown}" max="10" man="1"/>`);
    // A break across the whole sheet belongs to the row, which shift cells down does not move.
    expect(sheetXml).toContain(`<brk id="${r + 6}" max="16383" man="1"/>`);

    const top = at + 14 + grown;
    const table = await pkg.text("xl/tables/table90.xml");
    expect(table).toContain(`ref="B${top}:C${top + 2}"`);
    expect(table).toContain(`<autoFilter ref="B${top}:C${top + 2}"/><sortState ref="B${top + 1}:C${top + 2}"><sortCondition ref="C${top + 1}:C${top + 2}"/>`);
    expect(table).toContain(`<x14:table altText="Analyst follow-ups"/>`);
    const workbook = await readXlsx(readFileSync(path));
    expect(workbook.getTable("FollowUps")?.rect).toEqual({ r0: top - 1, r1: top + 1, c0: 1, c1: 2 });
    expect(workbook.sheet("Requirements").valueAt(`B${top + 1}`)).toBe("Ana");
  }, 120_000);
});

describe("references to the moved cells follow them once, in the model and in the file", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  /** A name with an attribute the model does not keep, a formula and a validation list on another sheet, all reading cells below the Requirements table. */
  async function addReadersOfBelow(path: string, at: number): Promise<void> {
    const pkg = await XlsxPackage.open(readFileSync(path));
    const workbookXml = await pkg.text("xl/workbook.xml");
    pkg.set("xl/workbook.xml", workbookXml.replace("<definedNames>", `<definedNames><definedName name="AnalystBlock" publishToServer="1">Requirements!$B$${at}:$C$${at + 2}</definedName>`));
    const part = (await pkg.worksheetParts()).get("Scales")!;
    const parts = new WorksheetParts(await pkg.text(part));
    const rows = `<row r="60"><c r="Z60"><f>SUM(Requirements!B${at}:B${at + 2})+ROWS(AnalystBlock)</f></c></row>`;
    parts.replace("sheetData", [parts.first("sheetData")!.text.replace(/<\/sheetData>$/, `${rows}</sheetData>`)]);
    const list = `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="Z61"><formula1>Requirements!$B$${at}:$B$${at + 2}</formula1></dataValidation>`;
    const existing = parts.first("dataValidations");
    parts.replace("dataValidations", [existing ? existing.text.replace(/<\/dataValidations>$/, `${list}</dataValidations>`).replace(/count="(\d+)"/, (_m, n: string) => `count="${Number(n) + 1}"`) : `<dataValidations count="1">${list}</dataValidations>`]);
    pkg.set(part, parts.toString());
    writeFileSync(path, await pkg.bytes());
  }

  it("an upgrade that inserts rows above a named block moves the name exactly once (its element kept), and a formula and a validation list on another sheet with it", async () => {
    const path = dir.file("readers.xlsx");
    const { end, at } = await scaffoldWith(path, addReadersOfBelow);
    expect((await ismp(["upgrade", path, "--frameworks", "HIPAA"])).code).toBe(0);
    const grown = (await requirementsEnd(path)) - end;
    expect(grown).toBeGreaterThan(0);
    const to = at + grown;

    const pkg = await XlsxPackage.open(readFileSync(path));
    const workbookXml = await pkg.text("xl/workbook.xml");
    expect(workbookXml).toContain(`<definedName name="AnalystBlock" publishToServer="1">Requirements!$B$${to}:$C$${to + 2}</definedName>`);
    const workbook = await readXlsx(readFileSync(path));
    expect(workbook.getName("AnalystBlock")?.formula).toBe(`=Requirements!$B$${to}:$C$${to + 2}`);
    expect(workbook.sheet("Scales").formulaAt("Z60")).toBe(`=SUM(Requirements!B${to}:B${to + 2})+ROWS(AnalystBlock)`);
    expect(workbook.sheet("Scales").validationAt("Z61")?.rule.list?.source).toBe(`=Requirements!$B$${to}:$B$${to + 2}`);

    // A second upgrade that inserts nothing moves nothing again.
    expect((await ismp(["upgrade", path])).code).toBe(0);
    expect((await readXlsx(readFileSync(path))).getName("AnalystBlock")?.formula).toBe(`=Requirements!$B$${to}:$C$${to + 2}`);
  }, 180_000);
});

/**
 * Conditional formats below the Requirements table that Excel keeps in the x14 extension (an
 * expression over another sheet, a data bar's Excel 2010 half: [MS-XLSX] 2.6.2 CT_CfRule, with
 * their main-part <cfRule> halves, ECMA-376 Part 1 §18.3.1.10, pointing at them by <x14:id>) are
 * not the model's: an upgrade keeps them as the file has them, moved with the rows it inserts.
 */
describe("an upgrade keeps conditional formats that live in the x14 extension", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  async function withX14Formats(path: string, at: number): Promise<void> {
    const pkg = await XlsxPackage.open(readFileSync(path));
    const part = (await pkg.worksheetParts()).get("Requirements")!;
    const parts = new WorksheetParts(await pkg.text(part));
    parts.replace("conditionalFormatting", [...parts.get("conditionalFormatting").map((e) => e.text), expressionPointer(at) + dataBarHalf(`G${at}:G${at + 2}`)]);
    const ext = x14Formats(at, `G${at}:G${at + 2}`, "Scales");
    const existing = parts.first("extLst")?.text;
    parts.replace("extLst", [existing ? existing.replace(/<\/extLst>$/, `${ext}</extLst>`) : `<extLst>${ext}</extLst>`]);
    pkg.set(part, parts.toString());
    writeFileSync(path, await pkg.bytes());
  }
  const requirementsXml = async (path: string) => {
    const pkg = await XlsxPackage.open(readFileSync(path));
    return pkg.text((await pkg.worksheetParts()).get("Requirements")!);
  };

  it("a plain upgrade leaves the sheet byte-identical; one that inserts rows moves the rules and their x14 halves, writing no rule without its formula", async () => {
    const path = dir.file("x14.xlsx");
    const { end, at } = await scaffoldWith(path, withX14Formats);
    const planted = await requirementsXml(path);

    expect((await ismp(["upgrade", path])).code).toBe(0);
    expect(await requirementsXml(path)).toBe(planted);

    expect((await ismp(["upgrade", path, "--frameworks", "HIPAA"])).code).toBe(0);
    const to = at + (await requirementsEnd(path)) - end;
    expect(to).toBeGreaterThan(at);
    const xml = await requirementsXml(path);
    expect(halfRules(xml)).toEqual([]);
    expect(xml).not.toContain("<formula></formula>");
    const rules = mainFormats(xml).join("");
    expect(rules).toContain(expressionPointer(to));
    expect(rules).toContain(dataBarHalf(`G${to}:G${to + 2}`));
    expect(extLstOf(xml)).toContain(x14Formats(to, `G${to}:G${to + 2}`, "Scales"));
  }, 120_000);
});
