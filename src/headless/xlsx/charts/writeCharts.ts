/** Post-processor: adds the model's charts to a package exceljs wrote (exceljs cannot write charts). */
import type { ChartModel } from "../../model/types";
import type { HeadlessWorkbook } from "../../model/workbook";
import type { XlsxPostProcessor } from "../write";
import { chartPartXml } from "./chartXml";
import { anchorXml, drawingPartXml } from "./drawingXml";
import { CONTENT_TYPES, RELATIONSHIP_TYPES, XlsxPackage, insertBeforeClosingTag } from "./opcPackage";
import { drawingRelationshipId, withDrawingReference } from "./worksheetDrawing";
import { parseXml } from "./xml";

export const writeChartParts: XlsxPostProcessor = async (xlsx, workbook) => {
  const sheetsWithCharts = workbook.sheets.filter((sheet) => sheet.charts.length > 0);
  if (sheetsWithCharts.length === 0) return xlsx;
  const pkg = await XlsxPackage.open(xlsx);
  const sheetParts = await pkg.worksheetParts();
  for (const sheet of sheetsWithCharts) {
    const sheetPart = sheetParts.get(sheet.name);
    if (!sheetPart) throw new Error(`The package has no worksheet part for "${sheet.name}"`);
    await addChartsToSheet(pkg, workbook, sheet.charts, sheetPart);
  }
  return pkg.bytes();
};

/** The sheet's drawing part: the one it already has (exceljs writes one for images) or a new one. */
async function drawingPartFor(pkg: XlsxPackage, sheetPart: string): Promise<{ part: string; existing: boolean }> {
  const sheetXml = await pkg.text(sheetPart);
  const worksheet = parseXml(sheetXml);
  const existingId = drawingRelationshipId(worksheet);
  if (existingId) {
    const rel = (await pkg.relationships(sheetPart)).find((r) => r.id === existingId);
    if (rel && pkg.has(rel.target)) return { part: rel.target, existing: true };
    throw new Error(`${sheetPart} refers to a drawing (${existingId}) the package does not have`);
  }
  const part = pkg.freePartName("xl/drawings", "drawing");
  const relationshipId = await pkg.addRelationship(sheetPart, RELATIONSHIP_TYPES.drawing, part);
  pkg.set(sheetPart, withDrawingReference(sheetXml, worksheet, relationshipId));
  await pkg.addContentTypeOverride(part, CONTENT_TYPES.drawing);
  return { part, existing: false };
}

/** Shape ids must be unique within a drawing: continue after the highest one already there. */
function highestShapeId(drawingXml: string): number {
  const ids = [...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  return Math.max(1, ...ids);
}

/** Adds `charts` to the sheet's drawing (the one it has, or a new one), beside any pictures or charts already there. */
export async function addChartsToSheet(pkg: XlsxPackage, workbook: HeadlessWorkbook, charts: ChartModel[], sheetPart: string): Promise<void> {
  const drawing = await drawingPartFor(pkg, sheetPart);
  const existingXml = drawing.existing ? await pkg.text(drawing.part) : "";
  let shapeId = highestShapeId(existingXml);
  const anchors: string[] = [];
  for (const chart of charts) {
    const chartPart = pkg.freePartName("xl/charts", "chart");
    pkg.set(chartPart, chartPartXml(workbook, chart));
    await pkg.addContentTypeOverride(chartPart, CONTENT_TYPES.chart);
    const relationshipId = await pkg.addRelationship(drawing.part, RELATIONSHIP_TYPES.chart, chartPart);
    anchors.push(anchorXml(chart, ++shapeId, relationshipId, drawing.existing));
  }
  pkg.set(drawing.part, drawing.existing
    ? insertBeforeClosingTag(existingXml, parseXml(existingXml).end, anchors.join(""))
    : drawingPartXml(anchors));
}
