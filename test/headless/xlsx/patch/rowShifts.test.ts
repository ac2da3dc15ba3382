/**
 * A table column added or deleted shifts the cells to its right within the table's rows (Excel's
 * "Insert Table Columns to the Left" / "Delete Table Columns", shift cells right/left:
 * support.microsoft.com "Insert or delete cells, rows, and columns", 0cb9c2f7). What the file keeps
 * beside the table moves with those cells when the workbook is saved: hyperlinks, notes (comment and
 * the note's VML shape), drawing anchors, and a defined name, whose element is kept and whose
 * reference moves once (the model moved the name, the file layer keeps its element).
 */
import { type HeadlessWorkbook, readXlsx, run, writeXlsx } from "../../../../src/headless";
import { createWorkbook } from "../../helpers";
import { XlsxPackage, RELATIONSHIP_TYPES } from "../../../../src/headless/xlsx/charts/opcPackage";
import { WorksheetParts } from "../../../../src/headless/xlsx/patch/worksheetXml";
import fc from "fast-check";
import { rectAddress } from "../../../../src/headless/addresses";
import { movedAreaParts } from "../../../../src/headless/model/references";
import { type LoggedShift, moveOf, type RowShift } from "../../../../src/headless/model/shift";
import { shiftedSqref, shiftWorksheetXml } from "../../../../src/headless/xlsx/patch/rowShifts";
import { A, marker, shape, XDR } from "../../../support/drawingFixtures";
import { dataBarHalf, expressionPointer, extLstOf, halfRules, mainFormats, X14_FORMATS_URI, X14_NS, x14Formats, XM_NS } from "../../../support/x14Formats";

