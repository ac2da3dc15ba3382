/**
 * The little XML the chart parts need: escaping for writing, and a tokenizer-based reader that builds
 * an element tree with source offsets (so an element can be inserted between existing siblings
 * without re-serialising a part exceljs wrote). Handles what OOXML parts contain: elements,
 * quoted attributes, text, entities, comments, CDATA and processing instructions (no DOCTYPE).
 */

export interface XmlElement {
  /** Qualified name as written, e.g. "c:barChart". */
  name: string;
  /** Name without its prefix, e.g. "barChart". */
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Offsets in the source: start of the start tag, end of the end tag (exclusive). */
  start: number;
  end: number;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch] as string);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|\w+);/g;

function entityText(whole: string, ref: string): string {
  if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
  if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
  return NAMED_ENTITIES[ref] ?? whole;
}

/** Every cell, formula and attribute read passes through here: text without "&" is returned as it is. */
export function unescapeXml(text: string): string {
  return text.includes("&") ? text.replace(ENTITY, entityText) : text;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

function element(name: string, rawAttributes: string, start: number): XmlElement {
  const attributes: Record<string, string> = {};
  for (const m of rawAttributes.matchAll(ATTRIBUTE)) attributes[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  return { name, local: localName(name), attributes, children: [], text: "", start, end: start };
}

/** Parses a whole part; throws on mismatched tags so a damaged part is never half-read. */
export function parseXml(source: string): XmlElement {
  const root = element("#document", "", 0);
  const open: XmlElement[] = [root];
  for (const m of source.matchAll(TOKEN)) {
    const [whole, cdata, closing, name, rawAttributes, selfClosing, text] = m;
    const at = m.index ?? 0;
    const parent = open[open.length - 1];
    if (text !== undefined) parent.text += unescapeXml(text);
    else if (cdata !== undefined) parent.text += cdata;
    else if (name === undefined) continue;
    else if (closing) {
      if (parent.name !== name) throw new Error(`Malformed XML: </${name}> closes <${parent.name}>`);
      parent.end = at + whole.length;
      open.pop();
    } else {
      const child = element(name, rawAttributes ?? "", at);
      parent.children.push(child);
      if (selfClosing) child.end = at + whole.length;
      else open.push(child);
    }
  }
  if (open.length !== 1) throw new Error(`Malformed XML: <${open[open.length - 1].name}> is not closed`);
  const documentElement = root.children[0];
  if (!documentElement) throw new Error("Malformed XML: no document element");
  return documentElement;
}

export function child(parent: XmlElement | undefined, local: string): XmlElement | undefined {
  return parent?.children.find((c) => c.local === local);
}

export function childrenNamed(parent: XmlElement | undefined, local: string): XmlElement[] {
  return parent?.children.filter((c) => c.local === local) ?? [];
}

/** Follows a path of local names, e.g. path(chart, "plotArea", "barChart"). */
export function path(from: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  return locals.reduce<XmlElement | undefined>((node, local) => child(node, local), from);
}

/** The `val` attribute of a child such as <c:barDir val="col"/>. */
export function valOf(parent: XmlElement | undefined, local: string): string | undefined {
  return child(parent, local)?.attributes.val;
}

/** All text under an element, in document order (e.g. the runs of a rich-text title). */
export function deepText(node: XmlElement | undefined): string {
  if (!node) return "";
  if (node.local === "t" || node.children.length === 0) return node.text;
  if (node.local === "rich") return childrenNamed(node, "p").map(deepText).join("\n");
  return node.children.map(deepText).join("");
}

/** Value of the xmlns declaration for a prefix on an element ("" prefix = default namespace). */
export function prefixFor(node: XmlElement, namespace: string): string | undefined {
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value !== namespace) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return name.slice(6);
  }
  return undefined;
}
