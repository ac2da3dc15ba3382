/**
 * Child order and required children, transcribed from the xs:sequence definitions of the Office
 * add-in manifest schemas (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd,
 * OfficeAppBasicTypesV1_0.xsd) for every element a task pane add-in with commands and custom
 * functions uses. Extended types list their base type's children first, as the XSD does.
 */
import { describePath, type XmlElement } from "./xmlTree";
import type { Problem } from "./problem";

interface Slot {
  name: string;
  min: number;
  max: number;
}

const one = (name: string): Slot => ({ name, min: 1, max: 1 });
const optional = (name: string): Slot => ({ name, min: 0, max: 1 });
const oneOrMore = (name: string): Slot => ({ name, min: 1, max: Infinity });
const any = (name: string): Slot => ({ name, min: 0, max: Infinity });

const overridable = [any("Override")];
const sourceLocationOnly = [one("SourceLocation")];
const requirements = [optional("Sets"), optional("Methods")];
const controlBase = [one("Label"), one("Supertip"), one("Icon")];

/**
 * Keys, most specific first: "Parent>Name[xsi:type]", "Name[xsi:type]", "Parent>Name", "Name".
 * An element with no rule must have no child elements.
 */
const SEQUENCES: Record<string, Slot[]> = {
  "OfficeApp[TaskPaneApp]": [
    one("Id"),
    optional("AlternateId"),
    one("Version"),
    one("ProviderName"),
    one("DefaultLocale"),
    one("DisplayName"),
    one("Description"),
    // Optional in the XSD; the Office Store requires both icons and a support URL.
    one("IconUrl"),
    one("HighResolutionIconUrl"),
    one("SupportUrl"),
    optional("AppDomains"),
    optional("Hosts"),
    optional("Requirements"),
    one("DefaultSettings"),
    one("Permissions"),
    optional("Dictionary"),
    optional("VersionOverrides"),
    optional("ExtendedOverrides"),
  ],
  "OfficeApp>DisplayName": overridable,
  "OfficeApp>Description": overridable,
  "OfficeApp>IconUrl": overridable,
  "OfficeApp>HighResolutionIconUrl": overridable,
  "OfficeApp>SupportUrl": overridable,
  AppDomains: [any("AppDomain")],
  "OfficeApp>Hosts": [oneOrMore("Host")],
  Requirements: requirements,
  Sets: [oneOrMore("Set")],
  Methods: [oneOrMore("Method")],
  DefaultSettings: [one("SourceLocation"), optional("RequestedWidth"), optional("RequestedHeight")],
  "DefaultSettings>SourceLocation": overridable,

  "VersionOverrides[VersionOverridesV1_0]": [
    optional("Description"),
    optional("Requirements"),
    optional("Hosts"),
    optional("Resources"),
    optional("WebApplicationInfo"),
    optional("EquivalentAddins"),
    optional("VersionOverrides"),
  ],
  "VersionOverrides>Hosts": [oneOrMore("Host")],
  "Hosts>Host[Workbook]": [optional("Runtimes"), optional("AllFormFactors"), optional("DesktopFormFactor")],
  Runtimes: [oneOrMore("Runtime")],
  Runtime: [optional("Override")],
  AllFormFactors: [optional("ExtensionPoint")],
  DesktopFormFactor: [optional("GetStarted"), optional("FunctionFile"), oneOrMore("ExtensionPoint")],
  GetStarted: [one("Title"), one("Description"), one("LearnMoreUrl")],
  "ExtensionPoint[CustomFunctions]": [one("Script"), one("Page"), optional("Metadata"), optional("Namespace")],
  Script: sourceLocationOnly,
  Page: sourceLocationOnly,
  Metadata: sourceLocationOnly,
  "ExtensionPoint[PrimaryCommandSurface]": [any("OfficeTab"), any("CustomTab")],
  "ExtensionPoint[ContextMenu]": [oneOrMore("OfficeMenu")],
  OfficeTab: [oneOrMore("Group")],
  CustomTab: [oneOrMore("Group"), one("Label")],
  OfficeMenu: [oneOrMore("Control")],
  Group: [one("Label"), one("Icon"), oneOrMore("Control")],
  Icon: [oneOrMore("Image")],
  "Control[Button]": [...controlBase, one("Action")],
  "Control[Menu]": [...controlBase, one("Items")],
  Items: [oneOrMore("Item")],
  Item: [one("Label"), one("Supertip"), optional("Icon"), one("Action")],
  Supertip: [one("Title"), one("Description")],
  "Action[ShowTaskpane]": [optional("TaskpaneId"), one("SourceLocation"), optional("Title")],
  "Action[ExecuteFunction]": [one("FunctionName")],

  Resources: [optional("Images"), optional("Urls"), optional("ShortStrings"), optional("LongStrings")],
  Images: [oneOrMore("Image")],
  Urls: [oneOrMore("Url")],
  ShortStrings: [oneOrMore("String")],
  LongStrings: [oneOrMore("String")],
  "Images>Image": overridable,
  "Urls>Url": overridable,
  "ShortStrings>String": overridable,
  "LongStrings>String": overridable,
};

/** Elements that only mean something with an xsi:type; an unknown type is a problem of its own. */
const TYPED_ELEMENTS = new Set(["ExtensionPoint", "Control", "Action"]);

function sequenceFor(element: XmlElement): Slot[] | undefined {
  const parentName = element.parent?.name ?? "";
  const typed = element.xsiType ? `[${element.xsiType}]` : "";
  const keys = [`${parentName}>${element.name}${typed}`, `${element.name}${typed}`, `${parentName}>${element.name}`, element.name];
  for (const key of keys) {
    const sequence = SEQUENCES[key];
    if (sequence) return sequence;
  }
  return undefined;
}

function checkSequence(element: XmlElement, sequence: Slot[]): Problem[] {
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  const where = describePath(element);
  let position = 0;
  for (const child of element.children) {
    const index = sequence.findIndex((slot, i) => i >= position && slot.name === child.name);
    if (index === -1) {
      const earlier = sequence.findIndex((slot) => slot.name === child.name);
      const message =
        earlier === -1
          ? `<${child.name}> is not a valid child of ${where}`
          : `<${child.name}> is out of order in ${where}: it must come before <${sequence[position].name}>`;
      problems.push({ rule: "order", message, line: child.line });
      // Counted anyway, so a misplaced required child is not also reported as missing.
      counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
      continue;
    }
    position = index;
    const count = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, count);
    if (count > sequence[index].max) {
      problems.push({ rule: "order", message: `${where} has more than ${sequence[index].max} <${child.name}>`, line: child.line });
    }
  }
  for (const slot of sequence) {
    if ((counts.get(slot.name) ?? 0) < slot.min) {
      problems.push({ rule: "order", message: `${where} is missing required <${slot.name}>`, line: element.line });
    }
  }
  return problems;
}

/** Checks the element and every descendant against the schema sequences. */
export function checkElementOrder(element: XmlElement): Problem[] {
  const sequence = sequenceFor(element);
  const problems: Problem[] = [];
  if (!sequence && TYPED_ELEMENTS.has(element.name)) {
    problems.push({ rule: "order", message: `${describePath(element)} has an unknown or missing xsi:type`, line: element.line });
  } else if (sequence) {
    problems.push(...checkSequence(element, sequence));
  } else if (element.children.length > 0) {
    problems.push({
      rule: "order",
      message: `<${element.children[0].name}> is not a valid child of ${describePath(element)}`,
      line: element.children[0].line,
    });
  }
  for (const child of element.children) problems.push(...checkElementOrder(child));
  return problems;
}
