/** The smallest SpreadsheetML package around one worksheet: for reading cells written exactly as a test needs them. */
import JSZip from "jszip";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface MinimalParts {
  /** Content of <worksheet> (sheetData and whatever else), without the root element. */
  worksheet: string;
  /** Content of <sst>; no shared strings part when absent. */
  sharedStrings?: string;
  /** A whole styles part; none when absent. */
  styles?: string;
  sheetName?: string;
  deflate?: boolean;
}

export function minimalPackage(parts: MinimalParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>`,
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/>`,
    parts.sharedStrings === undefined ? "" : `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>`,
    parts.styles === undefined ? "" : `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>`,
  ].join("");
  const rels = [
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>`,
    parts.sharedStrings === undefined ? "" : `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`,
    parts.styles === undefined ? "" : `<Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/>`,
  ].join("");
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${parts.sheetName ?? "Sheet1"}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${parts.worksheet}</worksheet>`);
  if (parts.sharedStrings !== undefined) zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${parts.sharedStrings}</sst>`);
  if (parts.styles !== undefined) zip.file("xl/styles.xml", parts.styles);
  return zip.generateAsync({ type: "uint8array", compression: parts.deflate ? "DEFLATE" : "STORE", compressionOptions: { level: 9 } });
}
