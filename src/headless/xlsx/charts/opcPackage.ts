/**
 * The Open Packaging Conventions side of an .xlsx: parts in a zip, their relationships and content
 * types, and which worksheet part holds which sheet.
 */
import JSZip from "jszip";
import { child, childrenNamed, escapeXml, parseXml } from "./xml";

export const RELATIONSHIP_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface Relationship {
  id: string;
  type: string;
  /** Absolute part path inside the package, without a leading slash ("xl/drawings/drawing1.xml"). */
  target: string;
  external: boolean;
}

export const folderOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);

/** "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml". */
export const relsPathOf = (part: string): string => `${folderOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

function normalise(path: string): string {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

export function resolveTarget(sourcePart: string, target: string): string {
  return target.startsWith("/") ? normalise(target) : normalise(folderOf(sourcePart) + target);
}

export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = folderOf(sourcePart).split("/").filter(Boolean);
  const to = targetPart.split("/");
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => ".."), ...to.slice(shared)].join("/");
}

export class XlsxPackage {
  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  static of(zip: JSZip): XlsxPackage {
    return new XlsxPackage(zip);
  }

  partNames(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name].dir);
  }

  remove(part: string): void {
    this.zip.remove(part);
  }

  /** Removes one relationship of `part` by id (the target part is left to the caller). */
  async removeRelationship(part: string, id: string): Promise<void> {
    const relsPath = relsPathOf(part);
    if (!this.has(relsPath)) return;
    const source = await this.text(relsPath);
    const pattern = new RegExp(`<Relationship\\b[^>]*\\bId="${id.replace(/[^\w-]/g, "")}"[^>]*/>`);
    this.set(relsPath, source.replace(pattern, ""));
  }

  async removeContentTypeOverride(part: string): Promise<void> {
    const source = await this.text("[Content_Types].xml");
    this.set("[Content_Types].xml", source.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), ""));
  }

  /** The workbook part the package's root relationship names. */
  async workbookPart(): Promise<string> {
    return (await this.relationships("")).find((rel) => rel.type === RELATIONSHIP_TYPES.officeDocument)?.target ?? "xl/workbook.xml";
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  async text(part: string): Promise<string> {
    const file = this.zip.file(part);
    if (!file) throw new Error(`The package has no part ${part}`);
    return file.async("string");
  }

  set(part: string, text: string): void {
    this.zip.file(part, text, { createFolders: false });
  }

  async bytes(): Promise<Uint8Array> {
    // Parts that were not changed keep their compressed bytes: JSZip reuses them as read.
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  /** The first free "xl/charts/chartN.xml"-style name, counting parts already in the package. */
  freePartName(folder: string, stem: string, taken: Set<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const candidate = `${folder}/${stem}${n}.xml`;
      if (!this.has(candidate) && !taken.has(candidate)) return candidate;
    }
  }

  async relationships(part: string): Promise<Relationship[]> {
    const relsPath = relsPathOf(part);
    if (!this.has(relsPath)) return [];
    return childrenNamed(parseXml(await this.text(relsPath)), "Relationship").map((rel) => {
      const external = rel.attributes.TargetMode === "External";
      return {
        id: rel.attributes.Id,
        type: rel.attributes.Type,
        target: external ? rel.attributes.Target : resolveTarget(part, rel.attributes.Target),
        external,
      };
    });
  }

  /** Adds a relationship from one part to another and returns its new id. */
  async addRelationship(part: string, type: string, targetPart: string): Promise<string> {
    const relsPath = relsPathOf(part);
    const existing = this.has(relsPath) ? await this.text(relsPath) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}"></Relationships>`;
    const root = parseXml(existing);
    const used = new Set(childrenNamed(root, "Relationship").map((rel) => rel.attributes.Id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const entry = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
    this.set(relsPath, insertBeforeClosingTag(existing, root.end, entry));
    return id;
  }

  async addContentTypeOverride(part: string, contentType: string): Promise<void> {
    const source = await this.text("[Content_Types].xml");
    const root = parseXml(source);
    if (childrenNamed(root, "Override").some((o) => o.attributes.PartName === `/${part}`)) return;
    this.set("[Content_Types].xml", insertBeforeClosingTag(source, root.end, `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`));
  }

  /** Worksheet part path by sheet name, in workbook order. */
  async worksheetParts(): Promise<Map<string, string>> {
    const workbookPart = (await this.relationships("")).find((rel) => rel.type === RELATIONSHIP_TYPES.officeDocument)?.target ?? "xl/workbook.xml";
    const targets = new Map((await this.relationships(workbookPart)).map((rel) => [rel.id, rel.target]));
    const sheets = childrenNamed(child(parseXml(await this.text(workbookPart)), "sheets"), "sheet");
    const parts = new Map<string, string>();
    for (const sheet of sheets) {
      const relId = Object.entries(sheet.attributes).find(([name]) => name === "r:id" || name.endsWith(":id"))?.[1];
      const target = relId && targets.get(relId);
      if (target) parts.set(sheet.attributes.name, target);
    }
    return parts;
  }
}

/** Inserts markup just before the end tag that finishes at `end` (or expands a self-closing root). */
export function insertBeforeClosingTag(source: string, end: number, markup: string): string {
  const tagStart = source.lastIndexOf("<", end - 1);
  const tag = source.slice(tagStart, end);
  if (tag.endsWith("/>")) {
    const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? "";
    return `${source.slice(0, tagStart)}${tag.slice(0, -2)}>${markup}</${name}>${source.slice(end)}`;
  }
  return source.slice(0, tagStart) + markup + source.slice(tagStart);
}
