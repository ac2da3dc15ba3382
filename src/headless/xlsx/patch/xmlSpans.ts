/**
 * Element spans in XML source: where each child element starts and ends, without building a tree.
 * Patching a part edits these spans and leaves every other byte as it was, so elements and
 * attributes the add-in does not know (extLst, x14 extensions, mc:AlternateContent) survive.
 */

export interface Span {
  /** Qualified name as written ("x:c"). */
  name: string;
  /** Name without its prefix ("c"). */
  local: string;
  /** Start of the start tag; end of the element (exclusive). */
  start: number;
  end: number;
  /** End of the start tag (exclusive); equals `end` for a self-closing element. */
  openEnd: number;
  selfClosing: boolean;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|[^<]+/gy;

const localOf = (name: string) => name.slice(name.indexOf(":") + 1);

function malformed(at: number): Error {
  return new Error(`malformed XML near offset ${at}`);
}

/** The document element. */
export function rootSpan(source: string): Span {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) {
    if (m[2] !== undefined && !m[1]) return spanFrom(source, m, m.index);
  }
  throw new Error("no root element");
}

function spanFrom(source: string, m: RegExpExecArray, start: number): Span {
  const name = m[2];
  const openEnd = start + m[0].length;
  if (m[3]) return { name, local: localOf(name), start, end: openEnd, openEnd, selfClosing: true };
  const end = closeOf(source, openEnd);
  return { name, local: localOf(name), start, end, openEnd, selfClosing: false };
}

/** End (exclusive) of the element whose content starts at `from`. */
function closeOf(source: string, from: number): number {
  let depth = 1;
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) {
    if (m[2] === undefined || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw malformed(from);
}

/** Direct child elements of `parent`, in order. */
export function childSpans(source: string, parent: Span): Span[] {
  const children: Span[] = [];
  if (parent.selfClosing) return children;
  const contentEnd = source.lastIndexOf("<", parent.end - 1);
  let at = parent.openEnd;
  while (at < contentEnd) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m || m.index !== at) throw malformed(at);
    if (m[2] !== undefined && !m[1]) {
      const span = spanFrom(source, m, at);
      children.push(span);
      at = span.end;
    } else if (m[2] !== undefined) {
      throw malformed(at);
    } else at += m[0].length;
  }
  return children;
}

export const textOf = (source: string, span: Span): string => source.slice(span.start, span.end);
export const startTagOf = (source: string, span: Span): string => source.slice(span.start, span.openEnd);
export const innerOf = (source: string, span: Span): string => (span.selfClosing ? "" : source.slice(span.openEnd, source.lastIndexOf("<", span.end - 1)));

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Raw (still escaped) attribute values of a start tag. */
export function attributesOf(startTag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const body = startTag.replace(/^<[^\s/>]+/, "");
  for (const m of body.matchAll(ATTRIBUTE)) attributes.set(m[1], m[2] ?? m[3] ?? "");
  return attributes;
}

export function attributeOf(startTag: string, name: string): string | undefined {
  return attributesOf(startTag).get(name);
}

/** The start tag with one attribute set (value already escaped), added at the end when absent, or removed when `value` is undefined. */
export function withAttribute(startTag: string, name: string, value: string | undefined): string {
  const pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (pattern.test(startTag)) return startTag.replace(pattern, value === undefined ? "" : ` ${name}="${value}"`);
  if (value === undefined) return startTag;
  const close = startTag.endsWith("/>") ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, close).trimEnd()} ${name}="${value}"${startTag.slice(close)}`;
}

/** The prefix ("x:" or "") the element names in this part carry. */
export const prefixOf = (span: Span): string => (span.name.includes(":") ? span.name.slice(0, span.name.indexOf(":") + 1) : "");

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (replacements and insertions) to `source`; at one offset a replacement goes after the insertion in front of it. */
export function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The part with `namespace` made the default namespace where the part binds it to a prefix
 * (<x:worksheet xmlns:x="…main">…<x:c>), for readers that match element names without resolving
 * namespaces (exceljs). Unchanged when the part already uses a default namespace of its own.
 */
export function withDefaultNamespace(xml: string, namespace: string): string {
  const root = rootSpan(xml);
  const tag = startTagOf(xml, root);
  const declared = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*["']${namespace.replace(/[./]/g, "\\$&")}["']`).exec(tag);
  if (!declared || /\sxmlns\s*=/.test(tag) || root.name !== `${declared[1]}:${root.local}`) return xml;
  const prefix = declared[1];
  const element = new RegExp(`<(/?)${prefix.replace(/[.-]/g, "\\$&")}:`, "g");
  return xml.slice(0, root.start) + xml.slice(root.start).replace(element, "<$1").replace(new RegExp(`xmlns:${prefix.replace(/[.-]/g, "\\$&")}(\\s*=)`), "xmlns$1");
}
