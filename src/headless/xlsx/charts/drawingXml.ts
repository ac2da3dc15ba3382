/** Where a chart sits on its sheet: the spreadsheet drawing part's anchors (xl/drawings/drawingN.xml). */
import { cellAddress, parseRect } from "../../addresses";
import type { ChartModel } from "../../model/types";
import { CHART_NAMESPACES } from "./chartXml";
import { child, deepText, escapeXml, path, type XmlElement } from "./xml";

export const DRAWING_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CHART_GRAPHIC_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const EMU_PER_POINT = 12700;

type Placement = Pick<ChartModel, "position" | "top" | "left" | "width" | "height">;

const emu = (points: number): number => Math.round(points * EMU_PER_POINT);

function marker(name: "from" | "to", row: number, col: number): string {
  return `<xdr:${name}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${name}>`;
}

function graphicFrame(chart: ChartModel, shapeId: number, relationshipId: string): string {
  return `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_GRAPHIC_URI}"><c:chart xmlns:c="${CHART_NAMESPACES.c}" xmlns:r="${CHART_NAMESPACES.r}" r:id="${relationshipId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
}

/**
 * Office.js setPosition(start, end) covers the end cell fully, so a two-cell anchor ends at the
 * top-left of the cell after it. A chart with only a start cell (or none) keeps its size in points.
 */
export function anchorXml(chart: ChartModel, shapeId: number, relationshipId: string, declareNamespaces = false): string {
  const frame = graphicFrame(chart, shapeId, relationshipId) + "<xdr:clientData/>";
  // An anchor added to someone else's drawing part cannot rely on that part's prefixes.
  const ns = declareNamespaces ? ` xmlns:xdr="${DRAWING_NAMESPACE}" xmlns:a="${CHART_NAMESPACES.a}"` : "";
  const start = chart.position.startCell ? parseRect(chart.position.startCell) : null;
  const end = chart.position.endCell ? parseRect(chart.position.endCell) : null;
  if (start && end) {
    return `<xdr:twoCellAnchor${ns}>${marker("from", start.r0, start.c0)}${marker("to", end.r1 + 1, end.c1 + 1)}${frame}</xdr:twoCellAnchor>`;
  }
  const extent = `<xdr:ext cx="${emu(chart.width)}" cy="${emu(chart.height)}"/>`;
  if (start) return `<xdr:oneCellAnchor${ns}>${marker("from", start.r0, start.c0)}${extent}${frame}</xdr:oneCellAnchor>`;
  return `<xdr:absoluteAnchor${ns}><xdr:pos x="${emu(chart.left)}" y="${emu(chart.top)}"/>${extent}${frame}</xdr:absoluteAnchor>`;
}

export function drawingPartXml(anchors: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${DRAWING_NAMESPACE}" xmlns:a="${CHART_NAMESPACES.a}">${anchors.join("")}</xdr:wsDr>`;
}

export interface ChartAnchor {
  name: string;
  relationshipId: string;
  placement: Placement;
}

const numberIn = (node: XmlElement | undefined, local: string): number => Number(deepText(child(node, local)) || 0);
const points = (value: string | undefined): number => Math.round((Number(value ?? 0) / EMU_PER_POINT) * 100) / 100;

function placementOf(anchor: XmlElement): Placement {
  const base: Placement = { position: {}, top: 0, left: 0, width: 360, height: 216 };
  const from = child(anchor, "from");
  const extent = child(anchor, "ext");
  if (extent) Object.assign(base, { width: points(extent.attributes.cx), height: points(extent.attributes.cy) });
  if (anchor.local === "absoluteAnchor") {
    const pos = child(anchor, "pos");
    return { ...base, left: points(pos?.attributes.x), top: points(pos?.attributes.y) };
  }
  const startCell = cellAddress(numberIn(from, "row"), numberIn(from, "col"));
  const to = child(anchor, "to");
  if (anchor.local !== "twoCellAnchor" || !to) return { ...base, position: { startCell } };
  // An end marker with no offset into its cell means the chart stops at the cell before it.
  const flush = (offset: string) => numberIn(to, offset) === 0 ? 1 : 0;
  const endRow = Math.max(numberIn(to, "row") - flush("rowOff"), numberIn(from, "row"));
  const endCol = Math.max(numberIn(to, "col") - flush("colOff"), numberIn(from, "col"));
  return { ...base, position: { startCell, endCell: cellAddress(endRow, endCol) } };
}

/** The chart frames of a drawing part, in order; pictures and shapes are left alone. */
export function chartAnchorsOf(drawing: XmlElement): ChartAnchor[] {
  const anchors: ChartAnchor[] = [];
  for (const anchor of drawing.children) {
    const frame = child(anchor, "graphicFrame");
    const chartRef = path(frame, "graphic", "graphicData", "chart");
    const relationshipId = chartRef && Object.entries(chartRef.attributes).find(([name]) => name === "r:id" || name.endsWith(":id"))?.[1];
    if (!frame || !relationshipId) continue;
    const name = path(frame, "nvGraphicFramePr", "cNvPr")?.attributes.name ?? "";
    anchors.push({ name, relationshipId, placement: placementOf(anchor) });
  }
  return anchors;
}
