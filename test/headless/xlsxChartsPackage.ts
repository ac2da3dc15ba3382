/** Reading chart-related parts out of a saved .xlsx for assertions (shared by the chart suites). */
import JSZip from "jszip";
import { child, childrenNamed, deepText, parseXml, path, type XmlElement } from "../../src/headless/xlsx/charts/xml";

export interface SavedChart {
  /** Drawing frame name (the Office.js chart name). */
  name: string;
  part: string;
  /** "barChart" / "lineChart" / ... */
  plot: string;
  barDir?: string;
  grouping?: string;
  title: string;
  series: Array<{ name: string; categories: string; values: string }>;
  valueAxisFormat?: string;
  anchor: { from: [number, number]; to: [number, number] } | null;
}

export interface SavedPackage {
  zip: JSZip;
  text(part: string): Promise<string>;
  /** Sheet name -> worksheet part, from workbook.xml and its relationships. */
  sheetParts: Map<string, string>;
  chartsOn(sheet: string): Promise<SavedChart[]>;
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");
const resolveFrom = (part: string, target: string) => {
  const segments = part.split("/").slice(0, -1);
  for (const s of target.split("/")) s === ".." ? segments.pop() : segments.push(s);
  return segments.join("/");
};
const idAttribute = (node: XmlElement | undefined) => node?.attributes["r:id"];
const num = (node: XmlElement | undefined, local: string) => Number(deepText(child(node, local)));

export async function openSaved(bytes: Uint8Array | Buffer): Promise<SavedPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (part: string) => {
    const file = zip.file(part);
    if (!file) throw new Error(`missing part ${part}`);
    return file.async("string");
  };
  const relations = async (part: string) =>
    zip.file(relsOf(part))
      ? childrenNamed(parseXml(await text(relsOf(part))), "Relationship").map((r) => ({ id: r.attributes.Id, type: r.attributes.Type, target: resolveFrom(part, r.attributes.Target) }))
      : [];
  const workbookRels = await relations("xl/workbook.xml");
  const sheetParts = new Map(
    childrenNamed(child(parseXml(await text("xl/workbook.xml")), "sheets"), "sheet").map((s) => [s.attributes.name, workbookRels.find((r) => r.id === idAttribute(s))?.target ?? ""]),
  );
  async function chartsOn(sheet: string): Promise<SavedChart[]> {
    const sheetPart = sheetParts.get(sheet) ?? "";
    const drawingId = idAttribute(parseXml(await text(sheetPart)).children.find((c) => c.local === "drawing"));
    if (!drawingId) return [];
    const drawingPart = (await relations(sheetPart)).find((r) => r.id === drawingId)?.target ?? "";
    const chartRels = await relations(drawingPart);
    const charts: SavedChart[] = [];
    for (const anchor of parseXml(await text(drawingPart)).children) {
      const frame = child(anchor, "graphicFrame");
      const ref = path(frame, "graphic", "graphicData", "chart");
      if (!ref) continue;
      const part = chartRels.find((r) => r.id === idAttribute(ref))?.target ?? "";
      const chart = child(parseXml(await text(part)), "chart");
      const plotArea = child(chart, "plotArea");
      const plot = plotArea?.children.find((c) => c.local.endsWith("Chart"));
      const from = child(anchor, "from");
      const to = child(anchor, "to");
      const format = child(child(plotArea, "valAx"), "numFmt");
      charts.push({
        name: path(frame, "nvGraphicFramePr", "cNvPr")?.attributes.name ?? "",
        part,
        plot: plot?.local ?? "",
        barDir: child(plot, "barDir")?.attributes.val,
        grouping: child(plot, "grouping")?.attributes.val,
        title: deepText(path(chart, "title", "tx", "rich")),
        series: childrenNamed(plot, "ser").map((ser) => ({
          name: deepText(child(child(ser, "tx"), "v")) || deepText(path(ser, "tx", "strRef", "strCache", "pt", "v")),
          categories: deepText(path(ser, "cat", "strRef", "f") ?? path(ser, "cat", "numRef", "f")),
          values: deepText(path(ser, "val", "numRef", "f")),
        })),
        ...(format?.attributes.sourceLinked === "0" ? { valueAxisFormat: format.attributes.formatCode } : {}),
        anchor: from && to ? { from: [num(from, "row"), num(from, "col")], to: [num(to, "row"), num(to, "col")] } : null,
      });
    }
    return charts;
  }
  return { zip, text, sheetParts, chartsOn };
}
