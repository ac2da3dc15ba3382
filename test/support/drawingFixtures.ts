/** DrawingML pieces the file-layer tests plant in a package: anchor markers and a plain shape. */
export { DRAWING_NAMESPACE as XDR } from "../../src/headless/xlsx/charts/drawingXml";
import { CHART_NAMESPACES } from "../../src/headless/xlsx/charts/chartXml";

/** DrawingML's main namespace (the a: prefix). */
export const A = CHART_NAMESPACES.a;

/** An anchor's from/to marker at a 0-based column and row. */
export const marker = (name: "from" | "to", col: number, row: number) =>
  `<xdr:${name}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${name}>`;

/** A rectangle shape with its client data, to sit inside an anchor. */
export const shape = (id: number, name = `Shape ${id}`) =>
  `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="${name}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/>`;
