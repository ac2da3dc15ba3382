/**
 * Protection as the file holds it: each sheet's <sheetProtection> and the workbook's
 * <workbookProtection> attributes, verbatim (password hashes, salt, spin count, legacy password,
 * lockStructure). exceljs reads only part of the first and none of the second, and cannot write a
 * hash it did not make, so the package is read and patched directly.
 */
import JSZip from "jszip";
import type { HeadlessWorkbook } from "../model/workbook";

type Attributes = Record<string, string>;

const ATTRIBUTE = /([\w:]+)="([^"]*)"/g;
const attributesOf = (element: string): Attributes => Object.fromEntries([...element.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
const escapeAttribute = (value: string) => value.replace(/&(?!\w+;|#\d+;)/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const render = (tag: string, attributes: Attributes) => `<${tag}${Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join("")}/>`;
const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Sheet name → its part's path in the package, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target.replace(/^\.\//, "")}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const target = targets.get(a["r:id"] ?? "");
    if (a.name && target) parts.set(unescape(a.name), target);
  }
  return parts;
}

/** Copies the file's protection attributes into the model (after exceljs has read the rest). */
export async function readProtection(data: ArrayBuffer | Uint8Array, workbook: HeadlessWorkbook): Promise<void> {
  const zip = await JSZip.loadAsync(data);
  const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const element = /<workbookProtection\b[^>]*\/?>/.exec(book)?.[0];
  if (element) {
    const attributes = attributesOf(element);
    const locked = (v?: string) => v === "1" || v === "true";
    if (locked(attributes.lockStructure)) workbook.protection = { protected: true, fileAttributes: attributes };
    else workbook.protection = { protected: false, fileAttributes: attributes };
  }
  for (const [name, path] of await sheetParts(zip)) {
    const sheet = workbook.getSheet(name);
    if (!sheet?.protection.protected) continue;
    const xml = await zip.file(path)?.async("string");
    const found = xml && /<sheetProtection\b[^>]*\/?>/.exec(xml)?.[0];
    if (found) sheet.protection.fileAttributes = attributesOf(found);
  }
}

/**
 * Writes the model's protection back: the workbook's element as it was read (or a plain structure
 * lock set through Office.js without a password), and each sheet's element as it was read, while
 * the sheet stays protected. CT_Workbook orders workbookProtection after workbookPr (ECMA-376 18.2.27).
 */
export async function writeProtection(xlsx: Uint8Array, workbook: HeadlessWorkbook, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Uint8Array> {
  const sheetsToPatch = workbook.sheets.filter((s) => s.protection.protected && s.protection.fileAttributes);
  const { protection } = workbook;
  const bookAttributes = protection.protected ? (protection.fileAttributes ?? { lockStructure: "1" }) : protection.fileAttributes;
  if (sheetsToPatch.length === 0 && !bookAttributes) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  if (bookAttributes) {
    let book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const element = render("workbookProtection", bookAttributes);
    book = book.replace(/<workbookProtection\b[^>]*\/>/, "");
    book = /<workbookPr\b[^>]*\/>/.test(book)
      ? book.replace(/(<workbookPr\b[^>]*\/>)/, `$1${element}`)
      : book.replace(/(<bookViews\b|<sheets\b)/, `${element}$1`);
    zip.file("xl/workbook.xml", book);
  }
  const parts = await sheetParts(zip);
  for (const sheet of sheetsToPatch) {
    const path = parts.get(sheet.name);
    const xml = path && (await zip.file(path)?.async("string"));
    if (!path || !xml) continue;
    zip.file(path, xml.replace(/<sheetProtection\b[^>]*\/>/, render("sheetProtection", sheet.protection.fileAttributes!)));
  }
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression }));
}