const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";

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
  const { pkg, part, parts } = await savedWithNotes(
    workbook,
    `<hyperlink ref="D2" location="'Sheet1'!A1" display="Top"/><hyperlink ref="D6" location="'Sheet1'!A1" display="Below"/>`,
    comment("D2"),
    `<v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Anchor>4, 15, 0, 10, 6, 15, 4, 4</x:Anchor><x:Row>1</x:Row><x:Column>3</x:Column></x:ClientData></v:shape>`,
  );
  const drawingId = await pkg.addRelationship(part, RELATIONSHIP_TYPES.drawing, "xl/drawings/drawing1.xml");
  parts.replace("drawing", [`<drawing r:id="${drawingId}"/>`]);
  pkg.set(part, parts.toString());
  pkg.set("xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor>${marker("from", 3, 1)}${marker("to", 5, 2)}${shape(2)}</xdr:twoCellAnchor><xdr:twoCellAnchor>${marker("from", 3, 5)}${marker("to", 5, 7)}${shape(3)}</xdr:twoCellAnchor></xdr:wsDr>`);
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

/**
 * Rows deleted from or inserted into a table move what the file keeps by the same rule as the model
 * (model/references movedReference; Excel: support.microsoft.com, "Insert or delete cells, rows, and
 * columns", 0cb9c2f7, and "How to correct a #REF! error"): a range below moves, one the move falls
 * inside grows or shrinks, one at the insertion row moves, and one holding only deleted cells goes
 * with them, its element too (a merge, a hyperlink, a note, a format or validation of its own).
 */
describe("what the file keeps follows a row move by the model's rule", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
  const XM = "http://schemas.microsoft.com/office/excel/2006/main";
  const sheetXml = (body: string) => `<worksheet xmlns="${MAIN}" xmlns:x14="${X14}" xmlns:xm="${XM}"><sheetData/>${body}</worksheet>`;
  /** Rows 5:6 (1-based) deleted, and two rows inserted at row 5, within columns A:K. */
  const deleted: RowShift[] = [{ kind: "shift", row: 4, count: -2, c0: 0, c1: 10 }];
  const inserted: RowShift[] = [{ kind: "shift", row: 4, count: 2, c0: 0, c1: 10 }];
  const format = (sqref: string, priority: number) => `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>`;
  const sqrefs = (xml: string) => [...xml.matchAll(/\ssqref="([^"]*)"/g)].map((m) => m[1]);

  it("a row delete drops a format, validation, merge and hyperlink holding only deleted rows, shrinks one partly deleted, moves one below", () => {
    const xml = shiftWorksheetXml(
      sheetXml(
        `<mergeCells count="2"><mergeCell ref="E5:F6"/><mergeCell ref="E10:F10"/></mergeCells>${format("A5:C6", 1)}${format("A3:C8 A12:C12", 2)}` +
          `<dataValidations count="2"><dataValidation type="list" sqref="B5:B6"><formula1>"a,b"</formula1></dataValidation><dataValidation type="list" sqref="B9:B11"><formula1>"c"</formula1></dataValidation></dataValidations>` +
          `<hyperlinks><hyperlink ref="A5" location="'Sheet1'!A1" display="Top"/></hyperlinks>`,
      ),
      deleted,
    );
    expect(sqrefs(xml)).toEqual(["A3:C6 A10:C10", "B7:B9"]);
    expect(xml).toContain(`<mergeCells count="1"><mergeCell ref="E8:F8"/></mergeCells>`);
    expect(xml).toContain(`<dataValidations count="1"><dataValidation type="list" sqref="B7:B9">`);
    expect(xml).not.toContain("<hyperlinks");
    expect(xml).not.toContain('priority="1"');
  });

  it("an x14 format of only deleted rows goes, with its extension when nothing else is left in it", () => {
    const x14 = (sqref: string, id: number) => `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="{0000000${id}-0000-0000-0000-000000000000}"><x14:dataBar/></x14:cfRule><xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`;
    const ext = (inner: string) => `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>${inner}</x14:conditionalFormattings></ext></extLst>`;
    expect(shiftWorksheetXml(sheetXml(ext(x14("A5:C6", 1) + x14("A8:C9", 2))), deleted)).toContain(`<x14:conditionalFormattings>${x14("A6:C7", 2)}</x14:conditionalFormattings>`);
    const gone = shiftWorksheetXml(sheetXml(ext(x14("A5:C6", 1))), deleted);
    expect(gone).not.toContain("conditionalFormatting");
    expect(gone).not.toContain("<ext ");
  });

  it("a row insert grows a range it falls inside and moves one that starts on the inserted row", () => {
    const xml = shiftWorksheetXml(sheetXml(`${format("A3:C8", 1)}${format("A5:C6", 2)}${format("A1:C4", 3)}`), inserted);
    expect(sqrefs(xml)).toEqual(["A3:C10", "A7:C8", "A1:C4"]);
  });

  it("rows appended to a table grow a format and validation ending on its last row, while a hyperlink or merge there stays on its cell (it belongs to that cell: support.microsoft.com 0cb9c2f7)", () => {
    const grown: RowShift[] = [{ kind: "grow", row: 3, count: 2, c0: 0, c1: 1 }];
    const xml = shiftWorksheetXml(
      sheetXml(
        `<mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells>${format("A2:B4", 1)}` +
          `<hyperlinks><hyperlink ref="A4" location="'Sheet1'!A1" display="Top"/></hyperlinks>`,
      ),
      grown,
    );
    expect(sqrefs(xml)).toEqual(["A2:B6"]);
    expect(xml).toContain(`<mergeCell ref="A4:B4"/>`);
    expect(xml).toContain(`<hyperlink ref="A4" `);
  });

  /**
   * A sheet always has 1,048,576 rows (support.microsoft.com, "Excel worksheet and workbook limits",
   * c13798fc): rows deleted are made up by blank rows at the bottom and rows inserted push the last
   * ones off, so an area over every row (A:A, A:C) still covers every row and stays as written, while
   * a whole-row area (3:5) shifts and shrinks like any rows.
   */
  it("a row delete or insert keeps whole-column formats, validation (x14 too) and ignored-error ranges whole (A:A stays A:A, not A1:A1048575); whole rows (3:5) shrink within the shifted columns", () => {
    const x14 = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="{00000001-0000-0000-0000-000000000000}"><x14:dataBar/></x14:cfRule><xm:sqref>B:B</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    const body =
      `${format("A:A", 1)}${format("3:5", 2)}${format("D:D D7:D8", 3)}` +
      `<dataValidations count="1"><dataValidation type="list" sqref="A:C"><formula1>"a,b"</formula1></dataValidation></dataValidations>` +
      `<ignoredErrors><ignoredError sqref="E:E" numberStoredAsText="1"/></ignoredErrors>${x14}`;
    const afterDelete = shiftWorksheetXml(sheetXml(body), deleted);
    expect(sqrefs(afterDelete)).toEqual(["A:A", "A3:K4 L3:XFD5", "D:D D5:D6", "A:C", "E:E"]);
    expect(afterDelete).toContain("<xm:sqref>B:B</xm:sqref>");
    const atTop: RowShift[] = [{ kind: "shift", row: 0, count: 2, c0: 0, c1: 10 }];
    expect(sqrefs(shiftWorksheetXml(sheetXml(body), atTop))).toEqual(["A:A", "A5:K7 L3:XFD5", "D:D D9:D10", "A:C", "E:E"]);
  });

  it("TableRow.delete keeps a validation and a conditional format over whole columns whole in the saved file (support.microsoft.com c13798fc: a sheet always has 1,048,576 rows)", async () => {
    const workbook = await readXlsx(await fileWithContentBelow());
    await run(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A:A").dataValidation.rule = { textLength: { formula1: 20, operator: "LessThanOrEqualTo" } };
      const format = sheet.getRange("B:B").conditionalFormats.add("Custom");
      format.custom.rule.formula = "=B1>2";
      format.custom.format.fill.color = "#FFC000";
    });
    const saved = await readXlsx(await writeXlsx(workbook));
    await run(saved, async (context) => context.workbook.tables.getItem("Left").rows.getItemAt(1).delete());
    const pkg = await XlsxPackage.open(await writeXlsx(saved));
    const xml = await pkg.text((await pkg.worksheetParts()).get("Sheet1")!);
    expect(sqrefs(xml)).toEqual(expect.arrayContaining(["A:A", "B:B"]));
    expect(xml).not.toContain("1048575");
    expect((await readXlsx(await pkg.bytes())).sheet("Sheet1").validationAt("A1048576")?.rule.textLength).toBeDefined();
  });

  /**
   * A manual break (<brk id> is the row below it, min..max the columns it spans: ECMA-376 Part 1
   * §18.3.1.3 brk) moves with the cells it spans, by the model's rule: one on a deleted row goes with
   * it, one below moves up, and <rowBreaks count manualBreakCount> (§18.3.1.74) count what is left.
   */
  it("a row delete drops a manual page break on a deleted row, moves the breaks below up, and recounts count and manualBreakCount (ECMA-376 Part 1 §18.3.1.3, §18.3.1.74)", () => {
    const breaks = `<rowBreaks count="5" manualBreakCount="4"><brk id="2" max="10" man="1"/><brk id="5" max="10" man="1"/><brk id="9" max="10" man="1"/><brk id="12" max="10"/><brk id="20" max="16383" man="1"/></rowBreaks>`;
    const xml = shiftWorksheetXml(sheetXml(breaks), deleted);
    expect(xml).toContain(`<rowBreaks count="4" manualBreakCount="3"><brk id="2" max="10" man="1"/><brk id="7" max="10" man="1"/><brk id="10" max="10"/><brk id="20" max="16383" man="1"/></rowBreaks>`);
    const onlyDeleted = shiftWorksheetXml(sheetXml(`<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="10" man="1"/></rowBreaks>`), deleted);
    expect(onlyDeleted).not.toContain("rowBreaks");
  });

  it("an area reaching beside the shifted columns splits as the model splits a validation (movedAreaParts): the part within them moves", () => {
    const xml = shiftWorksheetXml(sheetXml(format("J8:M9", 1)), deleted);
    expect(sqrefs(xml)).toEqual(["J6:K7 L8:M9"]);
  });

  it("writes the model's area rule (movedAreaParts) back as sqref text for any area and any row or column move (the address round trip; the rule itself is tested in test/headless/model)", () => {
    const line = (max: number) => fc.integer({ min: 0, max });
    const rect = fc.tuple(line(12), line(12), line(12), line(12)).map(([a, b, c, d]) => ({ r0: Math.min(a, b), r1: Math.max(a, b), c0: Math.min(c, d), c1: Math.max(c, d) }));
    const shift = fc.oneof(
      fc.tuple(line(10), fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0), line(8), line(4)).map(([row, count, c0, w]): LoggedShift => ({ kind: "shift", row, count, c0, c1: c0 + w })),
      fc.tuple(line(10), fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0), line(8), line(4)).map(([col, count, r0, h]): LoggedShift => ({ kind: "columns", col, count, r0, r1: r0 + h })),
    );
    fc.assert(
      fc.property(rect, shift, (area, logged) => {
        const model = movedAreaParts(area, moveOf(logged)!)
          .flatMap(({ after }) => (after ? [rectAddress(after)] : []))
          .join(" ");
        expect(shiftedSqref(rectAddress(area), [logged])).toBe(model);
      }),
    );
  });

  it("TableRow.delete: a manual page break within the table's columns on the deleted row goes, one below moves up and the counts follow; a break across the whole sheet stays with its sheet row (ECMA-376 Part 1 §18.3.1.3 brk)", async () => {
    const pkg = await XlsxPackage.open(await fileWithContentBelow());
    const part = (await pkg.worksheetParts()).get("Sheet1")!;
    const parts = new WorksheetParts(await pkg.text(part));
    parts.replace("rowBreaks", [`<rowBreaks count="3" manualBreakCount="3"><brk id="2" max="1" man="1"/><brk id="5" max="1" man="1"/><brk id="7" max="16383" man="1"/></rowBreaks>`]);
    pkg.set(part, parts.toString());
    const workbook = await readXlsx(await pkg.bytes());
    await run(workbook, async (context) => context.workbook.tables.getItem("Left").rows.getItemAt(1).delete());
    const saved = await XlsxPackage.open(await writeXlsx(workbook));
    expect(await saved.text(part)).toContain(`<rowBreaks count="2" manualBreakCount="2"><brk id="4" max="1" man="1"/><brk id="7" max="16383" man="1"/></rowBreaks>`);
  });

  it("TableRow.delete: a hyperlink and a note on the deleted row go with it; below the table they move up one row", async () => {
    const workbook = await readXlsx(await fileWithContentBelow());
    await run(workbook, async (context) => context.workbook.tables.getItem("Left").rows.getItemAt(1).delete());
    const pkg = await XlsxPackage.open(await writeXlsx(workbook));
    const xml = await pkg.text((await pkg.worksheetParts()).get("Sheet1")!);
    expect([...xml.matchAll(/<hyperlink ref="([^"]+)"/g)].map((m) => m[1])).toEqual(["A5"]);
    const comments = await pkg.text("xl/comments1.xml");
    expect([...comments.matchAll(/<comment ref="([^"]+)"/g)].map((m) => m[1])).toEqual(["B5"]);
    const vml = await pkg.text("xl/drawings/vmlDrawing1.vml");
    expect([...vml.matchAll(/<x:Row>(\d+)<\/x:Row>/g)].map((m) => Number(m[1]))).toEqual([4]);
    const reread = await readXlsx(await pkg.bytes());
    expect(reread.sheet("Sheet1").valueAt("A5")).toBe("Below");
  });
});

