/** The worksheet's <drawing r:id="..."/> reference, placed where CT_Worksheet (ECMA-376 §18.3.1.99) wants it. */
import { CHART_NAMESPACES } from "./chartXml";
import { prefixFor, type XmlElement } from "./xml";

/** Children of <worksheet> that come after <drawing>, in schema order. */
const AFTER_DRAWING = new Set([
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
]);

/** The relationship id of the sheet's existing drawing, if it has one. */
export function drawingRelationshipId(worksheet: XmlElement): string | undefined {
  const drawing = worksheet.children.find((c) => c.local === "drawing");
  return drawing && Object.entries(drawing.attributes).find(([name]) => name === "r:id" || name.endsWith(":id"))?.[1];
}

/** The sheet XML with a <drawing> element inserted before the first sibling the schema puts after it. */
export function withDrawingReference(source: string, worksheet: XmlElement, relationshipId: string): string {
  const elementPrefix = worksheet.name.includes(":") ? worksheet.name.slice(0, worksheet.name.indexOf(":") + 1) : "";
  const declared = prefixFor(worksheet, CHART_NAMESPACES.r);
  const relPrefix = declared || "r";
  const declaration = declared ? "" : ` xmlns:r="${CHART_NAMESPACES.r}"`;
  const markup = `<${elementPrefix}drawing${declaration} ${relPrefix}:id="${relationshipId}"/>`;
  const next = worksheet.children.find((c) => AFTER_DRAWING.has(c.local));
  const at = next ? next.start : source.lastIndexOf("<", worksheet.end - 1);
  return source.slice(0, at) + markup + source.slice(at);
}
