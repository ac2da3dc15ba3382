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

/**
 * The XML tokens a part is read as, one at a time: a comment, a processing instruction, CDATA, a
 * DOCTYPE, a tag (start, end or self-closing, with quoted attributes), or a run of text. Scanned by
 * hand with exactly the acceptance of the pattern
 * <!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|[^<]+
 * matched sticky at the offset (a regex match per token was most of reading a register's 60 MB
 * <sheetData>, and it was read several times over in one save).
 */
interface Token {
  /** End of the token (exclusive). */
  end: number;
  /** Offsets of the tag's name; nameStart is -1 for a token that is not a tag. */
  nameStart: number;
  nameEnd: number;
  closing: boolean;
  selfClosing: boolean;
}

/** The one token object the scanner fills (no allocation per token). */
const token: Token = { end: 0, nameStart: -1, nameEnd: -1, closing: false, selfClosing: false };

/** JavaScript's \s: what the pattern's whitespace matches. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const isNameStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isNameChar = (code: number): boolean => isNameStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 58 || code === 45;

function skipSpaces(source: string, at: number): number {
  while (at < source.length && isSpace(source.charCodeAt(at))) at++;
  return at;
}

function skipName(source: string, at: number): number {
  while (at < source.length && isNameChar(source.charCodeAt(at))) at++;
  return at;
}

/** Fills `token` with the token starting at `at`; false when none does (malformed markup, or the end). */
function scan(source: string, at: number): boolean {
  token.nameStart = -1;
  if (at >= source.length) return false;
  if (source.charCodeAt(at) !== 60 /* < */) {
    const next = source.indexOf("<", at);
    token.end = next < 0 ? source.length : next;
    return true;
  }
  if (source.startsWith("<!--", at)) return delimited(source, at + 4, "-->");
  if (source.startsWith("<?", at)) return delimited(source, at + 2, "?>");
  if (source.startsWith("<![CDATA[", at)) return delimited(source, at + 9, "]]>");
  if (source.startsWith("<!DOCTYPE", at)) return delimited(source, at + 9, ">");
  let q = at + 1;
  const closing = source.charCodeAt(q) === 47; /* / */
  if (closing) q++;
  if (!isNameStart(source.charCodeAt(q))) return false;
  const nameStart = q;
  q = skipName(source, q + 1);
  const nameEnd = q;
  for (;;) {
    // One more attribute: whitespace, a name, =, a quoted value; anything short of that ends the list.
    let r = q;
    if (!isSpace(source.charCodeAt(r))) break;
    r = skipSpaces(source, r);
    if (!isNameStart(source.charCodeAt(r))) break;
    r = skipSpaces(source, skipName(source, r + 1));
    if (source.charCodeAt(r) !== 61 /* = */) break;
    r = skipSpaces(source, r + 1);
    const quote = source[r];
    if (quote !== '"' && quote !== "'") break;
    const close = source.indexOf(quote, r + 1);
    if (close < 0) break;
    q = close + 1;
  }
  q = skipSpaces(source, q);
  const selfClosing = source.charCodeAt(q) === 47;
  if (selfClosing) q++;
  if (source.charCodeAt(q) !== 62 /* > */) return false;
  token.end = q + 1;
  token.nameStart = nameStart;
  token.nameEnd = nameEnd;
  token.closing = closing;
  token.selfClosing = selfClosing;
  return true;
}

function delimited(source: string, from: number, terminator: string): boolean {
  const at = source.indexOf(terminator, from);
  if (at < 0) return false;
  token.end = at + terminator.length;
  return true;
}

const localOf = (name: string) => name.slice(name.indexOf(":") + 1);

function malformed(at: number): Error {
  return new Error(`malformed XML near offset ${at}`);
}

/** The document element. */
export function rootSpan(source: string): Span {
  for (let at = 0; scan(source, at); at = token.end) {
    if (token.nameStart >= 0 && !token.closing) return spanFrom(source, at);
  }
  throw new Error("no root element");
}

/** The element whose start tag `token` holds, at `start`. */
function spanFrom(source: string, start: number): Span {
  const name = source.slice(token.nameStart, token.nameEnd);
  const openEnd = token.end;
  if (token.selfClosing) return { name, local: localOf(name), start, end: openEnd, openEnd, selfClosing: true };
  const end = closeOf(source, openEnd);
  return { name, local: localOf(name), start, end, openEnd, selfClosing: false };
}

/** End (exclusive) of the element whose content starts at `from`. */
function closeOf(source: string, from: number): number {
  let depth = 1;
  for (let at = from; scan(source, at); at = token.end) {
    if (token.nameStart < 0 || token.selfClosing) continue;
    depth += token.closing ? -1 : 1;
    if (depth === 0) return token.end;
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
    if (!scan(source, at)) throw malformed(at);
    if (token.nameStart >= 0 && !token.closing) {
      const span = spanFrom(source, at);
      children.push(span);
      at = span.end;
    } else if (token.nameStart >= 0) {
      throw malformed(at);
    } else at = token.end;
  }
  return children;
}

/**
 * Direct children of `parent`, each with its own direct children, in one pass over the markup
 * (childSpans on each child reads every grandchild's markup twice more: on a register's 60 MB
 * <sheetData> that was most of a save). Null when the markup is not balanced inside `parent`:
 * the caller then takes the element-by-element path, which says what is wrong where.
 */
export function childSpansWithChildren(source: string, parent: Span): Array<{ span: Span; children: Span[] }> | null {
  const out: Array<{ span: Span; children: Span[] }> = [];
  if (parent.selfClosing) return out;
  const contentEnd = source.lastIndexOf("<", parent.end - 1);
  const open: Array<{ name: string; start: number; openEnd: number; children: Span[] }> = [];
  let at = parent.openEnd;
  while (at < contentEnd) {
    if (!scan(source, at)) return null;
    const end = token.end;
    if (token.nameStart >= 0 && !token.closing) {
      const name = source.slice(token.nameStart, token.nameEnd);
      if (token.selfClosing) {
        const span: Span = { name, local: localOf(name), start: at, end, openEnd: end, selfClosing: true };
        if (open.length === 0) out.push({ span, children: [] });
        else if (open.length === 1) open[0].children.push(span);
      } else open.push({ name, start: at, openEnd: end, children: [] });
    } else if (token.nameStart >= 0) {
      const element = open.pop();
      if (!element) return null;
      const span: Span = { name: element.name, local: localOf(element.name), start: element.start, end, openEnd: element.openEnd, selfClosing: false };
      if (open.length === 0) out.push({ span, children: element.children });
      else if (open.length === 1) open[0].children.push(span);
    }
    at = end;
  }
  return open.length === 0 ? out : null;
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