/** Sheet1: the table Left at A1:B4; a hyperlink and a note on its second row (row 3), and a hyperlink and note in A6/B6 below it. */
async function fileWithContentBelow(): Promise<Uint8Array> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B4").values = [["ID", "Score"], ["R1", 1], ["R2", 2], ["R3", 3]];
    sheet.tables.add("A1:B4", true).name = "Left";
    sheet.getRange("A6:B6").values = [["Below", "Note"]];
  });
  const note = (row: number) => `<v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Anchor>2, 15, ${row - 1}, 10, 4, 15, ${row + 3}, 4</x:Anchor><x:Row>${row}</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>`;
  const { pkg, part, parts } = await savedWithNotes(
    workbook,
    `<hyperlink ref="A3" location="'Sheet1'!A1" display="Row"/><hyperlink ref="A6" location="'Sheet1'!A1" display="Below"/>`,
    comment("B3") + comment("B6"),
    note(2) + note(5),
  );
  pkg.set(part, parts.toString());
  return pkg.bytes();
}

const comment = (ref: string) => `<comment ref="${ref}" authorId="0"><text><r><t>Check</t></r></text></comment>`;

/**
 * The workbook saved, then given what Excel keeps beside the cells on Sheet1: hyperlinks and legacy
 * notes (a comments part and the notes' VML shapes). The sheet's markup is returned open, for the
 * caller to add to and set.
 */
