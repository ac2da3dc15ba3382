/** A small read-only element tree built with a conforming, namespace-aware XML parser (saxes). */
import { SaxesParser, type SaxesTagNS } from "saxes";

const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

export interface XmlElement {
  /** Local name without prefix, e.g. "Image" for `<bt:Image>`. */
  name: string;
  namespace: string;
  /** Attributes by local name (`xsi:type` is under "type"). */
  attributes: Record<string, string>;
  /** Local part of `xsi:type`, e.g. "Button" for `xsi:type="Button"`. */
  xsiType?: string;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
  /** One-based line of the start tag. */
  line: number;
}

function localPart(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(":") + 1);
}

function toElement(tag: SaxesTagNS, line: number, parent?: XmlElement): XmlElement {
  const attributes: Record<string, string> = {};
  let xsiType: string | undefined;
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.uri === XSI_NAMESPACE && attribute.local === "type") xsiType = localPart(attribute.value);
    else if (attribute.prefix !== "xmlns" && attribute.name !== "xmlns") attributes[attribute.local] = attribute.value;
  }
  return { name: tag.local, namespace: tag.uri, attributes, xsiType, children: [], text: "", parent, line };
}

/** Parses a whole document; throws an Error with the line number when the XML is not well formed. */
export function parseXml(xmlText: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("opentag", (tag) => {
    const parent = open[open.length - 1];
    const element = toElement(tag, parser.line, parent);
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  });
  parser.on("text", (text) => {
    const current = open[open.length - 1];
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    const closed = open.pop();
    if (closed) closed.text = closed.text.trim();
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xmlText).close();
  if (!root) throw new Error("The document has no root element");
  return root;
}

export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** "OfficeApp > VersionOverrides > Hosts > Host" style path, for messages. */
export function describePath(element: XmlElement): string {
  const names: string[] = [];
  for (let node: XmlElement | undefined = element; node; node = node.parent) {
    names.unshift(node.xsiType ? `${node.name}[${node.xsiType}]` : node.name);
  }
  return names.join(" > ");
}
