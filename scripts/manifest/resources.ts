/** Resource ids: every resid must name a defined resource of the right kind, and ids are unique. */
import { childNamed, descendants, type XmlElement } from "./xmlTree";
import type { Problem } from "./problem";

export type ResourceKind = "image" | "url" | "shortString" | "longString";

export interface ResourceDefinition {
  id: string;
  kind: ResourceKind;
  value: string;
  element: XmlElement;
}

const KIND_BY_COLLECTION: Record<string, ResourceKind> = {
  Images: "image",
  Urls: "url",
  ShortStrings: "shortString",
  LongStrings: "longString",
};

/** The schema limits resource ids (and resid references) to 32 characters. */
const MAX_RESID_LENGTH = 32;

export function resourceDefinitions(root: XmlElement): ResourceDefinition[] {
  const versionOverrides = childNamed(root, "VersionOverrides");
  const resources = versionOverrides && childNamed(versionOverrides, "Resources");
  if (!resources) return [];
  return resources.children.flatMap((collection) => {
    const kind = KIND_BY_COLLECTION[collection.name];
    if (!kind) return [];
    return collection.children.map((element) => ({
      id: element.attributes.id ?? "",
      kind,
      value: element.attributes.DefaultValue ?? "",
      element,
    }));
  });
}

/** What kind of resource a resid on this element must name. */
function expectedKind(element: XmlElement): ResourceKind {
  if (element.name === "Image") return "image";
  if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(element.name)) return "url";
  if (element.name === "Description") return "longString";
  return "shortString";
}

export function checkResources(root: XmlElement): Problem[] {
  const problems: Problem[] = [];
  const definitions = new Map<string, ResourceDefinition>();
  for (const definition of resourceDefinitions(root)) {
    if (!definition.id) {
      problems.push({ rule: "resource", message: `<${definition.element.name}> in Resources has no id`, line: definition.element.line });
    } else if (definitions.has(definition.id)) {
      problems.push({ rule: "resource", message: `Resource id "${definition.id}" is defined more than once`, line: definition.element.line });
    } else {
      definitions.set(definition.id, definition);
    }
    if (definition.id.length > MAX_RESID_LENGTH) {
      problems.push({ rule: "resource", message: `Resource id "${definition.id}" is longer than ${MAX_RESID_LENGTH} characters`, line: definition.element.line });
    }
  }
  for (const element of descendants(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    const definition = definitions.get(resid);
    const wanted = expectedKind(element);
    if (!definition) {
      problems.push({ rule: "resource", message: `resid "${resid}" on <${element.name}> is not defined in Resources`, line: element.line });
    } else if (definition.kind !== wanted) {
      problems.push({
        rule: "resource",
        message: `resid "${resid}" on <${element.name}> names a ${definition.kind} resource; it needs a ${wanted}`,
        line: element.line,
      });
    }
  }
  return problems;
}