async function savedWithNotes(workbook: HeadlessWorkbook, hyperlinks: string, comments: string, shapes: string): Promise<{ pkg: XlsxPackage; part: string; parts: WorksheetParts }> {
  const pkg = await XlsxPackage.open(await writeXlsx(workbook));
  const part = (await pkg.worksheetParts()).get("Sheet1")!;
  const parts = new WorksheetParts(await pkg.text(part));
  parts.replace("hyperlinks", [`<hyperlinks>${hyperlinks}</hyperlinks>`]);
  const vmlId = await pkg.addRelationship(part, VML_TYPE, "xl/drawings/vmlDrawing1.vml");
  await pkg.addRelationship(part, COMMENTS_TYPE, "xl/comments1.xml");
  parts.replace("legacyDrawing", [`<legacyDrawing r:id="${vmlId}"/>`]);
  pkg.set("xl/comments1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Analyst</author></authors><commentList>${comments}</commentList></comments>`);
  pkg.set("xl/drawings/vmlDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">${shapes}</xml>`);
  await pkg.addContentTypeOverride("xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  await pkg.addContentTypeOverride("xl/drawings/vmlDrawing1.vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
  return { pkg, part, parts };
}

const SPARKLINES_URI = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}";
const X14_VALIDATIONS_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}";

/** An x14 sparkline group (one line per sparkline: [data formula, cell]), as Excel writes it ([MS-XLSX] 2.6.7 CT_SparklineGroup, 2.6.9 CT_Sparkline). */
const sparklineGroup = (type: string, lines: Array<[string, string]>) =>
  `<x14:sparklineGroup type="${type}" displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>` +
  `<x14:sparklines>${lines.map(([f, sqref]) => `<x14:sparkline><xm:f>${f}</xm:f><xm:sqref>${sqref}</xm:sqref></x14:sparkline>`).join("")}</x14:sparklines></x14:sparklineGroup>`;
const sparklinesExt = (groups: string) => `<ext uri="${SPARKLINES_URI}" xmlns:x14="${X14_NS}"><x14:sparklineGroups xmlns:xm="${XM_NS}">${groups}</x14:sparklineGroups></ext>`;

/**
 * Sheet1: the table Scores at A1:H4 (ID, Q1..Q4, Trend, Bars, Note), the trend of each row drawn by
 * a sparkline in its Trend cell, and its own <extLst> (x14 formats, validation, sparklines: [MS-XLSX]
 * 2.2.4.12 worksheet extensions) given by the caller; Sheet2 a summary with an extLst of its own.
 */
async function fileWithExtensions(sheet1Ext: string, sheet2Ext = "", sheet1Formats?: { modelRule?: boolean; fileRules?: string }): Promise<Uint8Array> {
  const workbook = createWorkbook();
  await run(workbook, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:H4").values = [["ID", "Q1", "Q2", "Q3", "Q4", "Trend", "Bars", "Note"], ["R1", 1, 2, 3, 4, "", "", ""], ["R2", 4, 3, 2, 1, "", "", ""], ["R3", 2, 2, 3, 3, "", "", ""]];
    sheet.tables.add("A1:H4", true).name = "Scores";
    if (sheet1Formats?.modelRule) {
      const format = sheet.getRange("H2:H4").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=$H2="Late"';
      format.custom.format.fill.color = "#C00000";
    }
    context.workbook.worksheets.add("Sheet2").getRange("A1").values = [["Summary"]];
  });
  const pkg = await XlsxPackage.open(await writeXlsx(workbook));
  for (const [name, ext] of [["Sheet1", sheet1Ext], ["Sheet2", sheet2Ext]]) {
    if (!ext && !(name === "Sheet1" && sheet1Formats?.fileRules)) continue;
    const part = (await pkg.worksheetParts()).get(name)!;
    const parts = new WorksheetParts(await pkg.text(part));
    if (name === "Sheet1" && sheet1Formats?.fileRules) parts.replace("conditionalFormatting", [...parts.get("conditionalFormatting").map((e) => e.text), sheet1Formats.fileRules]);
    if (ext) parts.replace("extLst", [`<extLst>${ext}</extLst>`]);
    pkg.set(part, parts.toString());
  }
  return pkg.bytes();
}

/** The worksheet's markup after Scores' second body row (sheet row 3) was deleted through the host, and the file saved. */
async function afterSecondRowDeleted(bytes: Uint8Array): Promise<{ sheet1: string; sheet2: string }> {
  const workbook = await readXlsx(bytes);
  await run(workbook, async (context) => context.workbook.tables.getItem("Scores").rows.getItemAt(1).delete());
  const pkg = await XlsxPackage.open(await writeXlsx(workbook));
  const parts = await pkg.worksheetParts();
  return { sheet1: await pkg.text(parts.get("Sheet1")!), sheet2: await pkg.text(parts.get("Sheet2")!) };
}

const sparklinesIn = (xml: string) => [...xml.matchAll(/<x14:sparkline><xm:f>([^<]*)<\/xm:f><xm:sqref>([^<]*)<\/xm:sqref><\/x14:sparkline>/g)].map((m) => [m[1], m[2]]);

/**
 * Formulas in a worksheet's extensions (<xm:f>, [MS-XLSX] 2.4.3 f) read cells like any cell formula,
 * so a table row deleted moves them by the same rule (model/references, as Excel adjusts every
 * reference: support.microsoft.com 0cb9c2f7, "How to correct a #REF! error"): only references to
 * the sheet the rows moved on move, one wholly past the deleted row moves up, one to only deleted
 * cells becomes Sheet1!#REF!. Their xm:sqref already moved.
 */
describe("formulas in the worksheet's x14 extensions follow a table row delete", () => {
  it("TableRow.delete: a trend sparkline below the deleted row reads its row's new place, and one beside the table whose data was deleted shows #REF! ([MS-XLSX] 2.6.9 CT_Sparkline)", async () => {
    const { sheet1 } = await afterSecondRowDeleted(await fileWithExtensions(sparklinesExt(sparklineGroup("line", [["Sheet1!B2:E2", "F2"], ["Sheet1!B4:E4", "F4"], ["Sheet1!B3:E3", "J3"], ["Sheet2!B4:E4", "J4"]]))));
    expect(sparklinesIn(sheet1)).toEqual([["Sheet1!B2:E2", "F2"], ["Sheet1!B3:E3", "F3"], ["Sheet1!#REF!", "J3"], ["Sheet2!B4:E4", "J4"]]);
  });

  it("TableRow.delete: an x14 conditional format's formula moves with the cells it tests, a reference to another sheet stays ([MS-XLSX] CT_CfRule, 2.4.3 f)", async () => {
    const rule = `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="expression" priority="3" id="{00000001-0000-0000-0000-000000000001}"><xm:f>AND(Sheet2!$A$1&lt;&gt;"",$B4&gt;Sheet2!$B$4)</xm:f><x14:dxf><fill><patternFill><bgColor rgb="FFFFC000"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>B4:E4</xm:sqref></x14:conditionalFormatting>`;
    const { sheet1 } = await afterSecondRowDeleted(await fileWithExtensions(`<ext uri="${X14_FORMATS_URI}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${rule}</x14:conditionalFormattings></ext>`));
    expect(sheet1).toContain(`<xm:f>AND(Sheet2!$A$1&lt;&gt;"",$B3&gt;Sheet2!$B$4)</xm:f>`);
    expect(sheet1).toContain("<xm:sqref>B3:E3</xm:sqref>");
  });

  it("TableRow.delete: an x14 list validation over the table's IDs, on the summary sheet, offers the IDs left ([MS-XLSX] 2.6.4 CT_DataValidationFormula, 2.6.5 CT_DataValidation)", async () => {
    const validations = `<ext uri="${X14_VALIDATIONS_URI}" xmlns:x14="${X14_NS}"><x14:dataValidations count="1" xmlns:xm="${XM_NS}"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Sheet1!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>B2:B9</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
    const { sheet2 } = await afterSecondRowDeleted(await fileWithExtensions("", validations));
    expect(sheet2).toContain("<xm:f>Sheet1!$A$2:$A$3</xm:f>");
    expect(sheet2).toContain("<xm:sqref>B2:B9</xm:sqref>");
  });

  it("TableRow.delete: a sparkline on the summary sheet over a table row below the deleted one reads the row's new place", async () => {
    const { sheet2 } = await afterSecondRowDeleted(await fileWithExtensions("", sparklinesExt(sparklineGroup("line", [["Sheet1!B4:E4", "B2"]]))));
    expect(sparklinesIn(sheet2)).toEqual([["Sheet1!B3:E3", "B2"]]);
  });
});

/**
 * A conditional format Excel keeps in the worksheet's x14 extension ([MS-XLSX] 2.6.2 CT_CfRule: an
 * expression whose formula reads another sheet, a data bar's Excel 2010 properties) is only half in
 * the main part, or not there at all: a main-part <cfRule> (ECMA-376 Part 1 §18.3.1.10) then
 * carries no <formula>, just an <extLst> whose <x14:id> names the x14 rule ([MS-XLSX] 2.6.13 id).
 * The model cannot hold such a rule, so the file keeps it as it was, its ranges and formulas moved
 * with the cells; only the rules the model owns are written again. An expression rule written with
 * an empty <formula> is corrupt content to Excel (it offers to repair the file).
 */
describe("conditional formats that live in the x14 extension are kept, never written again half (ECMA-376 Part 1 §18.3.1.10 cfRule, [MS-XLSX] 2.6.2 CT_CfRule)", () => {
  it("TableRow.delete: an expression rule only in the extension is not written into the main part; it moves as the extension moves, the rest of the extension intact, and the model's own rule is rewritten", async () => {
    const file = await fileWithExtensions(x14Formats(4, "G2:G4"), "", { modelRule: true, fileRules: dataBarHalf("G2:G4") });
    const { sheet1 } = await afterSecondRowDeleted(file);
    expect(halfRules(sheet1)).toEqual([]);
    expect(sheet1).not.toMatch(/<formula>\s*<\/formula>|<formula\/>/);
    expect(extLstOf(sheet1)).toBe(`<extLst>${x14Formats(3, "G2:G3")}</extLst>`);
    const rules = mainFormats(sheet1);
    expect(rules.filter((r) => r.includes('type="expression"'))).toHaveLength(1);
    // The rule the model owns is written again, ranked below the kept ones, the x14 rules included (priority 3): priorities are unique on a sheet (§18.3.1.10).
    expect(rules.join("")).toMatch(/<conditionalFormatting sqref="H2:H3"><cfRule type="expression" dxfId="\d+" priority="4"><formula>\$H2=&quot;Late&quot;<\/formula><\/cfRule><\/conditionalFormatting>/);
    expect(rules.join("")).toContain(dataBarHalf("G2:G3"));
  });

  it("TableRow.delete: a main-part expression rule that only points at its x14 rule keeps its pointer and gains no <formula>; Excel's data bar keeps its pointer", async () => {
    const file = await fileWithExtensions(x14Formats(4, "G2:G4"), "", { modelRule: true, fileRules: expressionPointer(4) + dataBarHalf("G2:G4") });
    const { sheet1 } = await afterSecondRowDeleted(file);
    expect(halfRules(sheet1)).toEqual([]);
    expect(sheet1).not.toContain("<formula></formula>");
    const rules = mainFormats(sheet1).join("");
    expect(rules).toContain(expressionPointer(3));
    expect(rules).toContain(dataBarHalf("G2:G3"));
    expect(rules.match(/<cfRule\b/g)).toHaveLength(3);
    expect(extLstOf(sheet1)).toBe(`<extLst>${x14Formats(3, "G2:G3")}</extLst>`);
  });

  it("with no row deleted the sheet is byte-identical: a plain save returns the file's bytes, and an edit to a cell leaves its formats and extension as they were", async () => {
    const file = await fileWithExtensions(x14Formats(4, "G2:G4"), "", { modelRule: true, fileRules: expressionPointer(4) + dataBarHalf("G2:G4") });
    expect(Buffer.from(await writeXlsx(await readXlsx(file))).equals(Buffer.from(file))).toBe(true);
    const before = await XlsxPackage.open(file);
    const beforeXml = await before.text((await before.worksheetParts()).get("Sheet1")!);
    const workbook = await readXlsx(file);
    await run(workbook, async (context) => void (context.workbook.worksheets.getItem("Sheet1").getRange("H3").values = [["Late"]]));
    const after = await XlsxPackage.open(await writeXlsx(workbook));
    const afterXml = await after.text((await after.worksheetParts()).get("Sheet1")!);
    expect(afterXml).not.toBe(beforeXml);
    expect(mainFormats(afterXml)).toEqual(mainFormats(beforeXml));
    expect(extLstOf(afterXml)).toBe(extLstOf(beforeXml));
  });
});

describe("sparklines follow rows inserted into or appended to a table", () => {
  const worksheet = (ext: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><extLst>${ext}</extLst></worksheet>`;
  const trends = sparklinesExt(sparklineGroup("line", [["Sheet1!B3:E3", "F3"], ["Sheet1!B2:E4", "J2"]]));
  const formulas = (shifts: LoggedShift[]) => ({ shifts: new Map([["sheet1", shifts]]), home: "sheet1" });

  it("two rows inserted at row 3 move a trend sparkline and its data down, and grow a data range they fall inside", () => {
    const inserted: LoggedShift[] = [{ kind: "shift", row: 2, count: 2, c0: 0, c1: 7 }];
    expect(sparklinesIn(shiftWorksheetXml(worksheet(trends), inserted, formulas(inserted)))).toEqual([["Sheet1!B5:E5", "F5"], ["Sheet1!B2:E6", "J2"]]);
  });

  it("rows appended to a table leave a sparkline in its last row one cell, as a sparkline is drawn in one cell ([MS-XLSX] 2.6.9 CT_Sparkline)", () => {
    const grown: LoggedShift[] = [{ kind: "grow", row: 2, count: 2, c0: 0, c1: 7 }];
    expect(sparklinesIn(shiftWorksheetXml(worksheet(trends), grown, formulas(grown)))).toEqual([["Sheet1!B3:E3", "F3"], ["Sheet1!B2:E4", "J2"]]);
  });
});

/**
 * Excel deletes a sparkline with its cell; a group needs one sparkline or more ([MS-XLSX] 2.6.8
 * CT_Sparklines), so a group left with none goes, and so do <x14:sparklineGroups> ([MS-XLSX] 2.4.8
 * sparklineGroups) and its <ext> when nothing is left in them: an empty one is not valid.
 */
describe("sparklines whose cells were deleted go with them", () => {
  it("TableRow.delete: the deleted row's sparkline goes from its group, and a group drawn only in that row goes whole ([MS-XLSX] 2.6.7 CT_SparklineGroup, 2.6.8 CT_Sparklines)", async () => {
    const trends = sparklineGroup("line", [["Sheet1!B2:E2", "F2"], ["Sheet1!B3:E3", "F3"], ["Sheet1!B4:E4", "F4"]]);
    const bars = sparklineGroup("column", [["Sheet1!B3:E3", "G3"]]);
    const { sheet1 } = await afterSecondRowDeleted(await fileWithExtensions(sparklinesExt(trends + bars)));
    expect(sparklinesIn(sheet1)).toEqual([["Sheet1!B2:E2", "F2"], ["Sheet1!B3:E3", "F3"]]);
    expect(sheet1.match(/<x14:sparklineGroup\b/g)).toHaveLength(1);
    expect(sheet1).not.toContain('type="column"');
  });

  it("TableRow.delete: when the deleted row held the sheet's only sparklines, <x14:sparklineGroups> and its <ext> go, and the other extensions stay ([MS-XLSX] 2.4.8 sparklineGroups)", async () => {
    const format = `<ext uri="${X14_FORMATS_URI}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="{00000001-0000-0000-0000-000000000002}"><x14:dataBar/></x14:cfRule><xm:sqref>B2:B4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`;
    const { sheet1 } = await afterSecondRowDeleted(await fileWithExtensions(format + sparklinesExt(sparklineGroup("line", [["Sheet1!B3:E3", "F3"]]))));
    expect(sheet1).not.toContain("sparkline");
    expect(sheet1).not.toContain(SPARKLINES_URI);
    expect(sheet1).toContain("<xm:sqref>B2:B3</xm:sqref>");
    const onlySparklines = (await afterSecondRowDeleted(await fileWithExtensions(sparklinesExt(sparklineGroup("line", [["Sheet1!B3:E3", "F3"]]))))).sheet1;
    expect(onlySparklines).not.toContain("<extLst");
    expect(onlySparklines).not.toContain("<ext ");
  });
});

/**
 * A conditional format's or validation's formula is written relative to the top-left cell of its
 * sqref's first range (ECMA-376 Part 1 §18.3.1.10 cfRule, §18.3.1.18 conditionalFormatting; [MS-XLSX]
 * 2.6.2 CT_CfRule, 2.6.5 CT_DataValidation). A rule the file keeps (one the model does not hold:
 * timePeriod, containsBlanks, x14 rules) moves as the model moves its own (model/shift
 * movedAreaFormula): its formula follows its range, and when the range's first rows are deleted it
 * is re-anchored on the first row left, so it still tests its own cells instead of showing #REF!.
 */
describe("the formulas of kept conditional formats and validation stay anchored on their range's top-left cell", () => {
  const worksheet = (formats: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${formats}</worksheet>`;
  const formulas = (shifts: LoggedShift[]) => ({ shifts: new Map([["sheet1", shifts]]), home: "sheet1" });
  const shifted = (xml: string, shifts: LoggedShift[]) => shiftWorksheetXml(xml, shifts, formulas(shifts));

  it("three rows inserted at row 3 across A:D move a 'yesterday' (timePeriod) rule over B6:B9 to B9:B12, and its formula tests B9, not B6", () => {
    const rule = (sqref: string, cell: string) =>
      `<conditionalFormatting sqref="${sqref}"><cfRule type="timePeriod" dxfId="0" priority="1" timePeriod="yesterday"><formula>FLOOR(${cell},1)=TODAY()-1</formula></cfRule></conditionalFormatting>`;
    expect(shifted(worksheet(rule("B6:B9", "B6")), [{ kind: "shift", row: 2, count: 3, c0: 0, c1: 3 }])).toBe(worksheet(rule("B9:B12", "B9")));
  });

  it("rows 5 and 6 deleted, the first row of a 'no blanks' (notContainsBlanks) rule over A6:A9 among them: the rule tests A5:A7 from A5, its escaped formula kept escaped", () => {
    const rule = (sqref: string, cell: string) =>
      `<conditionalFormatting sqref="${sqref}"><cfRule type="notContainsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(${cell}))&gt;0</formula></cfRule></conditionalFormatting>`;
    const after = shifted(worksheet(rule("A6:A9", "$A6")), [{ kind: "shift", row: 4, count: -2, c0: 0, c1: 3 }]);
    expect(after).toBe(worksheet(rule("A5:A7", "$A5")));
    expect(after).not.toContain("#REF!");
  });

  it("TableRow.delete of a range's first row: an x14 expression rule and an x14 custom validation over rows 3:4 now test row 3 (the old row 4), not #REF!; the reference to another sheet stays", async () => {
    const format = `<ext uri="${X14_FORMATS_URI}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="expression" priority="3" id="{00000001-0000-0000-0000-000000000003}"><xm:f>$B3&gt;Sheet2!$B$1</xm:f><x14:dxf><fill><patternFill><bgColor rgb="FFFFC000"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>B3:E4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`;
    const validation = `<ext uri="${X14_VALIDATIONS_URI}" xmlns:x14="${X14_NS}"><x14:dataValidations count="1" xmlns:xm="${XM_NS}"><x14:dataValidation type="custom" allowBlank="1"><x14:formula1><xm:f>$B3&lt;=Sheet2!$B$1</xm:f></x14:formula1><xm:sqref>B3:B4</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
    const { sheet1 } = await afterSecondRowDeleted(await fileWithExtensions(format + validation));
    expect(sheet1).toContain("<xm:f>$B3&gt;Sheet2!$B$1</xm:f>");
    expect(sheet1).toContain("<xm:sqref>B3:E3</xm:sqref>");
    expect(sheet1).toContain("<xm:f>$B3&lt;=Sheet2!$B$1</xm:f>");
    expect(sheet1).toContain("<xm:sqref>B3</xm:sqref>");
    expect(sheet1).not.toContain("#REF!");
  });
});
