/** Every URL the manifest declares must be an absolute https URL. */
import { descendants, type XmlElement } from "./xmlTree";
import type { Problem } from "./problem";

/** Elements whose DefaultValue (and Override Value) is a URL. */
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image"]);

interface DeclaredUrl {
  url: string;
  element: XmlElement;
}

function declaredUrls(root: XmlElement): DeclaredUrl[] {
  const urls: DeclaredUrl[] = [];
  for (const element of descendants(root)) {
    if (element.name === "AppDomain") urls.push({ url: element.text, element });
    const isOverride = element.name === "Override";
    const owner = isOverride ? element.parent : element;
    const value = isOverride ? element.attributes.Value : element.attributes.DefaultValue;
    if (value === undefined) continue;
    // Anything else that looks like a URL is held to the same rule.
    if (URL_ELEMENTS.has(owner?.name ?? "") || /^[a-z][\w+.-]*:\/\//i.test(value)) urls.push({ url: value, element });
  }
  return urls;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}

export function checkUrls(root: XmlElement): Problem[] {
  return declaredUrls(root)
    .filter(({ url }) => !isHttpsUrl(url))
    .map(({ url, element }) => ({ rule: "url", message: `<${element.name}> URL "${url}" is not an absolute https URL`, line: element.line }));
}
